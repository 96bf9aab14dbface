/**
 * A retry waiting for its first attempt never waits for ever: bounded in reads and in time, it
 * ends with BUSY (a clear "still being processed"), not a hang and not a storm of calls. And the
 * claim tells a duplicate key (someone holds the request) from any other database failure.
 */
import type { Database } from '../../cloud/lib/db';
import { LEASE_MS, once, WAIT_MAX_MS, WAIT_MAX_ROUNDS, WAIT_MAX_VANISHED } from '../../cloud/lib/idempotency';
import { payloadHash } from '../../cloud/lib/ids';
import { makeWorld } from './helpers';

const answer = { ok: true as const, data: { n: 1 } };
/** What wx-server-sdk rejects with for a duplicate `_id` (the server's message kept in errMsg). */
const duplicate = () =>
  Object.assign(new Error('collection.add:fail -501001 resource system error. E11000 duplicate key error'), {
    errCode: -501001,
    errMsg: 'collection.add:fail -501001 resource system error. E11000 duplicate key error collection: idempotency',
  });

/** ctx.db whose `idempotency` collection is replaced by `fake`; counts every call made on it. */
function withIdempotency(db: Database, fake: { add(): Promise<unknown>; get(): Promise<{ data: unknown[] }> }) {
  const calls = { add: 0, get: 0, update: 0 };
  const coll = {
    add: () => {
      calls.add += 1;
      return fake.add();
    },
    where: () => ({
      get: () => {
        calls.get += 1;
        return fake.get();
      },
      update: async () => {
        calls.update += 1;
        return { stats: { updated: 0 } };
      },
    }),
    doc: () => ({ update: async () => ({ stats: { updated: 1 } }), remove: async () => ({ stats: { removed: 1 } }) }),
  };
  const wrapped = new Proxy(db, {
    get: (target, prop, receiver) =>
      prop === 'collection'
        ? (name: string) => (name === 'idempotency' ? coll : target.collection(name))
        : Reflect.get(target, prop, receiver),
  });
  return { db: wrapped as Database, calls };
}

async function ctxWith(db: (d: Database) => Database) {
  const w = await makeWorld({ seed: 'none' });
  return { w, ctx: { ...w.ctxFor('o-1'), db: db(w.db), fn: 'gift', action: 'claim', user: null } };
}

let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  warn.mockRestore();
  jest.useRealTimers();
});

test('a record the duplicate claim says exists but no read finds: BUSY after a few rounds, not an endless loop', async () => {
  let calls: { add: number; get: number; update: number } = { add: 0, get: 0, update: 0 };
  const { ctx } = await ctxWith((db) => {
    const made = withIdempotency(db, { add: async () => Promise.reject(duplicate()), get: async () => ({ data: [] }) });
    calls = made.calls;
    return made.db;
  });
  const run = jest.fn(async () => answer);
  const started = Date.now();
  const res = await once(ctx, 'req-ghost-1', { a: 1 }, run);
  expect(res).toEqual({ ok: false, code: 'BUSY', message: '上一次提交还在处理中，请稍后查看结果' });
  expect(run).not.toHaveBeenCalled();
  // 1 first claim + one read and one claim per round, WAIT_MAX_VANISHED rounds: 11 calls, not 54.
  expect(calls.add + calls.get).toBe(1 + 2 * WAIT_MAX_VANISHED);
  expect(Date.now() - started).toBeLessThan(2_000);
});

test('a first attempt that keeps running (within its lease): BUSY by the time bound, a bounded number of reads', async () => {
  jest.useFakeTimers({ now: Date.now() });
  let calls: { add: number; get: number; update: number } = { add: 0, get: 0, update: 0 };
  const { w, ctx } = await ctxWith((db) => {
    const made = withIdempotency(db, {
      add: async () => Promise.reject(duplicate()),
      get: async () => ({ data: [{ _id: 'k', hash: payloadHash({ a: 1 }), state: 'running', at: w.clock.now() }] }),
    });
    calls = made.calls;
    return made.db;
  });
  const run = jest.fn(async () => answer);
  const pending = once(ctx, 'req-slow-1', { a: 1 }, run);
  await jest.advanceTimersByTimeAsync(WAIT_MAX_MS + 1_000);
  await expect(pending).resolves.toMatchObject({ ok: false, code: 'BUSY' });
  expect(run).not.toHaveBeenCalled();
  expect(calls.get).toBeGreaterThan(5);
  expect(calls.get).toBeLessThanOrEqual(WAIT_MAX_ROUNDS);
});

test('a claim that fails for another reason than a duplicate is an error, never taken for "someone holds it"', async () => {
  const { ctx } = await ctxWith(
    (db) =>
      withIdempotency(db, {
        // -502001 is DATABASE_REQUEST_FAILED: any database failure, not a duplicate key.
        add: async () =>
          Promise.reject(
            Object.assign(new Error('collection.add:fail -502001 database request fail. timeout'), {
              errCode: -502001,
              errMsg: 'collection.add:fail -502001 database request fail. timeout',
            }),
          ),
        get: async () => ({ data: [] }),
      }).db,
  );
  const run = jest.fn(async () => answer);
  await expect(once(ctx, 'req-fail-1', { a: 1 }, run)).rejects.toMatchObject({ errCode: -502001 });
  expect(run).not.toHaveBeenCalled();
});

test('a dead first attempt past its lease is taken over by the retry (the bound does not stop a takeover)', async () => {
  const w = await makeWorld({ seed: 'none' });
  const ctx = { ...w.ctxFor('o-1'), fn: 'gift', action: 'claim', user: null };
  await w.db.collection('idempotency').add({
    data: { _id: 'o-1:gift:claim:req-dead-2', hash: payloadHash({ a: 1 }), state: 'running', at: w.clock.now() },
  });
  w.clock.advance(LEASE_MS + 1);
  const run = jest.fn(async () => answer);
  await expect(once(ctx, 'req-dead-2', { a: 1 }, run)).resolves.toEqual(answer);
  expect(run).toHaveBeenCalledTimes(1);
});
