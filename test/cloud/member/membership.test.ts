/** 网上入会: apply → admin queue → approved (member number) or returned (reason, reapply). */
import { memberActions } from '../../../cloud/domain/member';
import { applicationId } from '../../../cloud/domain/member/model';
import { shanghaiTime } from '../../../cloud/lib/clock';
import { assertNoUnmaskedPii } from '../masking';
import { makeWorld, okData, PERSONAS, rid, type World } from '../helpers';

const call = (world: World, openid: string, event: Record<string, unknown>) =>
  world.call(openid, memberActions, 'member', event);
const profile = {
  name: '张晓明',
  phone: '13812345678',
  employer: '嘉兴秀洲精工机械有限公司',
  district: '秀洲区',
  category: '产业工人',
};

async function newApplicant(world: World, openid: string, extra: Record<string, unknown> = {}) {
  okData(await call(world, openid, { action: 'updateProfile', ...profile, ...extra }));
  return okData(await call(world, openid, { action: 'applyMembership', agreeCharter: true, requestId: rid() }));
}

describe('member: 网上入会', () => {
  test('needs a complete profile first', async () => {
    const world = await makeWorld();
    expect(await call(world, PERSONAS.newcomer, { action: 'applyMembership', agreeCharter: true })).toMatchObject({
      ok: false,
      code: 'PROFILE_INCOMPLETE',
    });
    await call(world, PERSONAS.newcomer, { action: 'updateProfile', ...profile, category: '新就业形态劳动者' });
    expect(await call(world, PERSONAS.newcomer, { action: 'applyMembership', agreeCharter: true })).toMatchObject({
      ok: false,
      code: 'PROFILE_INCOMPLETE',
    });
    expect(await world.all('membershipApplications')).toEqual([]);
  });

  test('a member cannot apply again', async () => {
    const world = await makeWorld();
    expect(await call(world, PERSONAS.worker, { action: 'applyMembership', agreeCharter: true })).toMatchObject({
      ok: false,
      code: 'ALREADY_MEMBER',
    });
  });

  test('approved: the applicant becomes a member with a number, is notified; the review is audited', async () => {
    const world = await makeWorld({ now: shanghaiTime('2026-03-02 09:30') });
    const app = await newApplicant(world, PERSONAS.newcomer, { group: undefined });
    expect(app).toMatchObject({ status: 'pending', name: '张晓明', phone: '138****5678', attempt: 1 });
    expect(okData(await call(world, PERSONAS.newcomer, { action: 'getMe' })).membership).toEqual({ status: 'pending' });
    expect(
      await call(world, PERSONAS.newcomer, { action: 'applyMembership', agreeCharter: true, requestId: rid() }),
    ).toMatchObject({ ok: false, code: 'ALREADY_APPLIED' });

    const queue = okData(await call(world, PERSONAS.admin, { action: 'listApplications', status: 'pending' }));
    expect(queue.items.map((a: { id: string }) => a.id)).toEqual([app.id]);
    assertNoUnmaskedPii(queue);

    world.clock.advance(3600_000);
    const reviewed = okData(
      await call(world, PERSONAS.admin, {
        action: 'reviewApplication',
        applicationId: app.id,
        decision: 'approve',
        requestId: rid(),
      }),
    );
    // The seeded personas hold numbers 1..6, so the first approval issues number 7 of the Shanghai year.
    expect(reviewed).toMatchObject({ status: 'approved', memberNo: 'XZ2026000007', reviewedAt: world.clock.now() });

    const me = okData(await call(world, PERSONAS.newcomer, { action: 'getMe' }));
    expect(me.roles).toContain('member');
    expect(me.membership).toEqual({
      status: 'member',
      memberNo: 'XZ2026000007',
      since: world.clock.now(),
      employer: profile.employer,
      district: '秀洲区',
    });

    const [entry] = await world.all('auditLog', { event: 'member.reviewApplication' });
    expect(entry).toMatchObject({
      actor: PERSONAS.admin,
      target: { kind: 'membershipApplication', id: app.id },
      detail: { decision: 'approve', memberNo: 'XZ2026000007' },
    });
    const inbox = await world.all('messages', { to: PERSONAS.newcomer });
    expect(inbox).toEqual([expect.objectContaining({ title: '入会申请已通过', read: false })]);
    expect(world.openapiCalls).toEqual([
      expect.objectContaining({
        api: 'subscribeMessage.send',
        params: expect.objectContaining({ touser: PERSONAS.newcomer }),
      }),
    ]);

    // Reviewing twice is refused, and writes no second audit entry.
    expect(
      await call(world, PERSONAS.admin, {
        action: 'reviewApplication',
        applicationId: app.id,
        decision: 'return',
        reason: '信息不全',
      }),
    ).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await world.all('auditLog')).toHaveLength(1);
  });

  test('returned with a reason; the applicant sees it and may reapply', async () => {
    const world = await makeWorld();
    const app = await newApplicant(world, PERSONAS.newcomer);
    const returned = okData(
      await call(world, PERSONAS.admin, {
        action: 'reviewApplication',
        applicationId: app.id,
        decision: 'return',
        reason: '工作单位请填写全称',
      }),
    );
    expect(returned).toMatchObject({ status: 'returned', returnReason: '工作单位请填写全称' });
    expect(okData(await call(world, PERSONAS.newcomer, { action: 'getMe' })).membership).toEqual({
      status: 'returned',
      returnReason: '工作单位请填写全称',
    });
    expect(okData(await call(world, PERSONAS.newcomer, { action: 'myApplication' }))).toMatchObject({
      status: 'returned',
      returnReason: '工作单位请填写全称',
    });
    expect(await world.all('auditLog', { event: 'member.reviewApplication' })).toEqual([
      expect.objectContaining({
        detail: expect.objectContaining({ decision: 'return', reason: '工作单位请填写全称' }),
      }),
    ]);
    expect((await world.all('messages', { to: PERSONAS.newcomer }))[0].body).toContain('工作单位请填写全称');

    // Reapply: the same application document goes back to the queue, the reason cleared.
    await call(world, PERSONAS.newcomer, {
      action: 'updateProfile',
      ...profile,
      employer: '嘉兴秀洲精工机械有限公司二分厂',
    });
    const again = okData(
      await call(world, PERSONAS.newcomer, { action: 'applyMembership', agreeCharter: true, note: '已改为全称' }),
    );
    expect(again).toMatchObject({
      id: app.id,
      status: 'pending',
      attempt: 2,
      employer: '嘉兴秀洲精工机械有限公司二分厂',
      reason: '已改为全称',
    });
    expect(again.returnReason).toBeUndefined();
    expect(await world.all('membershipApplications')).toHaveLength(1);
  });

  test('myApplication is the caller own only (null for someone who never applied)', async () => {
    const world = await makeWorld();
    await newApplicant(world, PERSONAS.newcomer);
    expect(okData(await call(world, PERSONAS.family, { action: 'myApplication' }))).toBeNull();
  });

  test('reviewing an unknown application → NOT_FOUND, nothing written', async () => {
    const world = await makeWorld();
    for (const decision of ['approve', 'return']) {
      const res = await call(world, PERSONAS.admin, {
        action: 'reviewApplication',
        applicationId: applicationId('nobody'),
        decision,
        reason: '不符合',
      });
      expect(res).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect(await world.all('auditLog')).toEqual([]);
    expect(await world.all('counters')).toEqual([{ _id: 'memberNo', value: 6 }]);
  });

  test.each([PERSONAS.worker, PERSONAS.stationStaff, PERSONAS.enterprise, PERSONAS.newcomer])(
    '%s cannot see or review the queue (FORBIDDEN, nothing leaked)',
    async (who) => {
      const world = await makeWorld({ seed: 'full' });
      const [pending] = await world.all('membershipApplications');
      const list = await call(world, who, { action: 'listApplications' });
      expect(list).toEqual({ ok: false, code: 'FORBIDDEN', message: '您没有权限进行此操作' });
      const review = await call(world, who, {
        action: 'reviewApplication',
        applicationId: pending._id,
        decision: 'approve',
        requestId: rid(),
      });
      expect(review).toEqual({ ok: false, code: 'FORBIDDEN', message: '您没有权限进行此操作' });
      expect((await world.all('membershipApplications', { _id: pending._id }))[0].status).toBe('pending');
      expect(await world.all('auditLog')).toEqual([]);
    },
  );

  test('the queue pages oldest first with a total', async () => {
    const world = await makeWorld({ seed: 'full' });
    const first = okData(await call(world, PERSONAS.admin, { action: 'listApplications', limit: 1 }));
    const second = okData(await call(world, PERSONAS.admin, { action: 'listApplications', limit: 1, offset: 1 }));
    expect(first.total).toBe(2);
    expect(first.items[0].name).toBe('李春燕');
    expect(second.items[0].name).toBe('赵磊');
    assertNoUnmaskedPii([first, second]);
  });
});
