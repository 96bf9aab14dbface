/**
 * Shared world for handler tests: the handlers run on the REAL wx-server-sdk, which talks over HTTP
 * to the local stand-in of the CloudBase API (cloud/emulator/standin), one stand-in per test file,
 * one CloudBase environment per world (so worlds never see each other's data). Each world has the
 * personas and stations seeded, a clock you move, and calls that go through `dispatch`
 * (validation, access, idempotency, envelope) exactly as the deployed function does.
 *
 *   const world = await makeWorld({ now: shanghaiTime('2026-01-20 10:00') });   // seed: 'base'
 *   const res = await world.call(PERSONAS.worker, memberActions, 'member', { action: 'getMe' });
 *   expect(res).toEqual({ ok: true, data: expect.objectContaining({ ... }) });
 *   world.clock.advance(60_000);
 *   world.openapiCalls        // subscribe messages / wxacode calls made by the handlers (this world only)
 *   await world.files.uploadFile({ cloudPath: 'retirement-photos/a.jpg', fileContent: jpeg })   // ctx.files
 *   await world.all('auditLog', { event: 'member.reviewApplication' })   // read a collection
 *   const before = await world.snapshot(['users', 'messages']); ...; expect(await world.snapshot([...])).toEqual(before)
 *   world.db.failNthWrite(3)  // the 3rd write request from now fails once (a crash between writes)
 *   world.db.core             // the stand-in's database of this world (spy on core.write, list core.stores)
 *
 * Options: `now` (epoch ms, default 2026-01-20 10:00 Shanghai), `seed`: 'base' (personas' users +
 * stations, the default), 'full' (also every domain's cloud/seed/<domain>.ts) or 'none';
 * `env` (the functions' environment, e.g. QR token keys; default {}).
 * `callAs(world, openid, fn, defs, event)` is the same as `world.call(openid, defs, fn, event)`.
 */
import cloud from 'wx-server-sdk';
import type { ActionMap } from '../../types/api/common';
import type { Envelope } from '../../types/envelope';
import type { CloudFiles, Ctx, OpenApi } from '../../cloud/lib/context';
import type { Database } from '../../cloud/lib/db';
import { shanghaiTime } from '../../cloud/lib/clock';
import { dispatch, type ActionDefs } from '../../cloud/lib/router';
import { seed, seedBase } from '../../cloud/seed';
import type { EnvDatabase } from '../../cloud/emulator/standin/database';
import { pointSdkAt } from '../../cloud/emulator/standin/sdk-env';
import { startStandIn, type EnvState, type StandIn } from '../../cloud/emulator/standin/server';
import { recordingDb } from './query-shapes';

export { PERSONAS, personas } from '../../cloud/seed';

export interface Clock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
}

export interface RecordedCall {
  api: 'subscribeMessage.send' | 'wxacode.getUnlimited';
  params: Record<string, any>;
  at: number;
}

/** The real SDK's database of this world, with the stand-in's fault injection beside it. */
export type WorldDatabase = Database & {
  /** The stand-in's database of this world's environment (tests spy on `core.write`, list `core.stores`). */
  readonly core: EnvDatabase;
  /** The `n`th write request from now (1 = the next) fails once, before it changes anything. */
  failNthWrite(n: number): void;
};

/** This world's cloud storage through the real SDK, plus `list()` of what the bucket holds. */
export interface WorldFiles extends CloudFiles {
  uploadFile(param: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string; statusCode: number }>;
  downloadFile(param: { fileID: string }): Promise<{ fileContent: Buffer; statusCode: number }>;
  deleteFile(param: { fileList: string[] }): Promise<{
    fileList: Array<{ fileID: string; status: number; errMsg?: string }>;
    errMsg?: string;
  }>;
  /** Cloud paths held now, sorted. */
  list(): Promise<string[]>;
}

export interface World {
  db: WorldDatabase;
  /** This world's cloud storage (ctx.files): upload a file with `files.uploadFile`, see what is left with `files.list()`. */
  files: WorldFiles;
  clock: Clock;
  env: Record<string, string | undefined>;
  openapi: OpenApi;
  openapiCalls: RecordedCall[];
  /** The CloudBase environment this world's SDK instance talks to, as the stand-in holds it. */
  cloudEnv: EnvState;
  ctxFor(openid: string): Ctx;
  call<M extends ActionMap>(openid: string, defs: ActionDefs<M>, fn: string, event: unknown): Promise<Envelope<any>>;
  /** Every document of a collection matching `where` (up to 1000). */
  all(collection: string, where?: Record<string, unknown>): Promise<any[]>;
  /** The documents of these collections, sorted by _id: compare before/after to prove nothing was written. */
  snapshot(collections: string[]): Promise<Record<string, any[]>>;
}

export const DEFAULT_NOW = shanghaiTime('2026-01-20 10:00');

export interface WorldOptions {
  now?: number;
  seed?: 'none' | 'base' | 'full';
  env?: Record<string, string | undefined>;
}

/** What `cloud.createNewInstance({ env })` answers: a wx-server-sdk bound to one environment. */
export interface SdkInstance {
  database(): unknown;
  openapi: unknown;
  uploadFile(param: { cloudPath: string; fileContent: Buffer }): Promise<any>;
  downloadFile(param: { fileID: string }): Promise<any>;
  getTempFileURL(param: { fileList: string[] }): Promise<any>;
  deleteFile(param: { fileList: string[] }): Promise<any>;
}

