/**
 * Payloads derived from a schema: a valid value for every field (to pass validation and reach the
 * access check and the handler), and the invalid variants the fuzzer throws at each field.
 * The schema itself is the oracle: a variant it accepts (null on an optional field, an emoji in a
 * free text) is not "invalid" and is judged as an accepted call instead.
 */
import { isValidIdNumber, type Schema } from '../../types/schema';
import { metaOf } from './introspect';

export interface DeriveContext {
  /** A seeded id for a field (by its name and label), when one fits. */
  idFor(field: string, label: string): string | undefined;
  now: number;
}

type Derived = { ok: true; value: unknown } | { ok: false };

const STRING_POOL = [
  '2026-01-20 10:00',
  '2026-01-20',
  '1234',
  'XZ2019000001',
  '13800138000',
  'ABCD1234',
  'abc123',
  'abcd-1234',
  'https://example.com/live',
  '测试内容',
  'a',
];

function idNumberSample(): string {
  const body = '33041119900101001';
  for (const check of '0123456789X') if (isValidIdNumber(body + check)) return body + check;
  return `${body}X`;
}

const PROBE_POOL: unknown[] = [
  '测试',
  1,
  true,
  '2026-01-20',
  '2026-01-20 10:00',
  '13800138000',
  idNumberSample(),
  [],
  {},
];

function firstValid(schema: Schema<unknown>, candidates: unknown[]): Derived {
  for (const c of candidates) if (schema.parse(c).ok) return { ok: true, value: c };
  return { ok: false };
}

function text(min: number, max: number): string {
  let v = '测试文字';
  while (Array.from(v).length < min) v += '测';
  return Array.from(v).slice(0, Math.max(max, 1)).join('');
}

/** A valid value for `schema` at field `field`; `full` also fills optional fields. */
export function validValue(schema: Schema<unknown>, field: string, ctx: DeriveContext, full = false): Derived {
  const meta = metaOf(schema);
  if (!meta) return firstValid(schema, PROBE_POOL);
  const o = meta.opts;
  switch (meta.kind) {
    case 'optional':
      return full ? validValue(meta.inner, field, ctx, full) : { ok: true, value: undefined };
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(meta.shape)) {
        const r = validValue(inner, key, ctx, full);
        if (!r.ok) return r;
        if (r.value !== undefined) out[key] = r.value;
      }
      return schema.parse(out).ok ? { ok: true, value: out } : { ok: false };
    }
    case 'array': {
      const n = Math.max(1, o.min ?? 0);
      const items: unknown[] = [];
      for (let i = 0; i < n; i++) {
        const r = validValue(meta.item, field, ctx, full);
        if (!r.ok) return r;
        items.push(r.value);
      }
      return firstValid(schema, [items, items.slice(0, o.min ?? 0)]);
    }
    case 'literal':
      return { ok: true, value: meta.value };
    case 'oneOf':
      return { ok: true, value: meta.values[0] };
    case 'boolean':
      return { ok: true, value: true };
    case 'int': {
      const min = o.min ?? -1e9;
      const max = o.max ?? 1e9;
      return firstValid(schema, [1, min, max, Math.floor((min + max) / 2)]);
    }
    case 'timestamp':
      return firstValid(schema, [ctx.now + 86_400_000, ctx.now]);
    case 'date':
      return firstValid(schema, [/出生|生日/.test(o.label ?? '') ? '1990-05-01' : '2026-02-01']);
    case 'phone':
      return { ok: true, value: '13800138000' };
    case 'idNumber':
      return { ok: true, value: idNumberSample() };
    case 'id': {
      const seeded = ctx.idFor(field, o.label ?? '');
      return firstValid(schema, [seeded, `bench-${field.replace(/[^A-Za-z0-9]/g, '')}-0001`].filter(Boolean));
    }
    case 'string':
      return firstValid(schema, [text(o.min ?? 1, o.max ?? 200), ...STRING_POOL]);
  }
  return firstValid(schema, PROBE_POOL);
}

// ------------------------------------------------------------------ invalid variants

export interface Variant {
  /** What was done, for the report: `wrong type: number`. */
  what: string;
  value: unknown;
  /** Delete the field instead of setting it. */
  remove?: boolean;
}

