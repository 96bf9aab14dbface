/** Quotas under concurrency: trade quota, per-employer quota, cancel frees the place (once). */
import { EMPLOYER_PLACES, REGISTRATIONS, TRADES } from '../../../cloud/domain/contest/model';
import { CONTEST, DEADLINE, PERSONAS, contestWorld, okData, rid, taken, type ContestWorld } from './fixture';

let world: ContestWorld;
beforeEach(async () => {
  world = await contestWorld();
});

async function members(n: number, prefix = 'u'): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  for (const id of ids) await world.addMember(id, { employer: `单位${id}` });
  return ids;
}

test('the last place taken by two concurrent registrations: exactly one wins', async () => {
  const [a, b, c] = await members(3);
  okData(await world.register(a, 'cnc')); // quota 2: one place left
  const results = await Promise.all([world.register(b, 'cnc'), world.register(c, 'cnc')]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: 'CONTEST_FULL' });
  expect(await taken(world, 'cnc')).toBe(2);
  // The loser keeps no registration (so it can try another trade).
  expect(await world.all(REGISTRATIONS, { tradeId: 'cnc' })).toHaveLength(2);
});

test('50 concurrent registrations on a quota of 10: exactly 10 succeed, never exceeded', async () => {
  const ids = await members(50);
  const results = await Promise.all(ids.map((id) => world.register(id, 'web')));
  expect(results.filter((r) => r.ok)).toHaveLength(10);
  expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'CONTEST_FULL')).toBe(true);
  expect(await taken(world, 'web')).toBe(10);
  expect(await world.all(REGISTRATIONS, { tradeId: 'web' })).toHaveLength(10);
  const detail = okData(await world.contest(PERSONAS.worker, { action: 'getContest', contestId: 'c-test' }));
  expect(detail.trades.find((t: any) => t.id === 'web')).toMatchObject({ quota: 10, taken: 10, left: 0 });
});

test('per-employer quota: concurrent colleagues get one place; another employer is not affected', async () => {
  const colleagues = ['e-1', 'e-2', 'e-3', 'e-4'];
  for (const id of colleagues) await world.addMember(id);
  await world.addMember('other', { employer: '王江泾丝绸服饰有限公司' });
  const results = await Promise.all(
    colleagues.map((id) => world.register(id, 'smart', { employer: '嘉兴秀洲精工机械有限公司' })),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'EMPLOYER_QUOTA_FULL')).toBe(true);
  // The refused got their trade place back: only the winner holds one.
  expect(await taken(world, 'smart')).toBe(1);
  expect(okData(await world.register('other', 'smart', { employer: '王江泾丝绸服饰有限公司' })).status).toBe(
    'submitted',
  );
  expect(await taken(world, 'smart')).toBe(2);
});

