/**
 * `scan` and `redeemManual`: one path for both. Check the staff member's scope, open the attempt's
 * record, hand the subject to its kind (which redeems atomically and single-use), then settle the
 * record and audit it whatever the outcome, so a forged code tried at a station leaves a trace too.
 * A retry (same request id) continues the same record; a stamp left by a call that died before
 * settling is completed as the success it was (see trail.ts, resumeOwnStamp).
 */
import type { ScanResult, ScanScope } from '../../../types/api/checkin';
import type { ActionCtx } from '../../lib/context';
import { fail, isAppError } from '../../lib/errors';
import type { ScanKindHandler, ScanStamp } from '../../lib/scan';
import { invitationTokenFrom } from '../../../types/api/admin';
import { invitationIdFrom, tokenFromScan, verifyToken, type TokenKind } from '../../lib/token';
import { SUCCESS_TITLE, scanKind } from './kinds';
import { domainKinds, placeName, requireScanScope, staffName } from './places';
import { PENDING_LEASE_MS, UNDO_WINDOW_MS, stampOf, type ScanDoc } from './records';
import { refusal } from './refusals';
import { auditScan, openScan, scanIdFor, settleScan, settledDoc, stampOwner, type Target } from './trail';

const PRINTED_CODE_UNREADABLE =
  '证书上的二维码无法核验（可能印刷不清、有污损或被改动过）。请核对证书编号，或请持证人联系区总工会核实';

/** A scanned text: verified here (TOKEN_INVALID / TOKEN_EXPIRED become amber results). */
export function scanCode(ctx: ActionCtx, input: { code: string; scope: ScanScope }): Promise<ScanResult> {
  return runScan(ctx, input.scope, 'scan', () => {
    // An invitation is the invited person's own to accept, never checked in: said so, so staff hand it back.
    if (invitationIdFrom(ctx.env, invitationTokenFrom(String(input.code ?? ''))))
      fail('TOKEN_INVALID', '这是工作邀请二维码，不用核验。请被邀请人本人在“我的”页点“扫一扫”扫码接受邀请');
    const token = tokenFromScan(input.code);
    // Only a printed certificate carries its token inside a link; paper cannot be refreshed.
    const printed = token !== String(input.code ?? '').trim();
    try {
      const claims = verifyToken(ctx.env, token, ctx.now());
      return { kind: claims.kind, id: claims.id };
    } catch (e) {
      if (printed && isAppError(e) && (e.code === 'TOKEN_INVALID' || e.code === 'TOKEN_EXPIRED'))
        fail(e.code, PRINTED_CODE_UNREADABLE, { kind: 'certificate' });
      throw e;
    }
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
    scanId: scanIdFor(ctx),
    at: ctx.now(),
    staff: ctx.openid,
    staffName: staffName(user),
    scope: { kind: scope.kind, id: scope.id },
    placeName: await placeName(ctx, scope),
  };
  let subject: Target | undefined;
  let handler: ScanKindHandler | undefined;
  try {
    subject = target();
    const only = domainKinds(user, scope);
    if (only && !only.includes(subject.kind))
      fail('FORBIDDEN', '您是礼包管理员，在驿站只能核销礼包券；其他二维码请交给驿站工作人员', { kind: subject.kind });
    handler = scanKind(subject.kind);
    if (!handler) fail('INVALID_STATE', '这类二维码暂未开通核验');
  } catch (e) {
    if (!isAppError(e)) throw e;
    // Nothing can have been stamped: the refusal is the whole trail.
    const refused = refusal(e, subject?.kind ?? (e.details?.kind as TokenKind | undefined));
    if ((await openScan(ctx, stamp, via, subject, refused)) !== 'settled') await settleScan(ctx, stamp.scanId, refused);
    await auditScan(ctx, settledDoc(stamp, via, subject, refused));
    return refused;
  }
  const opened = await openScan(ctx, stamp, via, subject);
  let result: ScanResult;
  try {
    result = withUndo(await handler.redeem(ctx, subject.id, stamp.scope, stamp), handler, stamp);
  } catch (e) {
    if (!isAppError(e)) throw e;
    result = refusal(e, subject.kind);
  }
  if (result.result === 'used') {
    const self = opened === 'opened' ? stamp.scanId : null;
    const resumed = await resumeOwnStamp(ctx, stamp, subject, handler, result, self);
    if (resumed) return resumed;
  }
  return finish(ctx, stamp, via, subject, result);
}

async function finish(
  ctx: ActionCtx,
  stamp: ScanStamp,
  via: ScanDoc['via'],
  subject: Target | undefined,
  result: ScanResult,
): Promise<ScanResult> {
  await settleScan(ctx, stamp.scanId, result);
  await auditScan(ctx, settledDoc(stamp, via, subject, result));
  return result;
}

/**
 * 'used', but perhaps by a scan whose call died after the stamp (the staff saw an error): its
 * record is still pending, or it is this very request's record. That scan is completed as the
 * success it was, and a retry by the same staff member is told so (green), not 已使用 naming
 * themselves. Anyone else still sees red, with the first scan's who, when, where.
 */
async function resumeOwnStamp(
  ctx: ActionCtx,
  stamp: ScanStamp,
  subject: Target,
  handler: ScanKindHandler,
  used: Extract<ScanResult, { result: 'used' }>,
  self: string | null,
): Promise<ScanResult | null> {
  const owner = await stampOwner(ctx, subject, used, self);
  if (!owner) return null;
  // This request's own record (a retry: the router runs one attempt of a request at a time), or
  // another request's scan that died after its stamp; a success or a scan in flight is not ours.
  const mine = owner._id === stamp.scanId;
  const dead = owner.result === 'pending' && ctx.now() - owner.at > PENDING_LEASE_MS;
  if (!mine && !dead) return null;
  // A finished scan (this request's, whose answer was lost) answers as it did; a pending one generically.
  const finished = owner.result === 'success';
  const success: ScanResult = {
    result: 'success',
    kind: used.kind,
    title: finished ? owner.title : SUCCESS_TITLE[used.kind],
    personName: used.personName,
    detail: finished ? (owner.detail ?? undefined) : '上次扫码已生效（网络中断后补记），请勿重复发放',
    scanId: owner._id,
    ...(finished
      ? owner.undoUntil
        ? { undoUntil: owner.undoUntil }
        : {}
      : handler.undo
        ? { undoUntil: owner.at + UNDO_WINDOW_MS }
        : {}),
  };
  const ownerStamp = stampOf(owner);
  if (owner.result === 'pending') await settleScan(ctx, owner._id, success);
  await auditScan(ctx, settledDoc(ownerStamp, owner.via, subject, success), { completedLater: true });
  if (owner.staff !== ctx.openid) return null;
  if (owner._id !== stamp.scanId) {
    // This attempt found the code used (by the same staff member's earlier scan): recorded as such.
    await finish(ctx, stamp, owner.via, subject, used);
  }
  return success;
}
