/**
 * Stand-in behaviour: the stats of where().update() and where().remove() (and of their doc()
 * forms), as wx-server-sdk 4.0.2 shapes them: `{ stats: { updated } }` from the server's `updated`,
 * `{ stats: { removed } }` from `deleted`; doc().set() answers `{ updated, created }`.
 * ASSUMED: `updated` counts documents actually changed (MongoDB's nModified), so a document already
 * holding the values is matched but not counted.
 */
import { makeWorld, type WorldDatabase } from '../helpers';

let db: WorldDatabase;
beforeEach(async () => {
  db = (await makeWorld({ seed: 'none' })).db;
  for (const [i, g] of ['x', 'x', 'x', 'y'].entries())
    await db.collection('t').add({ data: { _id: `d${i}`, g, n: i, done: i === 0 } });
});

test('where().update() counts the documents it changed', async () => {
  const _ = db.command;
  expect(
    await db
      .collection('t')
      .where({ g: 'x' })
      .update({ data: { n: _.inc(1) } }),
  ).toEqual({
    stats: { updated: 3 },
    errMsg: 'collection.update:ok',
  });
  // d0 already done: matched, not changed, not counted.
  expect(
    await db
      .collection('t')
      .where({ g: 'x' })
      .update({ data: { done: true } }),
  ).toMatchObject({
    stats: { updated: 2 },
  });
  expect(
    await db
      .collection('t')
      .where({ g: 'none' })
      .update({ data: { done: true } }),
  ).toMatchObject({
    stats: { updated: 0 },
  });
  expect(
    await db
      .collection('t')
      .doc('d3')
      .update({ data: { n: 9 } }),
  ).toEqual({
    stats: { updated: 1 },
    errMsg: 'document.update:ok',
  });
  expect(
    await db
      .collection('t')
      .doc('missing')
      .update({ data: { n: 9 } }),
  ).toMatchObject({ stats: { updated: 0 } });
});

test('where().remove() counts the documents it removed', async () => {
  expect(
    await db
      .collection('t')
      .where({ g: 'x', n: db.command.gte(1) })
      .remove(),
  ).toEqual({
    stats: { removed: 2 },
    errMsg: 'collection.remove:ok',
  });
  expect(
    await db
      .collection('t')
      .where({ g: 'x', n: db.command.gte(1) })
      .remove(),
  ).toMatchObject({
    stats: { removed: 0 },
  });
  expect(await db.collection('t').doc('d0').remove()).toEqual({ stats: { removed: 1 }, errMsg: 'document.remove:ok' });
  expect(await db.collection('t').doc('d0').remove()).toMatchObject({ stats: { removed: 0 } });
  expect((await db.collection('t').where({}).get()).data.map((d) => d._id)).toEqual(['d3']);
});

test('doc().set() says whether it created or replaced', async () => {
  expect(
    await db
      .collection('t')
      .doc('new')
      .set({ data: { a: 1 } }),
  ).toEqual({
    _id: 'new',
    stats: { updated: 0, created: 1 },
    errMsg: 'document.set:ok',
  });
  expect(
    await db
      .collection('t')
      .doc('new')
      .set({ data: { a: 2 } }),
  ).toMatchObject({
    stats: { updated: 1, created: 0 },
  });
});

test('conditional updates racing: the stats say which one won', async () => {
  const _ = db.command;
  const results = await Promise.all(
    Array.from({ length: 10 }, () =>
      db
        .collection('t')
        .where({ _id: 'd3', n: _.gte(3) })
        .update({ data: { n: _.inc(-1) } }),
    ),
  );
  expect(results.map((r) => r.stats.updated).sort()).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
});
