import type { ScanResult, ScanScope, LookupMatch, ScopeCount } from '../../types/api/checkin';
import type { ActionCtx } from './context';
import type { TokenKind } from './token';

/**
 * What a domain provides so its codes can be scanned by the one staff scanner (`checkin`).
 * Each domain implements this in `cloud/domain/<domain>/scan.ts`; `checkin` verifies the token,
 * then hands the subject id to the kind's handler.
 */
export interface ScanKindHandler {
  kind: TokenKind;
  /**
   * Applies the scan (check-in, attendance, pickup, redemption) atomically and single-use: of N
   * concurrent calls exactly one returns `success`; the rest return `used` naming the first scan.
   * Throws AppError for refusals (WRONG_SCOPE, NOT_OPEN, INVALID_STATE...).
   */
  redeem(ctx: ActionCtx, subjectId: string, scope: ScanScope, scan: ScanStamp): Promise<ScanResult>;
  /** Reverts a success made by `scan.scanId` (the 5-minute window and staff check are checkin's). */
  undo?(ctx: ActionCtx, subjectId: string, scan: ScanStamp): Promise<void>;
  /** People in the scope matching name + phone tail (only within the scope; masked). */
  lookup?(ctx: ActionCtx, scope: ScanScope, query: { name: string; phoneTail: string }): Promise<LookupMatch[]>;
  /** Live counts for the scope, e.g. 已签到 / 应到. */
  counts?(ctx: ActionCtx, scope: ScanScope): Promise<ScopeCount[]>;
}

/** Who scanned, when, where: stored on the subject so a second scan can say it. */
export interface ScanStamp {
  scanId: string;
  at: number;
  staff: string;
  staffName: string;
  scope: ScanScope;
  placeName: string;
}
