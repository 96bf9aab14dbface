/** Retries and races: requestId replays, one application per person, unique member numbers. */
import { memberActions } from '../../../cloud/domain/member';
import { makeWorld, okData, PERSONAS, rid, type World } from '../helpers';

const call = (world: World, openid: string, event: Record<string, unknown>) =>
  world.call(openid, memberActions, 'member', event);
const profile = (i: number) => ({
  name: '张晓明',
  phone: `138${String(i).padStart(8, '0')}`,
  employer: '嘉兴秀洲精工机械有限公司',
  district: '秀洲区',
  category: '产业工人',
});

describe('member: idempotency and races', () => {
  test('same requestId → the first answer; other data with it → IDEMPOTENCY_MISMATCH', async () => {
    const world = await makeWorld();
    await call(world, PERSONAS.newcomer, { action: 'updateProfile', ...profile(1) });
    const requestId = rid('apply');
    const first = await call(world, PERSONAS.newcomer, {
      action: 'applyMembership',
      agreeCharter: true,
      note: '想入会',
      requestId,
    });
    const retry = await call(world, PERSONAS.newcomer, {
      action: 'applyMembership',
      agreeCharter: true,
      note: '想入会',
      requestId,
    });
    expect(first.ok).toBe(true);
    // Not ALREADY_APPLIED: a retry of the same submission is the same submission.
    expect(retry).toEqual(first);
    const reused = await call(world, PERSONAS.newcomer, {
      action: 'applyMembership',
      agreeCharter: true,
      note: '别的内容',
      requestId,
    });
    expect(reused).toMatchObject({ ok: false, code: 'IDEMPOTENCY_MISMATCH' });
    expect(await world.all('membershipApplications')).toHaveLength(1);
  });

  test('10 concurrent retries of one application → one application, one answer', async () => {
    const world = await makeWorld();
    await call(world, PERSONAS.newcomer, { action: 'updateProfile', ...profile(1) });
    const requestId = rid('apply');
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(world, PERSONAS.newcomer, { action: 'applyMembership', agreeCharter: true, requestId }),
      ),
    );
    results.forEach((r) => expect(r).toEqual(results[0]));
    expect(results[0].ok).toBe(true);
    expect(await world.all('membershipApplications')).toHaveLength(1);
  });

  test('10 concurrent taps with different requestIds → one application, the rest ALREADY_APPLIED', async () => {
    const world = await makeWorld();
    await call(world, PERSONAS.newcomer, { action: 'updateProfile', ...profile(1) });
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(world, PERSONAS.newcomer, { action: 'applyMembership', agreeCharter: true, requestId: rid() }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'ALREADY_APPLIED')).toHaveLength(9);
    expect(await world.all('membershipApplications')).toHaveLength(1);
  });

  test('a retried approval replays; it does not issue a second number', async () => {
    const world = await makeWorld();
    await call(world, PERSONAS.newcomer, { action: 'updateProfile', ...profile(1) });
    const app = okData(await call(world, PERSONAS.newcomer, { action: 'applyMembership', agreeCharter: true }));
    const requestId = rid('review');
    const event = { action: 'reviewApplication', applicationId: app.id, decision: 'approve', requestId };
    const [a, b] = await Promise.all([call(world, PERSONAS.admin, event), call(world, PERSONAS.admin, event)]);
    expect(a).toEqual(b);
    expect(okData(a).memberNo).toBe('XZ2026000007');
    expect(await world.all('counters')).toEqual([{ _id: 'memberNo', value: 7 }]);
    expect(await world.all('auditLog')).toHaveLength(1);
  });

  test('20 concurrent approvals (two admins racing) → 20 unique sequential member numbers', async () => {
    const world = await makeWorld();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const openid = `applicant-${i}`;
      await call(world, openid, { action: 'updateProfile', ...profile(i) });
      ids.push(okData(await call(world, openid, { action: 'applyMembership', agreeCharter: true })).id);
    }
    // Each application is approved by two admins at once (different requestIds): one wins.
    await world.db
      .collection('users')
      .doc('second-admin')
      .set({ data: { roles: ['admin'], scopes: [], membership: { status: 'none' }, createdAt: 0, updatedAt: 0 } });
    const results = await Promise.all(
      ids.flatMap((applicationId) => [
        call(world, PERSONAS.admin, {
          action: 'reviewApplication',
          applicationId,
          decision: 'approve',
          requestId: rid(),
        }),
        call(world, 'second-admin', {
          action: 'reviewApplication',
          applicationId,
          decision: 'approve',
          requestId: rid(),
        }),
      ]),
    );
    const approved = results.filter((r) => r.ok).map((r) => okData(r).memberNo as string);
    expect(approved).toHaveLength(20);
    expect(results.filter((r) => !r.ok && r.code === 'INVALID_STATE')).toHaveLength(20);
    expect(new Set(approved).size).toBe(20);
    expect([...approved].sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `XZ2026${String(7 + i).padStart(6, '0')}`),
    );
    const members = await world.all('users', {
      'membership.status': 'member',
      _id: world.db.command.in(ids.map((_, i) => `applicant-${i}`)),
    });
    expect(new Set(members.map((u) => u.membership.memberNo)).size).toBe(20);
    expect(await world.all('auditLog', { event: 'member.reviewApplication' })).toHaveLength(20);
  });

  test('approve and return racing on one application: exactly one wins', async () => {
    const world = await makeWorld();
    await call(world, PERSONAS.newcomer, { action: 'updateProfile', ...profile(1) });
    const app = okData(await call(world, PERSONAS.newcomer, { action: 'applyMembership', agreeCharter: true }));
    const results = await Promise.all([
      call(world, PERSONAS.admin, { action: 'reviewApplication', applicationId: app.id, decision: 'approve' }),
      call(world, PERSONAS.admin, {
        action: 'reviewApplication',
        applicationId: app.id,
        decision: 'return',
        reason: '资料不全',
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const [doc] = await world.all('membershipApplications');
    const [user] = await world.all('users', { _id: PERSONAS.newcomer });
    // The user record agrees with the application, whichever won.
    expect(user.membership.status).toBe(doc.status === 'approved' ? 'member' : 'returned');
  });
});
