/**
 * The bad-input sweep: for every action of every function, every field gets wrong types, missing,
 * null, huge and odd-Unicode strings, out-of-range numbers and nested junk, plus extra fields and
 * malformed events. The action's own schema is the oracle: what it refuses must be answered
 * INVALID_INPUT with nothing written; what it accepts must never answer INTERNAL, and must be
 * FORBIDDEN / UNAUTHENTICATED when the caller lacks the role.
 */
import { randomBytes } from 'node:crypto';
import type { Access, ActionDef } from '../../cloud/lib/router';
import { requestIdSchema, type Role } from '../../types/api/common';
import { effectiveRoles } from '../../cloud/lib/guard';
import { isErrorCode, type Envelope } from '../../types/envelope';
import type { Schema } from '../../types/schema';
import type { FunctionDefs } from '../lib/functions';
import { metaOf } from '../lib/introspect';
import { EXTRA_FIELDS, validValue, variantsFor, type DeriveContext } from '../lib/values';
import { diffSnapshots, snapshotAll, writeCount, type World } from '../lib/world';

export interface Caller {
  name: string;
  /** '' = no OPENID at all. */
  openid: string;
  roles: string[];
  exists: boolean;
}

export interface FuzzFailure {
  fn: string;
  action: string;
  caller: string;
  what: string;
  event: string;
  got: string;
  why: string;
}

export interface FuzzReport {
  perFunction: Record<string, { cases: number; invalid: number; accepted: number }>;
  total: number;
  failures: FuzzFailure[];
}

type Defs = Record<string, ActionDef<unknown, unknown>>;

export function requestId(): string {
  return `fz-${randomBytes(8).toString('hex')}`;
}

/** JSON for a report line: long strings shortened, NaN / Infinity / undefined spelled out. */
export function show(v: unknown, max = 400): string {
  const text =
    JSON.stringify(v, (_k, x) => {
      if (typeof x === 'string' && x.length > 60)
        return `${JSON.stringify(x.slice(0, 40)).slice(1, -1)}…(${x.length} chars)`;
      if (typeof x === 'number' && !Number.isFinite(x)) return `<${x}>`;
      if (x === undefined) return '<undefined>';
      return x;
    }) ?? String(v);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What the router will decide about validation, computed from the same schemas. */
export function oracleValid(defs: Defs, event: unknown): boolean {
  if (!isPlainObject(event) || typeof event.action !== 'string') return false;
  const { action, requestId: rid, ...payload } = event;
  if (!Object.prototype.hasOwnProperty.call(defs, action)) return false;
  if (rid !== undefined && !requestIdSchema.parse(rid, 'requestId').ok) return false;
  delete payload.userInfo;
  return defs[action].input.parse(payload).ok;
}

/** The caller's roles inside one function: a domain admin is `admin` in its own domain's function. */
export function rolesIn(fn: string, caller: Caller): string[] {
  return effectiveRoles(fn, caller.roles as Role[]);
}

export function mayCall(access: Access, caller: Caller, fn = ''): 'yes' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (access === 'public') return 'yes';
  if (!caller.openid) return 'UNAUTHENTICATED';
  if (access === 'signedIn') return 'yes';
  const roles = rolesIn(fn, caller);
  return access.some((r) => roles.includes(r)) ? 'yes' : 'FORBIDDEN';
}

interface FieldRef {
  path: string[];
  schema: Schema<unknown>;
  valid: unknown;
}

/** Every field of an object schema, nested objects and the first item of arrays of objects included. */
function fieldsOf(schema: Schema<unknown>, valid: unknown, path: string[] = []): FieldRef[] {
  let meta = metaOf(schema);
  if (meta?.kind === 'optional') meta = metaOf(meta.inner);
  if (meta?.kind === 'object') {
    const obj = isPlainObject(valid) ? valid : {};
    return Object.entries(meta.shape).flatMap(([key, inner]) => [
      { path: [...path, key], schema: inner, valid: obj[key] },
      ...fieldsOf(inner, obj[key], [...path, key]),
    ]);
  }
  if (meta?.kind === 'array' && Array.isArray(valid) && valid.length) {
    return fieldsOf(meta.item, valid[0], [...path, '0']);
  }
  return [];
}

function setAt(
  base: Record<string, unknown>,
  path: string[],
  value: unknown,
  remove: boolean,
): Record<string, unknown> {
  const root = structuredClone(base);
  let node: any = root;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(node[key]) && !Array.isArray(node[key])) node[key] = {};
    node = node[key];
  }
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return root;
}

export interface Case {
  action: string;
  what: string;
  event: unknown;
}

