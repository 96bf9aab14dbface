/**
 * Places per named employer: the contests admin gives 嘉兴纺织 its own places in a trade, every other
 * employer keeps the default. Registration honours the named cap (with a refusal naming it), the
 * race guarantees of the shared counters hold, and an edit below what an employer holds is refused.
 */
import { EMPLOYER_PLACES, REGISTRATIONS, TRADES } from '../../../cloud/domain/contest/model';
import {
  CONTEST,
  FORM,
  PERSONAS,
  contestWorld,
  okData,
  returnRegistration,
  rid,
  taken,
  type ContestWorld,
} from './fixture';

const CA = PERSONAS.contestAdmin;
const TEXTILE = '嘉兴纺织有限公司';
const OTHER = '王江泾丝绸服饰有限公司';

let world: ContestWorld;
beforeEach(async () => {
  world = await contestWorld();
});

/** 智能制造 (quota 10, default 1 per employer) with named employers. */
function saveSmart(
  employerPlaces: Array<{ employer: string; places: number }> | undefined,
  extra = {},
  who: string = CA,
) {
  return world.contest(who, {
    action: 'saveTrade',
    requestId: rid('m'),
    contestId: CONTEST,
    tradeId: 'smart',
    name: '智能制造',
    rules: '产线联调',
    quota: 10,
    employerQuota: 1,
    ...(employerPlaces ? { employerPlaces } : {}),
    ...extra,
  });
}

async function crowd(employer: string, n: number, prefix: string): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  for (const id of ids) await world.addMember(id, { employer });
  return ids;
}

test('a named employer gets its own places; others keep the default; the admin view shows what each holds', async () => {
  const view = okData(await saveSmart([{ employer: ` ${TEXTILE}`, places: 3 }]));
  const smart = view.trades.find((t: any) => t.id === 'smart');
  expect(smart).toMatchObject({ employerQuota: 1, employerPlaces: [{ employer: TEXTILE, places: 3, taken: 0 }] });

  const textile = await crowd(TEXTILE, 4, 'tx');
  const others = await crowd(OTHER, 2, 'ot');
  for (const id of textile.slice(0, 3)) okData(await world.register(id, 'smart', { employer: TEXTILE }));
  const fourth = await world.register(textile[3], 'smart', { employer: TEXTILE });
  expect(fourth).toMatchObject({ ok: false, code: 'EMPLOYER_QUOTA_FULL', details: { places: 3 } });
  expect(!fourth.ok && fourth.message).toContain(`${TEXTILE}在智能制造项目的3个名额已满`);
  okData(await world.register(others[0], 'smart', { employer: OTHER }));
  const second = await world.register(others[1], 'smart', { employer: OTHER });
  expect(second).toMatchObject({ ok: false, code: 'EMPLOYER_QUOTA_FULL', details: { places: 1 } });
  expect(!second.ok && second.message).toBe('本单位在智能制造项目的1个名额已满');
  expect(await taken(world, 'smart')).toBe(4);

  // Workers see the named places on the contest page too.
  const detail = okData(await world.contest(PERSONAS.worker, { action: 'getContest', contestId: CONTEST }));
  expect(detail.trades.find((t: any) => t.id === 'smart').employerPlaces).toEqual([{ employer: TEXTILE, places: 3 }]);
  const admin = okData(await world.contest(CA, { action: 'adminContest', contestId: CONTEST }));
  expect(admin.trades.find((t: any) => t.id === 'smart').employerPlaces).toEqual([
    { employer: TEXTILE, places: 3, taken: 3 },
  ]);
});

test('parallel registrations of a named employer: exactly its places, never more, no place refused while one is free', async () => {
  okData(await saveSmart([{ employer: TEXTILE, places: 3 }]));
  const textile = await crowd(TEXTILE, 8, 'tx');
  const others = await crowd(OTHER, 3, 'ot');
  const results = await Promise.all([
    ...textile.map((id) => world.register(id, 'smart', { employer: TEXTILE })),
    ...others.map((id) => world.register(id, 'smart', { employer: OTHER })),
  ]);
  const textileOk = results.slice(0, 8).filter((r) => r.ok);
  const otherOk = results.slice(8).filter((r) => r.ok);
  expect(textileOk).toHaveLength(3);
  expect(otherOk).toHaveLength(1);
  expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'EMPLOYER_QUOTA_FULL')).toBe(true);
  expect(await taken(world, 'smart')).toBe(4);
  expect((await world.all(EMPLOYER_PLACES)).reduce((n, p) => n + p.taken, 0)).toBe(4);
});

