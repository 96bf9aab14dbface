/**
 * Keeps cloud/lib (db.ts, entry.ts) in step with the real wx-server-sdk, which the handlers run on
 * everywhere (the emulator and the tests point it at the stand-in). The type checks run under
 * `tsc --noEmit` (this file is in tsconfig's include).
 */
import cloud from 'wx-server-sdk';
import type * as Real from 'wx-server-sdk';
import type { CollectionReference, Command, Database, DocumentReference, Query } from '../../cloud/lib/db';
import type { CloudSdk } from '../../cloud/lib/entry';

// ---------------------------------------------------------------- entry.ts's CloudSdk is the real default export

const asEntrySdk: CloudSdk = cloud;
// The real database() returns the SDK's class with callback-style unions; handlers use our subset.
const database: (config?: Parameters<typeof Real.database>[0]) => unknown = cloud.database;

// ---------------------------------------------------------------- db.ts only uses what the real SDK has

type RealDb = ReturnType<typeof Real.database>;
type RealCollection = ReturnType<RealDb['collection']>;
type RealDocument = ReturnType<RealCollection['doc']>;
type RealQuery = ReturnType<RealCollection['where']>;
type RealCommand = RealDb['command'];

/** Names our interface declares that the real class lacks. */
type Extra<Ours, TheirS> = Exclude<keyof Ours, keyof TheirS>;
/** Shared methods whose arguments, as our call sites pass them, the real method would not accept. */
type Misfits<Ours, TheirS> = {
  [K in keyof Ours & keyof TheirS]: Ours[K] extends (...a: infer A) => any
    ? TheirS[K] extends (...a: any) => any
      ? A extends Parameters<TheirS[K]>
        ? never
        : K
      : K
    : never;
}[keyof Ours & keyof TheirS];
/** `true` only when T is never; a failing check shows up as "true is not assignable to false". */
type None<T> = [T] extends [never] ? true : false;

const compileTimeChecks: true[] = [
  true as None<Extra<Database, RealDb>>,
  true as None<Extra<CollectionReference, RealCollection>>,
  true as None<Extra<DocumentReference, RealDocument>>,
  true as None<Extra<Query, RealQuery>>,
  true as None<Extra<Command, RealCommand>>,
  // serverDate is left out: the real typings say `() => ServerDate` though the documented API takes `{ offset }`.
  true as None<Misfits<Omit<Database, 'serverDate'>, RealDb>>,
  true as None<Misfits<CollectionReference, RealCollection>>,
  true as None<Misfits<DocumentReference, RealDocument>>,
  true as None<Misfits<Query, RealQuery>>,
  true as None<Misfits<Command, RealCommand>>,
];

// ---------------------------------------------------------------- runtime

test('the compile-time checks above hold', () => {
  expect(compileTimeChecks.every(Boolean)).toBe(true);
  expect([asEntrySdk.init, asEntrySdk.getWXContext, asEntrySdk.getTempFileURL, asEntrySdk.deleteFile]).not.toContain(
    undefined,
  );
  expect(typeof database).toBe('function');
});

const COMMANDS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'exists', 'and', 'or', 'inc', 'set', 'remove'];

test('the real database object has every method and command db.ts declares', () => {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  const realDb = cloud.database() as any;
  for (const name of ['collection', 'runTransaction', 'serverDate'])
    expect([name, typeof realDb[name]]).toEqual([name, 'function']);
  for (const name of [...COMMANDS, 'push', 'pull', 'addToSet'])
    expect([name, typeof realDb.command[name]]).toEqual([name, 'function']);
  const realCol = realDb.collection('x');
  for (const name of ['doc', 'add', 'where', 'orderBy', 'skip', 'limit', 'field', 'get', 'count', 'update', 'remove']) {
    expect([name, typeof realCol[name]]).toEqual([name, 'function']);
  }
  const realDoc = realCol.doc('id');
  for (const name of ['get', 'set', 'update', 'remove', 'field'])
    expect([name, typeof realDoc[name]]).toEqual([name, 'function']);
  expect(typeof (cloud.openapi as any).subscribeMessage.send).toBe('function');
  expect(typeof (cloud.openapi as any).wxacode.getUnlimited).toBe('function');
});
