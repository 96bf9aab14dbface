/** Review: the employer's union verifies employment, the district admin approves or returns. */
import type { Page } from '../../../types/api/common';
import type { BatchResult, RetirementActions, RetirementRequestView, ReviewItem } from '../../../types/api/retirement';
import type { ActionCtx } from '../../lib/context';
import { AppError, fail } from '../../lib/errors';
import { hasRole, scopeIds } from '../../lib/guard';
import { canVerifyEmployment } from './access';
import { callbackView, type CallbackTodo } from './callback';
import { loadRequest, REQUESTS, TODOS, toView, type RetirementDoc } from './model';
import { withPhotoUrls } from './photo';
import { transition } from './transition';
import { RETIREMENT_FLOW } from '../../../types/flows';

type In<K extends keyof RetirementActions> = RetirementActions[K]['input'];

/** Runs `step` for each id; one refusal (already moved, not yours) does not stop the others. */
export async function eachId(ids: string[], step: (id: string) => Promise<unknown>): Promise<BatchResult> {
  const results: BatchResult['results'] = [];
  for (const [index, id] of [...new Set(ids)].entries()) {
    try {
      await step(id);
      results.push({ index, ok: true, id });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ index, ok: false, id, code: e.code, message: e.message });
    }
  }
  return { done: results.filter((r) => r.ok).length, results };
}

/**
 * The admin sees every request; an employer contact only those naming one of its employers (and a
 * forged `employerId` outside its scope is FORBIDDEN, not an empty page).
 */
export async function reviewQueue(ctx: ActionCtx, input: In<'reviewQueue'>): Promise<Page<ReviewItem>> {
  const _ = ctx.db.command;
  const allowed = scopeIds(ctx.user, 'employer');
  const where: Record<string, unknown> = {};
  if (input.status) where.status = input.status;
  if (allowed === null) {
    if (input.employerId) where.employerId = input.employerId;
  } else {
    if (input.employerId && !allowed.includes(input.employerId)) fail('FORBIDDEN', '只能查看本单位的申请');
    where.employerId = input.employerId ?? _.in(allowed);
  }
  const limit = Math.min(input.limit ?? 20, 100);
  const query = ctx.db.collection(REQUESTS).where(where);
  const [found, count] = await Promise.all([
    query
      .orderBy('submittedAt', 'asc')
      .skip(input.offset ?? 0)
      .limit(limit)
      .get(),
    query.count(),
  ]);
  const docs = found.data as RetirementDoc[];
  const todoIds = docs.filter((d) => d.callbackRequested).map((d) => `callback-${d._id}`);
  const todos =
    todoIds.length && hasRole(ctx.user, 'admin')
      ? (
          await ctx.db
            .collection(TODOS)
            .where({ _id: _.in(todoIds) })
            .get()
        ).data
      : [];
  const byRequest = new Map(todos.map((t) => [t.requestId as string, t as CallbackTodo]));
  const items = docs.map((d) => ({
    ...toView(ctx, d),
    ...(d.callbackRequested && hasRole(ctx.user, 'admin') ? callbackView(byRequest.get(d._id)) : {}),
  }));
  return {
    // Reviewers see the photo as a thumbnail by a temporary link.
    items: await withPhotoUrls(ctx, docs, items),
    total: count.total,
  };
}

async function verifyOne(
  ctx: ActionCtx,
  id: string,
  decision: 'confirm' | 'return',
  reason?: string,
): Promise<RetirementDoc> {
  const doc = await loadRequest(ctx, id);
  if (!canVerifyEmployment(ctx, doc)) fail('FORBIDDEN', '只能核实本单位职工的申请');
  if (decision === 'confirm') return transition(ctx, id, { ...RETIREMENT_FLOW.employerVerify });
  return transition(ctx, id, { ...RETIREMENT_FLOW.employerReturn, patch: { returnReason: reason }, note: reason });
}

export async function verifyEmployment(ctx: ActionCtx, input: In<'verifyEmployment'>): Promise<BatchResult> {
  if (input.decision === 'return' && !input.reason)
    fail('INVALID_INPUT', '原因：退回时请写明原因', { field: 'reason' });
  return eachId(input.ids, (id) => verifyOne(ctx, id, input.decision, input.reason));
}

/** Batch approval, e.g. everyone verified for the next ceremony. */
export async function approve(ctx: ActionCtx, input: In<'approve'>): Promise<BatchResult> {
  return eachId(input.ids, (id) => transition(ctx, id, { ...RETIREMENT_FLOW.approve }));
}

export async function returnRequest(ctx: ActionCtx, input: In<'returnRequest'>): Promise<RetirementRequestView> {
  const doc = await transition(ctx, input.id, {
    ...RETIREMENT_FLOW.return,
    patch: { returnReason: input.reason },
    note: input.reason,
  });
  return toView(ctx, doc);
}
