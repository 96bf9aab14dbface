/**
 * An employer union's list of retirees: each row is the request wizard's form (same checks, same
 * messages), with the employer fixed; a submission sends the rows not yet accepted and reads back
 * which were accepted and which refused (and why), so the refused ones can be fixed and sent again.
 */
import type { BatchResult, RetireeRow } from '@contract/api/retirement';
import { emptyForm, retireePayload, validateStep, type Errors, type RequestForm } from '../request/form-state';

/** The contract's limit for one submission. */
export const MAX_ROWS = 50;

export type RowState = 'draft' | 'accepted' | 'refused';

export interface BatchRow {
  key: string;
  form: RequestForm;
  state: RowState;
  /** Why the server refused it (its Chinese message) and the machine code. */
  message?: string;
  code?: string;
  /** The request created for an accepted row. */
  requestId?: string;
}

export interface Employer {
  id: string;
  name: string;
}

let seq = 0;
export function newRow(form: RequestForm): BatchRow {
  seq += 1;
  return { key: `row-${seq}`, form, state: 'draft' };
}

/** A blank row. The employer is the list's: its name stands in for the work screen's employer check. */
export function blankForm(employer?: Employer): RequestForm {
  return { ...emptyForm, employer: employer?.name ?? '', employerId: employer?.id };
}

const idOf = (f: RequestForm) => f.idNumber.trim().toUpperCase();

/** Shows the identity number as the server keeps it: 前3后4. */
export function maskId(id: string): string {
  const v = id.trim().toUpperCase();
  return v.length > 7 ? `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}` : v;
}

/**
 * The wizard's checks for every screen, plus: one person only once in the list (the server would
 * refuse the second as a duplicate anyway). `key` is the row being edited (undefined for a new one).
 */
export function validateRow(form: RequestForm, rows: BatchRow[], key?: string): Errors {
  const e: Errors = {
    ...validateStep('person', form),
    ...validateStep('work', form),
    ...validateStep('contact', form),
  };
  delete e.employer;
  const at = rows.findIndex((r) => r.key !== key && idOf(r.form) === idOf(form));
  if (!e.idNumber && at >= 0) e.idNumber = `身份证号：名单第${at + 1}行已有这个号码，同一个人只需填写一次`;
  return e;
}

/** One row as the contract wants it (no employer fields: the list names its employer once). */
export function rowPayload(f: RequestForm): RetireeRow {
  const { employer: _employer, employerId: _employerId, ...rest } = retireePayload(f);
  return { ...rest, idNumber: idOf(f) };
}

/** The rows a submission sends: every row not yet accepted, in list order. */
export function pendingRows(rows: BatchRow[]): BatchRow[] {
  return rows.filter((r) => r.state !== 'accepted');
}

/** Reads a submission's answer back onto the rows it sent (`sent` are their keys, in sent order). */
export function applyResults(rows: BatchRow[], sent: string[], result: BatchResult): BatchRow[] {
  const byKey = new Map(result.results.map((r) => [sent[r.index], r]));
  return rows.map((row) => {
    const r = byKey.get(row.key);
    if (!r) return row;
    if (r.ok) return { key: row.key, form: row.form, state: 'accepted', requestId: r.id };
    return { ...row, state: 'refused', code: r.code, message: r.message ?? '未能受理，请核对后重新提交' };
  });
}

/**
 * A whole submission refused for one field (`retirees.3.phone`): that row is marked with the
 * message, so the clerk sees where to look. Other refusals leave the rows as they are.
 */
export function applyFieldError(rows: BatchRow[], sent: string[], field: string, message: string): BatchRow[] {
  const m = /^retirees\.(\d+)\b/.exec(field);
  const key = m ? sent[Number(m[1])] : undefined;
  if (!key) return rows;
  return rows.map((r) => (r.key === key ? { ...r, state: 'refused', code: 'INVALID_INPUT', message } : r));
}

/** What to do about a refusal, in words a union clerk knows. */
export function refusalHint(code?: string): string {
  if (code === 'DUPLICATE_REQUEST') return '此人已有申请（可能本人或家属已申请过），不用再报，可删除这一行';
  if (code === 'INVALID_INPUT') return '请点「修改」按提示改正后重新提交';
  return '可修改后重新提交，或删除这一行';
}

export interface Summary {
  total: number;
  draft: number;
  accepted: number;
  refused: number;
  pickup: number;
  post: number;
  callback: number;
}

export function summarize(rows: BatchRow[]): Summary {
  const count = (p: (r: BatchRow) => boolean) => rows.filter(p).length;
  return {
    total: rows.length,
    draft: count((r) => r.state === 'draft'),
    accepted: count((r) => r.state === 'accepted'),
    refused: count((r) => r.state === 'refused'),
    pickup: count((r) => r.form.deliveryMethod === 'pickup'),
    post: count((r) => r.form.deliveryMethod === 'post'),
    callback: count((r) => r.form.callbackRequested),
  };
}
