/**
 * Undo of a scan (a gift handed to the wrong person, a check-in tapped twice): only by the staff
 * member who made it, within UNDO_WINDOW_MS, with a reason, audited. The scan is flagged with one
 * conditional update first, so two undo taps cannot both revert the subject.
 * Safe to run again after a crash between its writes: the flag names the undo request, and a retry
 * of that request (same requestId) completes the undo instead of answering 已经撤销过了: it asks the
 * kind to revert again (a no-op once reverted: kinds revert only their own scan's stamp) and writes
 * the audit entry only if it is missing.
 * Writes: 1 idempotency record, 2 the flag, 3.. the kind's revert, then the audit entry, then done.
 */
import { audit } from '../../lib/audit';
import type { ActionCtx } from '../../lib/context';
import { fail, isAppError } from '../../lib/errors';
import type { ScanKindHandler } from '../../lib/scan';
import { scanKind } from './kinds';
import { requireScanScope } from './places';
import { SCANS, stampOf, type ScanDoc } from './records';

const AUDIT_EVENT = 'checkin.undo';

export async function undoScan(ctx: ActionCtx, input: { scanId: string; reason: string }): Promise<{ undone: true }> {
  const scans = ctx.db.collection(SCANS);
  const found = await scans.where({ _id: input.scanId }).limit(1).get();
  const scan = found.data[0] as ScanDoc | undefined;
  if (!scan) fail('NOT_FOUND', '没有找到这次扫码记录');
  if (scan.staff !== ctx.openid) fail('FORBIDDEN', '只有扫码的工作人员本人可以撤销');
  requireScanScope(ctx, scan.scope);
  // A retry of the undo that flagged it (its answer lost to a crash): finish that undo, whatever the time now.
  if (scan.undone && !!ctx.requestId && scan.undoRequestId === ctx.requestId) return resume(ctx, scan);
  if (scan.undone) fail('INVALID_STATE', '这次扫码已经撤销过了');
  if (scan.result !== 'success' || !scan.undoUntil || !scan.kind || !scan.subjectId) {
    fail('INVALID_STATE', '这次扫码没有需要撤销的操作');
  }
  if (ctx.now() > scan.undoUntil) fail('UNDO_EXPIRED');
  const handler = scanKind(scan.kind);
  if (!handler?.undo) fail('INVALID_STATE', '这类二维码不支持撤销');

  const undoneAt = ctx.now();
  const claimed = await scans.where({ _id: scan._id, undone: false }).update({
    data: { undone: true, undoneAt, undoReason: input.reason, undoRequestId: ctx.requestId ?? null },
  });
  if (claimed.stats.updated !== 1) fail('INVALID_STATE', '这次扫码已经撤销过了');
  try {
    await handler.undo(ctx, scan.subjectId, stampOf(scan));
  } catch (e) {
    // The subject was not reverted: the scan stands, and may be undone again.
    await scans
      .doc(scan._id)
      .update({ data: { undone: false, undoneAt: null, undoReason: null, undoRequestId: null } });
    throw e;
  }
  await auditUndo(ctx, { ...scan, undoneAt, undoReason: input.reason });
  return { undone: true };
}

/**
 * The flagged undo's remaining steps. The kind reverts again: an attempt that died after flagging
 * may not have reverted the subject yet; one that did finds its stamp gone, and the kind's refusal
 * (INVALID_STATE) then only says there is nothing left to revert.
 */
async function resume(ctx: ActionCtx, scan: ScanDoc): Promise<{ undone: true }> {
  const handler: ScanKindHandler | undefined = scan.kind ? scanKind(scan.kind) : undefined;
  if (handler?.undo && scan.subjectId) {
    try {
      await handler.undo(ctx, scan.subjectId, stampOf(scan));
    } catch (e) {
      if (!isAppError(e)) throw e;
    }
  }
  const seen = await ctx.db.collection('auditLog').where({ event: AUDIT_EVENT, 'target.id': scan._id }).limit(1).get();
  if (!seen.data.length) await auditUndo(ctx, scan);
  return { undone: true };
}

async function auditUndo(ctx: ActionCtx, scan: ScanDoc): Promise<void> {
  await audit(ctx, {
    event: AUDIT_EVENT,
    target: { kind: 'scan', id: scan._id },
    detail: {
      codeKind: scan.kind,
      subjectId: scan.subjectId,
      scope: scan.scope,
      reason: scan.undoReason ?? null,
      scannedAt: scan.at,
    },
  });
}
