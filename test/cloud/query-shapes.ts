/**
 * Records the shape of every query the handlers issue (collection, equality fields, range fields,
 * sort) through a proxy around `ctx.db`, so a test can check each shape against the declared indexes
 * (cloud/lib/indexes.ts). `makeWorld` hands handlers the recording database; the check runs after
 * every cloud test file (setup/index-coverage.ts), so a new query without its index fails the suite.
 */
import type { Database } from '../../cloud/lib/db';
import type { QueryShape } from '../../cloud/lib/indexes';

/** Every shape seen in this test file, keyed by its JSON. */
export const recordedShapes = new Map<string, QueryShape & { where: string }>();

/** A command of the real SDK's database (@cloudbase/database QueryCommand / LogicCommand): `{ operator, operands }`. */
const isCommand = (v: unknown): v is { operator: string; operands: unknown[] } =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as { operator?: unknown }).operator === 'string' &&
  Array.isArray((v as { operands?: unknown }).operands);
const LOGIC = new Set(['and', 'or', 'nor', 'not']);

const EQ = new Set(['eq', 'in']);
const RANGE = new Set(['gt', 'gte', 'lt', 'lte']);

type Kind = 'eq' | 'range' | 'filter';

function kindOf(v: any): Kind {
  if (!isCommand(v)) return 'eq';
  if (LOGIC.has(v.operator)) {
    const kinds = v.operands.map(kindOf);
    if (v.operator === 'or' && kinds.every((k: Kind) => k === 'eq')) return 'eq';
    if (v.operator === 'and' && kinds.includes('eq')) return 'eq';
    return kinds.includes('range') ? 'range' : 'filter';
  }
  if (EQ.has(v.operator)) return 'eq';
  if (RANGE.has(v.operator)) return 'range';
  return 'filter';
}

const plainObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && !isCommand(v) && Object.getPrototypeOf(v) === Object.prototype;

/** A where condition → one or more branches of { field: kind } (a top-level or gives one per branch). */
function branches(cond: any, prefix = ''): Array<Record<string, Kind>> {
  if (isCommand(cond) && LOGIC.has(cond.operator) && !prefix) {
    const parts = cond.operands.map((c: any) => branches(c));
    if (cond.operator === 'or') return parts.flat();
    // and: the cross product of the operands' branches, merged.
    return parts.reduce(
      (acc: Array<Record<string, Kind>>, next: Array<Record<string, Kind>>) =>
        acc.flatMap((a) => next.map((b) => ({ ...a, ...b }))),
      [{}],
    );
  }
  const out: Record<string, Kind> = {};
  let extra: Array<Record<string, Kind>> = [{}];
  for (const [k, v] of Object.entries(cond ?? {})) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (plainObject(v)) {
      const nested = branches(v, path);
      extra = extra.flatMap((a) => nested.map((b) => ({ ...a, ...b })));
    } else out[path] = kindOf(v);
  }
  return extra.map((e) => ({ ...out, ...e }));
}

function record(collection: string, wheres: any[], order: Array<[string, 'asc' | 'desc']>) {
  let all: Array<Record<string, Kind>> = [{}];
  for (const w of wheres) {
    const b = branches(w);
    all = all.flatMap((a) => b.map((x) => ({ ...a, ...x })));
  }
  for (const fields of all) {
    const shape = {
      collection,
      eq: Object.keys(fields)
        .filter((f) => fields[f] === 'eq')
        .sort(),
      range: Object.keys(fields)
        .filter((f) => fields[f] === 'range')
        .sort(),
      order,
    };
    const key = JSON.stringify(shape);
    if (!recordedShapes.has(key)) recordedShapes.set(key, { ...shape, where: JSON.stringify(fields) });
  }
}

const TERMINAL = new Set(['get', 'count', 'update', 'remove']);

function wrapQuery(target: any, collection: string, wheres: any[], order: Array<[string, 'asc' | 'desc']>): any {
  return new Proxy(target, {
    get(t, prop) {
      const value = t[prop];
      if (typeof value !== 'function') return value;
      if (prop === 'where') return (cond: any) => wrapQuery(value.call(t, cond), collection, [...wheres, cond], order);
      if (prop === 'orderBy')
        return (field: string, dir: 'asc' | 'desc') =>
          wrapQuery(value.call(t, field, dir), collection, wheres, [...order, [field, dir]]);
      if (prop === 'limit' || prop === 'skip' || prop === 'field')
        return (...args: any[]) => wrapQuery(value.apply(t, args), collection, wheres, order);
      if (TERMINAL.has(prop as string))
        return (...args: any[]) => {
          record(collection, wheres, order);
          return value.apply(t, args);
        };
      return value.bind(t);
    },
  });
}

/** `db` with every collection query recorded; doc(id) reads and transactions go by _id and need no index. */
export function recordingDb(db: Database): Database {
  return new Proxy(db, {
    get(t, prop) {
      if (prop === 'collection') return (name: string) => wrapQuery(t.collection(name), name, [], []);
      const value = (t as any)[prop];
      return typeof value === 'function' ? value.bind(t) : value;
    },
  });
}
