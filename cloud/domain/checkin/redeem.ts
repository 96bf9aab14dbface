/**
 * `scan` and `redeemManual`: one path for both. Check the staff member's scope, hand the subject to
 * its kind (which redeems atomically and single-use), then record the attempt in `scans` and the
 * audit log whatever the outcome, so a forged code tried at a station leaves a trace too.
 */
import type { ScanResult, ScanScope } from '../../../types/api/checkin';
import { audit } from '../../lib/audit';
import type { ActionCtx } from '../../lib/context';
import { fail, isAppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { ScanKindHandler, ScanStamp } from '../../lib/scan';
import { tokenFromScan, verifyToken, type TokenKind } from '../../lib/token';
import { scanKind } from './kinds';
import { placeName, requireScanScope, scopeKey, staffName } from './places';
import { SCANS, UNDO_WINDOW_MS, type ScanDoc } from './records';
import { refusal } from './refusals';

type Target = { kind: TokenKind; id: string };

/** A scanned text: verified here (TOKEN_INVALID / TOKEN_EXPIRED become amber results). */
export function scanCode(ctx: ActionCtx, input: { code: string; scope: ScanScope }): Promise<ScanResult> {
  return runScan(ctx, input.scope, 'scan', () => {
    const claims = verifyToken(ctx.env, tokenFromScan(input.code), ctx.now());
    return { kind: claims.kind, id: claims.id };
  });
}

/** After a manual lookup (a worker without a phone): the same redemption, audited as manual. */
export function redeemManual(
  ctx: ActionCtx,
  input: { kind: TokenKind; subjectId: string; scope: ScanScope },
): Promise<ScanResult> {
  return runScan(ctx, input.scope, 'manual', () => ({ kind: input.kind, id: input.subjectId }));
}

function withUndo(result: ScanResult, handler: ScanKindHandler, stamp: ScanStamp): ScanResult {
  if (result.result !== 'success') return result;
  // A handler says "nothing to undo" by having no undo, or by answering undoUntil: 0.
  const undoable = !!handler.undo && result.undoUntil !== 0;
  const { undoUntil: _ignored, ...rest } = result;
  return { ...rest, scanId: stamp.scanId, ...(undoable ? { undoUntil: stamp.at + UNDO_WINDOW_MS } : {}) };
}

async function runScan(
  ctx: ActionCtx,
  scope: ScanScope,
  via: ScanDoc['via'],
  target: () => Target,
): Promise<ScanResult> {
  const user = requireScanScope(ctx, scope);
  const stamp: ScanStamp = {
    scanId: newId(),
    at: ctx.now(),
    staff: ctx.openid,
    staffName: staffName(user),
    scope: { kind: scope.kind, id: scope.id },
    placeName: await placeName(ctx, scope),
  };
  let subject: Target | undefined;
  let result: ScanResult;
  try {
    subject = target();
    const handler = scanKind(subject.kind);
    if (!handler) fail('INVALID_STATE', '这类二维码暂未开通核验');
    result = withUndo(await handler.redeem(ctx, subject.id, stamp.scope, stamp), handler, stamp);
  } catch (e) {
    if (!isAppError(e)) throw e;
    result = refusal(e, subject?.kind ?? (e.details?.kind as TokenKind | undefined));
  }
  await record(ctx, stamp, via, subject, result);
  return result;
}

async function record(
  ctx: ActionCtx,
  stamp: ScanStamp,
  via: ScanDoc['via'],
  subject: Target | undefined,
  result: ScanResult,
): Promise<void> {
  const doc: ScanDoc = {
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
    result: result.result,
    code: result.result === 'refused' ? result.code : null,
    title: result.title,
    personName: result.result === 'refused' ? '' : result.personName,
    undoUntil: result.result === 'success' ? (result.undoUntil ?? null) : null,
    undone: false,
  };
  await ctx.db.collection(SCANS).add({ data: doc });
  await audit(ctx, {
    event: via === 'scan' ? 'checkin.scan' : 'checkin.redeemManual',
    target: { kind: 'scan', id: stamp.scanId },
    detail: {
      via,
      codeKind: doc.kind,
      subjectId: doc.subjectId,
      scope: stamp.scope,
      result: doc.result,
      code: doc.code,
    },
  });
}
