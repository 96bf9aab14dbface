/**
 * `transact`: every transaction of the handlers. Conflicts, as the real wx-server-sdk reports them
 * (errCode -501001 and no `code`, or the raw node-sdk error with code DATABASE_TRANSACTION_CONFLICT
 * from commit), are retried with a jittered backoff, at most TX_MAX_TRIES tries, then BUSY; anything
 * else ends it at once. And the error predicates against the real SDK's error shapes.
 */
import type { Database, Transaction } from '../../cloud/lib/db';
import { isDuplicateKeyError, isNotFoundError, isTransactionConflict, readOrNull } from '../../cloud/lib/db';
import { AppError } from '../../cloud/lib/errors';
import { backoffMs, ensureDoc, transact, TX_MAX_TRIES } from '../../cloud/lib/transact';
import { cloudBaseTransactions, conflictError, missingDocError } from './faults';
import { makeWorld } from './helpers';

/** The raw @cloudbase/node-sdk error (TcbError): `code` kept, e.g. thrown by commit. */
const tcbError = (code: string, message: string) => Object.assign(new Error(message), { code, requestId: 'r' });
/** wx-server-sdk's shape for a duplicate `_id`: DATABASE_DUPLICATE_WRITE is not in its table → -501001. */
const duplicateError = () => {
  const errMsg =
    'collection.add:fail -501001 resource system error. E11000 duplicate key error collection: c index: _id_ dup key: { _id: "x" }';
  return Object.assign(new Error(errMsg), { errCode: -501001, errMsg });
};
/** DATABASE_REQUEST_FAILED: any database failure. */
const requestFailed = () => {
  const errMsg = 'collection.add:fail -502001 database request fail. timeout';
  return Object.assign(new Error(errMsg), { errCode: -502001, errMsg });
};

/** A database whose runTransaction throws `failures` (one per attempt) before running the callback. */
function flaky(failures: unknown[]): { db: Database; attempts: () => number } {
  let attempts = 0;
  const db = {
    runTransaction: async <T>(fn: (tx: Transaction) => Promise<T>) => {
      attempts += 1;
      const next = failures.shift();
      if (next !== undefined) throw next;
      return fn({} as Transaction);
    },
  } as unknown as Database;
  return { db, attempts: () => attempts };
}

const noWait = { sleep: async () => undefined };
let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('error predicates, on the errors the real SDK surfaces', () => {
  test('a duplicate key is recognised by its message, not by errCode -502001 (any database failure)', () => {
    expect(isDuplicateKeyError(duplicateError())).toBe(true);
    expect(isDuplicateKeyError(tcbError('DATABASE_DUPLICATE_WRITE', 'duplicate write'))).toBe(true);
    expect(isDuplicateKeyError(requestFailed())).toBe(false);
    expect(isDuplicateKeyError(conflictError())).toBe(false);
    expect(isDuplicateKeyError(new Error('network down'))).toBe(false);
  });

  test('a conflict: -501001 without code, or the raw error with DATABASE_TRANSACTION_CONFLICT; a duplicate is not one', () => {
    expect(isTransactionConflict(conflictError())).toBe(true);
    expect(isTransactionConflict(tcbError('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict'))).toBe(
      true,
    );
    expect(
      isTransactionConflict({ errCode: -501001, errMsg: 'document.update:fail -501001 resource system error. ' }),
    ).toBe(true);
    expect(isTransactionConflict(duplicateError())).toBe(false);
    expect(isTransactionConflict(requestFailed())).toBe(false);
    expect(isTransactionConflict(new AppError('INVALID_STATE'))).toBe(false);
    expect(isTransactionConflict(missingDocError('x'))).toBe(false);
  });

  test('a missing document (errCode -1, "does not exist") reads as null through readOrNull; other errors throw', async () => {
    expect(isNotFoundError(missingDocError('serial-2026'))).toBe(true);
    await expect(readOrNull(() => Promise.reject(missingDocError('a')))).resolves.toBeNull();
    await expect(readOrNull(async () => ({ data: { seq: 3 } }))).resolves.toEqual({ seq: 3 });
    await expect(readOrNull(() => Promise.reject(requestFailed()))).rejects.toMatchObject({ errCode: -502001 });
  });
});

