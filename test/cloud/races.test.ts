/**
 * The stand-in, through the real SDK, must behave like CloudBase under concurrency: a naive
 * read-await-write loses updates, while atomic commands and conditional updates do not.
 */
import type { Database } from '../../cloud/lib/db';
import { makeWorld } from './helpers';

const N = 100;
let db: Database;
beforeEach(async () => {
  db = (await makeWorld({ seed: 'none' })).db;
  await db.collection('counters').add({ data: { _id: 'c', n: 0 } });
});

test('a naive read-then-write counter loses updates under 100 concurrent calls', async () => {
  const naive = async () => {
    const { data } = await db.collection('counters').doc('c').get();
    await db
      .collection('counters')
      .doc('c')
      .update({ data: { n: data.n + 1 } });
  };
  await Promise.all(Array.from({ length: N }, naive));
  const { n } = (await db.collection('counters').doc('c').get()).data;
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(N);
});

test('_.inc(1) under 100 concurrent calls counts exactly 100', async () => {
  const _ = db.command;
  await Promise.all(
    Array.from({ length: N }, () =>
      db
        .collection('counters')
        .doc('c')
        .update({ data: { n: _.inc(1) } }),
    ),
  );
  expect((await db.collection('counters').doc('c').get()).data.n).toBe(N);
});

test('100 concurrent conditional decrements of stock 10 succeed exactly 10 times', async () => {
  const _ = db.command;
  await db.collection('stations').add({ data: { _id: 's1', stock: 10 } });
  const results = await Promise.all(
    Array.from({ length: N }, () =>
      db
        .collection('stations')
        .where({ _id: 's1', stock: _.gt(0) })
        .update({ data: { stock: _.inc(-1) } }),
    ),
  );
  expect(results.filter((r) => r.stats.updated === 1)).toHaveLength(10);
  expect((await db.collection('stations').doc('s1').get()).data.stock).toBe(0);
});

test('100 concurrent adds with the same _id: exactly one wins', async () => {
  const results = await Promise.allSettled(
    Array.from({ length: N }, (_, i) => db.collection('claims').add({ data: { _id: 'u1:campaign', i } })),
  );
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  expect((await db.collection('claims').count()).total).toBe(1);
});
