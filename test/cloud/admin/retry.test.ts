/**
 * A create that died before answering (its idempotency record lost with it) and is retried with the
 * same requestId lands on the record it made: one station, one employer, one invitation, one
 * contest, one trade, one audit entry each.
 */
import { adminWorld, okData, PERSONAS, type AdminWorld } from './world';

/** Runs the call, forgets its stored answer (as a crash before the answer would), runs it again. */
async function twice(w: AdminWorld, fn: 'admin' | 'contest', action: string, payload: Record<string, unknown>) {
  const requestId = `retry-${action}-0001`;
  const first = okData(await w.fn(fn, PERSONAS.admin, action, { ...payload, requestId }));
  await w.db.collection('idempotency').where({}).remove();
  const second = okData(await w.fn(fn, PERSONAS.admin, action, { ...payload, requestId }));
  return { first, second };
}

test('creates retried after a crash make nothing twice', async () => {
  const w = await adminWorld();
  const station = await twice(w, 'admin', 'saveStation', {
    name: '高照驿站',
    town: '高照街道',
    address: '秀园路88号驿站',
    hours: '每天 08:00-19:00',
    phone: '0573-82201009',
    services: ['热水'],
    latE6: 30762345,
    lngE6: 120731234,
  });
  expect(station.second.id).toBe(station.first.id);
  expect(await w.all('stations', { name: '高照驿站' })).toHaveLength(1);

  const employer = await twice(w, 'admin', 'saveEmployer', { name: '高照新材料有限公司' });
  expect(employer.second.id).toBe(employer.first.id);
  expect(await w.all('employers', { name: '高照新材料有限公司' })).toHaveLength(1);

  const inv = await twice(w, 'admin', 'createInvitation', { kind: 'teacher', validDays: 3, maxUses: 2 });
  expect(inv.second.token).toBe(inv.first.token);
  expect(await w.all('invitations')).toHaveLength(1);

  const contest = await twice(w, 'contest', 'saveContest', {
    title: '2026年高照职工技能赛',
    summary: '测试重试',
    venue: '高照街道文体中心',
    venueAddress: '秀园路99号文体中心',
    registrationOpensAt: '2026-03-01 09:00',
    registrationClosesAt: '2026-03-20 18:00',
    contestStartsAt: '2026-03-25 08:30',
    contestEndsAt: '2026-03-26 17:00',
    schedule: [],
    rules: [],
    awards: '一等奖1名',
  });
  expect(contest.second.id).toBe(contest.first.id);
  const trade = await twice(w, 'contest', 'saveTrade', {
    contestId: contest.first.id,
    name: '焊工',
    rules: '手工电弧焊实操',
    quota: 20,
  });
  expect(trade.second.trades).toHaveLength(1);
  expect(await w.all('contestTrades', { contestId: contest.first.id })).toHaveLength(1);
  const [doc] = await w.all('contests', { _id: contest.first.id });
  expect(doc.tradeIds).toHaveLength(1);

  const events = (await w.all('auditLog')).map((a) => a.event).sort();
  expect(events).toEqual(
    [
      'admin.createEmployer',
      'admin.createInvitation',
      'admin.createStation',
      'contest.addTrade',
      'contest.createContest',
    ].sort(),
  );
});
