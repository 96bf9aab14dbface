#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure:
//   lint (eslint, prettier --check, tsc) -> jest cloud+app -> weapp build -> wcc-check -> check-size -> jest weapp
//   -> h5 build -> jest e2e
// SKIP_BUILD=1 reuses an existing dist/ (and dist-h5/) instead of building. The builds run one after the other:
// each already keeps both cores busy. Ends with one line `N passed, N failed` (all jest runs).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'node_modules/.bin');
const RESULTS = path.join(ROOT, 'test-results/jest');
const skipBuild = process.env.SKIP_BUILD === '1';

const totals = { passed: 0, failed: 0 };
const timings = [];

function run(cmd, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
    child.on('error', (err) => {
      console.error(err.message);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const bin =
  (name, ...args) =>
  () =>
    run(path.join(BIN, name), args);
const node =
  (script, ...args) =>
  () =>
    run(process.execPath, [script, ...args]);

function jest(name, projects, extra = []) {
  return async () => {
    const out = path.join(RESULTS, `${name}.json`);
    fs.rmSync(out, { force: true });
    const code = await run(path.join(BIN, 'jest'), [
      '--selectProjects',
      ...projects,
      '--json',
      `--outputFile=${out}`,
      ...extra,
    ]);
    if (fs.existsSync(out)) {
      const r = JSON.parse(fs.readFileSync(out, 'utf8'));
      totals.passed += r.numPassedTests;
      totals.failed += r.numFailedTests;
      // A suite that fails to load counts no failed test: count it once so the line never says "0 failed" wrongly.
      if (code !== 0 && r.numFailedTests === 0) totals.failed += Math.max(1, r.numFailedTestSuites);
    } else if (code !== 0) {
      totals.failed += 1;
    }
    return code;
  };
}

function build(type, outDir) {
  return async () => {
    if (skipBuild && fs.existsSync(path.join(ROOT, outDir, type === 'h5' ? 'index.html' : 'app.json'))) {
      console.log(`SKIP_BUILD=1: reusing ${outDir}/`);
      return 0;
    }
    const env = { ...process.env };
    delete env.NODE_ENV; // taro build (no --watch) is a production build
    return run(path.join(BIN, 'taro'), ['build', '--type', type], env);
  };
}

const steps = [
  ['eslint', bin('eslint', '.')],
  ['prettier', bin('prettier', '--check', '.', '--log-level', 'warn')],
  ['tsc', bin('tsc', '--noEmit', '-p', 'tsconfig.json')],
  ['jest cloud+app', jest('unit', ['cloud', 'app'])],
  ['build weapp', build('weapp', 'dist')],
  ['wcc-check', node('scripts/wcc-check.mjs')],
  ['check-size', node('scripts/check-size.mjs')],
  ['jest weapp', jest('weapp', ['weapp'])],
  ['build h5', build('h5', 'dist-h5')],
  ['jest e2e', jest('e2e', ['e2e'], ['--runInBand'])],
];

fs.mkdirSync(RESULTS, { recursive: true });
const started = Date.now();
let failedStep = null;
for (const [name, fn] of steps) {
  console.log(`\n=== ${name}`);
  const t0 = Date.now();
  const code = await fn();
  const secs = (Date.now() - t0) / 1000;
  timings.push([name, secs, code]);
  console.log(`=== ${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${secs.toFixed(1)} s`);
  if (code !== 0) {
    failedStep = name;
    break;
  }
}

console.log('\nstep               time     result');
for (const [name, secs, code] of timings) {
  console.log(`${name.padEnd(18)} ${`${secs.toFixed(1)} s`.padStart(8)}  ${code === 0 ? 'ok' : 'FAILED'}`);
}
const skipped = steps.length - timings.length;
console.log(
  `total ${((Date.now() - started) / 1000).toFixed(1)} s${failedStep ? `; stopped at "${failedStep}", ${skipped} step(s) not run` : ''}`,
);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedStep ? 1 : 0);
