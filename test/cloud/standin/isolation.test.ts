/**
 * Stand-in behaviour: transaction isolation and conflicts.
 *
 * CloudBase transactions are MongoDB transactions (docs.cloudbase.net/database/transaction), and
 * CloudBase's own SDK test suite (node-sdk test/database/transaction: 读快照, 读偏, 冲突检测) shows:
 * a transaction reads a snapshot taken at its start (plus its own writes); writes of others are not
 * seen, and its writes are not seen by others before commit; a transactional write to a document
 * that someone changed after the snapshot, or that another open transaction has written, fails with
 * DATABASE_TRANSACTION_CONFLICT "[ResourceUnavailable.TransactionConflict] Transaction is conflict,
 * maybe resource operated by others..." at that write, and MongoDB aborts the transaction.
 * wx-server-sdk 4.0.2 does not know that code: the handler sees errCode -501001, no `code`, the
 * message in errMsg — and @cloudbase/database's runTransaction, which retries only when
 * `error.code === 'DATABASE_TRANSACTION_CONFLICT'`, does NOT retry it.
 * ASSUMED (MongoDB's documented behaviour): a write outside any transaction to a document an open
 * transaction has written waits for that transaction to end.
 */
import { isConflictError, isDuplicateKeyError, isNotFoundError } from '../../../cloud/lib/db';
import { makeWorld, type WorldDatabase } from '../helpers';

let db: WorldDatabase;
beforeEach(async () => {
  db = (await makeWorld({ seed: 'none' })).db;
  await db.collection('acc').add({ data: { _id: 'a', n: 0 } });
  await db.collection('acc').add({ data: { _id: 'b', n: 0 } });
});

const n = async (id: string) => (await db.collection('acc').doc(id).get()).data.n;

/** Runs `body` in a transaction that stays open until `release()` is called. */
function held(body: (tx: any) => Promise<void>) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let ready!: () => void;
  const started = new Promise<void>((r) => (ready = r));
  let runs = 0;
  const done = db.runTransaction(async (tx) => {
    runs += 1;
    await body(tx);
    ready();
    await gate;
  });
  return { started, release, done, runs: () => runs };
}

test('uncommitted writes are invisible outside; the transaction reads its snapshot plus its own writes', async () => {
  const t = held(async (tx) => {
    await tx
      .collection('acc')
      .doc('a')
      .update({ data: { n: 1 } });
    expect((await tx.collection('acc').doc('a').get()).data.n).toBe(1);
  });
  await t.started;
  expect(await n('a')).toBe(0);
  t.release();
  await t.done;
  expect(await n('a')).toBe(1);
});

test('a write by someone else after the snapshot: the transaction still reads the old value, and its write conflicts', async () => {
  let runs = 0;
  const err = await db
    .runTransaction(async (tx) => {
      runs += 1;
      expect((await tx.collection('acc').doc('b').get()).data.n).toBe(0);
      await db
        .collection('acc')
        .doc('b')
        .update({ data: { n: 5 } }); // outside the transaction, committed at once
      expect((await tx.collection('acc').doc('b').get()).data.n).toBe(0); // snapshot
      await tx
        .collection('acc')
        .doc('a')
        .update({ data: { n: 7 } });
      await tx
        .collection('acc')
        .doc('b')
        .update({ data: { n: 6 } });
    })
    .catch((e) => e);
  expect(runs).toBe(1); // not retried by the SDK
  expect(err).toBeInstanceOf(Error);
  expect(err.errCode).toBe(-501001);
  expect(err.code).toBeUndefined();
  expect(err.errMsg).toBe(
    'document.update:fail -501001 resource system error. [ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
  );
  expect([isConflictError(err), isDuplicateKeyError(err), isNotFoundError(err)]).toEqual([true, false, false]);
  // The transaction was aborted: its earlier write is gone, the outside write stays.
  expect([await n('a'), await n('b')]).toEqual([0, 5]);
  expect(db.core.openTransactions()).toBe(0);
});

test('two open transactions writing one document: the second writer conflicts, the first commits', async () => {
  const first = held(async (tx) => {
    await tx
      .collection('acc')
      .doc('a')
      .update({ data: { n: 1 } });
  });
  await first.started;
  const second = await db
    .runTransaction(async (tx) => {
      await tx
        .collection('acc')
        .doc('b')
        .update({ data: { n: 2 } });
      await tx
        .collection('acc')
        .doc('a')
        .update({ data: { n: 2 } });
    })
    .catch((e) => e);
  expect(isConflictError(second)).toBe(true);
  first.release();
  await first.done;
  expect([await n('a'), await n('b')]).toEqual([1, 0]);
});

test('a write outside any transaction waits for the open transaction holding the document', async () => {
  const events: string[] = [];
  const t = held(async (tx) => {
    await tx
      .collection('acc')
      .doc('a')
      .update({ data: { n: 1 } });
  });
  await t.started;
  const outside = db
    .collection('acc')
    .doc('a')
    .update({ data: { n: db.command.inc(10) } })
    .then(() => events.push('outside'));
  await new Promise((r) => setTimeout(r, 50));
  events.push('commit');
  t.release();
  await Promise.all([t.done, outside]);
  expect(events).toEqual(['commit', 'outside']);
  expect(await n('a')).toBe(11);
});

test('N concurrent read-modify-write transactions: each commits or is refused as a conflict; none is lost', async () => {
  const results = await Promise.allSettled(
    Array.from({ length: 30 }, () =>
      db.runTransaction(async (tx) => {
        const cur = (await tx.collection('acc').doc('a').get()).data.n;
        await tx
          .collection('acc')
          .doc('a')
          .update({ data: { n: cur + 1 } });
      }),
    ),
  );
  const committed = results.filter((r) => r.status === 'fulfilled').length;
  const refused = results.filter((r) => r.status === 'rejected' && isConflictError(r.reason)).length;
  expect(committed + refused).toBe(30);
  expect(committed).toBeGreaterThanOrEqual(1);
  expect(await n('a')).toBe(committed);
});
