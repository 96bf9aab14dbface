/**
 * A register whose process was killed outright between two writes: unlike the fake database's
 * one-off fault (after which the call still gives back what it took), nothing the dying call would
 * still do happens, the idempotency record's cleanup included. Its retry (same requestId, after the
 * lease) must finish the registration with its places, or refuse it cleanly; the books (quota taken,
 * trade and employer share, against the registrations holding a place) must balance.
 * Writes of a register in a trade with an employer quota: 1 idempotency record, 2 the registration,
 * 3 the trade place, 4 the employer counter (created on first use), 5 the employer place,
 * 6 marked placed, 7 done. Without an employer quota: 1, 2, 3 the trade place, 4 marked placed, 5 done.
 */
import { EMPLOYER_PLACES, HOLDING, REGISTRATIONS, TRADES } from '../../../cloud/domain/contest/model';
import { LEASE_MS } from '../../../cloud/lib/idempotency';
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

const errors = jest.spyOn(console, 'error');
beforeEach(() => errors.mockImplementation(() => {}));
afterAll(() => errors.mockRestore());

let world: ContestWorld;
beforeEach(async () => {
  world = await contestWorld();
});

/** The process dies at its nth write from now: that write and every later one fail until `revive()`. */
function killAtWrite(n: number): { revive(): void } {
  const core = world.db.core;
  const write = core.write.bind(core) as (api: string, fn: () => Promise<unknown>) => Promise<unknown>;
  let count = 0;
  const spy = jest.spyOn(core, 'write').mockImplementation(((api: string, fn: () => Promise<unknown>) => {
    count += 1;
    if (count >= n) return Promise.reject(new Error(`${api}:fail process killed (simulated)`));
    return write(api, fn);
  }) as typeof core.write);
  return { revive: () => spy.mockRestore() };
}

/** Quota taken per trade and employer share against the registrations holding a place. */
async function books(): Promise<string[]> {
  const problems: string[] = [];
  const holding = (await world.all(REGISTRATIONS, { contestId: CONTEST })).filter((r) => HOLDING.includes(r.status));
  for (const t of await world.all(TRADES, { contestId: CONTEST })) {
    const regs = holding.filter((r) => r.tradeId === t.tradeId).length;
    if (t.taken !== regs) problems.push(`${t.tradeId}: taken ${t.taken}, registrations ${regs}`);
  }
  for (const p of await world.all(EMPLOYER_PLACES)) {
    const regs = holding.filter((r) => r.employerKey === p._id).length;
    if (p.taken !== regs) problems.push(`${p._id}: employer share taken ${p.taken}, registrations ${regs}`);
  }
  return problems;
}

const event = (tradeId: string, requestId = rid('reg')) => ({
  action: 'register',
  requestId,
  contestId: CONTEST,
  tradeId,
  ...FORM,
});

/** The first attempt is killed at write `n`; the client retries the same request once the lease is over. */
async function killed(tradeId: string, n: number) {
  const e = event(tradeId);
  const dead = killAtWrite(n);
  expect(await world.contest(PERSONAS.worker, e)).toMatchObject({ ok: false, code: 'INTERNAL' });
  dead.revive();
  world.clock.advance(LEASE_MS + 1);
  return e;
}

test.each([
  ['smart', 2],
  ['smart', 3],
  ['web', 3],
])('%s: killed at write %i, the retry answers the registration holding its places', async (tradeId, n) => {
  const e = await killed(tradeId, n);
  const retry = await world.contest(PERSONAS.worker, e);
  expect(retry).toMatchObject({ ok: true, data: { tradeId, status: 'submitted' } });
  expect(await taken(world, tradeId)).toBe(1);
  expect(await books()).toEqual([]);
  expect((await world.all(REGISTRATIONS))[0]).toMatchObject({ status: 'submitted', placed: true });
  // Asked again: the same answer, nothing more taken.
  expect(await world.contest(PERSONAS.worker, e)).toEqual(retry);
  expect(await world.contest(PERSONAS.worker, event(tradeId))).toMatchObject({ ok: false, code: 'ALREADY_REGISTERED' });
  expect(await books()).toEqual([]);
});

test('killed before its place: if the trade filled meanwhile the retry is CONTEST_FULL and the registration is cancelled', async () => {
  const e = await killed('cnc', 3); // cnc: quota 2
  await world.addMember('u-1');
  await world.addMember('u-2');
  okData(await world.register('u-1', 'cnc'));
  okData(await world.register('u-2', 'cnc'));
  expect(await world.contest(PERSONAS.worker, e)).toMatchObject({ ok: false, code: 'CONTEST_FULL' });
  expect(await taken(world, 'cnc')).toBe(2);
  expect(await books()).toEqual([]);
  const mine = (await world.all(REGISTRATIONS, { openid: PERSONAS.worker }))[0];
  expect(mine.status).toBe('cancelled');
  // A place frees up: the worker registers anew and holds it.
  const u1 = (await world.all(REGISTRATIONS, { openid: 'u-1' }))[0];
  okData(await world.contest('u-1', { action: 'cancel', requestId: rid(), registrationId: u1._id }));
  okData(await world.contest(PERSONAS.worker, event('cnc')));
  expect(await taken(world, 'cnc')).toBe(2);
  expect(await books()).toEqual([]);
});

test('a registration left without its place and then cancelled gives back nothing it did not take', async () => {
  await world.addMember('u-1');
  okData(await world.register('u-1', 'smart', { employer: '嘉兴纺织' }));
  await killed('smart', 3);
  const mine = (await world.all(REGISTRATIONS, { openid: PERSONAS.worker }))[0];
  expect(mine).toMatchObject({ status: 'submitted', placed: false });
  okData(await world.contest(PERSONAS.worker, { action: 'cancel', requestId: rid(), registrationId: mine._id }));
  expect(await taken(world, 'smart')).toBe(1);
  expect(await books()).toEqual([]);
});

test('a registration from before the flag (no `placed`) counts as placed: its cancel gives its places back', async () => {
  const reg = okData(await world.register(PERSONAS.worker, 'smart'));
  await world.db
    .collection(REGISTRATIONS)
    .doc(reg.id)
    .update({ data: { placed: world.db.command.remove() } });
  expect((await world.all(REGISTRATIONS))[0]).not.toHaveProperty('placed');
  expect(await taken(world, 'smart')).toBe(1);
  okData(await world.contest(PERSONAS.worker, { action: 'cancel', requestId: rid(), registrationId: reg.id }));
  expect(await taken(world, 'smart')).toBe(0);
  expect(await books()).toEqual([]);
});

test('returned and resubmitted under another employer before the retry: placed once, under the new employer', async () => {
  const e = await killed('smart', 3);
  const mine = (await world.all(REGISTRATIONS, { openid: PERSONAS.worker }))[0];
  okData(await returnRegistration(world, mine._id));
  const employer = '嘉兴秀洲精工机械股份有限公司';
  okData(
    await world.contest(PERSONAS.worker, {
      action: 'resubmit',
      requestId: rid(),
      registrationId: mine._id,
      ...FORM,
      employer,
    }),
  );
  // It held no place to move.
  expect((await world.all(EMPLOYER_PLACES)).map((p) => p.taken)).toEqual([]);
  expect(okData(await world.contest(PERSONAS.worker, e))).toMatchObject({ status: 'submitted', employer });
  expect(await taken(world, 'smart')).toBe(1);
  expect((await world.all(EMPLOYER_PLACES)).map((p) => p.taken)).toEqual([1]);
  expect(await books()).toEqual([]);
});
