/**
 * A small schema library shared by the cloud handlers (validation at the edge) and the app's forms.
 * Home-made rather than zod: it costs ~2 KB in the weapp main package instead of ~50 KB, and every
 * message is Chinese and names the field (label) the worker sees on the form.
 */

export interface Issue {
  /** Dotted path of the field in the payload, e.g. `profile.phone` or `items.2`. */
  path: string;
  /** Chinese, names the field: 「手机号：格式不正确」. */
  message: string;
}

/** The top-level form field an issue path belongs to: 'stations.2.stock' → 'stations', 'formats.0' → 'formats'. */
export const fieldOf = (path: string) => path.split('.')[0];

export type Parsed<T> = { ok: true; value: T } | { ok: false; issue: Issue };

export interface Schema<T> {
  readonly label: string;
  parse(input: unknown, path?: string): Parsed<T>;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

interface Base {
  /** The Chinese name of the field, used in messages. */
  label?: string;
}

const fail = (path: string, label: string, problem: string): Parsed<never> => ({
  ok: false,
  issue: { path, message: `${label}：${problem}` },
});

function make<T>(label: string, parse: (input: unknown, path: string) => Parsed<T>): Schema<T> {
  return { label, parse: (input, path = '') => parse(input, path) };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Rejects control characters and lone surrogates, which no form in the app can produce. */
const BAD_CHARS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface StringOptions extends Base {
  min?: number;
  max?: number;
  pattern?: RegExp;
  patternMessage?: string;
  /** Keep surrounding spaces (default: trimmed). */
  raw?: boolean;
}

function string(opts: StringOptions = {}): Schema<string> {
  const label = opts.label ?? '内容';
  const min = opts.min ?? 1;
  const max = opts.max ?? 200;
  return make(label, (input, path) => {
    if (typeof input !== 'string') return fail(path, label, '应为文字');
    const value = opts.raw ? input : input.trim();
    if (BAD_CHARS.test(value)) return fail(path, label, '包含无法识别的字符');
    const length = Array.from(value).length;
    if (length < min) return fail(path, label, min === 1 ? '不能为空' : `至少${min}个字`);
    if (length > max) return fail(path, label, `不能超过${max}个字`);
    if (opts.pattern && !opts.pattern.test(value)) return fail(path, label, opts.patternMessage ?? '格式不正确');
    return { ok: true, value };
  });
}

export interface NumberOptions extends Base {
  min?: number;
  max?: number;
}

function int(opts: NumberOptions = {}): Schema<number> {
  const label = opts.label ?? '数字';
  const min = opts.min ?? Number.MIN_SAFE_INTEGER;
  const max = opts.max ?? Number.MAX_SAFE_INTEGER;
  return make(label, (input, path) => {
    if (typeof input !== 'number' || !Number.isInteger(input)) return fail(path, label, '应为整数');
    if (input < min) return fail(path, label, `不能小于${min}`);
    if (input > max) return fail(path, label, `不能大于${max}`);
    return { ok: true, value: input };
  });
}

function boolean(opts: Base = {}): Schema<boolean> {
  const label = opts.label ?? '选项';
  return make(label, (input, path) =>
    typeof input === 'boolean' ? { ok: true, value: input } : fail(path, label, '应为是或否'),
  );
}

function literal<T extends string | number | boolean>(value: T, opts: Base = {}): Schema<T> {
  const label = opts.label ?? '选项';
  return make(label, (input, path) => (input === value ? { ok: true, value } : fail(path, label, '不正确')));
}

function oneOf<T extends string>(values: readonly T[], opts: Base = {}): Schema<T> {
  const label = opts.label ?? '选项';
  return make(label, (input, path) =>
    typeof input === 'string' && (values as readonly string[]).includes(input)
      ? { ok: true, value: input as T }
      : fail(path, label, '请从给定选项中选择'),
  );
}

export interface ArrayOptions extends Base {
  min?: number;
  max?: number;
}

function array<T>(item: Schema<T>, opts: ArrayOptions = {}): Schema<T[]> {
  const label = opts.label ?? item.label;
  const min = opts.min ?? 0;
  const max = opts.max ?? 100;
  return make(label, (input, path) => {
    if (!Array.isArray(input)) return fail(path, label, '应为列表');
    if (input.length < min) return fail(path, label, `至少选择${min}项`);
    if (input.length > max) return fail(path, label, `最多${max}项`);
    const out: T[] = [];
    for (let i = 0; i < input.length; i++) {
      const r = item.parse(input[i], path ? `${path}.${i}` : String(i));
      if (!r.ok) return r;
      out.push(r.value);
    }
    return { ok: true, value: out };
  });
}

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: undefined extends Infer<S[K]> ? K : never;
}[keyof S];
export type ObjectOf<S extends Shape> = {
  [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]>;
} & { [K in OptionalKeys<S>]?: Infer<S[K]> };

/** A strict object: unknown keys are refused, so junk never reaches the database. */
function object<S extends Shape>(shape: S, opts: Base = {}): Schema<ObjectOf<S>> & { shape: S } {
  const label = opts.label ?? '请求';
  const schema = make(label, (input, path) => {
    if (!isPlainObject(input)) return fail(path, label, '格式不正确');
    for (const key of Object.keys(input)) {
      if (!Object.prototype.hasOwnProperty.call(shape, key)) {
        return fail(path ? `${path}.${key}` : key, label, `不认识的字段 ${key.slice(0, 40)}`);
      }
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const r = shape[key].parse(input[key], path ? `${path}.${key}` : key);
      if (!r.ok) return r;
      if (r.value !== undefined) out[key] = r.value;
    }
    return { ok: true, value: out as ObjectOf<S> };
  });
  return Object.assign(schema, { shape });
}

function optional<T>(inner: Schema<T>): Schema<T | undefined> {
  return make<T | undefined>(inner.label, (input, path) =>
    input === undefined || input === null ? { ok: true, value: undefined } : inner.parse(input, path),
  );
}

/** Mainland mobile number, 11 digits starting with 1[3-9]. */
function phone(opts: Base = {}): Schema<string> {
  // One message for every wrong shape (too short, letters, 12 digits): what the worker must type.
  return string({
    label: opts.label ?? '手机号',
    min: 1,
    max: 20,
    pattern: /^1[3-9]\d{9}$/,
    patternMessage: '请输入11位手机号',
  });
}

/** Calendar date YYYY-MM-DD (a date in Asia/Shanghai, no time). */
function date(opts: Base = {}): Schema<string> {
  const label = opts.label ?? '日期';
  const inner = string({
    label,
    min: 10,
    max: 10,
    pattern: /^\d{4}-\d{2}-\d{2}$/,
    patternMessage: '请按 年-月-日 填写',
  });
  return make(label, (input, path) => {
    const r = inner.parse(input, path);
    if (!r.ok) return r;
    const [y, m, d] = r.value.split('-').map(Number);
    const probe = new Date(Date.UTC(y, m - 1, d));
    if (
      probe.getUTCFullYear() !== y ||
      probe.getUTCMonth() !== m - 1 ||
      probe.getUTCDate() !== d ||
      y < 1900 ||
      y > 2100
    ) {
      return fail(path, label, '不是有效日期');
    }
    return r;
  });
}

/** Epoch milliseconds between 2000 and 2100. */
function timestamp(opts: Base = {}): Schema<number> {
  return int({ label: opts.label ?? '时间', min: 946684800000, max: 4102444800000 });
}

/** A document id: short, no spaces or operators. */
function id(opts: Base = {}): Schema<string> {
  return string({
    label: opts.label ?? '编号',
    min: 1,
    max: 64,
    pattern: /^[A-Za-z0-9_:.-]+$/,
    patternMessage: '格式不正确',
  });
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** True when an 18-character resident identity number has a valid date and checksum (GB 11643). */
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  return ID_CHECK[sum % 11] === value[17];
}

function idNumber(opts: Base = {}): Schema<string> {
  const label = opts.label ?? '身份证号';
  return make(label, (input, path) => {
    if (typeof input !== 'string') return fail(path, label, '应为文字');
    const value = input.trim().toUpperCase();
    if (!isValidIdNumber(value)) return fail(path, label, '号码有误，请核对18位身份证号');
    return { ok: true, value };
  });
}

export const s = {
  string,
  int,
  boolean,
  literal,
  oneOf,
  array,
  object,
  optional,
  phone,
  date,
  timestamp,
  id,
  idNumber,
};
