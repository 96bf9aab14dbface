/**
 * The subset of the CloudBase database API in cloud/lib/db.ts, through the REAL wx-server-sdk
 * against the stand-in: queries, update commands, limits, errors, transactions, persistence.
 * (Ported from the look-alike SDK's conformance test; where the real SDK answers differently, the
 * assertion now states the real answer and says so.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cloud from 'wx-server-sdk';
import { isDuplicateKeyError, isNotFoundError } from '../../../cloud/lib/db';
import type { Database } from '../../../cloud/lib/db';
import { pointSdkAt } from '../../../cloud/emulator/standin/sdk-env';
import { startStandIn } from '../../../cloud/emulator/standin/server';
import { makeWorld, standInOfThisFile, type WorldDatabase } from '../helpers';

let db: WorldDatabase;
beforeEach(async () => {
  db = (await makeWorld({ seed: 'none' })).db;
});

async function seedPeople() {
  const people = [
    { _id: 'p1', name: '张三', age: 30, city: '杭州', tags: ['rider'], addr: { zone: 'A', no: 1 } },
    { _id: 'p2', name: '李四', age: 45, city: '宁波', tags: ['courier', 'driver'], addr: { zone: 'B', no: 2 } },
    { _id: 'p3', name: '王五', age: 60, city: '杭州', retired: true, addr: { zone: 'A', no: 3 } },
    { _id: 'p4', name: '赵六', age: 22, city: '温州', tags: [] },
  ];
  for (const p of people) await db.collection('people').add({ data: p });
}
const ids = (r: { data: any[] }) => r.data.map((d) => d._id).sort();

describe('queries', () => {
  beforeEach(seedPeople);
  const _ = () => db.command;

  test('plain equality, dotted keys and nested objects (dotted match)', async () => {
    const col = db.collection('people');
    expect(ids(await col.where({ city: '杭州' }).get())).toEqual(['p1', 'p3']);
    expect(ids(await col.where({ 'addr.zone': 'A' }).get())).toEqual(['p1', 'p3']);
    // A nested object matches its fields, not the whole sub-document (CloudBase flattens it).
    expect(ids(await col.where({ addr: { zone: 'A' } }).get())).toEqual(['p1', 'p3']);
    expect(ids(await col.where({ tags: 'courier' }).get())).toEqual(['p2']);
    // An undefined key next to defined ones is dropped, as the real SDK does...
    expect(ids(await col.where({ city: '杭州', retired: undefined }).get())).toEqual(['p1', 'p3']);
    // ...and a condition made only of undefined keys is refused.
    expect(() => col.where({ city: undefined })).toThrow();
  });

  test('comparison commands', async () => {
    const col = db.collection('people');
    const $ = _();
    expect(ids(await col.where({ age: $.eq(30) }).get())).toEqual(['p1']);
    expect(ids(await col.where({ city: $.neq('杭州') }).get())).toEqual(['p2', 'p4']);
    expect(ids(await col.where({ age: $.gt(45) }).get())).toEqual(['p3']);
    expect(ids(await col.where({ age: $.gte(45) }).get())).toEqual(['p2', 'p3']);
    expect(ids(await col.where({ age: $.lt(30) }).get())).toEqual(['p4']);
    expect(ids(await col.where({ age: $.lte(30) }).get())).toEqual(['p1', 'p4']);
    expect(ids(await col.where({ city: $.in(['宁波', '温州']) }).get())).toEqual(['p2', 'p4']);
    expect(ids(await col.where({ city: $.nin(['宁波', '温州']) }).get())).toEqual(['p1', 'p3']);
    expect(ids(await col.where({ retired: $.exists(true) }).get())).toEqual(['p3']);
    expect(ids(await col.where({ retired: $.exists(false) }).get())).toEqual(['p1', 'p2', 'p4']);
    expect(ids(await col.where({ addr: { no: $.gte(2) } }).get())).toEqual(['p2', 'p3']);
  });

  test('logic commands: chained, field-level and top-level', async () => {
    const col = db.collection('people');
    const $ = _();
    expect(ids(await col.where({ age: $.gt(25).and($.lt(50)) }).get())).toEqual(['p1', 'p2']);
    expect(ids(await col.where({ age: $.and($.gt(25), $.lt(50)) }).get())).toEqual(['p1', 'p2']);
    expect(ids(await col.where({ age: $.lt(25).or($.gt(50)) }).get())).toEqual(['p3', 'p4']);
    expect(ids(await col.where($.or([{ city: '宁波' }, { age: $.gt(50) }])).get())).toEqual(['p2', 'p3']);
    expect(ids(await col.where($.or({ city: '宁波' }, { age: 22 })).get())).toEqual(['p2', 'p4']);
    expect(ids(await col.where($.and([{ city: '杭州' }, { age: $.lt(40) }])).get())).toEqual(['p1']);
    expect(ids(await col.where({ city: '杭州', age: $.gt(40).and($.lt(70)) }).get())).toEqual(['p3']);
  });

  test('orderBy (multiple keys), skip, limit and field projection', async () => {
    const col = db.collection('people');
    const byCity = await col.orderBy('city', 'asc').orderBy('age', 'desc').get();
    // Strings sort by code point (binary, like MongoDB's default): 宁波 < 杭州 < 温州.
    expect(byCity.data.map((d) => d._id)).toEqual(['p2', 'p3', 'p1', 'p4']);
    const ageDesc = await col.orderBy('age', 'desc').get();
    expect(ageDesc.data.map((d) => d.age)).toEqual([60, 45, 30, 22]);
    const page = await col.orderBy('age', 'asc').skip(1).limit(2).get();
    expect(page.data.map((d) => d.age)).toEqual([30, 45]);
    expect(page.errMsg).toBe('collection.get:ok');
    const slim = await col.where({ _id: 'p2' }).field({ name: true, 'addr.zone': true }).get();
    expect(slim.data).toEqual([{ _id: 'p2', name: '李四', addr: { zone: 'B' } }]);
    const without = await col.where({ _id: 'p2' }).field({ tags: false, addr: false }).get();
    expect(without.data[0]).toEqual({ _id: 'p2', name: '李四', age: 45, city: '宁波' });
    const doc = await col.doc('p1').field({ age: true }).get();
    expect(doc.data).toEqual({ _id: 'p1', age: 30 });
    expect(() => col.orderBy('age', 'up' as any)).toThrow();
    expect(() => col.limit(1.5)).toThrow();
    // The real SDK sends a negative skip; the server refuses it (ASSUMED: as MongoDB does).
    await expect(col.skip(-1).get()).rejects.toThrow(/skip/);
  });

  test('count ignores skip/limit', async () => {
    const col = db.collection('people');
    expect(await col.where({ city: '杭州' }).count()).toMatchObject({ total: 2 });
    expect((await col.limit(1).count()).total).toBe(4);
    expect((await db.collection('nothing').count()).total).toBe(0);
  });
});

test('limit: 100 by default, capped at 1000', async () => {
  const col = db.collection('many');
  for (let i = 0; i < 1005; i++) await col.add({ data: { i } });
  expect((await col.get()).data).toHaveLength(100);
  expect((await col.limit(0).get()).data).toHaveLength(100);
  expect((await col.limit(500).get()).data).toHaveLength(500);
  expect((await col.limit(5000).get()).data).toHaveLength(1000);
  expect((await col.count()).total).toBe(1005);
});

describe('add / get / set / update / remove', () => {
  test('add generates a 32-hex _id; a duplicate _id rejects (errCode -501001, E11000 in the message)', async () => {
    const { _id } = await db.collection('c').add({ data: { a: 1 } });
    expect(_id).toMatch(/^[0-9a-f]{32}$/);
    await db.collection('c').add({ data: { _id: 'fixed', a: 1 } });
    const err = await db
      .collection('c')
      .add({ data: { _id: 'fixed', a: 2 } })
      .catch((e) => e);
    // The real SDK maps CloudBase's DATABASE_DUPLICATE_WRITE (a code it does not know) to -501001.
    expect(err.errCode).toBe(-501001);
    expect(err.message).toMatch(/duplicate key/);
    expect(isDuplicateKeyError(err)).toBe(true);
    expect((await db.collection('c').doc('fixed').get()).data.a).toBe(1);
  });

  test('doc get of a missing document rejects (errCode -1, "does not exist")', async () => {
    const err = await db
      .collection('c')
      .doc('nope')
      .get()
      .catch((e) => e);
    expect(err.errCode).toBe(-1);
    expect(err.errMsg).toBe('document.get:fail document with _id nope does not exist');
    expect(isNotFoundError(err)).toBe(true);
  });

  test('set creates then replaces, keeping _id; set data may not carry _id', async () => {
    const doc = db.collection('c').doc('d1');
    expect(await doc.set({ data: { a: 1, b: 2 } })).toMatchObject({ _id: 'd1', stats: { updated: 0, created: 1 } });
    expect(await doc.set({ data: { c: 3 } })).toMatchObject({ _id: 'd1', stats: { updated: 1, created: 0 } });
    expect((await doc.get()).data).toEqual({ _id: 'd1', c: 3 });
    await expect(doc.set({ data: { _id: 'd1', c: 4 } })).rejects.toThrow(/_id/);
  });

  test('update stats; missing doc updates 0; multi update and remove via where', async () => {
    const col = db.collection('c');
    await col.add({ data: { _id: 'a', n: 1, g: 'x' } });
    await col.add({ data: { _id: 'b', n: 2, g: 'x' } });
    await col.add({ data: { _id: 'c', n: 3, g: 'y' } });
    expect(await col.doc('a').update({ data: { n: 10 } })).toMatchObject({ stats: { updated: 1 } });
    expect(await col.doc('zz').update({ data: { n: 10 } })).toMatchObject({ stats: { updated: 0 } });
    expect(await col.where({ g: 'x' }).update({ data: { flag: true } })).toMatchObject({ stats: { updated: 2 } });
    expect(await col.where({ g: 'x' }).remove()).toMatchObject({ stats: { removed: 2 } });
    expect(await col.doc('c').remove()).toMatchObject({ stats: { removed: 1 } });
    expect(await col.doc('c').remove()).toMatchObject({ stats: { removed: 0 } });
    expect((await col.count()).total).toBe(0);
    await expect(col.doc('a').update({ data: { _id: 'x' } })).rejects.toThrow(/_id/);
  });

  test('returned documents are copies; stored documents are plain JSON', async () => {
    const col = db.collection('c');
    const data = { _id: 'k', list: [1], nested: { v: 1 } };
    await col.add({ data });
    data.list.push(2);
    const got = (await col.doc('k').get()).data;
    got.nested.v = 99;
    expect((await col.doc('k').get()).data).toEqual({ _id: 'k', list: [1], nested: { v: 1 } });
    // CloudBase stores a Date as a BSON date and answers a Date (the look-alike refused it; our
    // handlers store epoch ms by convention, DESIGN.md "Time and data").
    const when = new Date(Date.UTC(2026, 0, 20));
    const { _id } = await col.add({ data: { when } });
    expect((await col.doc(_id).get()).data.when).toEqual(when);
  });
});

describe('update commands', () => {
  const get = async () => (await db.collection('u').doc('x').get()).data;
  beforeEach(async () => {
    await db
      .collection('u')
      .add({ data: { _id: 'x', n: 5, list: [1, 2, 2, 3], set: ['a'], obj: { a: 1, b: 2 }, gone: 1 } });
  });

  test('inc, set, remove', async () => {
    const _ = db.command;
    await db
      .collection('u')
      .doc('x')
      .update({ data: { n: _.inc(-2), fresh: _.inc(1), obj: _.set({ c: 3 }), gone: _.remove() } });
    expect(await get()).toMatchObject({ n: 3, fresh: 1, obj: { c: 3 } });
    expect(await get()).not.toHaveProperty('gone');
  });

  test('plain nested objects set only the named subfields', async () => {
    await db
      .collection('u')
      .doc('x')
      .update({ data: { obj: { b: 20, d: { e: 1 } } } });
    expect((await get()).obj).toEqual({ a: 1, b: 20, d: { e: 1 } });
  });

  test('push, pull, addToSet', async () => {
    const _ = db.command;
    const doc = db.collection('u').doc('x');
    await doc.update({ data: { list: _.push(4) } });
    expect((await get()).list).toEqual([1, 2, 2, 3, 4]);
    await doc.update({ data: { list: _.push({ each: [5, 6] }) } });
    await doc.update({ data: { list: _.push([7]) } });
    expect((await get()).list).toEqual([1, 2, 2, 3, 4, 5, 6, 7]);
    await doc.update({ data: { list: _.pull(2) } });
    expect((await get()).list).toEqual([1, 3, 4, 5, 6, 7]);
    await doc.update({ data: { list: _.pull(_.gt(4)) } });
    expect((await get()).list).toEqual([1, 3, 4]);
    await doc.update({ data: { set: _.addToSet('a') } });
    await doc.update({ data: { set: _.addToSet('b') } });
    expect((await get()).set).toEqual(['a', 'b']);
  });

  test('serverDate resolves to epoch ms at write time, with offset', async () => {
    const before = Date.now();
    await db
      .collection('u')
      .doc('x')
      .update({ data: { at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } });
    const { at, later } = await get();
    expect(typeof at).toBe('number');
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
    expect(later - at).toBeGreaterThanOrEqual(59_000);
    const { _id } = await db.collection('u').add({ data: { created: db.serverDate() } });
    expect(typeof (await db.collection('u').doc(_id).get()).data.created).toBe('number');
  });

  test('unchanged documents are not counted as updated', async () => {
    expect(
      await db
        .collection('u')
        .doc('x')
        .update({ data: { n: 5 } }),
    ).toMatchObject({ stats: { updated: 0 } });
  });
});

describe('atomicity and transactions', () => {
  test('a conditional update is atomic: where({_id, stock: _.gt(0)}) + inc(-1)', async () => {
    const _ = db.command;
    await db.collection('s').add({ data: { _id: 'st', stock: 1 } });
    const tries = await Promise.all(
      [1, 2, 3].map(() =>
        db
          .collection('s')
          .where({ _id: 'st', stock: _.gt(0) })
          .update({ data: { stock: _.inc(-1) } }),
      ),
    );
    expect(tries.map((r) => r.stats.updated).sort()).toEqual([0, 0, 1]);
    expect((await db.collection('s').doc('st').get()).data.stock).toBe(0);
  });

  test('transactions commit and resolve to the callback value', async () => {
    await db.collection('acc').add({ data: { _id: 'a', bal: 10 } });
    const out = await db.runTransaction(async (tx) => {
      const a = await tx.collection('acc').doc('a').get();
      await tx
        .collection('acc')
        .doc('a')
        .update({ data: { bal: a.data.bal - 3 } });
      await tx.collection('acc').add({ data: { _id: 'b', bal: 3 } });
      return 'done';
    });
    expect(out).toBe('done');
    expect((await db.collection('acc').doc('a').get()).data.bal).toBe(7);
    expect((await db.collection('acc').doc('b').get()).data.bal).toBe(3);
  });

  test('a transaction get of a missing doc rejects (the real SDK throws; see standin/missing-doc.test.ts)', async () => {
    const err = await db.runTransaction((tx) => tx.collection('acc').doc('missing').get()).catch((e) => e);
    expect(isNotFoundError(err)).toBe(true);
  });

  test('a throw rolls back every write and rejects with the error', async () => {
    await db.collection('acc').add({ data: { _id: 'a', bal: 10 } });
    await db.collection('acc').add({ data: { _id: 'gone', v: 1 } });
    const err = await db
      .runTransaction(async (tx) => {
        await tx
          .collection('acc')
          .doc('a')
          .update({ data: { bal: 0 } });
        await tx
          .collection('acc')
          .doc('a')
          .update({ data: { bal: db.command.inc(5) } });
        await tx
          .collection('acc')
          .doc('new')
          .set({ data: { v: 1 } });
        await tx.collection('acc').add({ data: { _id: 'added' } });
        await tx.collection('acc').doc('gone').remove();
        throw new Error('boom');
      })
      .catch((e) => e);
    expect(err.message).toBe('boom');
    expect(ids(await db.collection('acc').get())).toEqual(['a', 'gone']);
    expect((await db.collection('acc').doc('a').get()).data).toEqual({ _id: 'a', bal: 10 });
  });

  test('tx.rollback(reason) rolls back and rejects with the reason', async () => {
    await db.collection('acc').add({ data: { _id: 'a', bal: 10 } });
    const reason = await db
      .runTransaction(async (tx) => {
        await tx
          .collection('acc')
          .doc('a')
          .update({ data: { bal: 1 } });
        await tx.rollback('NOT_ENOUGH');
        return 'ignored';
      })
      .catch((e) => e);
    expect(reason).toBe('NOT_ENOUGH');
    expect((await db.collection('acc').doc('a').get()).data.bal).toBe(10);
  });

  test('a duplicate add inside a transaction rolls it back', async () => {
    await db.collection('acc').add({ data: { _id: 'dup' } });
    const err = await db
      .runTransaction(async (tx) => {
        await tx.collection('acc').add({ data: { _id: 'first' } });
        await tx.collection('acc').add({ data: { _id: 'dup' } });
      })
      .catch((e) => e);
    expect(isDuplicateKeyError(err)).toBe(true);
    expect(ids(await db.collection('acc').get())).toEqual(['dup']);
  });

  test('transactions run concurrently: a read-modify-write that loses the race is refused, never lost', async () => {
    await db.collection('acc').add({ data: { _id: 'ctr', n: 0 } });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        db.runTransaction(async (tx) => {
          const cur = await tx.collection('acc').doc('ctr').get();
          await new Promise((r) => setTimeout(r, 1));
          await tx
            .collection('acc')
            .doc('ctr')
            .update({ data: { n: cur.data!.n + 1 } });
        }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled').length;
    // Every transaction either committed its increment or was refused as a conflict: none is lost.
    expect(won).toBeGreaterThanOrEqual(1);
    expect((await db.collection('acc').doc('ctr').get()).data.n).toBe(won);
    for (const r of results) if (r.status === 'rejected') expect(r.reason.message).toMatch(/TransactionConflict/);
  });

  test('single writes wait for a running transaction instead of landing inside it', async () => {
    await db.collection('acc').add({ data: { _id: 'a', n: 0 } });
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const events: string[] = [];
    const txDone = db
      .runTransaction(async (tx) => {
        await tx
          .collection('acc')
          .doc('a')
          .update({ data: { n: 1 } });
        entered();
        await new Promise((r) => setTimeout(r, 10));
        events.push('tx-abort');
        throw new Error('abort');
      })
      .catch(() => undefined);
    await inside;
    // Another caller (outside the transaction's async context) writes the same document meanwhile.
    const outside = db
      .collection('acc')
      .doc('a')
      .update({ data: { other: 1 } })
      .then(() => events.push('outside-write'));
    await Promise.all([txDone, outside]);
    expect(events).toEqual(['tx-abort', 'outside-write']);
    // The outside write ran after the rollback, so it survives and the transaction's does not.
    expect((await db.collection('acc').doc('a').get()).data).toEqual({ _id: 'a', n: 0, other: 1 });
  });

  test('failNthWrite makes exactly the Nth write throw once', async () => {
    const col = db.collection('f');
    db.failNthWrite(2);
    await col.add({ data: { _id: '1' } });
    await expect(col.add({ data: { _id: '2' } })).rejects.toThrow(/injected fault/);
    await col.add({ data: { _id: '3' } });
    expect(ids(await col.get())).toEqual(['1', '3']);
  });
});

test('persistence: a new stand-in on the same dir sees the data (@seald-io/nedb files)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'standin-'));
  const saved = process.env.TCB_CONTEXT_CNFG;
  // Two more stand-ins in turn: the SDK is pointed at each, then back at this file's.
  const through = async <T>(
    fn: (sdkDb: Database) => Promise<T>,
    check?: (s: Awaited<ReturnType<typeof startStandIn>>) => void,
  ) => {
    const s = await startStandIn({ dir });
    try {
      pointSdkAt(s.adminUrl, 'local');
      const sdk = (cloud as any).createNewInstance({ env: 'persisted' });
      const out = await fn(sdk.database() as Database);
      check?.(s);
      return out;
    } finally {
      await s.close();
      process.env.TCB_CONTEXT_CNFG = saved;
    }
  };
  try {
    await through(async (a) => {
      await a.collection('users').add({ data: { _id: 'u1', name: '张三' } });
      await a
        .collection('users')
        .doc('u1')
        .update({ data: { age: 31 } });
      await a.collection('other').add({ data: { _id: 'o1' } });
      await a.collection('other').add({ data: { _id: 'o2' } });
      await a.collection('other').doc('o2').remove();
    });
    await through(async (b) => {
      expect((await b.collection('users').doc('u1').get()).data).toEqual({ _id: 'u1', name: '张三', age: 31 });
      expect((await b.collection('other').count()).total).toBe(1);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // This file's stand-in still answers.
  await standInOfThisFile();
  expect((await db.collection('users').count()).total).toBe(0);
});