test('an edit below what a named employer holds is refused with the count; raising, and lowering to it, pass', async () => {
  okData(await saveSmart([{ employer: TEXTILE, places: 3 }]));
  for (const id of await crowd(TEXTILE, 2, 'tx')) okData(await world.register(id, 'smart', { employer: TEXTILE }));
  const lower = await saveSmart([{ employer: TEXTILE, places: 1 }]);
  expect(lower).toMatchObject({
    ok: false,
    code: 'INVALID_STATE',
    details: { field: 'employerPlaces', employer: TEXTILE, taken: 2 },
  });
  expect(!lower.ok && lower.message).toContain(`${TEXTILE}已有2人报名，该单位名额不能少于2`);
  // Nothing moved by the refused edit: the cap is still 3.
  expect((await world.all(EMPLOYER_PLACES)).map((p) => p.cap)).toEqual([3]);
  // Dropping the name would put 2 people under the default of 1: refused the same way.
  const dropped1 = await saveSmart([]);
  expect(dropped1).toMatchObject({ ok: false, code: 'INVALID_STATE', details: { employer: TEXTILE } });
  expect(!dropped1.ok && dropped1.message).toContain('移出单独名额后按每单位1个计');
  expect(okData(await saveSmart([{ employer: TEXTILE, places: 2 }])).trades[2].employerPlaces).toEqual([
    { employer: TEXTILE, places: 2, taken: 2 },
  ]);
  expect(await world.register('late', 'smart', { employer: TEXTILE })).toMatchObject({ ok: false });
  // With a default of 2 the name can go: the employer falls back to the default it already fills.
  const dropped = okData(await saveSmart([], { employerQuota: 2 }));
  expect(dropped.trades[2]).toMatchObject({ employerQuota: 2 });
  expect(dropped.trades[2].employerPlaces).toBeUndefined();
  const [trade] = await world.all(TRADES, { _id: `${CONTEST}:smart` });
  expect(trade.employerPlaces).toBeUndefined();
});

test('lowering a named cap while its workers register: the employer never holds more than the accepted cap', async () => {
  for (let round = 0; round < 3; round++) {
    world = await contestWorld();
    okData(await saveSmart([{ employer: TEXTILE, places: 6 }]));
    const textile = await crowd(TEXTILE, 6, `r${round}`);
    const [lowered, ...results] = await Promise.all([
      saveSmart([{ employer: TEXTILE, places: 2 }]),
      ...textile.map((id) => world.register(id, 'smart', { employer: TEXTILE })),
    ]);
    const placed = results.filter((r) => r.ok).length;
    const [counter] = await world.all(EMPLOYER_PLACES);
    expect(counter.taken).toBe(placed);
    if (lowered.ok) expect(placed).toBeLessThanOrEqual(2);
    else expect(lowered).toMatchObject({ code: 'INVALID_STATE', details: { field: 'employerPlaces' } });
    expect(counter.taken).toBeLessThanOrEqual(counter.cap);
  }
});

test('lowering the default while an employer’s workers register: no employer ends over the saved default', async () => {
  for (let round = 0; round < 3; round++) {
    world = await contestWorld();
    okData(await saveSmart(undefined, { employerQuota: 6 }));
    const other = await crowd(OTHER, 6, `d${round}`);
    // One in first, so lowering to 1 is allowed by the check and raced by the others.
    okData(await world.register(other[0], 'smart', { employer: OTHER }));
    const [lowered, ...results] = await Promise.all([
      saveSmart(undefined, { employerQuota: 1 }),
      ...other.slice(1).map((id) => world.register(id, 'smart', { employer: OTHER })),
    ]);
    const placed = 1 + results.filter((r) => r.ok).length;
    const [counter] = await world.all(EMPLOYER_PLACES);
    const [trade] = await world.all(TRADES, { _id: `${CONTEST}:smart` });
    expect(counter.taken).toBe(placed);
    // Saved: nobody got in past it. Refused: said why (the count, or busy: save again), and the default stands.
    if (lowered.ok) expect(placed).toBeLessThanOrEqual(trade.employerQuota);
    else {
      expect(['INVALID_STATE', 'BUSY']).toContain(lowered.code);
      expect(trade.employerQuota).toBe(6);
    }
    for (const r of results) if (!r.ok) expect(r.code).toBe('EMPLOYER_QUOTA_FULL');
  }
});

