/**
 * `npm run deploy`: provisions the CloudBase environment and uploads the weapp, from
 * deploy.config.json (what is not secret) and environment variables (what is):
 *
 *   CLOUDBASE_SECRET_ID, CLOUDBASE_SECRET_KEY   API key of an account that administers the environment
 *   WEAPP_CI_PRIVATE_KEY (the key's text) or WEAPP_CI_PRIVATE_KEY_PATH   miniprogram-ci upload key
 *
 * Options:
 *   --dry-run          print the plan against an empty environment; no network, no key needed
 *   --plan             read the real environment and print the plan; changes nothing
 *   --init-keys        first deploy: create QR_TOKEN_KEY_1 and ID_HASH_KEY (refused if any key exists)
 *   --rotate-qr-key    add QR_TOKEN_KEY_<n+1> and sign with it; codes signed before stay valid
 *   --skip-weapp       environment only
 *   --version <v>      weapp version (default: package.json version)
 *   --desc <text>      weapp upload description (default: version and commit)
 *   --config <file>    another deploy config (default: deploy.config.json)
 */
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DeployConfig } from '../../cloud/lib/deploy-config';
import { COLLECTIONS } from '../../cloud/lib/indexes';
import type { DeployClient, TriggerSpec, WeappUploader } from './client';
import { cloudbaseClient } from './cloudbase-client';
import { MemoryEnv } from './memory-env';
import { DeployError, deploy, type BuiltFunction, type WeappRelease } from './plan';
import { weappUploader } from './weapp';

/** The repository root: where deploy.config.json is (this file runs from scripts/deploy/ or bundled in .cache/). */
function findRoot(from: string): string {
  for (let dir = from; dir !== resolve(dir, '..'); dir = resolve(dir, '..'))
    if (existsSync(join(dir, 'deploy.config.json')) && existsSync(join(dir, 'package.json'))) return dir;
  return process.cwd();
}
const ROOT = findRoot(__dirname);

export interface CliOptions {
  dryRun: boolean;
  plan: boolean;
  initKeys: boolean;
  rotateQrKey: boolean;
  skipWeapp: boolean;
  version?: string;
  desc?: string;
  config: string;
}

export function parseArgs(argv: string[]): CliOptions {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const known = [
    '--dry-run',
    '--plan',
    '--init-keys',
    '--rotate-qr-key',
    '--skip-weapp',
    '--version',
    '--desc',
    '--config',
  ];
  for (const a of argv)
    if (a.startsWith('--') && !known.includes(a))
      throw new DeployError([`unknown option ${a} (see scripts/deploy/main.ts)`]);
  return {
    dryRun: argv.includes('--dry-run'),
    plan: argv.includes('--plan'),
    initKeys: argv.includes('--init-keys'),
    rotateQrKey: argv.includes('--rotate-qr-key'),
    skipWeapp: argv.includes('--skip-weapp'),
    version: value('version'),
    desc: value('desc'),
    config: resolve(value('config') ?? join(ROOT, 'deploy.config.json')),
  };
}

