#!/usr/bin/env node
// `npm start`: the whole app on this machine.
//   1. starts the emulator (seed data kept; --reset starts from fresh seed data; --empty from an empty database
//      with no seed, printing the one-time setup code of the first super admin) on $EMULATOR_PORT (default 9870),
//   2. builds the H5 app into dist-h5/ and serves it on http://127.0.0.1:$PORT (default 10086), pointed at the
//      emulator; with --watch, Taro's dev server serves it instead (rebuilds on change, from memory),
//   3. builds the weapp into dist/ for WeChat DevTools (open this folder; project.config.json names dist/).
// Ctrl-C stops everything it started.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './lib/static-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARO = path.join(ROOT, 'node_modules/.bin/taro');
const args = process.argv.slice(2);
const watch = args.includes('--watch');
const reset = args.includes('--reset');
const empty = args.includes('--empty');
/** The emulator's 超级管理员设置码 line, repeated after the build output so it is not lost in it. */
let setupCodeLine = '';
const port = Number(process.env.PORT || 10086);
const emulatorPort = process.env.EMULATOR_PORT || '9870';

const children = new Set();
let server;
let stopping = false;

function start(cmd, argv, { env = process.env, onLine } = {}) {
  const child = spawn(cmd, argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const relay = (stream, out) => {
    let buf = '';
    stream.on('data', (chunk) => {
      out.write(chunk);
      if (!onLine) return;
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop();
      lines.forEach(onLine);
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  const exited = new Promise((resolve) => child.on('exit', (code) => (children.delete(child), resolve(code ?? 1))));
  return { child, exited };
}

const buildEnv = () => {
  const env = { ...process.env };
  delete env.NODE_ENV;
  return env;
};

/** Resolves when the build finished (once) or first compiled (--watch). */
function taroBuild(type, extraEnv = {}) {
  const env = { ...buildEnv(), ...extraEnv };
  if (!watch) return start(TARO, ['build', '--type', type], { env }).exited;
  return new Promise((resolve) => {
    const { exited } = start(TARO, ['build', '--type', type, '--watch'], {
      env,
      onLine: (line) => /Compiled successfully|compiled successfully|监听文件修改中/.test(line) && resolve(0),
    });
    exited.then(resolve);
  });
}

function startEmulator() {
  if (!fs.existsSync(path.join(ROOT, 'scripts/emulator.mjs'))) {
    console.warn('start: scripts/emulator.mjs not found; the app will run without its cloud layer');
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const flags = [...(reset ? ['--reset'] : []), ...(empty ? ['--empty'] : [])];
    const { exited } = start(process.execPath, ['scripts/emulator.mjs', ...flags], {
      env: { ...process.env, EMULATOR_PORT: emulatorPort },
      onLine: (line) => {
        if (line.includes('超级管理员设置码')) setupCodeLine = line.trim();
        const m = line.match(/Emulator ready at (http:\/\/\S+)/);
        if (m) resolve(m[1]);
      },
    });
    exited.then((code) => reject(new Error(`emulator exited (${code}) before it was ready`)));
  });
}

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await server?.close();
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  await Promise.all([...children].map((c) => new Promise((r) => c.once('exit', r))));
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  // The emulator URL is known before it is up, so a --watch build can have it compiled in as the default.
  const plannedEmulator = `http://127.0.0.1:${emulatorPort}`;
  const [h5, emulatorUrl] = await Promise.all([
    taroBuild('h5', watch ? { TARO_APP_EMULATOR_URL: plannedEmulator, PORT: String(port) } : {}),
    startEmulator(),
  ]);
  if (h5 !== 0) throw new Error('H5 build failed');
  const emulatorNote = emulatorUrl ? `  (emulator ${emulatorUrl})` : '';
  if (watch) {
    console.log(`\nApp ready at http://127.0.0.1:${port}/${emulatorNote} (dev server, rebuilds on change)`);
  } else {
    const injectHead = emulatorUrl ? `<script>window.__EMULATOR_URL__=${JSON.stringify(emulatorUrl)}</script>` : '';
    const root = path.join(ROOT, 'dist-h5');
    server = await startStaticServer({ root, port, injectHead }).catch(() =>
      startStaticServer({ root, port: 0, injectHead }),
    );
    console.log(`\nApp ready at ${server.url}${emulatorNote}`);
  }
  if (setupCodeLine) console.log(`${setupCodeLine}\n（在小程序 我的 → 初始设置 输入，成为超级管理员；用后作废）`);
  console.log('Building the weapp into dist/ for WeChat DevTools...');
  const weapp = await taroBuild('weapp');
  console.log(
    weapp === 0
      ? `Weapp ready in dist/ (open ${ROOT} in WeChat DevTools). Ctrl-C to stop.`
      : 'Weapp build failed (the H5 app keeps running).',
  );
} catch (err) {
  console.error(`start: ${err.message}`);
  await stop(1);
}
