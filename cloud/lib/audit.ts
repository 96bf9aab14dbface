import type { ActionCtx } from './context';
import { isDuplicateKeyError } from './db';
import { payloadHash } from './ids';

export interface AuditEntry {
  /** What changed, e.g. `checkin.scan`, `member.reviewApplication`. */
  event: string;
  target: { kind: string; id: string };
  detail?: Record<string, unknown>;
}

function entryOf(ctx: ActionCtx, entry: AuditEntry): Record<string, unknown> {
  return {
    at: ctx.now(),
    actor: ctx.openid,
    actorRoles: ctx.user?.roles ?? [],
    fn: ctx.fn,
    action: ctx.action,
    requestId: ctx.requestId ?? null,
    ...entry,
  };
}

/**
 * Appends to `auditLog`: every state change made by staff or admins. Append-only by convention
 * and by test: no handler updates or removes from this collection.
 *
 * Within one request (a requestId), the entry for one event on one target is written once: a retry
 * that resumes after a crash writes the entry the crash lost, and never a second one.
 */
export async function audit(ctx: ActionCtx, entry: AuditEntry): Promise<void> {
  if (!ctx.requestId) {
    await ctx.db.collection('auditLog').add({ data: entryOf(ctx, entry) });
    return;
  }
  const key = `call\n${ctx.openid}\n${ctx.requestId}\n${entry.target.kind}\n${entry.target.id}`;
  await auditOnce(ctx, entry, key);
}

/**
 * Appends the entry at most once per `once` key and event: the entry's `_id` derives from them, so a
 * second write of it (a retry after a crash between the change and its audit entry, a second tap, two
 * at the same instant) is refused by the database as a duplicate and ignored.
 *
 * `once` defaults to this call (caller and requestId): a retry of the same request writes its entry
 * once. Give the target's id for a change that happens to its target once ever (a call-back marked
 * done). Without either (no requestId), the entry is simply appended.
 */
export async function auditOnce(ctx: ActionCtx, entry: AuditEntry, once?: string): Promise<void> {
  const key = once ?? (ctx.requestId ? `call\n${ctx.openid}\n${ctx.requestId}` : undefined);
  if (key === undefined) return audit(ctx, entry);
  const _id = `once-${payloadHash([entry.event, key])}`;
  try {
    await ctx.db.collection('auditLog').add({ data: { _id, ...entryOf(ctx, entry) } });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
}