/** sha256 over a built function folder (file names and bytes, sorted): equal bundles, equal hash. */
export function folderSha(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else hash.update(`${relative(dir, p)}\n`).update(readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
}

/** What the weapp is built from: the committed source and the config. Uncommitted source is refused. */
function weappRelease(opts: CliOptions, configText: string): WeappRelease {
  const paths = ['src', 'types', 'config', 'package-lock.json', 'project.config.json'];
  const dirty = git(['status', '--porcelain', '--', ...paths]);
  if (dirty && !opts.dryRun)
    throw new DeployError([`the weapp is uploaded from a commit: commit or stash these first\n${dirty}`]);
  const tree = git(['rev-parse', `HEAD:src`]) + git(['rev-parse', 'HEAD:types']) + git(['rev-parse', 'HEAD:config']);
  const version = opts.version ?? JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const fingerprint = `${version}:${createHash('sha256').update(tree).update(configText).digest('hex').slice(0, 16)}`;
  return { version, desc: opts.desc ?? `v${version} (${git(['rev-parse', '--short', 'HEAD'])})`, fingerprint };
}

export async function main(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  const opts = parseArgs(argv);
  const configText = readFileSync(opts.config, 'utf8');
  const config = JSON.parse(configText) as DeployConfig;

  log(`Building the cloud functions with ${relative(ROOT, opts.config)} …`);
  const outdir = join(ROOT, '.cache/deploy/cloudfunctions');
  // scripts/build-cloud.mjs is the same build `npm run build:cloud` runs (an ES module, loaded as it is).
  const { buildCloud, TRIGGERS } = (await import(pathToFileURL(join(ROOT, 'scripts/build-cloud.mjs')).href)) as {
    buildCloud(o: { outdir: string; deployConfig: string }): Promise<Array<{ name: string; dir: string }>>;
    TRIGGERS: Record<string, TriggerSpec[]>;
  };
  const built = await buildCloud({ outdir, deployConfig: opts.config });
  const functions: BuiltFunction[] = built.map((b) => ({
    name: b.name,
    dir: b.dir,
    sha256: folderSha(b.dir),
    triggers: (TRIGGERS[b.name] ?? []).map((t) => ({ ...t })),
  }));
  const weapp = opts.skipWeapp ? null : weappRelease(opts, configText);

  let client: DeployClient;
  let uploader: WeappUploader | null = null;
  if (opts.dryRun) {
    log('Dry run: planned against an empty environment, without network (`--plan` compares with the real one).');
    client = new MemoryEnv();
  } else {
    const secretId = process.env.CLOUDBASE_SECRET_ID ?? process.env.TENCENTCLOUD_SECRETID;
    const secretKey = process.env.CLOUDBASE_SECRET_KEY ?? process.env.TENCENTCLOUD_SECRETKEY;
    const missing: string[] = [];
    if (!secretId || !secretKey)
      missing.push(
        'CLOUDBASE_SECRET_ID and CLOUDBASE_SECRET_KEY: an API key of the account (腾讯云 → 访问管理 → API密钥)',
      );
    const ciKey = process.env.WEAPP_CI_PRIVATE_KEY;
    const ciKeyPath = process.env.WEAPP_CI_PRIVATE_KEY_PATH;
    if (weapp && !opts.plan && !ciKey && !(ciKeyPath && existsSync(ciKeyPath)))
      missing.push(
        'WEAPP_CI_PRIVATE_KEY or WEAPP_CI_PRIVATE_KEY_PATH: the code upload key (小程序后台 → 开发管理 → 开发设置 → 小程序代码上传), or --skip-weapp',
      );
    if (missing.length) throw new DeployError(missing);
    client = await cloudbaseClient({
      envId: config.envId,
      region: config.region,
      secretId: secretId!,
      secretKey: secretKey!,
      functionRoot: outdir,
    });
    if (weapp && !opts.plan) {
      const upload = await weappUploader({
        appId: config.appId,
        projectPath: ROOT,
        privateKey: ciKey,
        privateKeyPath: ciKeyPath,
        robot: config.weapp.robot,
        log,
      });
      // The release build runs only when the plan uploads, right before it: a failed build writes nothing.
      uploader = {
        async upload(release) {
          buildReleaseWeapp(config, log);
          await upload.upload(release);
        },
      };
    }
  }

  log(`Environment ${config.envId || '(envId not set)'} (${config.region}), AppID ${config.appId || '(not set)'}`);
  await deploy(
    client,
    {
      config,
      functions,
      collections: COLLECTIONS,
      weapp,
      initKeys: opts.initKeys,
      rotateQrKey: opts.rotateQrKey,
      newSecret: () => randomBytes(32).toString('base64'),
    },
    { dryRun: opts.dryRun || opts.plan, weapp: uploader, log },
  );
  return 0;
}

/** `npm run build:weapp:release` with this config's env id and AppID (scripts/check-release.mjs checks them). */
function buildReleaseWeapp(config: DeployConfig, log: (line: string) => void) {
  log('Building the weapp for release …');
  const env: Record<string, string | undefined> = {
    ...process.env,
    UNION_RELEASE: '1',
    TARO_APP_CLOUD_ENV: config.envId,
    TARO_APP_APPID: config.appId,
  };
  delete env.NODE_ENV;
  const res = spawnSync(join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: 'inherit',
  });
  if (res.status !== 0)
    throw new Error('the weapp release build failed (see above); nothing after the functions was changed');
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof DeployError ? e.message : (e?.stack ?? String(e)));
      process.exit(1);
    },
  );
}
