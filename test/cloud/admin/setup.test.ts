/**
 * The first super admin: a one-time setup code (only its hash stored, written once to the log),
 * or SETUP_CODE from the deploy; exactly one person claims it, then it is dead.
 */
import { ensureSetupCode } from '../../../cloud/domain/admin';
import { adminWorld, okData, PERSONAS, rid } from './world';

let logSpy: jest.SpyInstance;
beforeEach(() => {
  logSpy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => logSpy.mockRestore());

const CODE = /[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/;

function loggedCode(): string {
  const line = logSpy.mock.calls.map((c) => String(c[0])).find((l) => l.includes('超级管理员设置码'));
  const m = line ? CODE.exec(line) : null;
  if (!m) throw new Error('no setup code in the log');
  return m[0];
}

test('a fresh database needs setup; the function makes a code, logs it once and stores only its hash', async () => {
  const w = await adminWorld({ seed: 'none' });
  expect(okData(await w.admin('', 'setupStatus'))).toEqual({ needed: true });
  const code = loggedCode();
  // Asked again: no new code, nothing logged again.
  logSpy.mockClear();
  expect(okData(await w.admin('someone', 'setupStatus'))).toEqual({ needed: true });
  expect(logSpy).not.toHaveBeenCalled();
  const [doc] = await w.all('appSetup');
  expect(JSON.stringify(doc)).not.toContain(code);
  expect(JSON.stringify(doc)).not.toContain(code.replace(/-/g, ''));
  expect(doc.codeHash).toMatch(/^[0-9a-f]{64}$/);
});

test('a wrong code is refused and writes nothing; the right one (any case, no dashes) makes the super admin once', async () => {
  const w = await adminWorld({ seed: 'none' });
  await w.admin('', 'setupStatus');
  const code = loggedCode();
  const before = await w.snapshot(['users', 'grants', 'appSetup', 'auditLog']);
  const wrong = await w.admin('first', 'claimSetup', { code: 'AAAA-BBBB-CCCC-DDDD' });
  expect(wrong).toMatchObject({ ok: false, code: 'SETUP_CODE_INVALID', details: { field: 'code' } });
  expect(await w.snapshot(['users', 'grants', 'appSetup', 'auditLog'])).toEqual(before);

  const access = okData(await w.admin('first', 'claimSetup', { code: code.toLowerCase().replace(/-/g, '') }));
  expect(access).toMatchObject({ roles: ['admin'], superAdmin: true });
  expect(access.adminDomains).toHaveLength(5);
  const [user] = await w.all('users', { _id: 'first' });
  expect(user).toMatchObject({ roles: ['admin'], membership: { status: 'none' } });
  expect(await w.all('grants')).toEqual([
    expect.objectContaining({ openid: 'first', kind: 'superAdmin', via: 'setup', active: true }),
  ]);
  expect(await w.all('auditLog', { event: 'admin.claimSetup' })).toHaveLength(1);
  // The code is dead: its hash is gone, a second person is told setup is done.
  expect((await w.all('appSetup'))[0].codeHash).toBeUndefined();
  expect(await w.admin('second', 'claimSetup', { code })).toMatchObject({ ok: false, code: 'SETUP_DONE' });
  expect(okData(await w.admin('', 'setupStatus'))).toEqual({ needed: false });
  // The winner asking again (a lost answer) gets the same access, nothing doubled.
  expect(okData(await w.admin('first', 'claimSetup', { code }))).toMatchObject({ superAdmin: true });
  expect(await w.all('grants')).toHaveLength(1);
  expect(await w.all('auditLog', { event: 'admin.claimSetup' })).toHaveLength(1);
});

test('20 people claim with the right code at once: exactly one super admin', async () => {
  const w = await adminWorld({ seed: 'none' });
  const code = (await ensureSetupCode(w.ctxFor('')))!;
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => w.admin(`claimer-${i}`, 'claimSetup', { code, requestId: rid('c') })),
  );
  const winners = results.filter((r) => r.ok);
  expect(winners).toHaveLength(1);
  expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'SETUP_DONE')).toBe(true);
  const admins = (await w.all('users')).filter((u) => u.roles.includes('admin'));
  expect(admins).toHaveLength(1);
  expect(await w.all('grants', { kind: 'superAdmin' })).toHaveLength(1);
});

test('SETUP_CODE from the deploy works once; a short one is ignored; the seeded demo is already set up', async () => {
  const w = await adminWorld({ seed: 'none', env: { SETUP_CODE: 'union-2026-go-live' } });
  expect(await w.admin('x', 'claimSetup', { code: 'union-2026-go-live' })).toMatchObject({ ok: true });
  expect(await w.admin('y', 'claimSetup', { code: 'union-2026-go-live' })).toMatchObject({
    ok: false,
    code: 'SETUP_DONE',
  });

  const weak = await adminWorld({ seed: 'none', env: { SETUP_CODE: 'abc123' } });
  expect(await weak.admin('x', 'claimSetup', { code: 'abc123' })).toMatchObject({
    ok: false,
    code: 'SETUP_CODE_INVALID',
  });

  const demo = await adminWorld({ seed: 'base' });
  expect(okData(await demo.admin('', 'setupStatus'))).toEqual({ needed: false });
  expect(await ensureSetupCode(demo.ctxFor(''), { rotate: true })).toBeNull();
  expect(await demo.admin(PERSONAS.worker, 'claimSetup', { code: 'AAAA-BBBB-CCCC-DDDD' })).toMatchObject({
    ok: false,
    code: 'SETUP_DONE',
  });
});

test('the emulator rotates an unclaimed code at start: the old one stops working', async () => {
  const w = await adminWorld({ seed: 'none' });
  const first = (await ensureSetupCode(w.ctxFor('')))!;
  const second = (await ensureSetupCode(w.ctxFor(''), { rotate: true }))!;
  expect(second).not.toEqual(first);
  expect(await w.admin('a', 'claimSetup', { code: first })).toMatchObject({ ok: false, code: 'SETUP_CODE_INVALID' });
  expect(await w.admin('a', 'claimSetup', { code: second })).toMatchObject({ ok: true });
});
