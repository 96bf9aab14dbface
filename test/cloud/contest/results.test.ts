/** Browsing, publishing results (awards, titles, notifications), the venue CSV, the poster, the seed. */
import { checkinActions } from '../../../cloud/domain/checkin';
import { contestActions } from '../../../cloud/domain/contest';
import { REGISTRATIONS } from '../../../cloud/domain/contest/model';
import { shanghaiTime } from '../../../cloud/lib/clock';
import { makeWorld } from '../helpers';
import { CONTEST, DEADLINE, PERSONAS, contestWorld, okData, rid, type ContestWorld } from './fixture';

let world: ContestWorld;
const admin: string = PERSONAS.admin;
beforeEach(async () => {
  world = await contestWorld();
});

/** Registers, approves and checks in `people` in the web trade; returns their registration ids. */
async function competed(people: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const p of people) {
    if (p !== PERSONAS.worker) await world.addMember(p, { name: `选手${ids.length}` });
    ids.push(okData(await world.register(p, 'web')).id);
  }
  okData(await world.contest(admin, { action: 'review', requestId: rid(), registrationIds: ids, decision: 'approve' }));
  world.clock.set(shanghaiTime('2026-03-25 09:00'));
  for (const [i, p] of people.entries()) {
    const { token } = okData(await world.contest(p, { action: 'ticketCode', registrationId: ids[i] }));
    expect(
      okData(
        await world.call(admin, checkinActions, 'checkin', {
          action: 'scan',
          requestId: rid(),
          code: token,
          scope: { kind: 'contest', id: CONTEST },
        }),
      ).result,
    ).toBe('success');
  }
  return ids;
}

const publish = (results: unknown[], as = admin) =>
  world.contest(as, { action: 'publishResults', requestId: rid(), contestId: CONTEST, tradeId: 'web', results });

test('publishing results: awards and ranks, notifications, public results masked, title bars next entry', async () => {
  const [w, b, c] = await competed([PERSONAS.worker, 'u-b', 'u-c']);
  world.clock.set(shanghaiTime('2026-03-27 10:00'));
  expect(
    okData(
      await publish([
        { registrationId: w, rank: 1, award: '一等奖' },
        { registrationId: b, rank: 2, award: '二等奖' },
        { registrationId: c, rank: 3 },
      ]),
    ),
  ).toEqual({ published: 3 });
  const [mine] = okData(await world.contest(PERSONAS.worker, { action: 'myRegistrations' }));
  expect(mine).toMatchObject({ status: 'awarded', result: { rank: 1, award: '一等奖' } });
  const statuses = Object.fromEntries((await world.all(REGISTRATIONS)).map((r) => [r._id, r.status]));
  expect(statuses).toEqual({ [w]: 'awarded', [b]: 'awarded', [c]: 'result_published' });
  expect(await world.all('messages', { to: PERSONAS.worker, title: '恭喜您获得互联网营销一等奖' })).toHaveLength(1);
  expect(await world.all('messages', { to: 'u-c', title: '技能比武成绩已公布' })).toHaveLength(1);
  expect(await world.all('auditLog', { event: 'contest.publishResults' })).toHaveLength(1);

  const board = okData(await world.contest('', { action: 'results', contestId: CONTEST }));
  expect(board.map((r: any) => [r.rank, r.name, r.award])).toEqual([
    [1, '王*国', '一等奖'],
    [2, '选*1', '二等奖'],
    [3, '选*2', undefined],
  ]);
  const detail = okData(await world.contest('', { action: 'getContest', contestId: CONTEST }));
  expect(detail.trades.find((t: any) => t.id === 'web').resultsPublished).toBe(true);

  // The first prize made the worker a 技术能手 of 互联网营销: barred from that trade next time.
  const titles = await world.all('titles', { openid: PERSONAS.worker });
  expect(titles).toEqual([expect.objectContaining({ trade: '互联网营销', title: '2026年秀洲区互联网营销技术能手' })]);
});

test('results only for people who checked in; a bad list writes nothing; admins only', async () => {
  const [w] = await competed([PERSONAS.worker]);
  await world.addMember('u-absent');
  world.clock.set(shanghaiTime('2026-03-10 10:00'));
  const absent = okData(await world.register('u-absent', 'web')).id;
  const before = await world.snapshot([REGISTRATIONS, 'messages', 'contestTrades']);
  expect(
    await publish([
      { registrationId: w, rank: 1, award: '一等奖' },
      { registrationId: absent, rank: 2 },
    ]),
  ).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  expect(
    await publish([
      { registrationId: w, rank: 1 },
      { registrationId: w, rank: 2 },
    ]),
  ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(await publish([{ registrationId: w, rank: 0 }])).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    details: { field: 'results.0.rank' },
  });
  expect(await publish([{ registrationId: w, rank: 1, award: '特等奖' }])).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    details: { field: 'results.0.award' },
  });
  expect(await publish([{ registrationId: w, rank: 1 }], PERSONAS.venueStaff)).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect(await world.snapshot([REGISTRATIONS, 'messages', 'contestTrades'])).toEqual(before);
});

test('listContests by phase; getContest shows trades with places left', async () => {
  const list = okData(await world.contest('', { action: 'listContests' }));
  expect(list).toEqual([
    expect.objectContaining({
      id: CONTEST,
      phase: 'open',
      tradeNames: ['数控铣工', '互联网营销', '智能制造'],
      placesLeft: 22,
    }),
  ]);
  expect(okData(await world.contest('', { action: 'listContests', phase: 'closed' }))).toEqual([]);
  world.clock.set(DEADLINE + 1000);
  expect(okData(await world.contest('', { action: 'listContests', phase: 'closed' }))).toHaveLength(1);
  expect(await world.contest('', { action: 'getContest', contestId: 'nope' })).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  expect(await world.contest('', { action: 'listContests', phase: 'soon' })).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    details: { field: 'phase' },
  });
});

