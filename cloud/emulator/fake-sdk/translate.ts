/**
 * Translation of CloudBase-style conditions, update data and projections into nedb's Mongo-like
 * queries and modifiers. Follows @cloudbase/database's serializers: plain nested objects are
 * flattened to dotted paths (in where AND update), `undefined` keys are dropped, arrays are values.
 */
import { LogicCommand, QueryCommand, ServerDate, UpdateCommand, isMarker } from './commands';
import { invalidParam } from './errors';

type Plain = Record<string, any>;

export function isPlainObject(v: unknown): v is Plain {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A deep copy of a value to store: serverDate markers resolved to epoch ms, undefined object keys
 * dropped (as JSON does). Dates, class instances and commands are refused: documents are plain
 * JSON and times are epoch milliseconds (DESIGN.md "Time and data").
 */
export function toPlain(v: any, now: number, path = ''): any {
  if (v instanceof ServerDate) return now + v.offset;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw invalidParam('database', `non-finite number at "${path}"`);
    return v;
  }
  if (Array.isArray(v)) return v.map((x, i) => (x === undefined ? null : toPlain(x, now, `${path}[${i}]`)));
  if (isMarker(v)) throw invalidParam('database', `a command is not allowed at "${path}"`);
  if (isPlainObject(v)) {
    const out: Plain = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toPlain(x, now, path ? `${path}.${k}` : k);
    return out;
  }
  const kind =
    v instanceof Date ? 'Date (store epoch ms instead)' : typeof v === 'object' ? v.constructor?.name : typeof v;
  throw invalidParam('database', `unsupported value of type ${kind} at "${path}"`);
}

/** CloudBase's flatten: `{ a: { b: 1 } }` → `{ 'a.b': 1 }`; commands, arrays and scalars are leaves. */
export function flatten(obj: Plain, prefix = '', out: Plain = {}): Plain {
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    const key = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v)) flatten(v, key, out);
    else out[key] = v;
  }
  return out;
}

// ---------------------------------------------------------------- where

const COMPARE: Record<string, string> = {
  neq: '$ne',
  gt: '$gt',
  gte: '$gte',
  lt: '$lt',
  lte: '$lte',
  in: '$in',
  nin: '$nin',
  exists: '$exists',
};

export function encodeWhere(cond: unknown, now: number): Plain {
  if (cond instanceof LogicCommand) {
    return { [`$${cond.op}`]: cond.operands.map((c) => encodeWhere(c, now)) };
  }
  if (!isPlainObject(cond)) throw invalidParam('collection.where', 'the condition must be an object');
  const keys = Object.keys(cond);
  // Real SDK: where({ a: undefined }) throws, while undefined keys next to defined ones are dropped.
  if (keys.length > 0 && keys.every((k) => cond[k] === undefined)) {
    throw invalidParam('collection.where', 'every field of the condition is undefined');
  }
  const out: Plain = {};
  const ands: Plain[] = [];
  for (const [key, value] of Object.entries(flatten(cond))) {
    if (key.includes('$')) throw invalidParam('collection.where', `unsupported operator key "${key}"`);
    const enc = encodeField(key, value, now);
    if (Object.keys(enc).length === 1 && key in enc && !(key in out)) out[key] = enc[key];
    else ands.push(enc);
  }
  if (ands.length) out.$and = ands;
  return out;
}

function encodeField(key: string, value: any, now: number): Plain {
  if (value instanceof LogicCommand) {
    return {
      [`$${value.op}`]: value.operands.map((o) => encodeField(key, isMarker(o) ? o : new QueryCommand('eq', o), now)),
    };
  }
  if (value instanceof QueryCommand) {
    const operand = resolveDates(value.operand, now);
    if (value.op === 'eq') return { [key]: operand };
    if ((value.op === 'in' || value.op === 'nin') && !Array.isArray(operand)) {
      throw invalidParam('collection.where', `_.${value.op} needs an array`);
    }
    return { [key]: { [COMPARE[value.op]]: operand } };
  }
  if (value instanceof UpdateCommand)
    throw invalidParam('collection.where', `update command _.${value.op} used in a query`);
  if (value instanceof RegExp) return { [key]: { $regex: value } };
  return { [key]: resolveDates(value, now) };
}

function resolveDates(v: any, now: number): any {
  if (v instanceof ServerDate) return now + v.offset;
  if (Array.isArray(v)) return v.map((x) => resolveDates(x, now));
  return v;
}

// ---------------------------------------------------------------- update

/** `update({ data })` → a nedb modifier object (never a replacement). */
export function encodeUpdate(data: unknown, now: number, api: string): Plain {
  if (!isPlainObject(data)) throw invalidParam(api, 'data must be an object');
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw invalidParam(api, '不能更新_id的值');
  const mod: Record<string, Plain> = {};
  const put = (op: string, key: string, v: any) => ((mod[op] ??= {})[key] = v);
  for (const [key, value] of Object.entries(flatten(data))) {
    if (!(value instanceof UpdateCommand)) {
      put('$set', key, toPlain(value, now, key));
      continue;
    }
    const operand = value.operand;
    switch (value.op) {
      case 'inc':
        if (typeof operand !== 'number' || !Number.isFinite(operand)) throw invalidParam(api, '_.inc needs a number');
        put('$inc', key, operand);
        break;
      case 'set':
        put('$set', key, toPlain(operand, now, key));
        break;
      case 'remove':
        put('$unset', key, true);
        break;
      case 'push':
        put('$push', key, encodeEach(operand, now, key, true));
        break;
      case 'addToSet':
        put('$addToSet', key, encodeEach(operand, now, key, false));
        break;
      case 'pull':
        put(
          '$pull',
          key,
          operand instanceof QueryCommand ? encodeField(key, operand, now)[key] : toPlain(operand, now, key),
        );
        break;
    }
  }
  if (Object.keys(mod).length === 0) throw invalidParam(api, 'nothing to update');
  return mod;
}

/** push: a value, an array of values, or `{ each, slice }`; addToSet: a value or `{ each }`. */
function encodeEach(operand: any, now: number, key: string, isPush: boolean): any {
  if (isPlainObject(operand) && ('each' in operand || '$each' in operand)) {
    const { each, $each, slice, $slice, ...rest } = operand;
    if (Object.keys(rest).length)
      throw invalidParam('update', `unsupported modifiers ${Object.keys(rest).join(',')} for "${key}"`);
    const out: Plain = { $each: toPlain(each ?? $each, now, key) };
    const sl = slice ?? $slice;
    if (sl !== undefined) out.$slice = sl;
    return out;
  }
  if (isPush) return { $each: Array.isArray(operand) ? toPlain(operand, now, key) : [toPlain(operand, now, key)] };
  return toPlain(operand, now, key);
}

// ---------------------------------------------------------------- projection

export function encodeProjection(p: Record<string, unknown>): Plain {
  const out: Plain = {};
  for (const [k, v] of Object.entries(p)) {
    if (typeof v === 'boolean') out[k] = v ? 1 : 0;
    else if (typeof v === 'number') out[k] = v > 0 ? 1 : 0;
    else throw invalidParam('field', `unsupported projection for "${k}"`);
  }
  return out;
}
