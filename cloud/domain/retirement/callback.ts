/**
 * Phone call-backs: a request may ask to be phoned (`callbackRequested`, e.g. a retiree who cannot
 * fill in the form); that writes the admin to-do `callback-<requestId>` in `adminTodos`. The admin
 * calls, then marks it done with a note of what was said.
 */
import type { RetirementActions, ReviewItem } from '../../../types/api/retirement';
import { auditOnce } from '../../lib/audit';
import type { ActionCtx } from '../../lib/context';
import { isDuplicateKeyError } from '../../lib/db';
import { fail } from '../../lib/errors';
import { loadRequest, TODOS, toView, type RetirementDoc } from './model';

type In<K extends keyof RetirementActions> = RetirementActions[K]['input'];

export interface CallbackTodo {
  _id: string;
  kind: 'retirement-callback';
  requestId: string;
  name: string;
  preferredTime?: string;
  done: boolean;
  createdAt: number;
  doneAt?: number;
  doneBy?: string;
  note?: string;
}

export function callbackTodoId(requestId: string): string {
  return `callback-${requestId}`;
}

type CallbackFor = Pick<RetirementDoc, '_id' | 'name' | 'callbackTime'>;

/** The one shape of a call-back to-do, not yet done. */
function newTodo(doc: CallbackFor, createdAt: number): CallbackTodo {
  return {
    _id: callbackTodoId(doc._id),
    kind: 'retirement-callback',
    requestId: doc._id,
    name: doc.name,
    ...(doc.callbackTime ? { preferredTime: doc.callbackTime } : {}),
    done: false,
    createdAt,
  };
}

/**
 * Opens the admin's call-back to-do for a request that asks to be phoned (at submission, or first on
 * resubmission). Idempotent: a to-do already there (written before, by a retry, or already marked
 * done) stays as it is.
 */
export async function openCallbackTodo(ctx: ActionCtx, doc: CallbackFor): Promise<void> {
  try {
    await ctx.db.collection(TODOS).add({ data: newTodo(doc, ctx.now()) });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
}

/** What the admin's review list shows of a call-back to-do (a missing one reads as not done). */
export function callbackView(
  todo: Partial<CallbackTodo> | undefined,
): Pick<ReviewItem, 'callbackDone' | 'callbackDoneAt' | 'callbackNote'> {
  if (!todo?.done) return { callbackDone: false };
  return {
    callbackDone: true,
    ...(todo.doneAt ? { callbackDoneAt: todo.doneAt } : {}),
    ...(todo.note ? { callbackNote: todo.note } : {}),
  };
}

async function loadTodo(ctx: ActionCtx, id: string): Promise<CallbackTodo | undefined> {
  const found = await ctx.db.collection(TODOS).where({ _id: id }).limit(1).get();
  return found.data[0] as CallbackTodo | undefined;
}

/**
 * Marks the call-back done with one conditional update (`done: false` → true): of two admins marking
 * it at once exactly one writes and is audited; marking it again answers the same and writes nothing
 * (the first note stays). A request asking for a call-back without a to-do (asked only when it was
 * resubmitted) gets one, written already done.
 *
 * The audit entry is written once per to-do (auditOnce keyed by it), by whoever marked it done: so
 * when the first attempt died between the update and its audit entry, its retry (finding the to-do
 * done by this same admin) writes the entry it owes, and a second tap or a retry never adds another.
 */
export async function markCallbackDone(ctx: ActionCtx, input: In<'markCallbackDone'>): Promise<ReviewItem> {
  const doc = await loadRequest(ctx, input.id);
  if (!doc.callbackRequested) fail('INVALID_INPUT', '这份申请没有要求电话回访', { field: 'id' });
  const todoId = callbackTodoId(doc._id);
  const done = { done: true, doneAt: ctx.now(), doneBy: ctx.openid, note: input.note };
  const res = await ctx.db.collection(TODOS).where({ _id: todoId, done: false }).update({ data: done });
  let wrote = res.stats.updated === 1;
  let todo = wrote ? undefined : await loadTodo(ctx, todoId);
  if (!wrote && !todo) {
    try {
      await ctx.db.collection(TODOS).add({ data: { ...newTodo(doc, done.doneAt), ...done } });
      wrote = true;
    } catch (e) {
      // Another admin wrote it at the same instant: theirs stands.
      if (!isDuplicateKeyError(e)) throw e;
    }
  }
  todo = await loadTodo(ctx, todoId);
  if (wrote || (todo?.done && todo.doneBy === ctx.openid)) {
    await auditOnce(
      ctx,
      {
        event: 'retirement.markCallbackDone',
        target: { kind: 'retirementRequest', id: doc._id },
        // The note that stands (the first one, if this was a second tap with another).
        detail: { note: todo?.note ?? input.note },
      },
      // This to-do (a request withdrawn and asked again later gets a new one, and its own entry).
      todo ? `${todo._id}\n${todo.createdAt}` : undefined,
    );
  }
  return { ...toView(ctx, doc), ...callbackView(todo) };
}
