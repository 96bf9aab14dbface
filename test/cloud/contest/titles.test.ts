/**
 * Titles withdrawn by the contests admin: listed by the contest's trades (no OPENID in sight),
 * withdrawn with a reason (audited, the holder told), which lets the person enter that trade again.
 */
import { titleRef } from '../../../cloud/domain/contest/titles';
import { CONTEST, PERSONAS, contestWorld, okData, rid, type ContestWorld } from './fixture';

const CA = PERSONAS.contestAdmin;
let world: ContestWorld;

beforeEach(async () => {
  world = await contestWorld();
  const add = (trade: string, openid: string, year: number) =>
    world.db.collection('titles').add({
      data: { _id: `${trade}:${openid}`, openid, trade, title: `${year}年秀洲区${trade}技术能手`, year },
    });
  await add('数控铣工', PERSONAS.worker, 2025);
  await add('互联网营销', PERSONAS.rider, 2024);
  // Not a trade of this contest: not shown here.
  await add('服装制版', PERSONAS.courier, 2025);
});

const withdraw = (who: string, titleId: string, reason = '成绩复核有误', requestId = rid('w')) =>
  world.contest(who, { action: 'withdrawTitle', requestId, contestId: CONTEST, titleId, reason });

test('the admin lists the titles held in the contest’s trades, without OPENIDs, phones masked', async () => {
  const list = okData(await world.contest(CA, { action: 'adminTitles', contestId: CONTEST }));
  expect(list.map((t: any) => [t.trade, t.title, t.year])).toEqual([
    ['数控铣工', '2025年秀洲区数控铣工技术能手', 2025],
    ['互联网营销', '2024年秀洲区互联网营销技术能手', 2024],
  ]);
  expect(list[0]).toMatchObject({ id: titleRef(`数控铣工:${PERSONAS.worker}`), holderName: expect.any(String) });
  expect(JSON.stringify(list)).not.toContain(PERSONAS.worker);
  expect(list[0].holderPhone).toMatch(/^\d{3}\*{4}\d{4}$|^$/);
});

test('withdrawn: audited with the reason, the holder told, and the trade open to them again', async () => {
  await world.addMember(PERSONAS.worker);
  expect(await world.register(PERSONAS.worker, 'cnc')).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
  const ref = titleRef(`数控铣工:${PERSONAS.worker}`);
  const requestId = rid('w');
  expect(okData(await withdraw(CA, ref, '成绩复核有误', requestId))).toEqual({ withdrawn: true });
  // The same request again (its answer lost): the same answer, nothing written twice.
  expect(okData(await withdraw(CA, ref, '成绩复核有误', requestId))).toEqual({ withdrawn: true });
  expect(await world.all('titles', { openid: PERSONAS.worker })).toEqual([]);
  const audit = await world.all('auditLog', { event: 'contest.withdrawTitle' });
  expect(audit).toEqual([
    expect.objectContaining({
      actor: CA,
      target: { kind: 'title', id: ref },
      detail: expect.objectContaining({ trade: '数控铣工', reason: '成绩复核有误' }),
    }),
  ]);
  expect(await world.all('messages', { to: PERSONAS.worker, title: '称号已撤销' })).toHaveLength(1);
  okData(await world.register(PERSONAS.worker, 'cnc'));
  // A new request for a title already gone: said so.
  expect(await withdraw(CA, ref)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
});

test('bad input and FORBIDDEN: no reason, a title of another contest’s trade, a worker or station staff', async () => {
  const ref = titleRef(`数控铣工:${PERSONAS.worker}`);
  expect(await withdraw(CA, ref, '')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(await withdraw(CA, 'not a ref!')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(await withdraw(CA, titleRef(`服装制版:${PERSONAS.courier}`))).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  for (const who of [PERSONAS.worker, PERSONAS.stationStaff, PERSONAS.venueStaff]) {
    expect(await withdraw(who, ref)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.contest(who, { action: 'adminTitles', contestId: CONTEST })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  }
  expect(await world.all('titles')).toHaveLength(3);
  expect(await world.all('auditLog', { event: 'contest.withdrawTitle' })).toEqual([]);
});
