/**
 * The `checkin` function: the one staff scanner for every kind of code (member card, contest
 * ticket, course session, certificate / plaque, gift voucher). Staff (in their scope), teachers
 * (their sessions), admins, and the gifts admin for vouchers at any 驿站 (places.ts); the scope
 * check is per call in each handler.
 */
import { checkinContract, type CheckinActions } from '../../../types/api/checkin';
import { fail } from '../../lib/errors';
import { requireUser } from '../../lib/guard';
import { implement } from '../../lib/router';
import { isScanner, myScanScopes } from './places';
import { counts, lookup, recent } from './queries';
import { redeemManual, scanCode } from './redeem';
import { undoScan } from './undo';

export const checkinActions = implement<CheckinActions>(checkinContract, {
  myScopes: (ctx) => {
    const user = requireUser(ctx);
    if (!isScanner(user)) fail('FORBIDDEN');
    return myScanScopes(ctx, user);
  },
  scan: scanCode,
  redeemManual,
  undo: undoScan,
  lookup,
  counts,
  recent,
});

export { registerScanKind } from './kinds';
