/** Admin review: queue, approve / return (batch), notifications, audit; resubmit after 退回; tickets. */
import { REGISTRATIONS } from '../../../cloud/domain/contest/model';
import { verifyToken } from '../../../cloud/lib/token';
import { CONTEST, DEADLINE, ENV, NOW, PERSONAS, contestWorld, okData, rid, taken, type ContestWorld } from './fixture';

let world: ContestWorld;
const admin: string = PERSONAS.admin;
beforeEach(async () => {
  world = await contestWorld();
});

const review = (ids: string[], decision: 'approve' | 'return', reason?: string, as = admin) =>
  world.contest(as, {
    action: 'review',
    requestId: rid('rv'),
    registrationIds: ids,
    decision,
    ...(reason ? { reason } : {}),
  });

test('the review queue per contest and trade, phones masked; FORBIDDEN for non-admins', async () => {
  await world.addMember('u-1');
  okData(await world.register(PERSONAS.worker, 'web'));
  okData(await world.register('u-1', 'cnc'));
  const page = okData(
    await world.contest(admin, { action: 'reviewQueue', contestId: CONTEST, tradeId: 'web', status: 'submitted' }),
  );
  expect(page.total).toBe(1);
  expect(page.items[0]).toMatchObject({ name: '王建国', phone: '138****1234', tradeName: '互联网营销' });
  expect(JSON.stringify(page)).not.toContain('13857301234');
  expect(okData(await world.contest(admin, { action: 'reviewQueue', contestId: CONTEST })).total).toBe(2);
  for (const who of [PERSONAS.worker, PERSONAS.venueStaff, PERSONAS.enterprise]) {
    expect(await world.contest(who, { action: 'reviewQueue', contestId: CONTEST })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: expect.any(String),
    });
  }
});

test('batch approve: each approved, notified (in-app + subscribe), audited', async () => {
  const ids: string[] = [];
  for (const id of ['u-1', 'u-2', 'u-3']) {
    await world.addMember(id);
    ids.push(okData(await world.register(id, 'web')).id);
  }
  const outcomes = okData(await review(ids, 'approve'));
  expect(outcomes.map((o: any) => o.status)).toEqual(['approved', 'approved', 'approved']);
  expect((await world.all(REGISTRATIONS)).every((r) => r.status === 'approved' && r.reviewer === admin)).toBe(true);
  const messages = await world.all('messages', { title: '技能比武报名审核通过' });
  expect(messages.map((m) => m.to).sort()).toEqual(['u-1', 'u-2', 'u-3']);
  expect(world.openapiCalls.filter((c) => c.api === 'subscribeMessage.send')).toHaveLength(3);
  expect(await world.all('auditLog', { event: 'contest.approve' })).toHaveLength(3);
  // Approving again changes nothing and says why.
  expect(okData(await review([ids[0]], 'approve'))[0]).toMatchObject({
    ok: false,
    code: 'INVALID_STATE',
    status: 'approved',
  });
});

test('non-admin review is FORBIDDEN and writes nothing', async () => {
  const reg = okData(await world.register(PERSONAS.worker, 'web'));
  const before = await world.snapshot([REGISTRATIONS, 'messages', 'auditLog']);
  expect(await review([reg.id], 'approve', undefined, PERSONAS.worker)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await review([reg.id], 'approve', undefined, PERSONAS.venueStaff)).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect(await world.snapshot([REGISTRATIONS, 'messages', 'auditLog'])).toEqual(before);
});

test('return needs a reason (INVALID_INPUT naming it); bad ids are refused', async () => {
  const reg = okData(await world.register(PERSONAS.worker, 'web'));
  expect(await review([reg.id], 'return')).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    details: { field: 'reason' },
  });
  expect(
    await world.contest(admin, { action: 'review', requestId: rid(), registrationIds: [], decision: 'approve' }),
  ).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'registrationIds' } });
  expect(okData(await review(['missing-id'], 'approve'))[0]).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect((await world.all(REGISTRATIONS))[0].status).toBe('submitted');
});

describe('退回 → resubmit', () => {
  let id: string;
  beforeEach(async () => {
    id = okData(await world.register(PERSONAS.worker, 'web')).id;
    okData(await review([id], 'return', '工作单位请填写全称'));
  });

  test('the worker sees the reason, is notified, resubmits with corrections (place kept)', async () => {
    const [mine] = okData(await world.contest(PERSONAS.worker, { action: 'myRegistrations' }));
    expect(mine).toMatchObject({ status: 'returned', returnReason: '工作单位请填写全称' });
    expect(await world.all('messages', { to: PERSONAS.worker })).toEqual([
      expect.objectContaining({ title: '技能比武报名被退回', body: expect.stringContaining('工作单位请填写全称') }),
    ]);
    expect(await taken(world, 'web')).toBe(1);
    const again = okData(
      await world.contest(PERSONAS.worker, {
        action: 'resubmit',
        requestId: rid(),
        registrationId: id,
        employer: '嘉兴秀洲精工机械股份有限公司',
        jobTitle: '电商运营',
        skillLevel: '技师',
        yearsInTrade: 9,
        phone: '13857301234',
        consent: true,
      }),
    );
    expect(again).toMatchObject({ status: 'submitted', employer: '嘉兴秀洲精工机械股份有限公司', skillLevel: '技师' });
    expect(again.returnReason).toBeUndefined();
    expect(await taken(world, 'web')).toBe(1);
    expect(okData(await review([id], 'approve'))[0].ok).toBe(true);
  });

  test('after the deadline resubmission is refused', async () => {
    world.clock.set(DEADLINE + 1000);
    const res = await world.contest(PERSONAS.worker, {
      action: 'resubmit',
      requestId: rid(),
      registrationId: id,
      employer: '嘉兴秀洲精工',
      jobTitle: '电商运营',
      skillLevel: '技师',
      yearsInTrade: 9,
      phone: '13857301234',
      consent: true,
    });
    expect(res).toMatchObject({ ok: false, code: 'DEADLINE_PASSED' });
  });

  test('only a returned registration can be resubmitted; others are FORBIDDEN', async () => {
    const form = {
      registrationId: id,
      employer: '嘉兴秀洲精工',
      jobTitle: '电商运营',
      skillLevel: '技师',
      yearsInTrade: 9,
      phone: '13857301234',
      consent: true,
    };
    expect(await world.contest(PERSONAS.rider, { action: 'resubmit', requestId: rid(), ...form })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    okData(await world.contest(PERSONAS.worker, { action: 'resubmit', requestId: rid(), ...form }));
    expect(await world.contest(PERSONAS.worker, { action: 'resubmit', requestId: rid(), ...form })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
    });
  });
});

test('the ticket: only for approved registrations; a signed contest token for the registration', async () => {
  const reg = okData(await world.register(PERSONAS.worker, 'web'));
  expect(await world.contest(PERSONAS.worker, { action: 'ticketCode', registrationId: reg.id })).toMatchObject({
    ok: false,
    code: 'INVALID_STATE',
  });
  okData(await review([reg.id], 'approve'));
  const ticket = okData(await world.contest(PERSONAS.worker, { action: 'ticketCode', registrationId: reg.id }));
  expect(ticket.expiresAt).toBeGreaterThan(NOW);
  expect(verifyToken(ENV, ticket.token, NOW)).toMatchObject({ kind: 'contest', id: reg.id });
});
