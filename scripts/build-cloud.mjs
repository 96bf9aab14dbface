#!/usr/bin/env node
/**
 * `npm run build:cloud`: bundles every cloud function (`cloud/functions/<name>/index.ts`) into a
 * deployable folder `cloudfunctions/<name>/` (the cloudfunctionRoot named by project.config.json):
 *   index.js      esbuild bundle: platform node, target node16 (WeChat Cloud's runtime), cjs,
 *                 everything inlined except `wx-server-sdk`, which the cloud installs
 *   package.json  { name, main, dependencies: { wx-server-sdk } }
 *   config.json   the openapi permissions the functions use
 * Secrets (QR_TOKEN_KEY_<v>, ID_HASH_KEY, template ids) are NOT bundled: set them as the function's
 * environment variables in the cloud console.
 *
 * Options: --outdir <dir> (default: cloudfunctionRoot from project.config.json), --only <name,...>
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function cloudfunctionRoot() {
  const config = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8'));
  return config.cloudfunctionRoot || 'cloudfunctions/';
}

/** The SDK major we develop against (the same typings the handlers compile with). */
function sdkRange() {
  const version = JSON.parse(readFileSync(join(root, 'node_modules/wx-server-sdk/package.json'), 'utf8')).version;
  return `~${version}`;
}

export const OPENAPI_PERMISSIONS = ['subscribeMessage.send', 'wxacode.getUnlimited'];
// Timer triggers (cron in the function's time zone: 7 fields, seconds first), matched by name in createMain's timers.
// Declared in cloud/functions/triggers.json, which the deploy (scripts/deploy) and its tests read too.
export const TRIGGERS = JSON.parse(readFileSync(join(root, 'cloud/functions/triggers.json'), 'utf8'));

export function listFunctions() {
  const dir = join(root, 'cloud/functions');
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory() && existsSync(join(dir, name, 'index.ts')))
    .sort();
}

/**
 * `deployConfig`: the deploy.config.json to bundle (template ids and field mappings, the verify link);
 * by default the one at the repository root. `npm run deploy --config <file>` builds with its own.
 */
export async function buildCloud({ outdir = resolve(root, cloudfunctionRoot()), only, deployConfig } = {}) {
  const configPlugin = deployConfig
    ? [
        {
          name: 'deploy-config',
          setup(b) {
            b.onResolve({ filter: /deploy\.config\.json$/ }, () => ({ path: resolve(deployConfig) }));
          },
        },
      ]
    : [];
  const names = listFunctions().filter((n) => !only || only.includes(n));
  if (only) for (const n of only) if (!names.includes(n)) throw new Error(`no cloud function named ${n}`);
  const range = sdkRange();
  const built = [];
  for (const name of names) {
    const dir = join(outdir, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [join(root, 'cloud/functions', name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      tsconfig: join(root, 'tsconfig.json'),
      legalComments: 'none',
      logLevel: 'warning',
      plugins: configPlugin,
      banner: {
        js: `// ${name}: built by scripts/build-cloud.mjs from cloud/functions/${name}/index.ts. Do not edit.`,
      },
    });
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': range } }, null, 2)}\n`,
    );
    writeFileSync(
      join(dir, 'config.json'),
      `${JSON.stringify({ permissions: { openapi: OPENAPI_PERMISSIONS }, ...(TRIGGERS[name] ? { triggers: TRIGGERS[name] } : {}) }, null, 2)}\n`,
    );
    built.push({ name, dir, bytes: statSync(join(dir, 'index.js')).size });
  }
  return built;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const only = arg('only')?.split(',').filter(Boolean);
  const outdir = arg('outdir') ? resolve(arg('outdir')) : undefined;
  buildCloud({ outdir, only })
    .then((built) => {
      for (const b of built)
        console.log(`  ${b.name.padEnd(12)} ${(b.bytes / 1024).toFixed(1).padStart(7)} KB  ${b.dir}`);
      console.log(`built ${built.length} cloud functions`);
    })
    .catch((e) => {
      console.error(e.message ?? e);
      process.exit(1);
    });
}
