/**
 * The `scans` collection: one document per scan attempt (success, used or refused), so a staff
 * member sees their recent scans, undo knows who made a scan and when, and a dispute can be read
 * back. Never removed; undo only flags it.
 */
import type { CodeKind, RecentScan, ScanResult, ScanScope } from '../../../types/api/checkin';
import type { ErrorCode } from '../../../types/envelope';
import type { ScanStamp } from '../../lib/scan';

export const SCANS = 'scans';

/**
 * A scan still 'pending' this long after it started has died (a call lasts seconds): its stamp may
 * be completed by a later scan. Younger, it may simply be in flight (a concurrent scan of the same
 * code) and is left alone, so two concurrent scans never both answer green.
 */
export const PENDING_LEASE_MS = 15_000;

/** Undo is allowed for this long after a scan, only to the staff member who made it. */
export const UNDO_WINDOW_MS = 5 * 60_000;

export interface ScanDoc {
  _id: string;
  at: number;
  /** OPENID of the staff member. */
  staff: string;
  staffName: string;
  scope: ScanScope;
  /** `station:station-xinchenghui`: one flat field to filter on. */
  scopeKey: string;
  placeName: string;
  via: 'scan' | 'manual';
  /** null when the code could not be read (forged, altered). */
  kind: CodeKind | null;
  subjectId: string | null;
  /** 'pending' from just before the kind is asked until the outcome is written (see trail.ts). */
  result: ScanResult['result'] | 'pending';
  code: ErrorCode | null;
  title: string;
  personName: string;
  /** Epoch ms until which this scan can be undone; null when it changed nothing. */
  undoUntil: number | null;
  undone: boolean;
  /** The green answer's detail line, so a retry of a finished scan answers the same. */
  detail?: string | null;
  undoneAt?: number | null;
  undoReason?: string | null;
  /** The undo request that flagged it: its retry completes that undo (see undo.ts). */
  undoRequestId?: string | null;
}

export function stampOf(doc: ScanDoc): ScanStamp {
  return {
    scanId: doc._id,
    at: doc.at,
    staff: doc.staff,
    staffName: doc.staffName,
    scope: doc.scope,
    placeName: doc.placeName,
  };
}

export function toRecent(doc: ScanDoc & { result: ScanResult['result'] }): RecentScan {
  return {
    scanId: doc._id,
    at: doc.at,
    ...(doc.kind ? { kind: doc.kind } : {}),
    result: doc.result,
    title: doc.title,
    personName: doc.personName,
    undone: doc.undone,
    ...(doc.undoUntil && !doc.undone ? { undoUntil: doc.undoUntil } : {}),
  };
}
