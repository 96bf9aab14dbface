/**
 * The `checkin` function: the one staff scanner for every kind of code (member card, contest
 * ticket, course session, certificate / plaque, gift voucher). Staff (in their scope), teachers
 * (their sessions) and admins only; the scope check is per call in each handler.
 */
import {
  lookupInput,
  manualInput,
  scanInput,
  scopeInput,
  undoInput,
  type CheckinActions,
} from '../../../types/api/checkin';
import { emptyInput } from '../../../types/api/common';
import { requireUser } from '../../lib/guard';
import { defineActions } from '../../lib/router';
import { myScanScopes } from './places';
import { counts, lookup, recent } from './queries';
import { redeemManual, scanCode } from './redeem';
import { undoScan } from './undo';

const SCANNERS = ['staff', 'teacher', 'admin'] as const;
const access = [...SCANNERS];

export const checkinActions = defineActions<CheckinActions>({
  myScopes: {
    input: emptyInput as never,
    access,
    handler: (ctx) => myScanScopes(ctx, requireUser(ctx, ...SCANNERS)),
  },
  scan: { input: scanInput, access, mutating: true, handler: scanCode },
  redeemManual: { input: manualInput, access, mutating: true, handler: redeemManual },
  undo: { input: undoInput, access, mutating: true, handler: undoScan },
  lookup: { input: lookupInput, access, handler: lookup },
  counts: { input: scopeInput, access, handler: counts },
  recent: { input: scopeInput, access, handler: recent },
});

export { registerScanKind } from './kinds';
