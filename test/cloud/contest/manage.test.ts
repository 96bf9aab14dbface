/**
 * Contest administration: a draft is the admin's alone until published; trades, quotas, places
 * per employer and eligibility come from the form; an edit that would break registrations is
 * refused with the numbers; close stops registration; copy makes next year's draft.
 */
import {
  CONTEST,
  CONTEST_FORM,
  DEADLINE,
  FORM,
  contestWorld,
  okData,
  PERSONAS,
  rid,
  taken,
  type ContestWorld,
} from './fixture';

const CA = PERSONAS.contestAdmin;

async function mut(w: ContestWorld, openid: string, action: string, payload: Record<string, unknown>) {
  return w.contest(openid, { action, requestId: rid('m'), ...payload });
}

test('create a draft with two trades, publish it: workers see it and register; the contests admin can do it all', async () => {
  const w = await contestWorld();
  await w.addMember('m1');
  const draft = okData(await mut(w, CA, 'saveContest', CONTEST_FORM));
  expect(draft).toMatchObject({
    status: 'draft',
    statusText: '草稿',
    trades: [],
    registrationClosesText: '2026-03-20 18:00',
  });
  expect(draft.eligibility).toEqual({ minAge: 16, maxAgeExclusive: 60, membersOnly: true, refuseTitleHolders: true });
  // Invisible to workers while a draft.
  expect(okData(await w.contest('m1', { action: 'listContests' })).map((c: any) => c.id)).not.toContain(draft.id);
  expect(await w.contest('m1', { action: 'getContest', contestId: draft.id })).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  expect(await mut(w, CA, 'publishContest', { contestId: draft.id })).toMatchObject({
    ok: false,
    code: 'INVALID_STATE',
    message: '请先添加至少一个比赛项目再发布',
  });
  okData(await mut(w, CA, 'saveTrade', { contestId: draft.id, name: '直播带货', rules: '20分钟直播实操', quota: 2 }));
  const two = okData(
    await mut(w, CA, 'saveTrade', {
      contestId: draft.id,
      name: '短视频运营',
      rules: '脚本与剪辑',
      quota: 5,
      employerQuota: 1,
    }),
  );
  expect(two.trades.map((t: any) => [t.name, t.quota, t.employerQuota ?? null])).toEqual([
    ['直播带货', 2, null],
    ['短视频运营', 5, 1],
  ]);
  expect(
    await mut(w, CA, 'saveTrade', { contestId: draft.id, name: '直播带货', rules: '重复的项目', quota: 2 }),
  ).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    details: { field: 'name' },
  });
  const published = okData(await mut(w, CA, 'publishContest', { contestId: draft.id }));
  expect(published).toMatchObject({ status: 'published', phase: 'open' });
  const detail = okData(await w.contest('m1', { action: 'getContest', contestId: draft.id }));
  expect(detail.trades.map((t: any) => t.name)).toEqual(['直播带货', '短视频运营']);
  const tradeId = detail.trades[0].id;
  expect(
    await w.contest('m1', { action: 'register', requestId: rid('r'), contestId: draft.id, tradeId, ...FORM }),
  ).toMatchObject({ ok: true });
  expect((await w.all('auditLog')).map((a) => a.event)).toEqual(
    expect.arrayContaining(['contest.createContest', 'contest.addTrade', 'contest.publish']),
  );
  // Another domain's admin, or a worker: FORBIDDEN, nothing written.
  const before = await w.snapshot(['contests', 'contestTrades', 'auditLog']);
  expect(await mut(w, 'm1', 'saveContest', CONTEST_FORM)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await mut(w, PERSONAS.stationStaff, 'closeContest', { contestId: draft.id })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect(await w.snapshot(['contests', 'contestTrades', 'auditLog'])).toEqual(before);
});

