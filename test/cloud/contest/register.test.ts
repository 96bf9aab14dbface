/** Registration: window (to the second, Asia/Shanghai), eligibility, one per person, bad input. */
import { EMPLOYER_PLACES, REGISTRATIONS } from '../../../cloud/domain/contest/model';
import {
  CONTEST,
  DEADLINE,
  FORM,
  OPENS,
  PERSONAS,
  contestWorld,
  okData,
  rid,
  taken,
  type ContestWorld,
} from './fixture';

let world: ContestWorld;
beforeEach(async () => {
  world = await contestWorld();
});

test('a member registers: submitted, phone masked, place taken', async () => {
  const reg = okData(await world.register(PERSONAS.worker, 'web'));
  expect(reg).toMatchObject({
    contestId: CONTEST,
    tradeId: 'web',
    tradeName: '互联网营销',
    name: '王建国',
    status: 'submitted',
    phone: '138****1234',
    skillLevel: '高级工',
    yearsInTrade: 8,
  });
  expect(reg.id).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
  expect(await taken(world, 'web')).toBe(1);
  const mine = okData(await world.contest(PERSONAS.worker, { action: 'myRegistrations' }));
  expect(mine.map((r: any) => r.id)).toEqual([reg.id]);
});

describe('registration window (Asia/Shanghai)', () => {
  test('exactly at the deadline is accepted', async () => {
    world.clock.set(DEADLINE);
    expect(okData(await world.register(PERSONAS.worker, 'web')).status).toBe('submitted');
  });

  test('one second after the deadline is refused, nothing written', async () => {
    world.clock.set(DEADLINE + 1000);
    const res = await world.register(PERSONAS.worker, 'web');
    expect(res).toMatchObject({ ok: false, code: 'DEADLINE_PASSED' });
    expect(!res.ok && res.message).toContain('2026年3月20日（周五）18:00');
    expect(await world.all(REGISTRATIONS)).toHaveLength(0);
    expect(await taken(world, 'web')).toBe(0);
  });

  test('before opening is refused with NOT_OPEN', async () => {
    world.clock.set(OPENS - 1000);
    expect(await world.register(PERSONAS.worker, 'web')).toMatchObject({ ok: false, code: 'NOT_OPEN' });
  });
});

describe('eligibility: 16 ≤ age < 60 on the first contest day (2026-03-25)', () => {
  test.each([
    ['2010-03-26', 15, false],
    ['2010-03-25', 16, true],
    ['1966-03-26', 59, true],
    ['1966-03-25', 60, false],
  ])('born %s (age %i) eligible=%s', async (birthDate, _age, ok) => {
    await world.addMember('u-age', { birthDate });
    const res = await world.register('u-age', 'web');
    if (ok) expect(res.ok).toBe(true);
    else {
      expect(res).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', details: { reason: 'age' } });
      expect(await taken(world, 'web')).toBe(0);
    }
  });

  test('no birth date: PROFILE_INCOMPLETE asking for it', async () => {
    await world.addMember('u-nobirth', { birthDate: null });
    const res = await world.register('u-nobirth', 'web');
    expect(res).toMatchObject({ ok: false, code: 'PROFILE_INCOMPLETE' });
    expect(!res.ok && res.message).toContain('出生日期');
  });

  test('not a member: NOT_MEMBER; no profile at all: PROFILE_INCOMPLETE', async () => {
    await world.addMember('u-pending', { status: 'pending' });
    expect(await world.register('u-pending', 'web')).toMatchObject({ ok: false, code: 'NOT_MEMBER' });
    expect(await world.register(PERSONAS.newcomer, 'web')).toMatchObject({ ok: false, code: 'PROFILE_INCOMPLETE' });
    expect(await world.register(PERSONAS.family, 'web')).toMatchObject({ ok: false, code: 'NOT_MEMBER' });
  });

  test('a holder of the title for that trade is refused with the reason; other trades are open', async () => {
    await world.db.collection('titles').add({
      data: {
        _id: `数控铣工:${PERSONAS.worker}`,
        openid: PERSONAS.worker,
        trade: '数控铣工',
        title: '2025年秀洲区数控铣工技术能手',
        year: 2025,
      },
    });
    const res = await world.register(PERSONAS.worker, 'cnc');
    expect(res).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', details: { reason: 'title' } });
    expect(!res.ok && res.message).toContain('2025年秀洲区数控铣工技术能手');
    expect((await world.register(PERSONAS.worker, 'web')).ok).toBe(true);
  });
});

