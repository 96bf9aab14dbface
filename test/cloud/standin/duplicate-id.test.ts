/**
 * Stand-in behaviour: a duplicate `_id` on add.
 *
 * CloudBase answers DATABASE_DUPLICATE_WRITE ("index key duplicate, e.g. inserting data with the
 * same _id": docs.cloudbase.net/error-code/DATABASE_DUPLICATE_WRITE). wx-server-sdk 4.0.2 does not
 * know that code (its TCB_ERR_CODE table), so the handler sees errCode -501001 — the same errCode as
 * any unknown failure, conflicts included — with the server's message in errMsg, and no `code`.
 * ASSUMED: the message text "[FailedOperation.DuplicateWrite] E11000 duplicate key error ..." (the
 * bracketed CloudBase prefix is a guess; E11000 is MongoDB's). isDuplicateKeyError therefore looks
 * for E11000 / duplicate key / DuplicateWrite in the message, never at errCode (-502001 is any
 * DATABASE_REQUEST_FAILED, -501001 anything unknown).
 */
import { isConflictError, isDuplicateKeyError, isNotFoundError } from '../../../cloud/lib/db';
import { makeWorld, type WorldDatabase } from '../helpers';

let db: WorldDatabase;
beforeEach(async () => {
  db = (await makeWorld({ seed: 'none' })).db;
});

test('a second add with the same _id throws errCode -501001 with E11000 in the message; the first stays', async () => {
  await db.collection('claims').add({ data: { _id: 'u1:c1', v: 1 } });
  const err = await db
    .collection('claims')
    .add({ data: { _id: 'u1:c1', v: 2 } })
    .catch((e) => e);
  expect(err).toBeInstanceOf(Error);
  expect(err.errCode).toBe(-501001);
  expect(err.code).toBeUndefined();
  expect(err.errMsg).toMatch(/^collection\.add:fail -501001 resource system error\. .*E11000 duplicate key error/);
  expect([isDuplicateKeyError(err), isConflictError(err), isNotFoundError(err)]).toEqual([true, false, false]);
  expect((await db.collection('claims').doc('u1:c1').get()).data).toEqual({ _id: 'u1:c1', v: 1 });
});

test('other failures with the same errCodes are not duplicates', async () => {
  // An injected failure (SYS_ERR → -501001) and a refused query (INVALID_PARAM → -501007).
  db.failNthWrite(1);
  const crash = await db
    .collection('claims')
    .add({ data: { _id: 'x' } })
    .catch((e) => e);
  expect(crash.errCode).toBe(-501001);
  expect(isDuplicateKeyError(crash)).toBe(false);
  const bad = await db
    .collection('claims')
    .skip(-1)
    .get()
    .catch((e) => e);
  expect(bad.errCode).toBe(-501007);
  expect(isDuplicateKeyError(bad)).toBe(false);
  // What the look-alike SDK wrongly counted as a duplicate: any errCode -502001.
  expect(isDuplicateKeyError({ errCode: -502001, errMsg: 'collection.add:fail -502001 database request fail.' })).toBe(
    false,
  );
});

test('inside a transaction: a duplicate add throws the same error and rolls the transaction back', async () => {
  await db.collection('claims').add({ data: { _id: 'taken' } });
  const err = await db
    .runTransaction(async (tx) => {
      await tx.collection('claims').add({ data: { _id: 'fresh' } });
      await tx.collection('claims').add({ data: { _id: 'taken' } });
    })
    .catch((e) => e);
  expect(isDuplicateKeyError(err)).toBe(true);
  expect((await db.collection('claims').where({}).get()).data.map((d) => d._id)).toEqual(['taken']);
});

test('50 concurrent adds of one _id: exactly one wins, the rest are duplicates', async () => {
  const results = await Promise.allSettled(
    Array.from({ length: 50 }, (_, i) => db.collection('claims').add({ data: { _id: 'once', i } })),
  );
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  for (const r of results) if (r.status === 'rejected') expect(isDuplicateKeyError(r.reason)).toBe(true);
  expect((await db.collection('claims').count()).total).toBe(1);
});