test('a quota below the places taken is refused with the count; equal is fine; per-employer places too', async () => {
  const w = await contestWorld();
  await w.addMember('a');
  await w.addMember('b', { employer: '王江泾丝绸服饰有限公司' });
  okData(await w.register('a', 'cnc'));
  okData(await w.register('b', 'cnc'));
  const before = await w.snapshot(['contestTrades', 'auditLog']);
  const lower = await mut(w, CA, 'saveTrade', {
    contestId: CONTEST,
    tradeId: 'cnc',
    name: '数控铣工',
    rules: '数控铣削',
    quota: 1,
  });
  expect(lower).toMatchObject({ ok: false, code: 'INVALID_STATE', details: { field: 'quota', taken: 2 } });
  expect(!lower.ok && lower.message).toContain('名额不能少于已报名的2人');
  expect(await w.snapshot(['contestTrades', 'auditLog'])).toEqual(before);
  const equal = okData(
    await mut(w, CA, 'saveTrade', {
      contestId: CONTEST,
      tradeId: 'cnc',
      name: '数控铣工',
      rules: '数控铣削（新版）',
      quota: 2,
    }),
  );
  expect(equal.trades.find((t: any) => t.id === 'cnc')).toMatchObject({
    quota: 2,
    taken: 2,
    left: 0,
    registrations: 2,
  });
  // Per employer: one employer holds 1 place in 智能制造; raising is fine, 0 is not a quota, lowering below 1 impossible.
  okData(await w.register('a', 'smart'));
  const per = okData(
    await mut(w, CA, 'saveTrade', {
      contestId: CONTEST,
      tradeId: 'smart',
      name: '智能制造',
      rules: '产线联调',
      quota: 10,
      employerQuota: 3,
    }),
  );
  expect(per.trades.find((t: any) => t.id === 'smart').employerQuota).toBe(3);
  expect(
    await mut(w, CA, 'saveTrade', {
      contestId: CONTEST,
      tradeId: 'smart',
      name: '智能制造',
      rules: '产线联调',
      quota: 10,
    }),
  ).toMatchObject({ ok: false, code: 'INVALID_STATE', details: { field: 'employerQuota' } });
  // A trade with registrations cannot be removed; an empty one can.
  expect(await mut(w, CA, 'removeTrade', { contestId: CONTEST, tradeId: 'cnc' })).toMatchObject({
    ok: false,
    code: 'INVALID_STATE',
  });
  const removed = okData(await mut(w, CA, 'removeTrade', { contestId: CONTEST, tradeId: 'web' }));
  expect(removed.trades.map((t: any) => t.id)).toEqual(['cnc', 'smart']);
});

test('lowering a quota while people register: taken never exceeds the quota the admin saw accepted', async () => {
  const w = await contestWorld();
  const people = Array.from({ length: 8 }, (_, i) => `racer-${i}`);
  for (const p of people) await w.addMember(p, { employer: `单位${p}有限公司` });
  const results = await Promise.all([
    ...people.map((p) => w.register(p, 'web')),
    mut(w, CA, 'saveTrade', { contestId: CONTEST, tradeId: 'web', name: '互联网营销', rules: '直播营销', quota: 4 }),
  ]);
  const save = results[results.length - 1];
  const registered = results.slice(0, -1).filter((r) => r.ok).length;
  const [trade] = await w.all('contestTrades', { _id: `${CONTEST}:web` });
  expect(trade.taken).toBe(registered);
  expect(trade.taken).toBeLessThanOrEqual(trade.quota);
  if (save.ok) {
    expect(trade.quota).toBe(4);
    expect(registered).toBeLessThanOrEqual(4);
  } else expect(save).toMatchObject({ code: 'INVALID_STATE', details: { field: 'quota' } });
  expect(await taken(w, 'web')).toBe(registered);
});

test('eligibility from the form: age range, members only, title holders', async () => {
  const w = await contestWorld();
  await w.addMember('young', { birthDate: '2000-01-01' });
  await w.addMember('nonmember', { status: 'none' });
  const c = okData(await w.contest(CA, { action: 'adminContest', contestId: CONTEST }));
  const form = {
    ...CONTEST_FORM,
    contestId: CONTEST,
    registrationOpensAt: c.registrationOpensText,
    registrationClosesAt: c.registrationClosesText,
    contestStartsAt: c.contestStartsText,
    contestEndsAt: c.contestEndsText,
  };
  okData(
    await mut(w, CA, 'saveContest', {
      ...form,
      eligibility: { minAge: 30, maxAgeExclusive: 55, membersOnly: false, refuseTitleHolders: false },
    }),
  );
  const young = await w.register('young', 'web');
  expect(young).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
  expect(!young.ok && young.message).toContain('参赛年龄须为30周岁至55周岁以下');
  expect(await w.register('nonmember', 'web')).toMatchObject({ ok: true });
  expect(okData(await w.contest('nonmember', { action: 'getContest', contestId: CONTEST })).eligibility).toMatchObject({
    minAge: 30,
    membersOnly: false,
  });
  expect(
    await mut(w, CA, 'saveContest', {
      ...form,
      eligibility: { minAge: 40, maxAgeExclusive: 40, membersOnly: true, refuseTitleHolders: true },
    }),
  ).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'eligibility' } });
  // With people registered under the loose rules, tightening them is refused; loosening further is fine.
  const tighten = await mut(w, CA, 'saveContest', {
    ...form,
    eligibility: { minAge: 30, maxAgeExclusive: 55, membersOnly: true, refuseTitleHolders: false },
  });
  expect(tighten).toMatchObject({ ok: false, code: 'INVALID_STATE', details: { field: 'eligibility', taken: 1 } });
  expect(
    await mut(w, CA, 'saveContest', {
      ...form,
      eligibility: { minAge: 18, maxAgeExclusive: 60, membersOnly: false, refuseTitleHolders: false },
    }),
  ).toMatchObject({ ok: true });
});

