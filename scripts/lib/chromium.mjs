#!/usr/bin/env node
// Which Chromium the browser tests and the bench drive (with playwright-core, which never downloads one):
//   1. CHROMIUM_PATH, when set;
//   2. a system Chromium or Chrome (Debian's /usr/bin/chromium, ...);
//   3. otherwise the one inside the @sparticuz/chromium package (a devDependency: `npm ci` brings it, no
//      download at run time): its brotli-packed headless shell, the NSS libraries it needs and a fontconfig
//      setup are unpacked once into <tmp>/sparticuz-chromium-<version>/ (a few seconds), then reused.
// E2E_BROWSER=bundled skips 1 and 2 (to test the fallback on a machine that has a system Chromium).
// The bundled browser sees no system fonts: Chinese comes from the web font the e2e harness injects.
//
//   import { findChromium } from './chromium.mjs';
//   const { executablePath, env, source } = await findChromium();
//   chromium.launch({ executablePath, env: { ...process.env, ...env } })
//
// `node scripts/lib/chromium.mjs` prints that object as JSON (for callers that cannot import ESM, e.g. jest).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SYSTEM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
];

const executable = (file) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/** @returns {Promise<{ executablePath: string, env: Record<string, string>, source: string }>} */
export async function findChromium({ mode = process.env.E2E_BROWSER ?? '' } = {}) {
  if (mode !== 'bundled') {
    const given = process.env.CHROMIUM_PATH;
    if (given) {
      if (!executable(given)) throw new Error(`CHROMIUM_PATH=${given} is not an executable file`);
      return { executablePath: given, env: {}, source: 'CHROMIUM_PATH' };
    }
    const system = SYSTEM.find(executable);
    if (system) return { executablePath: system, env: {}, source: 'system' };
  }
  return bundledChromium();
}

/** The @sparticuz/chromium package's folder, its bin/ holding chromium.br, al2023.tar.br, fonts.tar.br. */
function packageDir() {
  const local = path.join(ROOT, 'node_modules/@sparticuz/chromium');
  if (fs.existsSync(path.join(local, 'package.json'))) return local;
  // Its exports map hides package.json: resolve the entry (build/index.js) and go up.
  return path.resolve(path.dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..');
}

async function bundledChromium() {
  let pkg;
  try {
    pkg = packageDir();
  } catch {
    throw new Error('No Chromium: set CHROMIUM_PATH, install one, or run `npm ci` (brings @sparticuz/chromium)');
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
  const dir = path.join(os.tmpdir(), `sparticuz-chromium-${version}`);
  if (!fs.existsSync(path.join(dir, '.complete'))) await unpack(pkg, dir);
  return {
    executablePath: path.join(dir, 'chromium'),
    env: {
      // The headless shell links NSS dynamically; the package ships the libraries (Amazon Linux builds,
      // which run on any glibc distribution), so no system package is needed.
      LD_LIBRARY_PATH: [path.join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_PATH: dir,
      FONTCONFIG_FILE: path.join(dir, 'fonts.conf'),
    },
    source: `@sparticuz/chromium ${version}`,
  };
}

/** Unpacks into a private folder, then renames it into place (two processes at once: one wins, both work). */
async function unpack(pkg, dir) {
  const bin = path.join(pkg, 'bin');
  const work = `${dir}.${process.pid}.tmp`;
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  // tar-fs is @sparticuz/chromium's own dependency (it unpacks these archives the same way).
  const tar = createRequire(path.join(pkg, 'package.json'))('tar-fs');
  const untar = (name) =>
    pipeline(fs.createReadStream(path.join(bin, name)), zlib.createBrotliDecompress(), tar.extract(work));
  await Promise.all([
    pipeline(
      fs.createReadStream(path.join(bin, 'chromium.br')),
      zlib.createBrotliDecompress(),
      fs.createWriteStream(path.join(work, 'chromium'), { mode: 0o755 }),
    ),
    untar('al2023.tar.br'), // lib/: libnss3, libnspr4, libexpat, ...
    untar('fonts.tar.br'), // fonts/ (Open Sans) and a fonts.conf naming Lambda's folders
  ]);
  // Fontconfig: only the package's fonts, with its cache beside them (never the system's fonts or cache).
  fs.writeFileSync(
    path.join(work, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <dir>${path.join(dir, 'fonts')}</dir>\n  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
  );
  fs.writeFileSync(path.join(work, '.complete'), `${new Date().toISOString()}\n`);
  try {
    fs.renameSync(work, dir);
  } catch (e) {
    fs.rmSync(work, { recursive: true, force: true });
    if (!fs.existsSync(path.join(dir, '.complete'))) throw e;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await findChromium())}\n`);
}