describe('one registration per person per trade', () => {
  test('a second registration is ALREADY_REGISTERED; another trade is fine', async () => {
    okData(await world.register(PERSONAS.worker, 'web'));
    expect(await world.register(PERSONAS.worker, 'web')).toMatchObject({ ok: false, code: 'ALREADY_REGISTERED' });
    expect((await world.register(PERSONAS.worker, 'cnc')).ok).toBe(true);
    expect(await taken(world, 'web')).toBe(1);
  });

  test('10 concurrent registrations of one person: one wins, one place taken', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => world.register(PERSONAS.worker, 'web')));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'ALREADY_REGISTERED')).toBe(true);
    expect(await world.all(REGISTRATIONS)).toHaveLength(1);
    expect(await taken(world, 'web')).toBe(1);
  });

  test('after cancelling, the person may register again before the deadline', async () => {
    const reg = okData(await world.register(PERSONAS.worker, 'web'));
    okData(await world.contest(PERSONAS.worker, { action: 'cancel', requestId: rid(), registrationId: reg.id }));
    const again = okData(await world.register(PERSONAS.worker, 'web', { jobTitle: '电商运营' }));
    expect(again).toMatchObject({ id: reg.id, status: 'submitted', jobTitle: '电商运营' });
    expect(await taken(world, 'web')).toBe(1);
  });
});

describe('bad input: INVALID_INPUT naming the field, nothing written', () => {
  test.each([
    [{ phone: '12345' }, 'phone'],
    [{ consent: false }, 'consent'],
    [{ consent: undefined }, 'consent'],
    [{ yearsInTrade: -1 }, 'yearsInTrade'],
    [{ yearsInTrade: 3.5 }, 'yearsInTrade'],
    [{ skillLevel: '大师' }, 'skillLevel'],
    [{ employer: 'x' }, 'employer'],
    [{ tradeId: 'web; drop' }, 'tradeId'],
    [{ extra: 1 }, 'extra'],
  ])('%o → %s', async (patch, field) => {
    const res = await world.register(PERSONAS.worker, 'web', patch);
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field } });
    expect(await world.all(REGISTRATIONS)).toHaveLength(0);
    expect(await taken(world, 'web')).toBe(0);
  });

  test('unknown contest or trade: NOT_FOUND', async () => {
    expect(
      await world.contest(PERSONAS.worker, {
        action: 'register',
        requestId: rid(),
        contestId: 'nope',
        tradeId: 'web',
        ...FORM,
      }),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await world.register(PERSONAS.worker, 'nope')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  test('no OPENID: UNAUTHENTICATED', async () => {
    expect(await world.register('', 'web')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

test('a retried register with the same requestId answers the first result and takes one place', async () => {
  const event = { action: 'register', requestId: rid('retry'), contestId: CONTEST, tradeId: 'web', ...FORM };
  const [a, b] = await Promise.all([world.contest(PERSONAS.worker, event), world.contest(PERSONAS.worker, event)]);
  expect(a).toEqual(b);
  expect(a.ok).toBe(true);
  expect(await taken(world, 'web')).toBe(1);
});

describe('a register whose answer was lost (the idempotency record could not be written)', () => {
  // Writes of a register in a trade with an employer quota: 1 idempotency record, 2 the registration,
  // 3 the trade place, 4 the employer counter (created on first use), 5 the employer place,
  // 6 marked placed, 7 done.
  const lost = async (requestId: string) => {
    const event = { action: 'register', requestId, contestId: CONTEST, tradeId: 'smart', ...FORM };
    world.db.failNthWrite(7);
    const first = okData(await world.contest(PERSONAS.worker, event));
    expect(await world.all('idempotency')).toHaveLength(0); // nothing to replay: a retry runs again
    return { event, first };
  };
  const places = async () => ({
    trade: await taken(world, 'smart'),
    employer: (await world.all(EMPLOYER_PLACES)).map((p) => p.taken),
    registrations: (await world.all(REGISTRATIONS)).map((r) => r.status),
  });

  test('its retry (same requestId) gets the same registration; one place taken', async () => {
    const { event, first } = await lost(rid('lost'));
    const retry = await world.contest(PERSONAS.worker, event);
    expect(retry).toEqual({ ok: true, data: first });
    expect(await places()).toEqual({ trade: 1, employer: [1], registrations: ['submitted'] });
    // Asked once more: replayed, the same.
    expect(await world.contest(PERSONAS.worker, event)).toEqual(retry);
  });

  test('another request for the same person and trade is still ALREADY_REGISTERED', async () => {
    const { event } = await lost(rid('lost'));
    expect(await world.contest(PERSONAS.worker, { ...event, requestId: rid('other') })).toMatchObject({
      ok: false,
      code: 'ALREADY_REGISTERED',
    });
    expect(await places()).toEqual({ trade: 1, employer: [1], registrations: ['submitted'] });
  });

  test('a cancelled registration is no answer: the retry of the old request registers anew, taking one place', async () => {
    const { event, first } = await lost(rid('lost'));
    okData(await world.contest(PERSONAS.worker, { action: 'cancel', requestId: rid(), registrationId: first.id }));
    expect(await places()).toEqual({ trade: 0, employer: [0], registrations: ['cancelled'] });
    const again = okData(await world.contest(PERSONAS.worker, event));
    expect(again).toMatchObject({ id: first.id, status: 'submitted' });
    expect(await places()).toEqual({ trade: 1, employer: [1], registrations: ['submitted'] });
  });
});