/** Lowering the default to 1 answered BUSY (save again), the default stayed 6, and saved again it is refused: OTHER holds 2. */
async function expectBusyThenRefused(lowered: Awaited<ReturnType<typeof saveSmart>>): Promise<void> {
  expect(lowered).toMatchObject({ ok: false, code: 'BUSY' });
  expect(!lowered.ok && lowered.message).toContain('请再保存一次');
  const [trade] = await world.all(TRADES, { _id: `${CONTEST}:smart` });
  expect(trade.employerQuota).toBe(6);
  // Saved again, the check sees both: refused with the count.
  expect(await saveSmart(undefined, { employerQuota: 1 })).toMatchObject({
    ok: false,
    code: 'INVALID_STATE',
    details: { field: 'employerQuota', taken: 2 },
  });
}

/** Runs `during` once, just before the first write named `api` from now lands. */
function before(api: string, during: () => Promise<unknown>): { result: () => unknown; restore: () => void } {
  const core = world.db.core;
  const write = core.write.bind(core) as (api: string, fn: () => Promise<unknown>) => Promise<unknown>;
  let armed = true;
  let result: unknown;
  const spy = jest.spyOn(core, 'write').mockImplementation((async (name: string, fn: () => Promise<unknown>) => {
    if (armed && name === api) {
      armed = false;
      result = await during();
    }
    return write(name, fn);
  }) as typeof core.write);
  return { result: () => result, restore: () => spy.mockRestore() };
}

test('a registration between the default’s check and its save: the save does not land over it', async () => {
  okData(await saveSmart(undefined, { employerQuota: 6 }));
  const [first, second] = await crowd(OTHER, 2, 'gap');
  okData(await world.register(first, 'smart', { employer: OTHER }));
  // The admin's trade update is its first `where().update()`: a colleague registers just before it lands.
  const hook = before('collection.update', () => world.register(second, 'smart', { employer: OTHER }));
  const lowered = await saveSmart(undefined, { employerQuota: 1 });
  hook.restore();
  expect(hook.result()).toMatchObject({ ok: true });
  await expectBusyThenRefused(lowered);
});

/**
 * Default 6 places per employer; OTHER holds one; worker `mv-0`, registered under 嘉兴纺织 (default places), is
 * returned by the admin and ready to resubmit. Answers the returned registration's id.
 */
async function returnedMover(): Promise<string> {
  okData(await saveSmart(undefined, { employerQuota: 6 }));
  const [first] = await crowd(OTHER, 1, 'gap');
  okData(await world.register(first, 'smart', { employer: OTHER }));
  const [mover] = await crowd(TEXTILE, 1, 'mv');
  const reg = okData(await world.register(mover, 'smart', { employer: TEXTILE }));
  okData(await returnRegistration(world, reg.id));
  return reg.id;
}

const resubmitUnder = (openid: string, registrationId: string, employer: string) =>
  world.contest(openid, { action: 'resubmit', requestId: rid(), registrationId, ...FORM, employer });

test('a resubmit moving into an employer’s share between the default’s check and its save: the save does not land over it', async () => {
  const regId = await returnedMover();
  // The admin's trade update is its first `where().update()`: the worker resubmits under OTHER just before it.
  const hook = before('collection.update', () => resubmitUnder('mv-0', regId, OTHER));
  const lowered = await saveSmart(undefined, { employerQuota: 1 });
  hook.restore();
  expect(hook.result()).toMatchObject({ ok: true, data: { employer: OTHER } });
  await expectBusyThenRefused(lowered);
});

