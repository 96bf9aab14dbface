/**
 * Roles by invitation: an admin invites for a role and a scope (expiry, use count); the invitee
 * accepts once; uses are counted atomically; expired / used up / revoked / forged are refused with
 * what to do. Admins list who holds what and revoke it; domain admins only in their own domain.
 * Every grant and revoke is audited.
 */
import { grantIdFor } from '../../../cloud/domain/admin/invitations';
import { INVITE_PAGE } from '../../../types/api/admin';
import { DELETE_MY_DATA_CONFIRMATION } from '../../../types/api/member';
import { adminWorld, addWorker, okData, PERSONAS, rid, type AdminWorld } from './world';

const XCH = 'station-xinchenghui';
const DAY = 24 * 3600_000;

async function invite(w: AdminWorld, by: string, payload: Record<string, unknown>) {
  return okData(await w.admin(by, 'createInvitation', { validDays: 7, maxUses: 1, ...payload }));
}

const counts = (w: AdminWorld, openid: string, stationId = XCH) =>
  w.fn('checkin', openid, 'counts', { scope: { kind: 'station', id: stationId } });

test('station staff by invitation: a newcomer accepts, gets the role and scope, shows in the holders list; audited', async () => {
  const w = await adminWorld();
  const inv = await invite(w, PERSONAS.admin, { kind: 'stationStaff', scopeId: XCH, note: '春节值班' });
  expect(inv).toMatchObject({ roleText: '新城汇驿站 驿站工作人员', status: 'active', used: 0, maxUses: 1 });
  expect(inv.token).toMatch(/^[0-9a-f]{31}$/);
  expect(inv.path).toBe(`${INVITE_PAGE}?t=${inv.token}`);

  // Before: a stranger has no station; the scanner refuses them.
  expect(await counts(w, 'new-staff')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const preview = okData(await w.admin('new-staff', 'previewInvitation', { token: inv.token }));
  expect(preview).toMatchObject({ roleText: '新城汇驿站 驿站工作人员', status: 'active', alreadyHeld: false });
  expect(preview).not.toHaveProperty('token');

  const accepted = okData(await w.admin('new-staff', 'acceptInvitation', { token: inv.token, requestId: rid('a') }));
  expect(accepted.access).toMatchObject({
    roles: ['staff'],
    scopes: [{ kind: 'station', id: XCH, name: '新城汇驿站' }],
  });
  expect(accepted.grant).toMatchObject({
    kind: 'stationStaff',
    via: 'invitation',
    active: true,
    holderName: '未填写姓名',
  });
  expect(await counts(w, 'new-staff')).toMatchObject({ ok: true });
  // Only that station.
  expect(await counts(w, 'new-staff', 'station-honghe')).toMatchObject({ ok: false });

  const holders = okData(await w.admin(PERSONAS.admin, 'listGrants', { kind: 'stationStaff' }));
  expect(holders.map((g: any) => g.id)).toContain(accepted.grant.id);
  const listed = okData(await w.admin(PERSONAS.admin, 'listInvitations', {}));
  expect(listed.find((i: any) => i.id === inv.id)).toMatchObject({
    used: 1,
    status: 'used_up',
    statusText: '名额已用完',
  });
  expect(await w.all('auditLog', { event: 'admin.createInvitation' })).toHaveLength(1);
  expect(await w.all('auditLog', { event: 'admin.acceptInvitation' })).toEqual([
    expect.objectContaining({ actor: 'new-staff', target: { kind: 'grant', id: accepted.grant.id } }),
  ]);
});

test('refusals: accepted already, used up, expired, revoked, forged, malformed', async () => {
  const w = await adminWorld();
  await addWorker(w, 'w1');
  await addWorker(w, 'w2');
  const inv = await invite(w, PERSONAS.admin, { kind: 'teacher' });
  okData(await w.admin('w1', 'acceptInvitation', { token: inv.token }));
  expect(await w.admin('w1', 'acceptInvitation', { token: inv.token })).toMatchObject({
    ok: false,
    code: 'ALREADY_GRANTED',
  });
  expect(await w.admin('w2', 'acceptInvitation', { token: inv.token })).toMatchObject({
    ok: false,
    code: 'INVITATION_USED_UP',
    message: '邀请名额已用完，请联系管理员重新邀请',
  });

  const later = await invite(w, PERSONAS.admin, { kind: 'teacher', validDays: 1 });
  w.clock.advance(DAY + 1000);
  const expired = await w.admin('w2', 'acceptInvitation', { token: later.token });
  expect(expired).toMatchObject({ ok: false, code: 'INVITATION_EXPIRED' });
  expect(!expired.ok && expired.message).toMatch(/^邀请已于\d{4}年\d{1,2}月\d{1,2}日（周.）\d{2}:\d{2}过期/);

  const revoked = await invite(w, PERSONAS.admin, { kind: 'teacher', maxUses: 5 });
  okData(await w.admin(PERSONAS.admin, 'revokeInvitation', { invitationId: revoked.id }));
  expect(await w.admin('w2', 'acceptInvitation', { token: revoked.token })).toMatchObject({
    ok: false,
    code: 'INVITATION_REVOKED',
  });
  expect(await w.admin(PERSONAS.admin, 'revokeInvitation', { invitationId: revoked.id })).toMatchObject({
    ok: false,
    code: 'INVALID_STATE',
  });

  // A token with a wrong signature, or of an invitation that does not exist.
  const forged = revoked.token.slice(0, 10) + '0'.repeat(21);
  expect(await w.admin('w2', 'previewInvitation', { token: forged })).toMatchObject({
    ok: false,
    code: 'INVITATION_INVALID',
  });
  expect(await w.admin('w2', 'acceptInvitation', { token: forged })).toMatchObject({
    ok: false,
    code: 'INVITATION_INVALID',
  });
  expect(await w.admin('w2', 'acceptInvitation', { token: 'NOT A TOKEN' })).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    details: { field: 'token' },
  });
  // Nobody but w1 got a teacher role out of all this.
  const teachers = (await w.all('users')).filter((u) => u.roles.includes('teacher')).map((u) => u._id);
  expect(teachers).toContain('w1');
  expect(teachers).not.toContain('w2');
});

