/**
 * The scan's trail in `scans` and the audit log, written so that a scan whose call dies between
 * any two writes can be completed by its retry:
 *   - the attempt is opened ('pending') BEFORE the kind stamps anything, under a scan id derived
 *     from the staff member's request id, so a retry of the same request finds and reuses it and
 *     every stamp a kind writes has its record;
 *   - the outcome is then written onto that record, and the audit entry is written once per scan.
 */
import type { ScanResult } from '../../../types/api/checkin';
import { audit } from '../../lib/audit';
import type { ActionCtx } from '../../lib/context';
import { isDuplicateKeyError } from '../../lib/db';
import { newId, payloadHash } from '../../lib/ids';
import type { ScanStamp } from '../../lib/scan';
import type { TokenKind } from '../../lib/token';
import { scopeKey } from './places';
import { SCANS, type ScanDoc } from './records';

export type Target = { kind: TokenKind; id: string };

/** The same request (a retry) gets the same scan id; without a request id, a fresh one. */
export function scanIdFor(ctx: ActionCtx): string {
  return ctx.requestId ? `r${payloadHash([ctx.openid, ctx.fn, ctx.action, ctx.requestId])}` : newId();
}

function outcome(result: ScanResult) {
  return {
    result: result.result,
    code: result.result === 'refused' ? result.code : null,
    title: result.title,
    personName: result.result === 'refused' ? '' : result.personName,
    undoUntil: result.result === 'success' ? (result.undoUntil ?? null) : null,
    detail: result.result === 'success' ? (result.detail ?? null) : null,
  };
}

function newDoc(stamp: ScanStamp, via: ScanDoc['via'], subject: Target | undefined): ScanDoc {
  return {
    _id: stamp.scanId,
    at: stamp.at,
    staff: stamp.staff,
    staffName: stamp.staffName,
    scope: stamp.scope,
    scopeKey: scopeKey(stamp.scope),
    placeName: stamp.placeName,
    via,
    kind: subject?.kind ?? null,
    subjectId: subject?.id ?? null,
    result: 'pending',
    code: null,
    title: '',
    personName: '',
    undoUntil: null,
    undone: false,
  };
}

/**
 * Opens the attempt's record (settled at once when the outcome is already known: a refusal):
 * 'opened' new and pending, 'settled' new with its outcome, 'continued' an earlier attempt of the
 * same request (which may have stamped already). A retry of the same request continues the first
 * attempt's record, stamp time included (`stamp` is updated in place); a clash with another
 * subject's record (a request id reused for another code) gets a fresh scan id.
 */
export async function openScan(
  ctx: ActionCtx,
  stamp: ScanStamp,
  via: ScanDoc['via'],
  subject: Target | undefined,
  known?: ScanResult,
): Promise<'opened' | 'settled' | 'continued'> {
  const scans = ctx.db.collection(SCANS);
  for (;;) {
    try {
      await scans.add({ data: known ? settledDoc(stamp, via, subject, known) : newDoc(stamp, via, subject) });
      return known ? 'settled' : 'opened';
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
    }
    const first = (await scans.where({ _id: stamp.scanId }).limit(1).get()).data[0] as ScanDoc | undefined;
    if (
      first &&
      first.staff === stamp.staff &&
      first.kind === (subject?.kind ?? null) &&
      first.subjectId === (subject?.id ?? null)
    ) {
      stamp.at = first.at;
      return 'continued';
    }
    stamp.scanId = newId();
  }
}

/** Writes the outcome onto the attempt's record. */
export async function settleScan(ctx: ActionCtx, scanId: string, result: ScanResult): Promise<void> {
  await ctx.db
    .collection(SCANS)
    .doc(scanId)
    .update({ data: outcome(result) });
}

/** The audit entry of a scan, once: a retry after a crash writes it only if it is missing. */
export async function auditScan(ctx: ActionCtx, scan: ScanDoc, extra: Record<string, unknown> = {}): Promise<void> {
  const event = scan.via === 'scan' ? 'checkin.scan' : 'checkin.redeemManual';
  const seen = await ctx.db.collection('auditLog').where({ event, 'target.id': scan._id }).limit(1).get();
  if (seen.data.length) return;
  await audit(ctx, {
    event,
    target: { kind: 'scan', id: scan._id },
    detail: {
      via: scan.via,
      codeKind: scan.kind,
      subjectId: scan.subjectId,
      scope: scan.scope,
      result: scan.result,
      code: scan.code,
      ...extra,
    },
  });
}

/** The document as settled (for the audit entry), without reading it back. */
export function settledDoc(
  stamp: ScanStamp,
  via: ScanDoc['via'],
  subject: Target | undefined,
  result: ScanResult,
): ScanDoc {
  return { ...newDoc(stamp, via, subject), ...outcome(result) };
}

/**
 * The attempt whose stamp is on a subject that answered 'used': its live record (pending or
 * success, not undone) with the stamp's time and staff name. None when the stamp predates records.
 * `self` is the asking attempt's own new record, which cannot be the owner (it found the code used).
 */
export async function stampOwner(
  ctx: ActionCtx,
  subject: Target,
  used: Extract<ScanResult, { result: 'used' }>,
  self: string | null,
): Promise<ScanDoc | undefined> {
  const _ = ctx.db.command;
  const found = await ctx.db
    .collection(SCANS)
    .where({
      kind: subject.kind,
      subjectId: subject.id,
      at: used.firstAt,
      staffName: used.firstStaff,
      result: _.in(['pending', 'success']),
      undone: false,
    })
    .limit(3)
    .get();
  const candidates = (found.data as ScanDoc[]).filter((d) => d._id !== self);
  // Two live attempts at the same millisecond by the same name cannot be told apart: claim neither.
  return candidates.length === 1 ? candidates[0] : undefined;
}
