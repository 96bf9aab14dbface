/**
 * Stand-in behaviour: the limits of a query, a document and a request.
 *
 * - Query limit in a cloud function: 100 documents when no limit is given, at most 1,000
 *   (developers.weixin.qq.com Collection.limit: "在云函数端默认及最大上限为 1000" — contradicted by
 *   the community answers and the SDK itself: @cloudbase/database 1.4.3 Query.get sends
 *   `limit: 100` when none is set and caps a larger one at 1,000 before sending; the stand-in
 *   applies the same to whatever it receives).
 * - Document size, ASSUMED: 16 MiB (MongoDB's BSON limit), measured on the stored JSON; over it the
 *   write is refused as DATABASE_REQUEST_FAILED (errCode -502001) and nothing changes.
 * - Request size, ASSUMED: 5 MB per request body (what developers measured for cloud-side add and
 *   update; the quota page only says "16 MB per packet"); over it the gateway answers HTTP 413, which
 *   wx-server-sdk surfaces as errCode -501001 "413 Payload Too Large", and nothing is written.
 */
import { MAX_DOCUMENT_BYTES, MAX_LIMIT, DEFAULT_LIMIT } from '../../../cloud/emulator/standin/database';
import { MAX_REQUEST_BYTES } from '../../../cloud/emulator/standin/server';
import { makeWorld, type WorldDatabase } from '../helpers';

let db: WorldDatabase;
beforeAll(async () => {
  db = (await makeWorld({ seed: 'none' })).db;
});

test('a query answers 100 documents without a limit, and at most 1,000 with any limit', async () => {
  expect([DEFAULT_LIMIT, MAX_LIMIT]).toEqual([100, 1000]);
  const col = db.collection('many');
  // add() takes an array too: one request per 500 documents.
  for (let b = 0; b < 3; b++) {
    const docs = Array.from({ length: b < 2 ? 500 : 5 }, (_, i) => ({ i: b * 500 + i }));
    await col.add({ data: docs as any });
  }
  expect((await col.count()).total).toBe(1005);
  expect((await col.get()).data).toHaveLength(100);
  expect((await col.limit(500).get()).data).toHaveLength(500);
  expect((await col.limit(5000).get()).data).toHaveLength(1000);
  // Past the cap, a page at a time.
  const last = await col.orderBy('i', 'asc').skip(1000).limit(1000).get();
  expect(last.data.map((d) => d.i)).toEqual([1000, 1001, 1002, 1003, 1004]);
});

test('a document over 16 MiB is refused (-502001) and stays as it was', async () => {
  expect(MAX_DOCUMENT_BYTES).toBe(16 * 1024 * 1024);
  const chunk = 'x'.repeat(4_500_000);
  const doc = db.collection('big').doc('d');
  await doc.set({ data: { parts: [chunk] } });
  for (let i = 0; i < 2; i++) await doc.update({ data: { parts: db.command.push([chunk]) } });
  const err = await doc.update({ data: { parts: db.command.push([chunk]) } }).catch((e) => e);
  expect(err.errCode).toBe(-502001);
  expect(err.errMsg).toMatch(/document too large/);
  expect((await doc.get()).data.parts).toHaveLength(3);
});

test('a request body over 5 MB is refused (HTTP 413 → errCode -501001) and nothing is written', async () => {
  expect(MAX_REQUEST_BYTES).toBe(5 * 1024 * 1024);
  const err = await db
    .collection('big')
    .add({ data: { _id: 'huge', blob: 'y'.repeat(MAX_REQUEST_BYTES) } })
    .catch((e) => e);
  expect(err).toBeInstanceOf(Error);
  expect(err.errCode).toBe(-501001);
  expect(err.errMsg).toMatch(/413/);
  expect((await db.collection('big').where({ _id: 'huge' }).get()).data).toEqual([]);
  // Just under the limit is fine.
  await db.collection('big').add({ data: { _id: 'fits', blob: 'y'.repeat(MAX_REQUEST_BYTES - 4096) } });
  expect((await db.collection('big').where({ _id: 'fits' }).count()).total).toBe(1);
});
