/**
 * The deploy plan against a recorded in-memory environment (scripts/deploy/memory-env.ts): from empty,
 * again on the deployed one (nothing to do, and it says so), misconfigured (a clear error, nothing
 * written), and the key lifecycle (--init-keys once, --rotate-qr-key keeps old codes valid).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { DeployConfig } from '../../../cloud/lib/deploy-config';
import { COLLECTIONS, indexName } from '../../../cloud/lib/indexes';
import { QR_FUNCTIONS } from '../../../cloud/lib/secrets';
import { signToken, verifyToken } from '../../../cloud/lib/token';
import { MemoryEnv } from '../../../scripts/deploy/memory-env';
import { deploy, DeployError, makePlan, type BuiltFunction, type DeployInputs } from '../../../scripts/deploy/plan';
import triggers from '../../../cloud/functions/triggers.json';
import filled from './filled.config.json';

const ROOT = join(__dirname, '../../..');
const NAMES = ['academy', 'admin', 'checkin', 'contest', 'gift', 'member', 'portal', 'retirement'];

function built(version = 1): BuiltFunction[] {
  return NAMES.map((name) => ({
    name,
    dir: `/build/${name}`,
    sha256: `${name}-sha-${version}`.padEnd(64, '0'),
    triggers: (triggers as Record<string, BuiltFunction['triggers']>)[name] ?? [],
  }));
}

let secretNo = 0;
function inputs(over: Partial<DeployInputs> = {}): DeployInputs {
  return {
    config: structuredClone(filled) as unknown as DeployConfig,
    functions: built(),
    collections: COLLECTIONS,
    weapp: { version: '1.0.0', desc: 'v1.0.0 首次发布', fingerprint: '1.0.0:abc' },
    newSecret: () => `secret-${++secretNo}-${'x'.repeat(36)}`,
    ...over,
  };
}

async function run(env: MemoryEnv, over: Partial<DeployInputs> = {}, dryRun = false) {
  const lines: string[] = [];
  const plan = await deploy(env, inputs(over), { dryRun, weapp: env, log: (l) => lines.push(l) });
  return { plan, lines };
}

async function deployed(): Promise<MemoryEnv> {
  const env = new MemoryEnv();
  await run(env, { initKeys: true });
  return new MemoryEnv(env.state);
}

describe('from an empty environment (npm run deploy -- --init-keys)', () => {
  test('creates every collection (server-only), every declared index, every function with its settings, keys and triggers, and uploads the weapp', async () => {
    const env = new MemoryEnv();
    const { lines } = await run(env, { initKeys: true });
    const { collections, functions, uploads } = env.state;

    expect(Object.keys(collections).sort()).toEqual(Object.keys(COLLECTIONS).sort());
    expect(Object.keys(collections).length).toBeGreaterThanOrEqual(28);
    for (const [name, specs] of Object.entries(COLLECTIONS)) {
      expect(collections[name].permission).toBe('ADMINONLY');
      expect(Object.keys(collections[name].indexes).sort()).toEqual(['_id_', ...specs.map(indexName)].sort());
    }

    expect(Object.keys(functions).sort()).toEqual(NAMES);
    const cfg = filled as unknown as DeployConfig;
    for (const name of NAMES) {
      const f = functions[name];
      const want = { ...cfg.functions.defaults, ...cfg.functions[name] };
      expect(f).toMatchObject({ timeout: want.timeout, memory: want.memory, runtime: want.runtime });
      expect(f.env.NODE_ENV).toBe('production');
      expect(f.triggers).toEqual((triggers as Record<string, unknown>)[name] ?? []);
    }
    // The same QR key on every function that signs or verifies codes; the ID-hash key only where it is used.
    const qrKey = functions.member.env.QR_TOKEN_KEY_1;
    expect(qrKey).toMatch(/^secret-/);
    for (const name of QR_FUNCTIONS)
      expect(functions[name].env).toMatchObject({ QR_TOKEN_KEY_1: qrKey, QR_TOKEN_KEY_VERSION: '1' });
    expect(functions.retirement.env.ID_HASH_KEY).toMatch(/^secret-/);
    expect(functions.member.env.ID_HASH_KEY).toBeUndefined();
    expect(Object.keys(functions.portal.env).filter((k) => k.includes('KEY'))).toEqual([]);
    expect(uploads).toEqual([{ version: '1.0.0', desc: 'v1.0.0 首次发布' }]);

    // The log names the secrets, never their values.
    const text = lines.join('\n');
    expect(text).toContain('QR_TOKEN_KEY_1 (new secret)');
    expect(text).not.toContain(qrKey);
    expect(text).not.toContain(functions.retirement.env.ID_HASH_KEY);
    expect(text).toMatch(/changes applied/);
  });

  test('--dry-run plans the same changes and writes nothing', async () => {
    const env = new MemoryEnv();
    const { plan, lines } = await run(env, { initKeys: true }, true);
    expect(env.writes()).toEqual([]);
    expect(plan.changes.length).toBeGreaterThan(100);
    expect(lines.at(-1)).toBe(`${plan.changes.length} changes planned (dry run: nothing was changed).`);
  });
});

describe('again on a deployed environment', () => {
  test('changes nothing and says so', async () => {
    const env = await deployed();
    const { plan, lines } = await run(env);
    expect(plan.changes).toEqual([]);
    expect(env.writes()).toEqual([]);
    expect(lines).toContain('No changes: the environment already matches the code and deploy.config.json.');
  });

  test('a changed bundle uploads that function only; a changed timeout or trigger is updated in place', async () => {
    const env = await deployed();
    const functions = built();
    functions.find((f) => f.name === 'gift')!.sha256 = 'gift-sha-2'.padEnd(64, '0');
    functions.find((f) => f.name === 'member')!.triggers = [
      { name: 'purgeReplays', type: 'timer', config: '0 0 4 * * * *' },
    ];
    const config = structuredClone(filled) as unknown as DeployConfig;
    config.functions.checkin.timeout = 25;
    await run(env, { functions, config });
    expect(env.writes().map((c) => `${c.method} ${JSON.stringify(c.args[0])}`)).toEqual([
      'updateFunctionConfig "checkin"',
      'updateFunctionCode {"name":"gift","dir":"/build/gift"}',
      'updateFunctionConfig "gift"',
      'deleteTrigger "member"',
      'createTrigger "member"',
    ]);
    expect(env.state.functions.checkin.timeout).toBe(25);
    // Keys survive a config update (CloudBase replaces the whole env list: the plan carries them over).
    expect(env.state.functions.gift.env.QR_TOKEN_KEY_1).toBe(env.state.functions.member.env.QR_TOKEN_KEY_1);
    expect(env.state.functions.member.triggers).toEqual([
      { name: 'purgeReplays', type: 'timer', config: '0 0 4 * * * *' },
    ]);
    // And the run after that has nothing left to do.
    const again = new MemoryEnv(env.state);
    expect((await run(again, { functions, config })).plan.changes).toEqual([]);
  });

  test('a new weapp version is uploaded once; a lost collection permission and a dropped index come back', async () => {
    const env = await deployed();
    env.state.collections.users.permission = 'READONLY';
    delete env.state.collections.messages.indexes['to_1_createdAt_-1'];
    const weapp = { version: '1.0.1', desc: 'v1.0.1 修复', fingerprint: '1.0.1:def' };
    await run(env, { weapp });
    expect(env.writes().map((c) => c.method)).toEqual([
      'setPermission',
      'createIndex',
      'upload',
      'updateFunctionConfig',
    ]);
    expect(env.state.uploads.at(-1)).toEqual({ version: '1.0.1', desc: 'v1.0.1 修复' });
    expect((await run(new MemoryEnv(env.state), { weapp })).plan.changes).toEqual([]);
  });
});

describe('misconfigured: a clear error, nothing written', () => {
  test('a missing template id (and an AppID still unset) is refused before anything is read or written', async () => {
    const env = new MemoryEnv();
    const config = structuredClone(filled) as unknown as DeployConfig;
    config.templates.courseReminder.id = '';
    config.appId = 'touristappid';
    const error = await makePlan(env, inputs({ config, initKeys: true })).catch((e) => e);
    expect(error).toBeInstanceOf(DeployError);
    expect(error.message).toMatch(/^Nothing was changed/);
    expect(error.problems).toEqual([
      expect.stringMatching(/^appId: "touristappid" is not an AppID/),
      expect.stringMatching(/^templates\.courseReminder\.id: empty .*课程开课提醒/),
    ]);
    expect(env.calls).toEqual([]);
  });

  test('the checked-in deploy.config.json is refused until a deployer fills it in', async () => {
    const config = (await import('../../../deploy.config.json')).default as unknown as DeployConfig;
    const error = await makePlan(new MemoryEnv(), inputs({ config, initKeys: true })).catch((e) => e);
    expect(error.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^envId: empty/), expect.stringMatching(/^verifyUrl/)]),
    );
  });

  test('no keys: a first deploy without --init-keys, or keys gone from every function', async () => {
    const fresh = new MemoryEnv();
    const error = await makePlan(fresh, inputs()).catch((e) => e);
    expect(error).toBeInstanceOf(DeployError);
    expect(error.problems).toEqual([expect.stringContaining('npm run deploy -- --init-keys')]);
    expect(fresh.writes()).toEqual([]);

    const env = await deployed();
    for (const f of Object.values(env.state.functions)) delete f.env.ID_HASH_KEY;
    const gone = await makePlan(env, inputs()).catch((e) => e);
    expect(gone.problems).toEqual([expect.stringMatching(/^ID_HASH_KEY missing from every function; restore it/)]);
    expect(env.writes()).toEqual([]);
  });

  test('keys that differ between functions are refused, not overwritten', async () => {
    const env = await deployed();
    env.state.functions.gift.env.QR_TOKEN_KEY_1 = 'someone-set-this-by-hand';
    const error = await makePlan(env, inputs()).catch((e) => e);
    expect(error.problems).toEqual([expect.stringMatching(/^QR_TOKEN_KEY_1 differs between functions/)]);
    expect(error.message).not.toContain('someone-set-this-by-hand');
    expect(env.writes()).toEqual([]);
  });
});

describe('keys', () => {
  test('--init-keys refuses to overwrite keys that exist', async () => {
    const env = await deployed();
    const error = await makePlan(env, inputs({ initKeys: true })).catch((e) => e);
    expect(error.problems).toEqual([
      expect.stringMatching(/--init-keys refuses to overwrite .*ID_HASH_KEY, QR_TOKEN_KEY_1/),
    ]);
    expect(env.writes()).toEqual([]);
  });

  test('a function added later gets the keys the others have', async () => {
    const env = await deployed();
    delete env.state.functions.checkin;
    const { lines } = await run(env);
    expect(env.state.functions.checkin.env.QR_TOKEN_KEY_1).toBe(env.state.functions.member.env.QR_TOKEN_KEY_1);
    expect(lines.join('\n')).toContain('QR_TOKEN_KEY_1 (copied from the other functions)');
  });

  test('--rotate-qr-key: a new version on every QR function, the old key kept so old codes stay valid', async () => {
    const env = await deployed();
    const before = { ...env.state.functions.checkin.env };
    const t0 = Date.UTC(2026, 0, 20);
    const certificate = signToken(
      env.state.functions.retirement.env,
      { kind: 'certificate', id: 'rt1', ttlMs: 80 * 365 * 86400_000 },
      t0,
    ).token;
    const ticket = signToken(
      env.state.functions.contest.env,
      { kind: 'contest', id: 'reg1', ttlMs: 3600_000 },
      t0,
    ).token;

    await run(env, { rotateQrKey: true });
    for (const name of QR_FUNCTIONS) {
      const e = env.state.functions[name].env;
      expect(e.QR_TOKEN_KEY_1).toBe(before.QR_TOKEN_KEY_1);
      expect(e.QR_TOKEN_KEY_2).toMatch(/^secret-/);
      expect(e.QR_TOKEN_KEY_VERSION).toBe('2');
    }
    expect(env.state.functions.retirement.env.ID_HASH_KEY).toBeDefined();
    // Scanned by the checkin function after the rotation: the old codes verify for their lifetime.
    const after = env.state.functions.checkin.env;
    expect(verifyToken(after, certificate, t0 + 5 * 365 * 86400_000)).toMatchObject({ id: 'rt1', keyVersion: 1 });
    expect(verifyToken(after, ticket, t0 + 60_000)).toMatchObject({ id: 'reg1', keyVersion: 1 });
    expect(() => verifyToken(after, ticket, t0 + 2 * 3600_000)).toThrow(
      expect.objectContaining({ code: 'TOKEN_EXPIRED' }),
    );
    const fresh = signToken(env.state.functions.gift.env, { kind: 'voucher', id: 'v1', ttlMs: 3600_000 }, t0).token;
    expect(verifyToken(after, fresh, t0)).toMatchObject({ keyVersion: 2 });
    // The next plain deploy keeps it all.
    expect((await run(new MemoryEnv(env.state))).plan.changes).toEqual([]);
  });
});

describe('the command line (node scripts/deploy.mjs)', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/deploy.mjs', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CLOUDBASE_SECRET_ID: '', CLOUDBASE_SECRET_KEY: '' },
    });

  test('--dry-run prints the plan for a fresh environment, offline, with no secret needed', () => {
    const res = cli('--dry-run', '--init-keys', '--config', 'test/cloud/deploy/filled.config.json');
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('+ collection users');
    expect(res.stdout).toContain('~ permission users: (new) → ADMINONLY (仅管理端可读写)');
    expect(res.stdout).toContain('+ index messages.to_1_createdAt_-1 (to asc, createdAt desc)');
    expect(res.stdout).toMatch(
      /\+ function gift: Nodejs16\.13, timeout 60 s, memory 256 MB, env .*QR_TOKEN_KEY_1 \(new secret\).*triggers expirySweep/,
    );
    expect(res.stdout).toMatch(/\^ weapp upload \d+\.\d+\.\d+/);
    expect(res.stdout).toMatch(/\d+ changes planned \(dry run: nothing was changed\)\./);
  }, 120_000);

  test('the checked-in config, or a real run without the CloudBase key, stops with the reasons and exit 1', () => {
    const res = cli('--dry-run', '--init-keys');
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/Nothing was changed:[\s\S]*templates\.membershipReview\.id: empty/);
    const real = cli('--skip-weapp', '--config', 'test/cloud/deploy/filled.config.json');
    expect(real.status).toBe(1);
    expect(real.stderr).toMatch(/CLOUDBASE_SECRET_ID and CLOUDBASE_SECRET_KEY/);
  }, 120_000);
});
