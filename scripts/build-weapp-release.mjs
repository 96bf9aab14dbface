#!/usr/bin/env node
// `npm run build:weapp:release`: the weapp as it is uploaded, `taro build --type weapp` with UNION_RELEASE=1, so
// config/release.ts requires a CloudBase env id and a real AppID (from deploy.config.json, or TARO_APP_CLOUD_ENV /
// TARO_APP_APPID) and fails with what to set. The deploy runs the same build before its upload.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, UNION_RELEASE: '1' };
delete env.NODE_ENV; // taro build without --watch is a production build
const res = spawnSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], {
  cwd: ROOT,
  env,
  stdio: 'inherit',
});
process.exit(res.status ?? 1);
