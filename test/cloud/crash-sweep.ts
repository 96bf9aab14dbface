/**
 * The crash sweep: for one successful call of an action (crash-cases.ts), run it clean once, then
 * for every write n of that clean run, in a fresh world: the function dies just before write n
 * (nothing after it runs: test/cloud/faults.ts), the lease of its idempotency record runs out, and
 * the client retries with the same requestId. The retry must answer what the clean run answered,
 * and every collection the action touched must hold what the clean run left — no duplicate, no
 * missing record, counters equal. Random ids and hashes (hex runs) are compared as equal; numbers
 * (counters, times) exactly.
 */
import type { Envelope } from '../../types/envelope';
import { LEASE_MS } from '../../cloud/lib/idempotency';
import { dispatch } from '../../cloud/lib/router';
import { DEFS, resetPrep, type CrashCase } from './crash-cases';
import { Faults } from './faults';
import { makeWorld, type World } from './helpers';

export const REQUEST_ID = 'crash-sweep-0001';

export interface CrashRow {
  n: number;
  first: string;
  retry: string;
  problems: string[];
}

export interface CaseReport {
  name: string;
  /** Writes of the clean run. */
  writes: number;
  clean: string;
  rows: CrashRow[];
}

const code = (r: Envelope<unknown>) => (r.ok ? 'ok' : r.code);

/** Hex runs of 8+ (random ids, nonces, hashes) become '#', in keys and string values; numbers stay. */
export function canonical(value: unknown): unknown {
  const hex = (s: string) => s.replace(/[0-9a-f]{8,}/gi, '#');
  if (typeof value === 'string') return hex(value);
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[hex(k)] = canonical((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

const IGNORED = new Set(['idempotency']);

/** `value` without the dotted `paths` (the case's intended differences). */
function drop(value: unknown, paths: string[]): unknown {
  const copy = structuredClone(value) as Record<string, any>;
  for (const path of paths) {
    const keys = path.split('.');
    let at: any = copy;
    for (const k of keys.slice(0, -1)) at = at?.[k];
    if (at && typeof at === 'object') delete at[keys[keys.length - 1]];
  }
  return copy;
}

async function state(w: World, collections: Iterable<string>, c: CrashCase): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const coll of [...collections].filter((x) => !IGNORED.has(x)).sort()) {
    const paths = (c.intended?.docs ?? []).filter((p) => p.startsWith(`${coll}:`)).map((p) => p.slice(coll.length + 1));
    out.set(coll, (await w.all(coll)).map((d) => JSON.stringify(canonical(drop(d, paths)))).sort());
  }
  return out;
}

function diff(clean: Map<string, string[]>, crashed: Map<string, string[]>): string[] {
  const problems: string[] = [];
  for (const [c, want] of clean) {
    const got = crashed.get(c) ?? [];
    const missing = want.filter((d) => !got.includes(d));
    const extra = got.filter((d) => !want.includes(d));
    if (got.length !== want.length) problems.push(`${c}: ${got.length} documents, clean run ${want.length}`);
    for (const d of missing.slice(0, 2)) problems.push(`${c}: missing ${d.slice(0, 400)}`);
    for (const d of extra.slice(0, 2)) problems.push(`${c}: unexpected ${d.slice(0, 400)}`);
  }
  return problems;
}

interface Run {
  world: World;
  faults: Faults;
  first: Envelope<unknown>;
  retry: Envelope<unknown>;
}

async function run(c: CrashCase, crashAt?: number): Promise<Run> {
  resetPrep();
  const world = await makeWorld({ seed: 'full' });
  const { as, payload } = await c.prepare(world);
  const faults = new Faults();
  const db = faults.wrap(world.db);
  const call = () =>
    dispatch(c.fn, DEFS[c.fn], { ...world.ctxFor(as), db }, { ...payload, action: c.action, requestId: REQUEST_ID });
  if (crashAt) faults.dieAt(crashAt);
  const first = await call();
  if (!crashAt) return { world, faults, first, retry: first };
  faults.revive();
  // The first attempt died holding its idempotency lease: let it run out (time, for the record only).
  const _ = world.db.command;
  await world.db
    .collection('idempotency')
    .where({ state: 'running' })
    .update({ data: { at: _.inc(-(LEASE_MS + 1)) } });
  const retry = await call();
  return { world, faults, first, retry };
}

export function caseName(c: CrashCase): string {
  return `${c.fn}.${c.action}${c.label ? ` (${c.label})` : ''}`;
}

/** The clean run alone: its answer and writes. */
export async function cleanRun(c: CrashCase): Promise<{ answer: Envelope<unknown>; writes: number }> {
  const r = await run(c);
  return { answer: r.first, writes: r.faults.writes };
}

export async function sweepCase(c: CrashCase): Promise<CaseReport> {
  const clean = await run(c);
  const report: CaseReport = {
    name: caseName(c),
    writes: clean.faults.writes,
    clean: code(clean.first),
    rows: [],
  };
  if (!clean.first.ok) return report;
  const want = JSON.stringify(canonical(drop(clean.first, c.intended?.answer ?? [])));
  for (let n = 1; n <= clean.faults.writes; n++) {
    const crashed = await run(c, n);
    const problems: string[] = [];
    const got = JSON.stringify(canonical(drop(crashed.retry, c.intended?.answer ?? [])));
    if (got !== want) problems.push(`retry answered ${got.slice(0, 300)}; clean run ${want.slice(0, 300)}`);
    const touched = new Set([...clean.faults.collections, ...crashed.faults.collections]);
    problems.push(...diff(await state(clean.world, touched, c), await state(crashed.world, touched, c)));
    report.rows.push({ n, first: code(crashed.first), retry: code(crashed.retry), problems });
  }
  return report;
}

export function formatReport(reports: CaseReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    const bad = r.rows.filter((x) => x.problems.length);
    lines.push(
      `${r.name.padEnd(58)} writes ${String(r.writes).padStart(2)}  ${bad.length ? `${bad.length} UNRECONCILED` : 'reconciled'}`,
    );
    for (const b of bad) lines.push(`   n=${b.n} first ${b.first} retry ${b.retry}: ${b.problems.join(' | ')}`);
  }
  return lines.join('\n');
}
