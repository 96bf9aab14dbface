// Bundles a TypeScript entry of bench/ into .cache/<name>.cjs (the REAL wx-server-sdk left a runtime
// require, like scripts/emulator.mjs) and runs its exported `main(argv)`; its return value is the exit code.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function bundle(entry, name) {
  const outfile = path.join(ROOT, `.cache/${name}.cjs`);
  await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['wx-server-sdk', '@seald-io/nedb', 'pngjs', 'qrcode-generator', 'playwright-core', 'esbuild'],
  });
  return outfile;
}

export async function runEntry(entry, name) {
  let outfile;
  try {
    outfile = await bundle(entry, name);
  } catch {
    console.error(`${name}: the build of ${entry} failed (see above)`);
    process.exit(1);
  }
  process.setSourceMapsEnabled?.(true);
  const { main } = createRequire(import.meta.url)(outfile);
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (e) {
    console.error(`${name} failed:`, e);
    process.exitCode = 1;
  }
}