const ODD_UNICODE: Array<[string, string]> = [
  ['lone high surrogate', '\ud800'],
  ['lone low surrogate', '\udfff'],
  ['RTL override', '\u202e'],
  ['zero-width space', '\u200b'],
  ['BOM', '\ufeff'],
  ['emoji ZWJ', '👷\u200d♀️🧧'],
  ['NUL', '\u0000'],
  ['BEL', '\u0007'],
  ['ANSI escape', '\u001b[31m'],
  ['combining mark', 'e\u0301'],
  ['line separator', '\u2028'],
  ['astral CJK', '𠀀𪚥'],
];

function deep(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Variants for one field whose valid value is `valid`; `quick` keeps a representative few. */
export function variantsFor(schema: Schema<unknown>, valid: unknown, quick: boolean): Variant[] {
  const meta = metaOf(schema);
  const kind = meta?.kind === 'optional' ? (metaOf(meta.inner)?.kind ?? 'unknown') : (meta?.kind ?? 'unknown');
  const out: Variant[] = [
    { what: 'missing', value: undefined, remove: true },
    { what: 'null', value: null },
  ];
  const types: Array<[string, unknown]> = [
    ['number', 12345],
    ['float', 1.5],
    ['boolean', true],
    ['string', 'text'],
    ['empty string', ''],
    ['blank string', '   '],
    ['empty array', []],
    ['array', [valid]],
    ['empty object', {}],
    ['object', { value: valid }],
    ['NaN', NaN],
    ['Infinity', Infinity],
  ];
  const pick = quick ? types.filter((_, i) => [0, 2, 3, 6, 8].includes(i)) : types;
  for (const [what, value] of pick) out.push({ what: `wrong type: ${what}`, value });

  const huge = quick
    ? [['100 KB ascii', 'x'.repeat(100_000)]]
    : [
        ['100 KB ascii', 'x'.repeat(100_000)],
        ['100 KB CJK', '测'.repeat(100_000)],
        ['1 MB', 'y'.repeat(1_000_000)],
      ];
  for (const [what, value] of huge) out.push({ what: `huge string: ${what}`, value });

  const base = typeof valid === 'string' ? valid : '';
  for (const [what, ch] of quick ? ODD_UNICODE.slice(0, 4) : ODD_UNICODE) {
    out.push({ what: `unicode: ${what} appended`, value: base + ch });
    if (!quick) out.push({ what: `unicode: ${what} alone`, value: ch });
  }

  if (kind === 'int' || kind === 'timestamp' || typeof valid === 'number') {
    const o = (meta?.kind === 'optional' ? metaOf(meta.inner)?.opts : meta?.opts) ?? {};
    const nums: Array<[string, unknown]> = [
      ['min - 1', (o.min ?? -(2 ** 53)) - 1],
      ['max + 1', (o.max ?? 2 ** 53) + 1],
      ['fraction', (typeof valid === 'number' ? valid : 1) + 0.5],
      ['-0', -0],
      ['2^53 + 2', 2 ** 53 + 2],
      ['-1e21', -1e21],
      ['1e308', 1e308],
      ['numeric string', String(valid)],
      ['hex string', '0x10'],
      ['-Infinity', -Infinity],
      ['MIN_VALUE', Number.MIN_VALUE],
    ];
    for (const [what, value] of quick ? nums.slice(0, 4) : nums) out.push({ what: `number: ${what}`, value });
  }

  const junk: Array<[string, unknown]> = [
    ['operator object', { $gt: '' }],
    ['operator $ne null', { $ne: null }],
    ['nested _id operator', { _id: { $exists: true } }],
    ['__proto__ key', JSON.parse('{"__proto__":{"admin":true}}')],
    ['deep array x200', deep(200)],
    ['deep array x5000', deep(5000)],
    ['array-like object', { 0: valid, length: 1 }],
    ['toString trap', { toString: 'x', valueOf: 'y' }],
  ];
  for (const [what, value] of quick ? junk.slice(0, 3) : junk) out.push({ what: `junk: ${what}`, value });
  return out;
}

/** Extra top-level keys: none of them is in any contract, so each must be refused. */
export const EXTRA_FIELDS: Array<[string, unknown]> = [
  ['extra', 1],
  ['_id', 'forged-id'],
  ['openid', 'persona-admin'],
  ['OPENID', 'persona-admin'],
  ['$where', 'return true'],
  ['constructor', {}],
  ['__proto__', { admin: true }],
  ['roles', ['admin']],
];