describe('cancel', () => {
  test('before the deadline frees the place for someone else', async () => {
    const [a, b, c] = await members(3);
    const first = okData(await world.register(a, 'cnc'));
    okData(await world.register(b, 'cnc'));
    expect(await world.register(c, 'cnc')).toMatchObject({ ok: false, code: 'CONTEST_FULL' });
    const cancelled = okData(await world.contest(a, { action: 'cancel', requestId: rid(), registrationId: first.id }));
    expect(cancelled.status).toBe('cancelled');
    expect(await taken(world, 'cnc')).toBe(1);
    expect(okData(await world.register(c, 'cnc')).status).toBe('submitted');
  });

  test('concurrent cancels free the place once', async () => {
    const reg = okData(await world.register(PERSONAS.worker, 'web'));
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        world.contest(PERSONAS.worker, { action: 'cancel', requestId: rid(), registrationId: reg.id }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'INVALID_STATE')).toBe(true);
    expect(await taken(world, 'web')).toBe(0);
  });

  test('also frees the employer share', async () => {
    await world.addMember('e-1');
    await world.addMember('e-2');
    const reg = okData(await world.register('e-1', 'smart'));
    expect(await world.register('e-2', 'smart')).toMatchObject({ ok: false, code: 'EMPLOYER_QUOTA_FULL' });
    okData(await world.contest('e-1', { action: 'cancel', requestId: rid(), registrationId: reg.id }));
    const [counter] = await world.all(EMPLOYER_PLACES);
    expect(counter.taken).toBe(0);
    expect((await world.register('e-2', 'smart')).ok).toBe(true);
  });

  test('after the deadline is refused and keeps the place', async () => {
    const reg = okData(await world.register(PERSONAS.worker, 'web'));
    world.clock.set(DEADLINE + 1000);
    expect(
      await world.contest(PERSONAS.worker, { action: 'cancel', requestId: rid(), registrationId: reg.id }),
    ).toMatchObject({ ok: false, code: 'DEADLINE_PASSED' });
    expect(await taken(world, 'web')).toBe(1);
  });

  test("someone else's registration: FORBIDDEN, unchanged", async () => {
    const reg = okData(await world.register(PERSONAS.worker, 'web'));
    const res = await world.contest(PERSONAS.rider, { action: 'cancel', requestId: rid(), registrationId: reg.id });
    expect(res).toEqual({ ok: false, code: 'FORBIDDEN', message: expect.any(String) });
    expect((await world.all(REGISTRATIONS))[0].status).toBe('submitted');
    expect(await world.contest(PERSONAS.rider, { action: 'ticketCode', registrationId: reg.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});

describe('several employers registering at the same moment', () => {
  /** `employers` × `each` members, employer `单位k`; the smart trade set to `quota` places, `share` per employer. */
  async function crowd(employers: number, each: number, quota: number, share: number) {
    await world.db
      .collection(TRADES)
      .doc(`${CONTEST}:smart`)
      .update({ data: { quota, employerQuota: share } });
    const people: Array<{ id: string; employer: string }> = [];
    for (let e = 0; e < employers; e++)
      for (let i = 0; i < each; i++) {
        const employer = `单位${e}`;
        const id = `m-${e}-${i}`;
        await world.addMember(id, { employer });
        people.push({ id, employer });
      }
    const results = await Promise.all(people.map((p) => world.register(p.id, 'smart', { employer: p.employer })));
    const held = new Map<string, number>();
    people.forEach((p, i) => results[i].ok && held.set(p.employer, (held.get(p.employer) ?? 0) + 1));
    return { people, results, held };
  }

  test('no place is refused while one is free: every refusal is the employer share, the trade keeps its spare', async () => {
    // 5 employers × 4 workers, 2 places each, 12 in the trade: 10 placed, 2 stay free.
    for (let round = 0; round < 5; round++) {
      world = await contestWorld();
      const { results, held } = await crowd(5, 4, 12, 2);
      expect(results.filter((r) => r.ok)).toHaveLength(10);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(10).fill('EMPLOYER_QUOTA_FULL'));
      expect([...held.values()]).toEqual([2, 2, 2, 2, 2]);
      expect(await taken(world, 'smart')).toBe(10);
      expect((await world.all(EMPLOYER_PLACES)).map((p) => p.taken)).toEqual([2, 2, 2, 2, 2]);
    }
  });

  test('a full trade and full shares: each refusal names the reason that holds', async () => {
    // 4 employers × 3 workers, 2 places each, 5 in the trade.
    for (let round = 0; round < 5; round++) {
      world = await contestWorld();
      const { people, results, held } = await crowd(4, 3, 5, 2);
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      expect(await taken(world, 'smart')).toBe(5);
      people.forEach((p, i) => {
        const r = results[i];
        if (r.ok) return;
        const share = held.get(p.employer) ?? 0;
        // The employer's share full: said so (not "the trade is full"); otherwise the trade is.
        expect({ employer: p.employer, code: r.code }).toEqual({
          employer: p.employer,
          code: share >= 2 ? 'EMPLOYER_QUOTA_FULL' : 'CONTEST_FULL',
        });
        if (r.code === 'CONTEST_FULL') expect(r.message).toBe('智能制造项目名额已满');
      });
      // What is taken is what is held: no counter left raised by a refused call.
      expect((await world.all(EMPLOYER_PLACES)).reduce((n, p) => n + p.taken, 0)).toBe(5);
      expect(await world.all(REGISTRATIONS, { tradeId: 'smart' })).toHaveLength(5);
    }
  });
});

test('a trade counter raised by a call that died: refused after a bounded wait (inside a cloud function’s 3 s)', async () => {
  // One place taken by a call that died before its registration was written (the sweep gives it back later).
  await world.db
    .collection(TRADES)
    .doc(`${CONTEST}:cnc`)
    .update({ data: { taken: 2 } });
  await world.addMember('late');
  const t0 = Date.now();
  expect(await world.register('late', 'cnc')).toMatchObject({ ok: false, code: 'CONTEST_FULL' });
  expect(Date.now() - t0).toBeLessThan(2500);
  expect(await taken(world, 'cnc')).toBe(2);
  expect(await world.all(REGISTRATIONS, { tradeId: 'cnc' })).toHaveLength(0);
});
