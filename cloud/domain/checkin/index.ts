/**
 * The `checkin` function: the one staff scanner for every kind of code (member card, contest
 * ticket, course session, certificate / plaque, gift voucher). Staff (in their scope), teachers
 * (their sessions) and admins only; the scope check is per call in each handler.
 */
import { checkinContract, type CheckinActions } from '../../../types/api/checkin';
import { requireUser } from '../../lib/guard';
import { implement } from '../../lib/router';
import { myScanScopes } from './places';
import { counts, lookup, recent } from './queries';
import { redeemManual, scanCode } from './redeem';
import { undoScan } from './undo';

const SCANNERS = ['staff', 'teacher', 'admin'] as const;
export const checkinActions = implement<CheckinActions>(checkinContract, {
  myScopes: (ctx) => myScanScopes(ctx, requireUser(ctx, ...SCANNERS)),
  scan: scanCode,
  redeemManual,
  undo: undoScan,
  lookup,
  counts,
  recent,
});

export { registerScanKind } from './kinds';