test('use count 1, 12 people accept at once: exactly one holder; use count 3: exactly three', async () => {
  const w = await adminWorld();
  for (const maxUses of [1, 3]) {
    const inv = await invite(w, PERSONAS.admin, { kind: 'stationStaff', scopeId: XCH, maxUses });
    const people = Array.from({ length: 12 }, (_, i) => `racer-${maxUses}-${i}`);
    const results = await Promise.all(
      people.map((p) => w.admin(p, 'acceptInvitation', { token: inv.token, requestId: rid('race') })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(maxUses);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'INVITATION_USED_UP')).toBe(true);
    const [doc] = await w.all('invitations', { _id: inv.id });
    expect(doc.used).toBe(maxUses);
    expect(await w.all('grants', { invitationId: inv.id, active: true })).toHaveLength(maxUses);
    // Losers hold nothing: no pending grant left, no role.
    expect(await w.all('grants', { invitationId: inv.id })).toHaveLength(maxUses);
    const staff = (await w.all('users')).filter((u) => people.includes(u._id) && u.roles.includes('staff'));
    expect(staff).toHaveLength(maxUses);
  }
});

test('one person tapping accept 6 times at once takes one use', async () => {
  const w = await adminWorld();
  const inv = await invite(w, PERSONAS.admin, { kind: 'teacher', maxUses: 5 });
  const results = await Promise.all(
    Array.from({ length: 6 }, () => w.admin('tapper', 'acceptInvitation', { token: inv.token, requestId: rid('tap') })),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'ALREADY_GRANTED')).toBe(true);
  expect((await w.all('invitations', { _id: inv.id }))[0].used).toBe(1);
  expect(await w.all('grants', { _id: grantIdFor(inv.id, 'tapper') })).toHaveLength(1);
});

test('an accept that died after counting its use is carried on by its retry, never counting twice', async () => {
  const w = await adminWorld();
  const inv = await invite(w, PERSONAS.admin, { kind: 'teacher', maxUses: 2 });
  // The state a crash leaves: grant reserved, use counted, role not yet given.
  await w.db.collection('grants').add({
    data: {
      _id: grantIdFor(inv.id, 'crashed'),
      openid: 'crashed',
      kind: 'teacher',
      role: 'teacher',
      via: 'invitation',
      invitationId: inv.id,
      active: false,
      useTaken: true,
      requestId: 'req-crashed-1',
      grantedAt: w.clock.now(),
      grantedBy: PERSONAS.admin,
    },
  });
  await w.db
    .collection('invitations')
    .doc(inv.id)
    .update({ data: { used: 1 } });
  // Another request at once is told to wait; the retry of the same request finishes it.
  expect(await w.admin('crashed', 'acceptInvitation', { token: inv.token, requestId: 'req-other-1' })).toMatchObject({
    ok: false,
    code: 'ALREADY_GRANTED',
  });
  const done = okData(await w.admin('crashed', 'acceptInvitation', { token: inv.token, requestId: 'req-crashed-1' }));
  expect(done.access.roles).toEqual(['teacher']);
  expect((await w.all('invitations', { _id: inv.id }))[0].used).toBe(1);
  expect(await w.all('auditLog', { event: 'admin.acceptInvitation' })).toHaveLength(1);
});

