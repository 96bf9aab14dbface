/**
 * The registry of scannable kinds: each domain owns the rules of its own codes and implements
 * `ScanKindHandler` (cloud/lib/scan.ts) in `cloud/domain/<domain>/scan.ts`; the one staff scanner
 * verifies the token, then hands the subject id to the kind's handler.
 *
 * HOW TO WRITE `redeem` SO THAT OF N CONCURRENT SCANS EXACTLY ONE SUCCEEDS
 * (never read-then-write: two scans would both read "not redeemed" and both succeed)
 *
 *   1. Create the subject with the stamp field present and null, e.g. `redeemed: null`
 *      (the database matches `{ redeemed: null }` only when the field exists and is null, so set
 *      it at creation; or use `redeemed: _.exists(false)` consistently and `_.remove()` on undo).
 *   2. Claim it with ONE conditional update, the stamp wrapped in `_.set` (an object in `update`
 *      is otherwise merged field by field, which fails on a null field):
 *        const r = await db.collection('vouchers')
 *          .where({ _id: subjectId, redeemed: null, station: scope.id })
 *          .update({ data: { redeemed: _.set({ scanId, at, staff, staffName, placeName }), status: 'redeemed' } });
 *   3. `r.stats.updated === 1` → this scan won: return `{ result: 'success', ... }`.
 *      Otherwise read the subject once: stamped → return `{ result: 'used', firstAt, firstPlace,
 *      firstStaff }` from the stamp (the first scan's, not yours); missing → fail('NOT_FOUND');
 *      in another scope → fail('WRONG_SCOPE'); other state → fail('INVALID_STATE', '<plain words>').
 *   4. `undo(ctx, subjectId, scan)`: revert only the stamp this scan wrote:
 *        where({ _id: subjectId, 'redeemed.scanId': scan.scanId }).update({ data: { redeemed: null, ... } })
 *      (checkin has already checked the 5-minute window and that the caller made the scan).
 *   A kind whose success changes nothing (the member card check) has no `undo`; one whose success
 *   sometimes changes nothing may return `undoUntil: 0` to say there is nothing to undo.
 *
 * Refusals are thrown as AppErrors (fail(code, message)); checkin turns them into the amber result
 * with the message, so write messages a volunteer can read aloud.
 */
import type { ScanKindHandler } from '../../lib/scan';
import type { TokenKind } from '../../lib/token';
import { memberScanHandler as memberScan } from '../member/scan';
import { contestScan } from '../contest/scan';
import { sessionScan } from '../academy/scan';
import { certificateScan } from '../retirement/scan';
import { voucherScan } from '../gift/scan';

const DEFAULT_KINDS: ScanKindHandler[] = [memberScan, contestScan, sessionScan, certificateScan, voucherScan];

const registry = new Map<TokenKind, ScanKindHandler>(DEFAULT_KINDS.map((h) => [h.kind, h]));

/** The green title of a success completed after a crash (the kind's own words are not at hand). */
export const SUCCESS_TITLE: Record<TokenKind, string> = {
  member: '会员有效',
  contest: '签到成功',
  session: '签到成功',
  certificate: '纪念牌领取成功',
  voucher: '礼包已核销',
};

export function scanKind(kind: TokenKind): ScanKindHandler | undefined {
  return registry.get(kind);
}

export function allScanKinds(): ScanKindHandler[] {
  return [...registry.values()];
}

/**
 * Replaces the handler of a kind; returns a function restoring the previous one. For tests (a
 * test-local fake kind) — production code registers through DEFAULT_KINDS above.
 */
export function registerScanKind(handler: ScanKindHandler): () => void {
  const previous = registry.get(handler.kind);
  registry.set(handler.kind, handler);
  return () => {
    if (previous) registry.set(handler.kind, previous);
    else registry.delete(handler.kind);
  };
}
