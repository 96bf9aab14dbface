/**
 * A seeded world for the fuzzer, the matrix and the crash runs: the handlers on the REAL
 * wx-server-sdk against an in-memory stand-in of CloudBase (cloud/emulator/standin, one per process,
 * one environment per world), a clock, every persona, and a view of every collection (to prove that
 * nothing was written).
 */
import cloud from 'wx-server-sdk';
import { shanghaiTime } from '../../cloud/lib/clock';
import type { Ctx, OpenApi } from '../../cloud/lib/context';
import type { Database } from '../../cloud/lib/db';
import { dispatch, type ActionDef } from '../../cloud/lib/router';
import { seed, seedBase } from '../../cloud/seed';
import type { EnvDatabase } from '../../cloud/emulator/standin/database';
import { pointSdkAt } from '../../cloud/emulator/standin/sdk-env';
import { startStandIn, type StandIn } from '../../cloud/emulator/standin/server';
import type { Envelope } from '../../types/envelope';
import type { DeriveContext } from './values';

export const BENCH_NOW = shanghaiTime('2026-01-20 10:00');

/** A database the bench can look inside: the real SDK's, with the stand-in's store beside it. */
export type InspectableDb = Database & {
  readonly core: EnvDatabase;
  /** The `n`th write request from now (1 = the next) fails once, before it changes anything. */
  failNthWrite(n: number): void;
};

export interface World {
  db: InspectableDb;
  clock: { now(): number; advance(ms: number): void };
  env: Record<string, string | undefined>;
  call(
    openid: string,
    fn: string,
    defs: Record<string, ActionDef<unknown, unknown>>,
    event: unknown,
  ): Promise<Envelope<unknown>>;
}

let standIn: Promise<StandIn> | undefined;
let worlds = 0;

/** The process's stand-in (started on first use; it stops with the process). */
function sharedStandIn(): Promise<StandIn> {
  standIn ??= startStandIn().then((s) => {
    pointSdkAt(s.adminUrl, 'local');
    s.server.unref();
    return s;
  });
  return standIn;
}

/** A fresh environment of the process's stand-in and the real SDK bound to it. */
function newEnv(): { sdk: any; name: string } {
  worlds += 1;
  const name = `bench-${worlds}`;
  return {
    sdk: (cloud as unknown as { createNewInstance(c: { env: string }): any }).createNewInstance({ env: name }),
    name,
  };
}

/** Seeded environments by seed and time: a world starts as a copy (the seed is written once, through the SDK). */
const seeded = new Map<string, Promise<EnvDatabase>>();
function seededTemplate(s: StandIn, mode: 'base' | 'full', now: number): Promise<EnvDatabase> {
  const key = `${mode}@${now}`;
  let template = seeded.get(key);
  if (!template) {
    template = (async () => {
      const { sdk, name } = newEnv();
      const db = sdk.database() as Database;
      await (mode === 'base' ? seedBase(db, now) : seed(db, now));
      return s.env(name).db;
    })();
    seeded.set(key, template);
  }
  return template;
}

export async function makeBenchWorld(mode: 'full' | 'base' | 'none' = 'full', now = BENCH_NOW): Promise<World> {
  const s = await sharedStandIn();
  // Pointed again for every world: an emulator started meanwhile (the fuzz's HTTP sweep) points the
  // process's SDK at its own stand-in, and after it closes, every new world's calls hung up.
  pointSdkAt(s.adminUrl, 'local');
  const { sdk, name } = newEnv();
  const core = s.env(name).db;
  const db = Object.assign(sdk.database() as Database, {
    core,
    failNthWrite: (n: number) => core.failNthWrite(n),
  }) as InspectableDb;
  let t = now;
  const clock = { now: () => t, advance: (ms: number) => void (t += ms) };
  const env: Record<string, string | undefined> = {};
  if (mode !== 'none') core.copyFrom(await seededTemplate(s, mode, t));
  const ctxFor = (openid: string): Ctx => ({
    openid,
    db,
    now: clock.now,
    openapi: sdk.openapi as OpenApi,
    files: { getTempFileURL: (p) => sdk.getTempFileURL(p), deleteFile: (p) => sdk.deleteFile(p) },
    env,
  });
  return { db, clock, env, call: (openid, fn, defs, event) => dispatch(fn, defs as any, ctxFor(openid), event) };
}

/** Write requests the stand-in received for this database so far (every add/set/update/remove). */
export function writeCount(db: { core: EnvDatabase }): number {
  return db.core.writeCount;
}

/** Every document of every collection, as canonical JSON per collection. */
export function snapshotAll(db: { core: EnvDatabase }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, coll] of db.core.stores) {
    const docs = coll.getAllData().map((d) => JSON.stringify(d, Object.keys(d).sort()));
    out[name] = docs.sort().join('\n');
  }
  return out;
}

/** Names of the collections that differ (an empty collection equals an absent one). */
export function diffSnapshots(a: Record<string, string>, b: Record<string, string>): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => (a[n] ?? '') !== (b[n] ?? '')).sort();
}

/** Ids for derived payloads: a field `campaignId` takes a value some seeded doc holds in `campaignId`, etc. */
export function seededIds(db: { core: EnvDatabase }, now: number): DeriveContext {
  const byField = new Map<string, string[]>();
  const byCollection = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, v: string) => {
    const list = map.get(key) ?? [];
    if (!list.includes(v)) list.push(v);
    map.set(key, list);
  };
  for (const [name, coll] of db.core.stores) {
    for (const doc of coll.getAllData()) {
      add(byCollection, name.toLowerCase(), String(doc._id));
      for (const [k, v] of Object.entries(doc))
        if (typeof v === 'string' && /id$/i.test(k) && k !== '_id') add(byField, k, v);
    }
  }
  const ID = /^[A-Za-z0-9_:.-]{1,64}$/;
  return {
    now,
    idFor(field) {
      const direct = (byField.get(field) ?? []).filter((v) => ID.test(v));
      if (direct.length) return direct.sort()[0];
      // `registrationId` -> a collection whose name contains "registration".
      const stem = field.replace(/Id$/, '').toLowerCase();
      if (!stem) return undefined;
      for (const [name, ids] of [...byCollection].sort()) {
        if (name.includes(stem)) return ids.filter((v) => ID.test(v)).sort()[0];
      }
      return undefined;
    },
  };
}
