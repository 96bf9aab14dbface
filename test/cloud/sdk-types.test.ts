/**
 * Keeps the fake wx-server-sdk and cloud/lib/db.ts in step with the real wx-server-sdk.
 * The type checks run under `tsc --noEmit` (this file is in tsconfig's include): `import type`
 * from 'wx-server-sdk' resolves to the REAL typings there. The runtime checks load the real
 * package by file path (jest maps the bare name to the fake).
 */
import { join } from 'node:path';
import type * as Real from 'wx-server-sdk';
import fakeDefault, * as fake from '../../cloud/emulator/fake-sdk';
import type { CollectionReference, Command, Database, DocumentReference, Query } from '../../cloud/lib/db';

// ---------------------------------------------------------------- the fake fits the real signatures

const init: typeof Real.init = fake.init;
const getWXContext: typeof Real.getWXContext = fake.getWXContext;
const DYNAMIC_CURRENT_ENV: typeof Real.DYNAMIC_CURRENT_ENV = fake.DYNAMIC_CURRENT_ENV;
const openapi: typeof Real.openapi = fake.openapi;
const uploadFile: typeof Real.uploadFile = fake.uploadFile;
const downloadFile: typeof Real.downloadFile = fake.downloadFile;
const getTempFileURL: typeof Real.getTempFileURL = fake.getTempFileURL;
const deleteFile: typeof Real.deleteFile = fake.deleteFile;
// The real database() returns the SDK's class with callback-style unions; handlers use our subset.
const database: (config?: Parameters<typeof Real.database>[0]) => Database = fake.database;
// `import cloud from 'wx-server-sdk'` in function entries gets the fake's default export in the emulator.
const defaultExport: Pick<
  typeof Real,
  'init' | 'getWXContext' | 'DYNAMIC_CURRENT_ENV' | 'openapi' | 'uploadFile' | 'getTempFileURL' | 'deleteFile'
> = fakeDefault;

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

const real: typeof Real = require(join(__dirname, '../../node_modules/wx-server-sdk/index.js'));

test('the compile-time checks above hold', () => {
  expect(compileTimeChecks.every(Boolean)).toBe(true);
  expect([init, getWXContext, DYNAMIC_CURRENT_ENV, openapi, database, defaultExport]).not.toContain(undefined);
  expect([uploadFile, downloadFile, getTempFileURL, deleteFile]).not.toContain(undefined);
});

test('the fake exports the real names with the same runtime kinds', () => {
  for (const name of [
    'init',
    'DYNAMIC_CURRENT_ENV',
    'getWXContext',
    'database',
    'openapi',
    'uploadFile',
    'downloadFile',
    'getTempFileURL',
    'deleteFile',
  ] as const) {
    expect([name, typeof fake[name]]).toEqual([name, typeof real[name]]);
    expect([name, typeof (fakeDefault as Record<string, unknown>)[name]]).toEqual([name, typeof real[name]]);
  }
  expect(typeof fake.openapi.subscribeMessage.send).toBe(typeof real.openapi.subscribeMessage.send);
  expect(typeof fake.openapi.wxacode.getUnlimited).toBe(typeof real.openapi.wxacode.getUnlimited);
});

test('the real database object has every method and command the fake offers', () => {
  real.init({ env: real.DYNAMIC_CURRENT_ENV as unknown as string });
  const realDb = real.database() as any;
  const fakeDb = fake.database();
  for (const name of ['collection', 'runTransaction', 'serverDate'])
    expect([name, typeof realDb[name]]).toEqual([name, 'function']);
  for (const name of Object.keys(fakeDb.command))
    expect([name, typeof realDb.command[name]]).toEqual([name, 'function']);
  const realCol = realDb.collection('x');
  for (const name of ['doc', 'add', 'where', 'orderBy', 'skip', 'limit', 'field', 'get', 'count', 'update', 'remove']) {
    expect([name, typeof realCol[name]]).toEqual([name, 'function']);
  }
  const realDoc = realCol.doc('id');
  for (const name of ['get', 'set', 'update', 'remove', 'field'])
    expect([name, typeof realDoc[name]]).toEqual([name, 'function']);
});