let standIn: Promise<StandIn> | undefined;
/** The stand-in of this test file (started on first use, closed after the file's tests). */
export function standInOfThisFile(): Promise<StandIn> {
  standIn ??= startStandIn().then((s) => {
    pointSdkAt(s.adminUrl, 'local');
    return s;
  });
  return standIn;
}
afterAll(async () => {
  if (standIn) await (await standIn).close();
});

let worlds = 0;
/** A fresh CloudBase environment of this file's stand-in and the real SDK bound to it. */
export async function newCloudEnv(): Promise<{ sdk: SdkInstance; cloudEnv: EnvState; standIn: StandIn }> {
  const s = await standInOfThisFile();
  worlds += 1;
  const name = `world-${worlds}`;
  // createNewInstance is a public function of wx-server-sdk 4 that its typings leave out.
  const sdk = (cloud as unknown as { createNewInstance(config: { env: string }): SdkInstance }).createNewInstance({
    env: name,
  });
  return { sdk, cloudEnv: s.env(name), standIn: s };
}

/**
 * Seeded environments of this file, by seed and time: a world's data starts as a copy of one (the
 * seed is written once through the real SDK, not again for every world).
 */
const seeded = new Map<string, Promise<EnvState>>();
function seededTemplate(mode: 'base' | 'full', now: number): Promise<EnvState> {
  const key = `${mode}@${now}`;
  let template = seeded.get(key);
  if (!template) {
    template = (async () => {
      const { sdk, cloudEnv } = await newCloudEnv();
      const db = sdk.database() as Database;
      await (mode === 'base' ? seedBase(db, now) : seed(db, now));
      return cloudEnv;
    })();
    seeded.set(key, template);
  }
  return template;
}

export async function makeWorld(options: WorldOptions = {}): Promise<World> {
  const { sdk, cloudEnv } = await newCloudEnv();
  const core = cloudEnv.db;
  const db = Object.assign(sdk.database() as Database, {
    core,
    failNthWrite: (n: number) => core.failNthWrite(n),
  }) as WorldDatabase;
  let t = options.now ?? DEFAULT_NOW;
  const clock: Clock = {
    now: () => t,
    set: (ms) => {
      t = ms;
    },
    advance: (ms) => {
      t += ms;
    },
  };
  const openapiCalls: RecordedCall[] = [];
  const real = sdk.openapi as OpenApi;
  // The real openapi, over the stand-in (which validates as WeChat does); recorded per world as the handler passed it.
  const openapi: OpenApi = {
    subscribeMessage: {
      send: async (params) => {
        const r = await real.subscribeMessage.send(params);
        openapiCalls.push({ api: 'subscribeMessage.send', params: structuredClone(params), at: t });
        return r;
      },
    },
    wxacode: {
      getUnlimited: async (params) => {
        const r = await real.wxacode.getUnlimited(params);
        openapiCalls.push({ api: 'wxacode.getUnlimited', params: structuredClone(params), at: t });
        return r;
      },
    },
  };
  const env = { ...(options.env ?? {}) };
  const files: WorldFiles = {
    uploadFile: (param) => sdk.uploadFile(param),
    downloadFile: (param) => sdk.downloadFile(param),
    getTempFileURL: (param) => sdk.getTempFileURL(param),
    deleteFile: (param) => sdk.deleteFile(param),
    list: () => cloudEnv.bucket.list(),
  };
  // Handlers get a database that records their query shapes (checked against cloud/lib/indexes.ts).
  const handlerDb = recordingDb(db);
  const ctxFor = (openid: string): Ctx => ({ openid, db: handlerDb, now: clock.now, openapi, files, env });

  const all = async (collection: string, where: Record<string, unknown> = {}) =>
    (await db.collection(collection).where(where).limit(1000).get()).data;

  const mode = options.seed ?? 'base';
  if (mode !== 'none') core.copyFrom((await seededTemplate(mode, t)).db);

  return {
    db,
    files,
    clock,
    env,
    openapi,
    openapiCalls,
    cloudEnv,
    ctxFor,
    call: (openid, defs, fn, event) => dispatch(fn, defs, ctxFor(openid), event),
    all,
    snapshot: async (collections) => {
      const out: Record<string, any[]> = {};
      for (const c of collections) out[c] = (await all(c)).sort((a, b) => String(a._id).localeCompare(String(b._id)));
      return out;
    },
  };
}

export function callAs<M extends ActionMap>(
  world: World,
  openid: string,
  fn: string,
  defs: ActionDefs<M>,
  event: unknown,
): Promise<Envelope<any>> {
  return world.call(openid, defs, fn, event);
}

/** Data of a successful envelope, or a test failure showing the refusal. */
export function okData<T = any>(res: Envelope<T>): T {
  if (!res.ok) throw new Error(`expected ok, got ${res.code}: ${res.message} ${JSON.stringify(res.details ?? {})}`);
  return res.data;
}

/** A fresh request id (the router wants 8–64 of [A-Za-z0-9_-]). */
let reqSeq = 0;
export function rid(prefix = 'req'): string {
  reqSeq += 1;
  return `${prefix}-${reqSeq.toString().padStart(6, '0')}`;
}
