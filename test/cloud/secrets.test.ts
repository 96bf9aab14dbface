/**
 * Keys in production: a function without its keys refuses to serve and logs why (no development key
 * stands in); the emulator and tests keep their development keys; rotating the QR key keeps the codes
 * signed with the old one valid for their lifetime.
 */
import { setCaller } from '../../cloud/emulator/standin/sdk-env';
import { main as member } from '../../cloud/functions/member';
import { main as retirement } from '../../cloud/functions/retirement';
import { main as portal } from '../../cloud/functions/portal';
import { deployConfig, type DeployConfig } from '../../cloud/lib/deploy-config';
import { idHashKey, isProduction, missingForProduction } from '../../cloud/lib/secrets';
import { signToken, verifyToken } from '../../cloud/lib/token';
import { standInOfThisFile } from './helpers';

beforeAll(async () => {
  await standInOfThisFile();
});

// Taken per test, after the stand-in pointed the SDK at itself (its settings live in process.env too).
let saved: NodeJS.ProcessEnv;
let errors: jest.SpyInstance;
beforeEach(() => {
  saved = { ...process.env };
  errors = jest.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  jest.restoreAllMocks();
});

/** One invocation as SCF runs it: the caller in process.env for its duration. */
async function call(fn: typeof member, event: unknown) {
  setCaller('o-someone');
  try {
    return await fn(event, {});
  } finally {
    setCaller('');
  }
}

test('production is WeChat Cloud’s runtime (TENCENTCLOUD_RUNENV / SCF_RUNTIME) or NODE_ENV=production; jest is not', () => {
  expect(isProduction(process.env)).toBe(false);
  expect(isProduction({ TENCENTCLOUD_RUNENV: 'SCF' })).toBe(true);
  expect(isProduction({ SCF_RUNTIME: 'Nodejs16.13' })).toBe(true);
  expect(isProduction({ NODE_ENV: 'production' })).toBe(true);
  expect(isProduction({ NODE_ENV: 'development' })).toBe(false);
});

test('a production function without its QR key refuses every call and logs the missing key', async () => {
  // NODE_ENV=production (as the deploy sets it): TENCENTCLOUD_RUNENV would also switch the real SDK to SCF mode.
  process.env.NODE_ENV = 'production';
  const res = await call(member, { action: 'getMe' });
  expect(res).toEqual({ ok: false, code: 'INTERNAL', message: expect.any(String) });
  expect(errors).toHaveBeenCalledWith(
    expect.stringMatching(/\[member\] refusing to serve: .*QR_TOKEN_KEY_1.*--init-keys/),
  );

  // With its key it serves.
  process.env.QR_TOKEN_KEY_1 = 'prod-key-1';
  expect(await call(member, { action: 'getMe' })).toMatchObject({ ok: true });
  // The key the version names must be there: version 2 without QR_TOKEN_KEY_2 is refused.
  process.env.QR_TOKEN_KEY_VERSION = '2';
  expect(await call(member, { action: 'getMe' })).toMatchObject({ ok: false, code: 'INTERNAL' });
  expect(errors).toHaveBeenLastCalledWith(expect.stringContaining('QR_TOKEN_KEY_2'));
});

test('retirement in production also needs ID_HASH_KEY and a verify link; portal needs no key', async () => {
  process.env.NODE_ENV = 'production';
  process.env.QR_TOKEN_KEY_1 = 'prod-key-1';
  expect(await call(retirement, { action: 'formOptions' })).toMatchObject({ ok: false, code: 'INTERNAL' });
  expect(errors).toHaveBeenCalledWith(expect.stringContaining('ID_HASH_KEY'));
  expect(await call(portal, { action: 'home' })).not.toMatchObject({ code: 'INTERNAL' });

  const configured: DeployConfig = { ...deployConfig, verifyUrl: 'https://xzgh.gov.example/rv' };
  const env = { NODE_ENV: 'production', QR_TOKEN_KEY_1: 'k' };
  expect(missingForProduction('retirement', env, configured)).toEqual(['ID_HASH_KEY']);
  expect(missingForProduction('retirement', { ...env, ID_HASH_KEY: 'h' }, configured)).toEqual([]);
  expect(missingForProduction('retirement', { ...env, ID_HASH_KEY: 'h' }, { ...configured, verifyUrl: '' })).toEqual([
    'verifyUrl in deploy.config.json',
  ]);
});

test('never a development key in production; the emulator and tests keep theirs', () => {
  expect(idHashKey({})).toBe('dev-id-hash-key');
  expect(() => idHashKey({ TENCENTCLOUD_RUNENV: 'SCF' })).toThrow(/ID_HASH_KEY/);
  expect(idHashKey({ TENCENTCLOUD_RUNENV: 'SCF', ID_HASH_KEY: 'real' })).toBe('real');
  const now = Date.UTC(2026, 0, 20);
  const dev = signToken({}, { kind: 'member', id: 'XZ1', ttlMs: 60_000 }, now).token;
  expect(verifyToken({}, dev, now).id).toBe('XZ1');
  expect(() => signToken({ SCF_RUNTIME: 'x' }, { kind: 'member', id: 'XZ1', ttlMs: 60_000 }, now)).toThrow(
    /not configured/,
  );
});

test('rotating the QR key: codes signed with the old key verify until they expire; new ones use the new key', () => {
  const year = 365 * 24 * 3600_000;
  const t0 = Date.UTC(2026, 0, 20);
  const before = { QR_TOKEN_KEY_1: 'key-1', QR_TOKEN_KEY_VERSION: '1', NODE_ENV: 'production' };
  // A certificate (long-lived) and a ticket (hours) issued before the rotation.
  const certificate = signToken(before, { kind: 'certificate', id: 'rt1', ttlMs: 80 * year }, t0).token;
  const ticket = signToken(before, { kind: 'contest', id: 'reg1', ttlMs: 6 * 3600_000 }, t0).token;

  // What `npm run deploy -- --rotate-qr-key` leaves on every function: the old key kept, a new version.
  const after = { ...before, QR_TOKEN_KEY_2: 'key-2', QR_TOKEN_KEY_VERSION: '2' };
  expect(missingForProduction('member', after)).toEqual([]);
  expect(verifyToken(after, certificate, t0 + 10 * year)).toMatchObject({ id: 'rt1', keyVersion: 1 });
  expect(verifyToken(after, ticket, t0 + 3600_000)).toMatchObject({ id: 'reg1', keyVersion: 1 });
  expect(() => verifyToken(after, ticket, t0 + 7 * 3600_000)).toThrow(
    expect.objectContaining({ code: 'TOKEN_EXPIRED' }),
  );

  const fresh = signToken(after, { kind: 'contest', id: 'reg2', ttlMs: 3600_000 }, t0).token;
  expect(verifyToken(after, fresh, t0)).toMatchObject({ keyVersion: 2 });
  // A function that missed the rotation cannot verify new codes, and says so as an invalid code (not a crash).
  expect(() => verifyToken(before, fresh, t0)).toThrow(expect.objectContaining({ code: 'TOKEN_INVALID' }));
});