test('revoking a grant takes the role and scope away (only that scope when another grant still gives the role)', async () => {
  const w = await adminWorld({ seed: 'full' });
  // persona-venue-staff holds two contests by the seed: revoke one, keep staff of the other.
  const grants = okData(await w.admin(PERSONAS.admin, 'listGrants', { kind: 'venueStaff' }));
  const venue = grants.filter((g: any) => g.holderName === '钱卫东');
  expect(venue).toHaveLength(2);
  const live = venue.find((g: any) => g.scope.id === 'contest-2026-live');
  const revoked = okData(await w.admin(PERSONAS.admin, 'revokeGrant', { grantId: live.id, reason: '赛事结束' }));
  expect(revoked).toMatchObject({ active: false, revokeReason: '赛事结束' });
  let [user] = await w.all('users', { _id: PERSONAS.venueStaff });
  expect(user.roles).toContain('staff');
  expect(user.scopes).toEqual([{ kind: 'contest', id: 'contest-2026-skills' }]);
  const other = venue.find((g: any) => g.scope.id === 'contest-2026-skills');
  okData(await w.admin(PERSONAS.admin, 'revokeGrant', { grantId: other.id }));
  [user] = await w.all('users', { _id: PERSONAS.venueStaff });
  expect(user.roles).not.toContain('staff');
  expect(user.scopes).toEqual([]);
  expect(
    await w.fn('checkin', PERSONAS.venueStaff, 'counts', { scope: { kind: 'contest', id: 'contest-2026-skills' } }),
  ).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect(await w.admin(PERSONAS.admin, 'revokeGrant', { grantId: other.id })).toMatchObject({
    ok: false,
    code: 'INVALID_STATE',
  });
  expect(await w.all('auditLog', { event: 'admin.revokeGrant' })).toHaveLength(2);
  // The super admin cannot lock themselves out.
  const supers = okData(await w.admin(PERSONAS.admin, 'listGrants', {})).filter((g: any) => g.kind === 'superAdmin');
  expect(await w.admin(PERSONAS.admin, 'revokeGrant', { grantId: supers[0].id })).toMatchObject({
    ok: false,
    code: 'INVALID_STATE',
  });
});