test('windows that do not fit are refused field by field, and nothing is written', async () => {
  const w = await contestWorld();
  const before = await w.snapshot(['contests', 'auditLog']);
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ registrationClosesAt: '2026-02-20 18:00' }, 'registrationClosesAt'],
    [{ contestStartsAt: '2026-03-19 08:00' }, 'contestStartsAt'],
    [{ contestEndsAt: '2026-03-25 08:00' }, 'contestEndsAt'],
    [{ registrationOpensAt: '2026/03/01 09:00' }, 'registrationOpensAt'],
    [{ registrationOpensAt: '2026-02-30 09:00' }, 'registrationOpensAt'],
    [{ contestEndsAt: '2026-03-26 24:30' }, 'contestEndsAt'],
    [{ schedule: [{ at: '明天上午', text: '开幕' }] }, 'schedule.0.at'],
    [{ title: '' }, 'title'],
  ];
  for (const [patch, field] of cases) {
    const r = await mut(w, CA, 'saveContest', { ...CONTEST_FORM, ...patch });
    expect([patch, r]).toEqual([
      patch,
      expect.objectContaining({ ok: false, code: 'INVALID_INPUT', details: { field } }),
    ]);
  }
  expect(await w.snapshot(['contests', 'auditLog'])).toEqual(before);
});

test("close stops registration now; copy makes next year's draft with the trades and nobody registered", async () => {
  const w = await contestWorld();
  await w.addMember('a');
  await w.addMember('late');
  okData(await w.register('a', 'cnc'));
  const closed = okData(await mut(w, CA, 'closeContest', { contestId: CONTEST }));
  expect(closed).toMatchObject({ status: 'closed', phase: 'closed' });
  expect(await w.register('late', 'web')).toMatchObject({
    ok: false,
    code: 'DEADLINE_PASSED',
    message: '这场比武已关闭报名',
  });
  expect(okData(await w.contest('a', { action: 'listContests' })).find((c: any) => c.id === CONTEST).phase).toBe(
    'closed',
  );
  expect(okData(await w.contest('a', { action: 'myRegistrations' }))).toHaveLength(1);
  expect(
    await mut(w, CA, 'saveTrade', { contestId: CONTEST, name: '新项目', rules: '关闭后不能加', quota: 3 }),
  ).toMatchObject({
    ok: false,
    code: 'INVALID_STATE',
  });

  const copy = okData(await mut(w, CA, 'copyContest', { contestId: CONTEST, title: '技能比武测试赛（2027）' }));
  expect(copy).toMatchObject({
    status: 'draft',
    title: '技能比武测试赛（2027）',
    registrationClosesText: '2027-03-20 18:00',
  });
  expect(copy.registrationClosesAt - DEADLINE).toBe(365 * 24 * 3600_000);
  expect(copy.trades.map((t: any) => [t.name, t.quota, t.taken, t.employerQuota ?? null])).toEqual([
    ['数控铣工', 2, 0, null],
    ['互联网营销', 10, 0, null],
    ['智能制造', 10, 0, 1],
  ]);
  expect(await w.all('contestRegistrations', { contestId: copy.id })).toEqual([]);
  const list = okData(await w.contest(CA, { action: 'adminContests' }));
  expect(list.map((c: any) => c.id)).toEqual(expect.arrayContaining([CONTEST, copy.id]));
});

test('the contests admin is only an admin in the contest function', async () => {
  const w = await contestWorld();
  expect(okData(await w.contest(CA, { action: 'reviewQueue', contestId: CONTEST }))).toMatchObject({ total: 0 });
  const gift = await import('../../../cloud/domain/gift');
  expect(await w.call(CA, gift.giftActions, 'gift', { action: 'listCampaigns' })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
});