describe('transact', () => {
  test('conflicts are retried: two conflicts, then the third try commits', async () => {
    const { db, attempts } = flaky([conflictError(), tcbError('DATABASE_TRANSACTION_CONFLICT', 'conflict')]);
    const waits: number[] = [];
    await expect(transact(db, async () => 'done', { sleep: async (ms) => void waits.push(ms) })).resolves.toBe('done');
    expect(attempts()).toBe(3);
    expect(waits).toHaveLength(2);
  });

  test(`after ${TX_MAX_TRIES} conflicting tries: BUSY with a message for the user, and no more tries`, async () => {
    const { db, attempts } = flaky(Array.from({ length: 20 }, () => conflictError()));
    const err = await transact(db, async () => 'never', noWait).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.toEnvelope()).toEqual({ ok: false, code: 'BUSY', message: '同时办理的人较多，系统繁忙，请稍后再试' });
    expect(attempts()).toBe(TX_MAX_TRIES);
  });

  test('a business refusal ends at once (also when an SDK version wraps it); other errors are not retried', async () => {
    const refusal = new AppError('INVALID_STATE', '已经批准过了');
    const a = flaky([refusal]);
    await expect(transact(a.db, async () => 1, noWait)).rejects.toBe(refusal);
    expect(a.attempts()).toBe(1);
    const b = flaky([{ error: refusal }]);
    await expect(transact(b.db, async () => 1, noWait)).rejects.toBe(refusal);
    const c = flaky([duplicateError()]);
    await expect(transact(c.db, async () => 1, noWait)).rejects.toMatchObject({ errCode: -501001 });
    expect(c.attempts()).toBe(1);
    const d = flaky([requestFailed()]);
    await expect(transact(d.db, async () => 1, noWait)).rejects.toMatchObject({ errCode: -502001 });
    expect(d.attempts()).toBe(1);
  });

  test('the backoff grows and is jittered, capped', () => {
    expect(backoffMs(1, () => 0)).toBe(10);
    expect(backoffMs(1, () => 1)).toBe(20);
    expect(backoffMs(3, () => 0)).toBe(40);
    expect(backoffMs(3, () => 1)).toBe(80);
    expect(backoffMs(20, () => 1)).toBe(1_000);
    const spread = new Set(Array.from({ length: 50 }, () => backoffMs(4)));
    expect(spread.size).toBeGreaterThan(5);
  });

  test('under the emulated CloudBase transactions, 20 parallel increments all land or answer BUSY', async () => {
    const w = await makeWorld({ seed: 'none' });
    await ensureDoc(w.db, 'counters', 'c', { n: 0 });
    const { db, stats } = cloudBaseTransactions(w.db);
    const _ = w.db.command;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        transact(db, async (tx) => {
          const { data } = await tx.collection('counters').doc('c').get();
          await tx
            .collection('counters')
            .doc('c')
            .update({ data: { n: _.inc(1) } });
          return data.n + 1;
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value);
    const busy = results.filter((r) => r.status === 'rejected' && (r.reason as AppError).code === 'BUSY');
    expect(ok.length + busy.length).toBe(20);
    expect(stats.conflicts).toBeGreaterThan(0); // conflicts did happen
    expect(ok.length).toBeGreaterThan(0);
    // Each success saw its own value: distinct, consecutive, and the counter holds their number.
    expect([...ok].sort((a, b) => a - b)).toEqual(Array.from({ length: ok.length }, (_v, i) => i + 1));
    expect((await w.all('counters', { _id: 'c' }))[0].n).toBe(ok.length);
  });
});

describe('ensureDoc', () => {
  test('20 concurrent first creations make one document; an existing one is never overwritten', async () => {
    const w = await makeWorld({ seed: 'none' });
    await Promise.all(Array.from({ length: 20 }, (_v, i) => ensureDoc(w.db, 'counters', 'serial-2027', { seq: i })));
    const docs = await w.all('counters', { _id: 'serial-2027' });
    expect(docs).toHaveLength(1);
    await w.db
      .collection('counters')
      .doc('serial-2027')
      .update({ data: { seq: 41 } });
    await ensureDoc(w.db, 'counters', 'serial-2027', { seq: 0 });
    expect((await w.all('counters', { _id: 'serial-2027' }))[0].seq).toBe(41);
  });

  test('a failure other than a duplicate key is not swallowed', async () => {
    const w = await makeWorld({ seed: 'none' });
    const db = new Proxy(w.db, {
      get: (t, p, r) =>
        p === 'collection'
          ? (name: string) => ({
              ...t.collection(name),
              where: t.collection(name).where.bind(t.collection(name)),
              add: () => Promise.reject(requestFailed()),
            })
          : Reflect.get(t, p, r),
    });
    await expect(ensureDoc(db, 'counters', 'x', { n: 0 })).rejects.toMatchObject({ errCode: -502001 });
  });
});