test('the default lowered while a resubmit moves its place: the move checks the new default, not the one it loaded', async () => {
  const regId = await returnedMover();
  // The move's first write is in its transaction: the admin lowers the default to 1 (OTHER holds 1: allowed) just before.
  const hook = before('document.update', () => saveSmart(undefined, { employerQuota: 1 }));
  const moved = await resubmitUnder('mv-0', regId, OTHER);
  hook.restore();
  expect(hook.result()).toMatchObject({ ok: true });
  expect(moved).toMatchObject({ ok: false, code: 'EMPLOYER_QUOTA_FULL', details: { places: 1 } });
  expect(!moved.ok && moved.message).toBe('本单位在智能制造项目的1个名额已满');
  const counters = await world.all(EMPLOYER_PLACES);
  for (const c of counters) expect(c.taken).toBeLessThanOrEqual(1);
  // Still returned, still under 嘉兴纺织, still holding its place there.
  const [reg] = await world.all(REGISTRATIONS, { _id: regId });
  expect(reg).toMatchObject({ status: 'returned', employer: TEXTILE });
  expect(await taken(world, 'smart')).toBe(2);
});

test('a new trade with named employers, and a copy of the contest, keep the named places', async () => {
  const view = okData(
    await world.contest(CA, {
      action: 'saveTrade',
      requestId: rid('m'),
      contestId: CONTEST,
      name: '纺织挡车',
      rules: '高速织机挡车操作',
      quota: 20,
      employerPlaces: [{ employer: TEXTILE, places: 5 }],
    }),
  );
  const added = view.trades.find((t: any) => t.name === '纺织挡车');
  expect(added).toMatchObject({ employerPlaces: [{ employer: TEXTILE, places: 5, taken: 0 }] });
  expect(added.employerQuota).toBeUndefined();
  // No default: an employer not named is not limited, but still counted.
  for (const id of await crowd(OTHER, 3, 'ot')) okData(await world.register(id, added.id, { employer: OTHER }));
  const copy = okData(await world.contest(CA, { action: 'copyContest', requestId: rid('c'), contestId: CONTEST }));
  expect(copy.trades.find((t: any) => t.name === '纺织挡车').employerPlaces).toEqual([
    { employer: TEXTILE, places: 5, taken: 0 },
  ]);
});

test('bad input and FORBIDDEN: duplicates, out of range, a worker or another domain admin', async () => {
  const dup = await saveSmart([
    { employer: TEXTILE, places: 2 },
    { employer: `嘉兴纺织 有限公司`, places: 3 },
  ]);
  expect(dup).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'employerPlaces.1.employer' } });
  expect(await saveSmart([{ employer: TEXTILE, places: 0 }])).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(await saveSmart([{ employer: '嘉', places: 2 }])).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(await saveSmart(Array.from({ length: 51 }, (_, i) => ({ employer: `单位${i}号`, places: 1 })))).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
  });
  for (const who of [PERSONAS.worker, PERSONAS.stationStaff])
    expect(await saveSmart([{ employer: TEXTILE, places: 3 }], {}, who)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  expect(await world.all(EMPLOYER_PLACES)).toEqual([]);
});

test('a trade that counted nobody per employer cannot start now that people registered', async () => {
  okData(await world.register((await crowd(OTHER, 1, 'ot'))[0], 'web'));
  const r = await world.contest(CA, {
    action: 'saveTrade',
    requestId: rid('m'),
    contestId: CONTEST,
    tradeId: 'web',
    name: '互联网营销',
    rules: '直播营销',
    quota: 10,
    employerPlaces: [{ employer: TEXTILE, places: 3 }],
  });
  expect(r).toMatchObject({ ok: false, code: 'INVALID_STATE', details: { field: 'employerQuota', taken: 1 } });
});

test('an edit refused for one employer leaves every other employer’s places as they were', async () => {
  okData(
    await saveSmart([
      { employer: TEXTILE, places: 3 },
      { employer: OTHER, places: 2 },
    ]),
  );
  for (const id of await crowd(OTHER, 2, 'ot')) okData(await world.register(id, 'smart', { employer: OTHER }));
  const refused = await saveSmart([
    { employer: TEXTILE, places: 5 },
    { employer: OTHER, places: 1 },
  ]);
  expect(refused).toMatchObject({ ok: false, code: 'INVALID_STATE', details: { employer: OTHER, taken: 2 } });
  const caps = Object.fromEntries((await world.all(EMPLOYER_PLACES)).map((c) => [c.employer, c.cap]));
  expect(caps).toEqual({ [TEXTILE]: 3, [OTHER]: 2 });
  const [trade] = await world.all(TRADES, { _id: `${CONTEST}:smart` });
  expect(trade.employerPlaces).toEqual([
    { employer: TEXTILE, places: 3 },
    { employer: OTHER, places: 2 },
  ]);
});
