import type { ActionCtx } from './context';

export interface AuditEntry {
  /** What changed, e.g. `checkin.scan`, `member.reviewApplication`. */
  event: string;
  target: { kind: string; id: string };
  detail?: Record<string, unknown>;
}

/**
 * Appends to `auditLog`: every state change made by staff or admins. Append-only by convention
 * and by test: no handler updates or removes from this collection.
 */
export async function audit(ctx: ActionCtx, entry: AuditEntry): Promise<void> {
  await ctx.db.collection('auditLog').add({
    data: {
      at: ctx.now(),
      actor: ctx.openid,
      actorRoles: ctx.user?.roles ?? [],
      fn: ctx.fn,
      action: ctx.action,
      requestId: ctx.requestId ?? null,
      ...entry,
    },
  });
}
