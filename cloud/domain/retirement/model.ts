/**
 * The stored shape of a 光荣退休 request and its projection to what callers may see.
 * Collections: `retirementRequests` (one per person: `_id` derives from the keyed identity hash, so
 * every way of requesting collides on insert), `retirementSettings` (doc `current`: the campaign),
 * `retirementCounters` (serial numbers), `employers`, `adminTodos` (phone call-backs).
 */
import { idHashKey } from '../../lib/secrets';
import type {
  Delivery,
  RequesterKind,
  RetirementRequestView,
  RetirementStatus,
  TimelineEntry,
} from '../../../types/api/retirement';
import { RETIREMENT_STATUS_LABELS } from '../../../types/api/retirement';
import type { ActionCtx, Ctx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { keyedHash } from '../../lib/ids';
import { maskPhone } from '../../lib/mask';
import type { ScanStamp } from '../../lib/scan';

export const REQUESTS = 'retirementRequests';
export const SETTINGS = 'retirementSettings';
export const COUNTERS = 'retirementCounters';
export const EMPLOYERS = 'employers';
export const TODOS = 'adminTodos';

export interface HistoryEntry {
  status: RetirementStatus;
  at: number;
  by: string;
  note?: string;
}

export interface RetirementDoc {
  _id: string;
  idHash: string;
  idMasked: string;
  name: string;
  phone: string;
  employer: string;
  employerId?: string;
  position: string;
  yearsOfService: number;
  retirementDate: string;
  delivery: Delivery;
  photoFileId?: string;
  /** The requestId of the last resubmission: its retry after a crash finishes what it left undone. */
  resubmitRequestId?: string;
  /** The photo that resubmission dropped, until it is deleted from storage. */
  droppedPhotoFileId?: string;
  callbackRequested: boolean;
  callbackTime?: string;
  requester: { kind: RequesterKind; openid: string; relation?: string };
  status: RetirementStatus;
  history: HistoryEntry[];
  returnReason?: string;
  serial?: string;
  issuedAt?: number;
  certificateToken?: string;
  trackingNote?: string;
  collectedAt?: number;
  collectedScan?: ScanStamp;
  revokedAt?: number;
  revokeReason?: string;
  submittedAt: number;
  updatedAt: number;
}

export interface RetirementSettings {
  _id: 'current';
  open: boolean;
  year: number;
  title: string;
  /** A retirement date may lie this many days ahead (people ask just before retiring)... */
  futureDays: number;
  /** ...or this many days back (the campaign reaches people who retired recently). */
  pastDays: number;
  /** Stations that host the ceremony / plaque pickup. */
  placeIds: string[];
  issuer: string;
  /** The campaign window (epoch ms); missing: open all year while `open`. */
  opensAt?: number;
  closesAt?: number;
  /** The honour text: paragraphs split on blank lines, {name} {employer} {position} {years} filled in. */
  certificateText?: string;
  /** `${serialPrefix}〔${year}〕第0001号`; missing: DEFAULT_SERIAL_PREFIX. */
  serialPrefix?: string;
  updatedAt?: number;
}

export const DEFAULT_SERIAL_PREFIX = '秀工荣退';
export const DEFAULT_CERTIFICATE_TEXT = [
  '{name}同志：',
  '您在{employer}{position}岗位上辛勤耕耘{years}年，爱岗敬业，默默奉献。多年匠心筑梦，工会铭记君功。',
  '值此光荣退休之际，特颁此证，向您致以崇高的敬意和衷心的感谢！祝您退休生活幸福安康，岁月静好，晚霞满天。',
].join('\n\n');

/** Why requests are not taken now (closed, before or after the window), or null when open. */
export function closedReason(settings: RetirementSettings, now: number): string | null {
  if (!settings.open) return '本年度光荣退休申请暂未开放';
  if (settings.opensAt !== undefined && now < settings.opensAt) return '本年度光荣退休申请尚未开始';
  if (settings.closesAt !== undefined && now > settings.closesAt) return '本年度光荣退休申请已截止';
  return null;
}

/** The key of this function's keyed hashes (ID_HASH_KEY; a development key only off production). */
export function hashKeyOf(ctx: Ctx): string {
  return idHashKey(ctx.env);
}

/** The keyed hash of an identity number; the clear number is never stored. */
export function idHashOf(ctx: Ctx, idNumber: string): string {
  return keyedHash(hashKeyOf(ctx), idNumber);
}

/** Deterministic document id: short enough for a QR token (≤ 40 chars), still 128 bits of the hash. */
export function requestIdFor(idHash: string): string {
  return `rt${idHash.slice(0, 32)}`;
}

export async function loadSettings(ctx: Ctx): Promise<RetirementSettings> {
  const found = await ctx.db.collection(SETTINGS).where({ _id: 'current' }).limit(1).get();
  const settings = found.data[0] as RetirementSettings | undefined;
  if (!settings) fail('NOT_OPEN', '光荣退休申请尚未开放');
  return settings;
}

export async function loadRequest(ctx: Ctx, id: string): Promise<RetirementDoc> {
  const found = await ctx.db.collection(REQUESTS).where({ _id: id }).limit(1).get();
  const doc = found.data[0] as RetirementDoc | undefined;
  if (!doc) fail('NOT_FOUND', '没有找到这份申请');
  return doc;
}

function timeline(doc: RetirementDoc): TimelineEntry[] {
  return doc.history.map((h) => ({
    status: h.status,
    label: RETIREMENT_STATUS_LABELS[h.status],
    at: h.at,
    ...(h.note ? { note: h.note } : {}),
  }));
}

/** The only projection that leaves the function: masked identity number and phone, no hashes. */
export function toView(ctx: ActionCtx, doc: RetirementDoc): RetirementRequestView {
  const view: RetirementRequestView = {
    id: doc._id,
    name: doc.name,
    idMasked: doc.idMasked,
    phoneMasked: maskPhone(doc.phone),
    employer: doc.employer,
    position: doc.position,
    yearsOfService: doc.yearsOfService,
    retirementDate: doc.retirementDate,
    delivery: doc.delivery,
    hasPhoto: !!doc.photoFileId,
    callbackRequested: doc.callbackRequested,
    requesterKind: doc.requester.kind,
    status: doc.status,
    statusLabel: RETIREMENT_STATUS_LABELS[doc.status],
    timeline: timeline(doc),
    submittedAt: doc.submittedAt,
    mine: doc.requester.openid === ctx.openid,
  };
  const optional: Partial<RetirementRequestView> = {
    employerId: doc.employerId,
    photoFileId: view.mine ? doc.photoFileId : undefined,
    callbackTime: doc.callbackTime,
    relation: doc.requester.relation,
    returnReason: doc.status === 'returned' ? doc.returnReason : undefined,
    serial: doc.serial,
    issuedAt: doc.issuedAt,
    trackingNote: doc.trackingNote,
    collectedAt: doc.collectedAt,
    revokeReason: doc.revokeReason,
  };
  for (const [k, v] of Object.entries(optional))
    if (v !== undefined) (view as unknown as Record<string, unknown>)[k] = v;
  return view;
}