export function casesFor(fn: string, defs: Defs, ids: DeriveContext, quick: boolean): Case[] {
  const out: Case[] = [];
  const anyAction = Object.keys(defs)[0];
  const events: Array<[string, unknown]> = [
    ['event null', null],
    ['event array', [{ action: anyAction }]],
    ['event string', 'action'],
    ['event number', 42],
    ['event without action', {}],
    ['action number', { action: 1 }],
    ['action object', { action: { $ne: null } }],
    ['unknown action', { action: `no-such-${fn}` }],
    ['action __proto__', { action: '__proto__' }],
    ['action constructor', { action: 'constructor' }],
    ['action toString', { action: 'toString' }],
    ['action hasOwnProperty', { action: 'hasOwnProperty' }],
    ['action 100 KB', { action: 'a'.repeat(100_000) }],
  ];
  for (const [what, event] of quick ? events.slice(0, 8) : events) out.push({ action: '(event)', what, event });

  for (const [action, def] of Object.entries(defs)) {
    const derived = validValue(def.input, '', ids, true);
    const base = (derived.ok && isPlainObject(derived.value) ? derived.value : {}) as Record<string, unknown>;
    const event = (payload: Record<string, unknown>) => ({
      action,
      ...(def.writes === true ? { requestId: requestId() } : {}),
      ...payload,
    });
    for (const [key, value] of quick ? EXTRA_FIELDS.slice(0, 4) : EXTRA_FIELDS) {
      out.push({ action, what: `extra field ${key}`, event: setAt(event(base), [key], value, false) });
    }
    const badIds: unknown[] = [123, 'short', 'x'.repeat(65), 'bad id!', null, { $ne: 1 }, '测试请求编号测试请求编号'];
    for (const rid of quick ? badIds.slice(0, 3) : badIds) {
      out.push({ action, what: `requestId ${show(rid, 30)}`, event: { ...event(base), requestId: rid } });
    }
    for (const field of fieldsOf(def.input, base)) {
      for (const v of variantsFor(field.schema, field.valid, quick)) {
        out.push({
          action,
          what: `${field.path.join('.')}: ${v.what}`,
          event: event(setAt(base, field.path, v.value, !!v.remove)),
        });
      }
    }
  }
  return out;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

/** Runs every case for every caller on `world`; never throws, collects failures. */
export async function fuzzSweep(
  world: World,
  fns: FunctionDefs[],
  callers: Caller[],
  ids: DeriveContext,
  quick: boolean,
): Promise<FuzzReport> {
  const report: FuzzReport = { perFunction: {}, total: 0, failures: [] };
  let baseline = snapshotAll(world.db);
  for (const { fn, defs } of fns) {
    const stats = (report.perFunction[fn] = { cases: 0, invalid: 0, accepted: 0 });
    const cases = casesFor(fn, defs, ids, quick);
    for (const c of cases) {
      for (const caller of callers) {
        stats.cases += 1;
        report.total += 1;
        const invalid = !oracleValid(defs, c.event);
        if (invalid) stats.invalid += 1;
        else stats.accepted += 1;
        const fail = (why: string, got: unknown) =>
          report.failures.push({
            fn,
            action: c.action,
            caller: caller.name,
            what: c.what,
            event: show(c.event),
            got: show(got),
            why,
          });
        const writesBefore = writeCount(world.db);
        let res: Envelope<unknown>;
        try {
          res = await withTimeout(world.call(caller.openid, fn, defs, c.event), 15_000);
        } catch (e) {
          fail(`threw: ${(e as Error).message}`, null);
          continue;
        }
        if (writeCount(world.db) !== writesBefore) {
          const after = snapshotAll(world.db);
          const changed = diffSnapshots(baseline, after);
          baseline = after;
          if (invalid && changed.length) fail(`refused input but wrote to ${changed.join(', ')}`, res);
        }
        if (!isPlainObject(res) || typeof res.ok !== 'boolean') {
          fail('not an envelope', res);
          continue;
        }
        if (!res.ok && (!isErrorCode(res.code) || typeof res.message !== 'string')) fail('bad error envelope', res);
        if (!res.ok && res.code === 'INTERNAL') {
          fail('INTERNAL (a 500)', res);
          continue;
        }
        if (invalid) {
          if (res.ok || res.code !== 'INVALID_INPUT') fail('schema refuses this input: expected INVALID_INPUT', res);
          else if (typeof res.details?.field !== 'string') fail('INVALID_INPUT without details.field', res);
          continue;
        }
        const access = Object.prototype.hasOwnProperty.call(defs, c.action) ? defs[c.action].access : 'public';
        const allowed = mayCall(access, caller, fn);
        if (allowed !== 'yes' && (res.ok || res.code !== allowed || 'data' in res))
          fail(`caller lacks access: expected ${allowed}`, res);
      }
    }
  }
  return report;
}
