import { useRef, useState } from 'react';
import { fieldOf, type Issue } from '@contract/schema';
import type { FieldError } from './use-write';

/** What a form's check answers: the payload, or every field's issue (the first at least). */
export type Checked<V> = { ok: true; value: V } | { ok: false; issue: Issue; issues?: Issue[] };

/** Field → message: the first issue of each top-level field. */
export type FieldErrors = Partial<Record<string, string>>;

/** The part of `useWrite` a form reads: the field the server refused, and a way to clear it. */
export interface Refusal {
  fieldError: FieldError | null;
  setFieldError: (e: FieldError | null) => void;
}

export function errorsOf(r: { ok: false; issue: Issue; issues?: Issue[] }): FieldErrors {
  const out: FieldErrors = {};
  for (const i of r.issues ?? [r.issue]) out[fieldOf(i.path)] ??= i.message;
  return out;
}

/**
 * The one form hook: the draft, `set(key)(value)`, and the message under each field.
 *
 * - `check(draft)` is the form's own check (the contract's schema, usually); `validate()` runs it,
 *   marks every wrong field at once and answers the payload, or undefined.
 * - A field shows the form's own message, else the server's refusal of that field (pass the
 *   `useWrite` of the send as `server`).
 * - A changed field is checked again at once: a corrected field loses its message as soon as it is
 *   right, a still-wrong one shows the current message; untouched fields keep theirs. The server's
 *   refusal of a field goes when the user changes anything (the server has not seen the new draft).
 */
export function useForm<D extends object, V = D>(
  initial: D | (() => D),
  check?: (draft: D) => Checked<V>,
  server?: Refusal,
) {
  const [draft, setDraftState] = useState<D>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  // The latest draft, for validate() called in the same tick as a set().
  const latest = useRef(draft);
  latest.current = draft;

  const recheck = (next: D, changed: string[]) => {
    setErrors((old) => {
      const keys = Object.keys(old);
      if (!keys.length) return old;
      // Without a check of its own (a wizard sets its screens' errors), a changed field just loses its message.
      if (!check) return Object.fromEntries(Object.entries(old).filter(([k]) => !changed.includes(k)));
      const r = check(next);
      const now = r.ok ? {} : errorsOf(r);
      const kept: FieldErrors = {};
      for (const k of keys) if (now[k]) kept[k] = now[k];
      return kept;
    });
    if (server?.fieldError) server.setFieldError(null);
  };

  const update = (change: (d: D) => D) => {
    const was = latest.current;
    const next = change(was);
    latest.current = next;
    setDraftState(next);
    recheck(
      next,
      Object.keys(next).filter((k) => next[k as keyof D] !== was[k as keyof D]),
    );
  };

  const set =
    <K extends keyof D>(key: K) =>
    (value: D[K]) =>
      update((d) => ({ ...d, [key]: value }));

  /** Several fields at once (a picker that fills two). */
  const patch = (p: Partial<D>) => update((d) => ({ ...d, ...p }));

  /** A fresh draft (loaded from the server): no messages. */
  const reset = (d: D) => {
    latest.current = d;
    setDraftState(d);
    setErrors({});
    server?.setFieldError(null);
  };

  /**
   * Starts the draft from loaded data, once per loaded value: call it while rendering
   * (`form.load(query.data, toDraft)`), so the fields never show an empty draft for a frame.
   */
  const loadedFrom = useRef<unknown>(undefined);
  const load = <S>(source: S | null | undefined, toDraft: (s: S) => D) => {
    if (source === null || source === undefined || source === loadedFrom.current) return;
    loadedFrom.current = source;
    reset(toDraft(source));
  };

  const validate = (): V | undefined => {
    if (!check) return latest.current as unknown as V;
    const r = check(latest.current);
    if (r.ok) {
      setErrors({});
      return r.value;
    }
    setErrors(errorsOf(r));
    return undefined;
  };

  /** Checks the draft and, if it passes, sends it (`form.submit(write.run)`): the answer, or undefined. */
  const submit = async <O>(send: (value: V) => Promise<O | undefined>): Promise<O | undefined> => {
    const value = validate();
    return value === undefined ? undefined : send(value);
  };

  /** The message under a field: the form's own, else the server's refusal of it. */
  const error = (field: string): string | undefined => {
    if (errors[field]) return errors[field];
    const e = server?.fieldError;
    return e && fieldOf(e.field) === field ? e.message : undefined;
  };

  /** A typed field's props: `<TextField label="…" {...form.text('name')} />`. */
  const text = <K extends keyof D & string>(key: K) => ({ value: draft[key], onInput: set(key), error: error(key) });
  /** A picker's props (it answers onChange): `<WallTimeField label="…" {...form.pick('opensAt')} />`. */
  const pick = <K extends keyof D & string>(key: K) => ({ value: draft[key], onChange: set(key), error: error(key) });

  return { draft, set, patch, reset, load, update, validate, submit, error, errors, setErrors, text, pick };
}
