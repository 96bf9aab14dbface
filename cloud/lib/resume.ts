import type { ActionCtx } from './context';
import { payloadHash } from './ids';

/**
 * Resuming after a crash. The router replays a finished request's answer, but a request whose
 * function died mid-way is run again from the start (idempotency.ts), against the state its first
 * attempt left: the conditional update that moved a document already happened, so the retry would
 * be refused ("already approved") although it was this very request that approved it. So a
 * mutating action stamps the documents it changes with its request mark, in the same write; a retry
 * that finds its own mark knows the change is done and carries on with what follows (audit entry,
 * notice, the answer), each of which is itself once-per-request.
 */
export const MARK_FIELD = 'lastRequest';

/** This request's mark: null without a requestId (no retry can come). */
export function requestMark(ctx: ActionCtx): string | null {
  return ctx.requestId ? payloadHash(['mark', ctx.openid, ctx.fn, ctx.action, ctx.requestId]) : null;
}

/** `data` with this request's mark, for the write whose retry must recognise it. */
export function marked<T extends object>(ctx: ActionCtx, data: T): T {
  const mark = requestMark(ctx);
  return mark ? { ...data, [MARK_FIELD]: mark } : data;
}

/** True when `doc` was last changed by this very request: its first attempt got this far. */
export function changedByThisRequest(ctx: ActionCtx, doc: unknown): boolean {
  const mark = requestMark(ctx);
  return !!mark && !!doc && (doc as Record<string, unknown>)[MARK_FIELD] === mark;
}

/** An id derived from this request (or random without one): a retry re-creates the same document. */
export function requestScopedId(ctx: ActionCtx, prefix: string, random: () => string, ...parts: unknown[]): string {
  return ctx.requestId
    ? `${prefix}${payloadHash([ctx.openid, ctx.fn, ctx.action, ctx.requestId, ...parts]).slice(0, 16)}`
    : `${prefix}${random()}`;
}
