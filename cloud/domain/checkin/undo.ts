/**
 * Undo of a scan (a gift handed to the wrong person, a check-in tapped twice): only by the staff
 * member who made it, within UNDO_WINDOW_MS, with a reason, audited. The scan is flagged with one
 * conditional update first, so two undo taps cannot both revert the subject.
 */
import { audit } from '../../lib/audit';
import type { ActionCtx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { scanKind } from './kinds';
import { requireScanScope } from './places';
import { SCANS, stampOf, type ScanDoc } from './records';

export async function undoScan(ctx: ActionCtx, input: { scanId: string; reason: string }): Promise<{ undone: true }> {
  const scans = ctx.db.collection(SCANS);
  const found = await scans.where({ _id: input.scanId }).limit(1).get();
  const scan = found.data[0] as ScanDoc | undefined;
  if (!scan) fail('NOT_FOUND', '没有找到这次扫码记录');
  if (scan.staff !== ctx.openid) fail('FORBIDDEN', '只有扫码的工作人员本人可以撤销');
  requireScanScope(ctx, scan.scope);
  if (scan.undone) fail('INVALID_STATE', '这次扫码已经撤销过了');
  if (scan.result !== 'success' || !scan.undoUntil || !scan.kind || !scan.subjectId) {
    fail('INVALID_STATE', '这次扫码没有需要撤销的操作');
  }
  if (ctx.now() > scan.undoUntil) fail('UNDO_EXPIRED');
  const handler = scanKind(scan.kind);
  if (!handler?.undo) fail('INVALID_STATE', '这类二维码不支持撤销');

  const claimed = await scans.where({ _id: scan._id, undone: false }).update({
    data: { undone: true, undoneAt: ctx.now(), undoReason: input.reason },
  });
  if (claimed.stats.updated !== 1) fail('INVALID_STATE', '这次扫码已经撤销过了');
  try {
    await handler.undo(ctx, scan.subjectId, stampOf(scan));
  } catch (e) {
    // The subject was not reverted: the scan stands, and may be undone again.
    await scans.doc(scan._id).update({ data: { undone: false, undoneAt: null, undoReason: null } });
    throw e;
  }
  await audit(ctx, {
    event: 'checkin.undo',
    target: { kind: 'scan', id: scan._id },
    detail: {
      codeKind: scan.kind,
      subjectId: scan.subjectId,
      scope: scan.scope,
      reason: input.reason,
      scannedAt: scan.at,
    },
  });
  return { undone: true };
}
