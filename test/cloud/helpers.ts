/**
 * Shared world for handler tests: a fresh in-memory fake database with the personas and stations
 * seeded, a clock you move, and calls that go through `dispatch` (validation, access, idempotency,
 * envelope) exactly as the deployed function does.
 *
 *   const world = await makeWorld({ now: shanghaiTime('2026-01-20 10:00') });   // seed: 'base'
 *   const res = await world.call(PERSONAS.worker, memberActions, 'member', { action: 'getMe' });
 *   expect(res).toEqual({ ok: true, data: expect.objectContaining({ ... }) });
 *   world.clock.advance(60_000);
 *   world.openapiCalls        // subscribe messages / wxacode calls made by the handlers (this world only)
 *   await world.files.uploadFile({ cloudPath: 'retirement-photos/a.jpg', fileContent: jpeg })   // ctx.files
 *   await world.all('auditLog', { event: 'member.reviewApplication' })   // read a collection
 *   const before = await world.snapshot(['users', 'messages']); ...; expect(await world.snapshot([...])).toEqual(before)
 *
 * Options: `now` (epoch ms, default 2026-01-20 10:00 Shanghai), `seed`: 'base' (personas' users +
 * stations, the default), 'full' (also every domain's cloud/seed/<domain>.ts) or 'none';
 * `env` (the functions' environment, e.g. QR token keys; default {}).
 * `callAs(world, openid, fn, defs, event)` is the same as `world.call(openid, defs, fn, event)`.
 */
import {
  createDatabase,
  createStorage,
  openapi as fakeOpenapi,
  type FakeDatabase,
  type FakeStorage,
} from '../../cloud/emulator/fake-sdk';
import type { ActionMap } from '../../types/api/common';
import type { Envelope } from '../../types/envelope';
import type { Ctx, OpenApi } from '../../cloud/lib/context';
import { shanghaiTime } from '../../cloud/lib/clock';
import { dispatch, type ActionDefs } from '../../cloud/lib/router';
import { seed, seedBase } from '../../cloud/seed';
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

export interface World {
  db: FakeDatabase;
  /** This world's cloud storage (ctx.files): upload a file with `files.uploadFile`, see what is left with `files.list()`. */
  files: FakeStorage;
  clock: Clock;
  env: Record<string, string | undefined>;
  openapi: OpenApi;
  openapiCalls: RecordedCall[];
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

export async function makeWorld(options: WorldOptions = {}): Promise<World> {
  const db = createDatabase();
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
  // Same validation and answers as the emulator's openapi, recorded per world (not process-wide).
  const openapi: OpenApi = {
    subscribeMessage: {
      send: async (params) => {
        const r = await fakeOpenapi.subscribeMessage.send(params as any);
        openapiCalls.push({ api: 'subscribeMessage.send', params: structuredClone(params), at: t });
        return r;
      },
    },
    wxacode: {
      getUnlimited: async (params) => {
        const r = await fakeOpenapi.wxacode.getUnlimited(params);
        openapiCalls.push({ api: 'wxacode.getUnlimited', params: structuredClone(params), at: t });
        return r;
      },
    },
  };
  const env = { ...(options.env ?? {}) };
  const files = createStorage();
  // Handlers get a database that records their query shapes (checked against cloud/lib/indexes.ts).
  const handlerDb = recordingDb(db);
  const ctxFor = (openid: string): Ctx => ({ openid, db: handlerDb, now: clock.now, openapi, files, env });

  const all = async (collection: string, where: Record<string, unknown> = {}) =>
    (await db.collection(collection).where(where).limit(1000).get()).data;

  const mode = options.seed ?? 'base';
  if (mode === 'base') await seedBase(db, t);
  if (mode === 'full') await seed(db, t);

  return {
    db,
    files,
    clock,
    env,
    openapi,
    openapiCalls,
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
