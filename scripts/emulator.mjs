#!/usr/bin/env node
// `npm run emulator [-- --reset]`: bundles cloud/emulator/main.ts into .cache/emulator.cjs, then runs it in
// this process. The functions run on the REAL wx-server-sdk (required from node_modules, like on WeChat
// Cloud), which the emulator answers as the CloudBase stand-in. See cloud/emulator/main.ts.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(ROOT, '.cache/emulator.cjs');

try {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['cloud/emulator/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    // Kept as runtime requires from node_modules: the real SDK as deployed functions get it, and the
    // stand-in's store and image libraries (no need to bundle).
    external: ['wx-server-sdk', '@seald-io/nedb', 'pngjs', 'qrcode-generator'],
  });
} catch {
  // esbuild has already printed the errors with their locations.
  console.error('emulator: the build of cloud/emulator/main.ts failed (see above)');
  process.exit(1);
}

// Source maps make stack traces from handlers point at the .ts files.
process.setSourceMapsEnabled?.(true);
const { main } = createRequire(import.meta.url)(outfile);
await main(process.argv.slice(2)).catch((e) => {
  console.error('Emulator failed to start:', e);
  process.exit(1);
});
