/**
 * A small schema library shared by the cloud handlers (validation at the edge) and the app's forms.
 * Home-made rather than zod: it costs ~2 KB in the weapp main package instead of ~50 KB, and every
 * message is Chinese and names the field (label) the worker sees on the form.
 */

export interface Issue {
  /** Dotted path of the field in the payload, e.g. `profile.phone` or `items.2`. */
  path: string;
  /** Chinese, names the field and says what to do: 「请填写11位手机号」. */
  message: string;
}

/** The top-level form field an issue path belongs to: 'stations.2.stock' → 'stations', 'formats.0' → 'formats'. */
export const fieldOf = (path: string) => path.split('.')[0];

/**
 * A refusal names its first issue (what the server answers) and, for an object, every field's
 * issue (`issues`), so a form can mark all wrong fields at once.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; issue: Issue; issues?: Issue[] };

export interface Schema<T> {
  readonly label: string;
  parse(input: unknown, path?: string): Parsed<T>;
}

/** Every issue of a refusal (`issues` is set only when there are several). */
export const issuesOf = (p: Parsed<unknown>): Issue[] => (p.ok ? [] : (p.issues ?? [p.issue]));

/** A refusal naming these issues (none: undefined). */
export function refusal(issues: Issue[]): { ok: false; issue: Issue; issues?: Issue[] } | undefined {
  if (!issues.length) return undefined;
  return issues.length > 1 ? { ok: false, issue: issues[0], issues } : { ok: false, issue: issues[0] };
}

/**
 * A parse with the form's own checks (falsy ones skipped) put first, as they are the more precise
 * word on their field; every issue is kept, so a form marks all wrong fields at once.
 */
export function withIssues<T>(parsed: Parsed<T>, ...extra: (Issue | null | undefined | false)[]): Parsed<T> {
  return refusal([...extra.filter((i): i is Issue => !!i), ...issuesOf(parsed)]) ?? parsed;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

interface Base {
  /** The Chinese name of the field, used in messages. */
  label?: string;
}

/** `message` says what to do (请填写…, …请不超过…), never a bare verdict like 「应为文字」. */
const fail = (path: string, message: string): Parsed<never> => ({ ok: false, issue: { path, message } });

/** 「（2–20个字）」: the length a text field takes, told up front. */
const lengthHint = (min: number, max: number) =>
  min === max ? `（${min}位）` : min > 1 ? `（${min}–${max}个字）` : max <= 60 ? `（不超过${max}个字）` : '';

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
  /** The whole message when the pattern fails, an instruction: 「请填写真实姓名（2–20个汉字）」. */
  patternMessage?: string;
  /** The whole message when nothing is given (default 「请填写<label>（2–20个字）」). */
  fillMessage?: string;
  /** Keep surrounding spaces (default: trimmed). */
  raw?: boolean;
}

function string(opts: StringOptions = {}): Schema<string> {
  const label = opts.label ?? '内容';
  const min = opts.min ?? 1;
  const max = opts.max ?? 200;
  return make(label, (input, path) => {
    const fill = opts.fillMessage ?? `请填写${label}${lengthHint(min, max)}`;
    if (typeof input !== 'string') return fail(path, fill);
    const value = opts.raw ? input : input.trim();
    if (BAD_CHARS.test(value)) return fail(path, `${label}里有无法识别的字符，请删去后重新填写`);
    const length = Array.from(value).length;
    if (length === 0 && min > 0) return fail(path, fill);
    // A typed value of the wrong length for a fixed shape (phone, time) gets the shape's own message.
    if ((length < min || length > max) && opts.patternMessage) return fail(path, opts.patternMessage);
    if (length < min) return fail(path, fill);
    if (length > max) return fail(path, `${label}请不超过${max}个字`);
    if (opts.pattern && !opts.pattern.test(value)) return fail(path, opts.patternMessage ?? `请按正确格式填写${label}`);
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
    const bounded = min > Number.MIN_SAFE_INTEGER && max < Number.MAX_SAFE_INTEGER;
    const range = bounded
      ? `${min}到${max}之间的整数`
      : max < Number.MAX_SAFE_INTEGER
        ? `不大于${max}的整数`
        : `不小于${min}的整数`;
    if (typeof input !== 'number' || !Number.isInteger(input)) return fail(path, `${label}请填写${range}`);
    if (input < min || input > max) return fail(path, `${label}请填写${range}`);
    return { ok: true, value: input };
  });
}

function boolean(opts: Base = {}): Schema<boolean> {
  const label = opts.label ?? '选项';
  return make(label, (input, path) =>
    typeof input === 'boolean' ? { ok: true, value: input } : fail(path, `请选择${label}`),
  );
}

function literal<T extends string | number | boolean>(value: T, opts: Base = {}): Schema<T> {
  const label = opts.label ?? '选项';
  return make(label, (input, path) => (input === value ? { ok: true, value } : fail(path, `请确认${label}`)));
}

function oneOf<T extends string>(values: readonly T[], opts: Base = {}): Schema<T> {
  const label = opts.label ?? '选项';
  return make(label, (input, path) =>
    typeof input === 'string' && (values as readonly string[]).includes(input)
      ? { ok: true, value: input as T }
      : fail(path, `请选择${label}`),
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
    if (!Array.isArray(input)) return fail(path, `请选择${label}`);
    if (input.length < min) return fail(path, min === 1 ? `请选择${label}` : `${label}请至少选择${min}项`);
    if (input.length > max) return fail(path, `${label}最多${max}项，请删减`);
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
    if (!isPlainObject(input)) return fail(path, `${label}格式不对，请重新填写`);
    for (const key of Object.keys(input)) {
      if (!Object.prototype.hasOwnProperty.call(shape, key)) {
        return fail(path ? `${path}.${key}` : key, `${label}里有不认识的字段 ${key.slice(0, 40)}，请更新小程序后重试`);
      }
    }
    const out: Record<string, unknown> = {};
    // Every field is checked, so a form can mark all wrong fields at once; the first is `issue`.
    const issues: Issue[] = [];
    for (const key of Object.keys(shape)) {
      const r = shape[key].parse(input[key], path ? `${path}.${key}` : key);
      if (!r.ok) issues.push(...(r.issues ?? [r.issue]));
      else if (r.value !== undefined) out[key] = r.value;
    }
    if (issues.length > 1) return { ok: false, issue: issues[0], issues };
    if (issues.length) return { ok: false, issue: issues[0] };
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
    patternMessage: '请填写11位手机号',
    fillMessage: '请填写11位手机号',
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
    patternMessage: `${label}请按 年-月-日 填写`,
    fillMessage: `请选择${label}`,
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
      return fail(path, `请选择有效的${label}`);
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
    patternMessage: `请重新选择${opts.label ?? '编号'}`,
    fillMessage: `请选择${opts.label ?? '编号'}`,
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
    if (typeof input !== 'string') return fail(path, `请填写18位${label}`);
    const value = input.trim().toUpperCase();
    if (!isValidIdNumber(value)) return fail(path, `${label}有误，请核对18位号码`);
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
