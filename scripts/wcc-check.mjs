#!/usr/bin/env node
// Compiles every .wxml (with wcc) and .wxss (with wcsc) in dist/ using the real WeChat compilers shipped by
// miniprogram-compiler: an offline check that the weapp build's templates and styles are valid.
// Usage: node scripts/wcc-check.mjs [dir=dist]   Exit 1 with the compiler's message on any error.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve('miniprogram-compiler/package.json'));
const wcc = require(path.join(pkgDir, 'src/wcc.js')); // (root, filesWithoutExt, wxsFiles, opts) -> js | throws
const wcsc = require(path.join(pkgDir, 'src/wcsc.js')); // (root, filesWithoutExt, opts) -> map | returns Error

const root = path.resolve(process.argv[2] || 'dist');
if (!fs.existsSync(path.join(root, 'app.json'))) {
  console.error(`wcc-check: ${root}/app.json not found; run \`taro build --type weapp\` first`);
  process.exit(1);
}
if (process.platform === 'linux') {
  for (const bin of ['wcc', 'wcsc']) fs.chmodSync(path.join(pkgDir, 'bin/linux', bin), 0o755);
}

function list(dir, ext, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) list(p, ext, out);
    else if (e.name.endsWith(ext)) out.push(path.relative(root, p).split(path.sep).join('/'));
  }
  return out.sort();
}
const strip = (f) => f.slice(0, f.lastIndexOf('.'));

const wxml = list(root, '.wxml');
const wxs = list(root, '.wxs');
const wxss = list(root, '.wxss');
const maxBuffer = 256 * 1024 * 1024;
let failed = false;

try {
  const js = wcc(root, wxml.map(strip), wxs, { maxBuffer });
  // The output must at least be valid JavaScript defining $gwx.
  new Function('global', `${js}; return $gwx;`);
} catch (err) {
  failed = true;
  console.error(`wcc: ${err.message}`);
}

const res = wcsc(root, wxss.map(strip), { maxBuffer });
if (res instanceof Error) {
  failed = true;
  console.error(`wcsc: ${res.message}`);
} else {
  // Pages, components and app.wxss each get an entry; files they only @import are compiled into `comm`.
  const entries = wxss.filter((f) => f === 'app.wxss' || fs.existsSync(path.join(root, `${strip(f)}.json`)));
  const missing = entries.filter((f) => !(f in res));
  if (missing.length) {
    failed = true;
    console.error(`wcsc: no output for ${missing.join(', ')}`);
  }
}

console.log(
  `wcc-check: ${wxml.length} wxml + ${wxs.length} wxs (wcc), ${wxss.length} wxss (wcsc) in ${path.relative(process.cwd(), root) || '.'}: ${failed ? 'FAILED' : 'ok'}`,
);
process.exit(failed ? 1 : 0);
