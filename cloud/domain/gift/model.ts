/**
 * The gift domain's documents and pure rules.
 * Collections: `giftCampaigns`; `giftStock`, one doc per campaign+station (`${campaignId}:${stationId}`)
 * so every stock change is one conditional update on one document; `giftClaims`, one doc per person
 * per campaign (`${campaignId}:${openid}`), which is also the voucher.
 */
import type { GigGroup } from '../../../types/api/member';
import {
  ALL_MEMBERS_TEXT,
  CAMPAIGN_STATUS_TEXT,
  VOUCHER_STATUS_TEXT,
  type CampaignStatus,
  type Voucher,
  type VoucherStatus,
} from '../../../types/api/gift';
import { formatShanghai, startOfShanghaiDay } from '../../lib/clock';

export const CAMPAIGNS = 'giftCampaigns';
export const STOCK = 'giftStock';
export const CLAIMS = 'giftClaims';
export const STATIONS = 'stations';

export const DAY_MS = 24 * 3600_000;
/** A claim stuck in 'claiming' this long (its call crashed) may be resumed by a new request. */
export const STALE_CLAIMING_MS = 60_000;

export interface CampaignDoc {
  _id: string;
  name: string;
  description?: string;
  items: string[];
  startAt: number;
  endAt: number;
  groups: GigGroup[];
  validDays: number;
  anyStation: boolean;
  paused: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface StockDoc {
  _id: string;
  campaignId: string;
  stationId: string;
  /** Packs left to claim. */
  stock: number;
  /** Live vouchers (claimed or redeemed); stock + claimed is the station's allocation. */
  claimed: number;
  redeemed: number;
  /** The pack ledger by voucher id (see store.ts): what each voucher did to the counters. */
  packs?: Record<string, 'held' | 'redeemed' | 'returned'>;
}

/** Who handed the pack, when, where (the scanner's stamp, or the on-the-spot claim's). */
export interface RedeemStamp {
  scanId: string;
  at: number;
  staff: string;
  staffName: string;
  placeName: string;
  stationId: string;
  /** Set by stamps whose redeemed count is kept in the stock ledger (safe to count again). */
  ledger?: true;
}

export interface ClaimDoc {
  _id: string;
  /** Short random id: the voucher's public id and QR token subject (the `_id` holds the OPENID). */
  voucherId: string;
  campaignId: string;
  openid: string;
  stationId: string;
  /** 'claiming' only between the claim insert and the stock decrement; never shown. */
  status: VoucherStatus | 'claiming';
  claimedAt: number;
  validUntil: number;
  holderName: string;
  holderPhoneTail: string;
  holderPhoneMasked: string;
  memberNo: string;
  /** null until redeemed (the scan pattern matches `redeemed: null`). */
  redeemed: RedeemStamp | null;
  onSpot?: { staff: string; at: number } | null;
  /** The request that created (or took over) the claim: its retry resumes a claim left 'claiming'. */
  requestId?: string | null;
  /** false from the win of a cancel/expiry until its pack is back in stock (a crash in between is settled later). */
  stockBack?: boolean;
  /** The request that cancelled: its retry answers the cancel again (and settles the return). */
  cancelRequestId?: string | null;
  expiredAt?: number;
  cancelledAt?: number;
  remindedAt?: number;
}

export interface StationDoc {
  _id: string;
  name: string;
  address: string;
  hours: string;
  lat: number;
  lng: number;
  /** false: retired by the gifts admin. */
  active?: boolean;
  /** Closed for a while (admin/stations.ts): claims and redemptions there are refused meanwhile. */
  closure?: { from: number; until: number; reason: string };
}

export const stockId = (campaignId: string, stationId: string) => `${campaignId}:${stationId}`;
export const claimId = (campaignId: string, openid: string) => `${campaignId}:${openid}`;

export function campaignStatus(c: CampaignDoc, now: number): CampaignStatus {
  if (now >= c.endAt) return 'ended';
  if (now < c.startAt) return 'upcoming';
  return c.paused ? 'paused' : 'open';
}

export function statusText(c: CampaignDoc, now: number) {
  return CAMPAIGN_STATUS_TEXT[campaignStatus(c, now)];
}

export function groupsText(groups: GigGroup[]): string {
  return groups.length ? `${groups.join('、')}等行业的工会会员` : ALL_MEMBERS_TEXT;
}

export function windowText(c: CampaignDoc): string {
  return `${formatShanghai(c.startAt)} 至 ${formatShanghai(c.endAt)}`;
}

/**
 * Valid for `validDays` Shanghai calendar days counting the day of the claim (claimed on the 20th
 * with 7 days: through the 26th, 23:59), and never after the campaign ends.
 */
export function voucherValidUntil(c: CampaignDoc, claimedAt: number): number {
  const byDays = startOfShanghaiDay(claimedAt) + c.validDays * DAY_MS - 1;
  return Math.min(byDays, c.endAt);
}

export function effectiveStatus(claim: ClaimDoc, now: number): VoucherStatus {
  const status = claim.status === 'claiming' ? 'claimed' : claim.status;
  return status === 'claimed' && now > claim.validUntil ? 'expired' : status;
}

export function toVoucher(
  claim: ClaimDoc,
  campaign: CampaignDoc,
  station: StationDoc | undefined,
  now: number,
): Voucher {
  const status = effectiveStatus(claim, now);
  return {
    id: claim.voucherId,
    campaignId: claim.campaignId,
    campaignName: campaign.name,
    items: campaign.items,
    stationId: claim.stationId,
    stationName: station?.name ?? claim.stationId,
    stationAddress: station?.address ?? '',
    stationHours: station?.hours ?? '',
    status,
    statusText: VOUCHER_STATUS_TEXT[status],
    claimedAt: claim.claimedAt,
    validUntil: claim.validUntil,
    validUntilText: formatShanghai(claim.validUntil),
    anyStation: campaign.anyStation,
    ...(claim.redeemed ? { redeemedAt: claim.redeemed.at, redeemedPlace: claim.redeemed.placeName } : {}),
    ...(claim.onSpot ? { onSpot: true } : {}),
  };
}