test('domain admins invite and revoke only their own kinds; others read as missing', async () => {
  const w = await adminWorld({ seed: 'full' });
  const CA = PERSONAS.contestAdmin;
  const venue = await invite(w, CA, { kind: 'venueStaff', scopeId: 'contest-2026-skills' });
  expect(venue.roleText).toBe('2026年秀洲区职工技能比武 赛场工作人员');
  for (const kind of ['stationStaff', 'teacher', 'enterprise', 'domainAdmin']) {
    const before = await w.snapshot(['invitations', 'auditLog']);
    const r = await w.admin(CA, 'createInvitation', {
      kind,
      validDays: 7,
      maxUses: 1,
      ...(kind === 'stationStaff' ? { scopeId: XCH } : {}),
      ...(kind === 'enterprise' ? { scopeId: 'emp-jiaxing-textile' } : {}),
      ...(kind === 'domainAdmin' ? { domain: 'contests' } : {}),
    });
    expect([kind, r]).toEqual([kind, expect.objectContaining({ ok: false, code: 'FORBIDDEN' })]);
    expect(await w.snapshot(['invitations', 'auditLog'])).toEqual(before);
  }
  const station = await invite(w, PERSONAS.admin, { kind: 'stationStaff', scopeId: XCH });
  const mine = okData(await w.admin(CA, 'listInvitations', {}));
  expect(mine.map((i: any) => i.kind)).toEqual(['venueStaff']);
  expect(await w.admin(CA, 'revokeInvitation', { invitationId: station.id })).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  expect(await w.admin(CA, 'invitationPoster', { invitationId: station.id })).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  const grants = okData(await w.admin(CA, 'listGrants', {}));
  expect(new Set(grants.map((g: any) => g.kind))).toEqual(new Set(['venueStaff']));
  const stationGrant = okData(await w.admin(PERSONAS.admin, 'listGrants', { kind: 'stationStaff' }))[0];
  expect(await w.admin(CA, 'revokeGrant', { grantId: stationGrant.id })).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  expect(await w.admin(CA, 'listGrants', { kind: 'stationStaff' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  // Not an admin at all: FORBIDDEN before any handler runs.
  expect(await w.admin(PERSONAS.stationStaff, 'listGrants', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  // The poster: a 小程序码 whose scene is the token and page the invite page.
  const poster = okData(await w.admin(CA, 'invitationPoster', { invitationId: venue.id }));
  expect(poster).toMatchObject({ scene: venue.token, page: INVITE_PAGE });
  expect(poster.scene.length).toBeLessThanOrEqual(32);
});

test('a gifts admin by invitation: admin in the gift function and over 驿站, nothing else', async () => {
  const w = await adminWorld({ seed: 'full' });
  await addWorker(w, 'gifts-boss', '顾晓丽');
  const inv = await invite(w, PERSONAS.admin, { kind: 'domainAdmin', domain: 'gifts' });
  expect(inv.roleText).toBe('春节礼包与驿站业务管理员');
  const { access } = okData(await w.admin('gifts-boss', 'acceptInvitation', { token: inv.token }));
  expect(access).toMatchObject({ roles: ['admin:gifts'], superAdmin: false, adminDomains: ['gifts'] });
  expect(await w.fn('gift', 'gifts-boss', 'listCampaigns')).toMatchObject({ ok: true });
  expect(await w.admin('gifts-boss', 'listStationsAdmin')).toMatchObject({ ok: true });
  expect(await w.fn('contest', 'gifts-boss', 'reviewQueue', { contestId: 'contest-2026-skills' })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect(await w.fn('retirement', 'gifts-boss', 'approve', { ids: ['x'] })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect(await w.fn('member', 'gifts-boss', 'listApplications', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await w.admin('gifts-boss', 'listEmployers')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await w.admin('gifts-boss', 'saveEmployer', { name: '新单位有限公司' })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  // getMe in the member function shows the stored role, not the widened one.
  const me = okData(await w.fn('member', 'gifts-boss', 'getMe'));
  expect(me.roles).toEqual(['admin:gifts']);
});

test('bad input writes nothing: a scope that must be given, must exist, or must not be given', async () => {
  const w = await adminWorld({ seed: 'full' });
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ kind: 'stationStaff' }, 'scopeId'],
    [{ kind: 'stationStaff', scopeId: 'station-nowhere' }, 'scopeId'],
    [{ kind: 'venueStaff', scopeId: 'contest-nowhere' }, 'scopeId'],
    [{ kind: 'enterprise', scopeId: 'emp-nowhere' }, 'scopeId'],
    [{ kind: 'teacher', scopeId: XCH }, 'scopeId'],
    [{ kind: 'domainAdmin' }, 'domain'],
    [{ kind: 'stationStaff', scopeId: XCH, domain: 'gifts' }, 'domain'],
    [{ kind: 'stationStaff', scopeId: XCH, validDays: 0 }, 'validDays'],
    [{ kind: 'stationStaff', scopeId: XCH, maxUses: 51 }, 'maxUses'],
    [{ kind: 'owner', scopeId: XCH }, 'kind'],
  ];
  const before = await w.snapshot(['invitations', 'auditLog', 'grants']);
  for (const [payload, field] of cases) {
    const r = await w.admin(PERSONAS.admin, 'createInvitation', { validDays: 7, maxUses: 1, ...payload });
    expect([payload, r]).toEqual([
      payload,
      expect.objectContaining({ ok: false, code: 'INVALID_INPUT', details: { field } }),
    ]);
  }
  expect(await w.snapshot(['invitations', 'auditLog', 'grants'])).toEqual(before);
});

test('查看我的数据 lists the grants a person holds; 申请删除 keeps them (the union revokes, not the holder)', async () => {
  const w = await adminWorld();
  await addWorker(w, 'staffer', '沈文华', '13912345678');
  const inv = await invite(w, PERSONAS.admin, { kind: 'stationStaff', scopeId: XCH });
  okData(await w.admin('staffer', 'acceptInvitation', { token: inv.token }));
  const mine = okData(await w.fn('member', 'staffer', 'exportMyData'));
  const section = mine.sections.find((s: any) => s.key === 'grants');
  expect(section.items).toEqual([
    expect.objectContaining({ kind: 'stationStaff', role: 'staff', scope: { kind: 'station', id: XCH }, active: true }),
  ]);
  expect(section.items[0]).not.toHaveProperty('openid');
  const deleted = okData(await w.fn('member', 'staffer', 'deleteMyData', { confirm: DELETE_MY_DATA_CONFIRMATION }));
  expect(deleted.kept.map((k: any) => k.key)).toEqual(expect.arrayContaining(['account', 'grants']));
  const [user] = await w.all('users', { _id: 'staffer' });
  expect(user).toMatchObject({ roles: ['staff'], scopes: [{ kind: 'station', id: XCH }] });
  expect(user.profile).toBeUndefined();
});