describe('CSV export for the venue', () => {
  test('approved and later only, phones masked by default, formula cells defused, audited', async () => {
    await world.addMember('u-evil', { name: '张三' });
    const [w] = await competed([PERSONAS.worker]);
    world.clock.set(shanghaiTime('2026-03-10 10:00'));
    okData(await world.register('u-evil', 'cnc', { jobTitle: '=HYPERLINK("x")' }));
    const evil = (await world.all(REGISTRATIONS, { openid: 'u-evil' }))[0]._id;
    okData(
      await world.contest(admin, { action: 'review', requestId: rid(), registrationIds: [evil], decision: 'approve' }),
    );
    await world.addMember('u-pending');
    okData(await world.register('u-pending', 'web'));
    const out = okData(await world.contest(admin, { action: 'exportCsv', contestId: CONTEST }));
    expect(out.rows).toBe(2);
    const lines = out.csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('序号,项目,姓名,工作单位,工种,技能等级,从业年限,手机号,状态,签到时间');
    expect(lines[1]).toContain('数控铣工,张三');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[2]).toContain('互联网营销,王建国');
    expect(lines[2]).toContain('138****1234,已签到,2026-03-25 09:00');
    expect(out.csv).not.toContain('13857301234');
    // A file Excel opens as UTF-8 (the BOM), named for a person: 赛场名单-<contest>-<date>.csv.
    expect(out.csv.startsWith('\ufeff')).toBe(true);
    expect(out.filename).toMatch(/^赛场名单-[^\\/:*?"<>|\s]+-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(w).toBeTruthy();
    expect(await world.all('auditLog', { event: 'contest.exportCsv' })).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ rows: 2 }) }),
    ]);
  });

  test('one trade only; no way to ask for full phones; non-admins FORBIDDEN', async () => {
    await competed([PERSONAS.worker]);
    const out = okData(await world.contest(admin, { action: 'exportCsv', contestId: CONTEST, tradeId: 'cnc' }));
    expect(out.rows).toBe(0);
    expect(out.filename).toMatch(/^赛场名单-.+-cnc-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await world.contest(admin, { action: 'exportCsv', contestId: CONTEST, fullPhones: true })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      details: { field: 'fullPhones' },
    });
    expect(await world.contest(PERSONAS.venueStaff, { action: 'exportCsv', contestId: CONTEST })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});

test('poster: the 小程序码 for the contest page as base64 PNG, admin only', async () => {
  const out = okData(await world.contest(admin, { action: 'poster', contestId: CONTEST }));
  expect(out).toMatchObject({ contentType: 'image/png', scene: CONTEST, page: 'contest/pages/detail/index' });
  expect(Buffer.from(out.base64, 'base64').subarray(1, 4).toString()).toBe('PNG');
  expect(world.openapiCalls).toContainEqual(
    expect.objectContaining({
      api: 'wxacode.getUnlimited',
      params: expect.objectContaining({ scene: CONTEST, page: 'contest/pages/detail/index' }),
    }),
  );
  expect(await world.contest(PERSONAS.worker, { action: 'poster', contestId: CONTEST })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
});

test('the seed: an open, an upcoming and a closed contest; 数控铣工 nearly full; the worker can register', async () => {
  const full = await makeWorld({ seed: 'full', now: shanghaiTime('2026-05-06 10:00') });
  const call = (who: string, event: Record<string, unknown>) => full.call(who, contestActions, 'contest', event);
  const list = okData(await call('', { action: 'listContests' }));
  expect(Object.fromEntries(list.map((c: any) => [c.id, c.phase]))).toEqual({
    'contest-2026-skills': 'open',
    'contest-2026-live': 'open',
    'contest-2026-autumn': 'upcoming',
    'contest-2025-skills': 'closed',
  });
  const staff = (await full.all('users', { _id: PERSONAS.venueStaff }))[0];
  expect(staff.scopes).toEqual([
    { kind: 'contest', id: 'contest-2026-skills' },
    { kind: 'contest', id: 'contest-2026-live' },
  ]);
  const detail = okData(await call('', { action: 'getContest', contestId: 'contest-2026-skills' }));
  expect(detail.trades.map((t: any) => t.name)).toEqual(['数控铣工', '服装制版', '互联网营销', '智能制造']);
  expect(detail.trades[0].left).toBe(1);
  expect(okData(await call('', { action: 'results', contestId: 'contest-2025-skills' })).length).toBeGreaterThan(0);
  const reg = okData(
    await call(PERSONAS.worker, {
      action: 'register',
      requestId: rid(),
      contestId: 'contest-2026-skills',
      tradeId: 'cnc-milling',
      employer: '嘉兴秀洲精工机械有限公司',
      jobTitle: '数控铣工',
      skillLevel: '高级工',
      yearsInTrade: 12,
      phone: '13857301234',
      consent: true,
    }),
  );
  expect(reg.status).toBe('submitted');
  expect(
    okData(await call(PERSONAS.admin, { action: 'reviewQueue', contestId: 'contest-2026-skills', status: 'submitted' }))
      .total,
  ).toBeGreaterThan(1);
});
