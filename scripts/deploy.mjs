#!/usr/bin/env node
// `npm run deploy [-- options]`: bundles scripts/deploy/main.ts into .cache/deploy.cjs (Tencent's tools and
// esbuild stay runtime requires from node_modules), then runs it. Options and secrets: scripts/deploy/main.ts,
// step by step: docs/deploy.md.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(ROOT, '.cache/deploy.cjs');

try {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['scripts/deploy/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    external: ['@cloudbase/manager-node', 'miniprogram-ci', 'esbuild'],
  });
} catch {
  console.error('deploy: the build of scripts/deploy/main.ts failed (see above)');
  process.exit(1);
}
const res = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
process.exit(res.status ?? 1);
