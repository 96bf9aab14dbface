/**
 * Stand-in behaviour: a missing document is an ERROR, inside a transaction as outside.
 *
 * Where this comes from (read, not assumed): wx-server-sdk 4.0.2 DocumentReference.get throws
 * "document with _id <id> does not exist" when the server answers no document (`throwOnNotFound`
 * defaults to true); inside a transaction @cloudbase/database answers `{ data: null }` for it, which
 * hits the same throw. toSDKError turns the string into an Error with errCode -1. The SDK's
 * runTransaction retries only errors whose `code` is DATABASE_TRANSACTION_CONFLICT, so this one
 * rolls the transaction back and is thrown to the caller as is.
 * ASSUMED: the CloudBase server answers an empty list for a missing document (not an error code).
 */
import { isConflictError, isDuplicateKeyError, isNotFoundError } from '../../../cloud/lib/db';
import { makeWorld, type WorldDatabase } from '../helpers';

let db: WorldDatabase;
beforeEach(async () => {
  db = (await makeWorld({ seed: 'none' })).db;
  await db.collection('counters').add({ data: { _id: 'present', n: 1 } });
});

test('outside a transaction: doc(id).get() of a missing document throws errCode -1 "does not exist"', async () => {
  const err = await db
    .collection('counters')
    .doc('serial-2027')
    .get()
    .catch((e) => e);
  expect(err).toBeInstanceOf(Error);
  expect(err.errCode).toBe(-1);
  expect(err.errMsg).toBe('document.get:fail document with _id serial-2027 does not exist');
  expect(err.code).toBeUndefined();
  expect([isNotFoundError(err), isConflictError(err), isDuplicateKeyError(err)]).toEqual([true, false, false]);
  // A query for it is not an error: just no documents.
  expect((await db.collection('counters').where({ _id: 'serial-2027' }).get()).data).toEqual([]);
});

test('inside a transaction: the get throws, the transaction rolls back and is not retried', async () => {
  let runs = 0;
  const err = await db
    .runTransaction(async (tx) => {
      runs += 1;
      await tx
        .collection('counters')
        .doc('present')
        .update({ data: { n: 2 } });
      // The first certificate of a year: the serial counter does not exist yet.
      await tx.collection('counters').doc('serial-2027').get();
      return 'unreachable';
    })
    .catch((e) => e);
  expect(runs).toBe(1);
  expect(err.errCode).toBe(-1);
  expect(err.errMsg).toBe('document.get:fail document with _id serial-2027 does not exist');
  expect(isNotFoundError(err)).toBe(true);
  // The write before it was rolled back, and nothing is left open on the server.
  expect((await db.collection('counters').doc('present').get()).data.n).toBe(1);
  expect(db.core.openTransactions()).toBe(0);
});

test('a document created in the same transaction, or removed in it, reads as the transaction sees it', async () => {
  await db.runTransaction(async (tx) => {
    await tx
      .collection('counters')
      .doc('serial-2027')
      .set({ data: { n: 0 } });
    expect((await tx.collection('counters').doc('serial-2027').get()).data).toEqual({ _id: 'serial-2027', n: 0 });
    await tx.collection('counters').doc('present').remove();
    const gone = await tx
      .collection('counters')
      .doc('present')
      .get()
      .catch((e) => e);
    expect(isNotFoundError(gone)).toBe(true);
  });
  expect((await db.collection('counters').doc('serial-2027').get()).data.n).toBe(0);
  expect(
    isNotFoundError(
      await db
        .collection('counters')
        .doc('present')
        .get()
        .catch((e) => e),
    ),
  ).toBe(true);
});
