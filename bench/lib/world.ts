/**
 * A seeded in-memory world for the fuzzer, the matrix and the crash runs: the fake database, a
 * clock, every persona, and a view of every collection (to prove that nothing was written).
 */
import { createDatabase, createStorage, openapi, type FakeDatabase } from '../../cloud/emulator/fake-sdk';
import { shanghaiTime } from '../../cloud/lib/clock';
import type { Ctx, OpenApi } from '../../cloud/lib/context';
import { dispatch, type ActionDef } from '../../cloud/lib/router';
import { seed, seedBase } from '../../cloud/seed';
import type { Envelope } from '../../types/envelope';
import type { DeriveContext } from './values';

export const BENCH_NOW = shanghaiTime('2026-01-20 10:00');

export interface World {
  db: FakeDatabase;
  clock: { now(): number; advance(ms: number): void };
  env: Record<string, string | undefined>;
  call(
    openid: string,
    fn: string,
    defs: Record<string, ActionDef<unknown, unknown>>,
    event: unknown,
  ): Promise<Envelope<unknown>>;
}

export async function makeBenchWorld(mode: 'full' | 'base' | 'none' = 'full', now = BENCH_NOW): Promise<World> {
  const db = createDatabase();
  let t = now;
  const clock = { now: () => t, advance: (ms: number) => void (t += ms) };
  const env: Record<string, string | undefined> = {};
  if (mode === 'full') await seed(db, t);
  if (mode === 'base') await seedBase(db, t);
  const files = createStorage();
  const ctxFor = (openid: string): Ctx => ({
    openid,
    db,
    now: clock.now,
    openapi: openapi as unknown as OpenApi,
    files,
    env,
  });
  return { db, clock, env, call: (openid, fn, defs, event) => dispatch(fn, defs as any, ctxFor(openid), event) };
}

interface CoreView {
  stores: Map<string, { getAllData(): any[] }>;
  writeCount: number;
}
const core = (db: FakeDatabase) => db.core as unknown as CoreView;

/** Writes attempted on this database so far (the fake counts every add/set/update/remove). */
export function writeCount(db: FakeDatabase): number {
  return core(db).writeCount;
}

/** Every document of every collection, as canonical JSON per collection. */
export function snapshotAll(db: FakeDatabase): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, ds] of core(db).stores) {
    const docs = ds.getAllData().map((d) => JSON.stringify(d, Object.keys(d).sort()));
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
export function seededIds(db: FakeDatabase, now: number): DeriveContext {
  const byField = new Map<string, string[]>();
  const byCollection = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, v: string) => {
    const list = map.get(key) ?? [];
    if (!list.includes(v)) list.push(v);
    map.set(key, list);
  };
  for (const [name, ds] of core(db).stores) {
    for (const doc of ds.getAllData()) {
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
