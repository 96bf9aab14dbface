/**
 * 春节礼包: campaigns with stock split across 驿站, one claim per person, a voucher redeemed once at
 * its station. Times are epoch ms; the admin enters windows as Shanghai wall time ('2026-01-20 10:00').
 */
import { contract, returns, type ActionsOf } from '../contract';
import { s } from '../schema';
import type { ErrorCode } from '../envelope';
import { emptyInput } from './common';
import { GIG_GROUPS, type GigGroup } from './member';

export type VoucherStatus = 'claimed' | 'redeemed' | 'expired' | 'cancelled';

export const VOUCHER_STATUS_TEXT: Record<VoucherStatus, string> = {
  claimed: '已领取',
  redeemed: '已核销',
  expired: '已过期',
  cancelled: '已取消',
};

export type CampaignStatus = 'upcoming' | 'open' | 'paused' | 'ended';

export const CAMPAIGN_STATUS_TEXT: Record<CampaignStatus, string> = {
  upcoming: '未开始',
  open: '领取中',
  paused: '暂停发放',
  ended: '已结束',
};

/** What an empty `groups` list means: every union member may claim. */
export const ALL_MEMBERS_TEXT = '全体工会会员';

const wallTime = (label: string) =>
  s.string({
    label,
    min: 16,
    max: 16,
    pattern: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    patternMessage: `${label}请按 年-月-日 时:分 填写`,
    fillMessage: `请选择${label}`,
  });

const campaignId = s.id({ label: '活动编号' });
const stationId = (label = '驿站') => s.id({ label });

export const stationAllocationInput = s.object({
  stationId: stationId(),
  stock: s.int({ label: '礼包数量', min: 0, max: 100000 }),
});

export const createCampaignInput = s.object({
  name: s.string({ label: '活动名称', min: 2, max: 40 }),
  description: s.optional(s.string({ label: '活动说明', max: 300 })),
  items: s.array(s.string({ label: '礼包内容', max: 20 }), { label: '礼包内容', min: 1, max: 10 }),
  startAt: wallTime('开始时间'),
  endAt: wallTime('结束时间'),
  /** Empty: 全体工会会员; otherwise members whose 从事行业 is one of these. */
  groups: s.array(s.oneOf(GIG_GROUPS, { label: '发放对象' }), { label: '发放对象', max: GIG_GROUPS.length }),
  /** Days a voucher stays valid, counting the day of the claim (and never after the campaign ends). */
  validDays: s.int({ label: '核销有效天数', min: 1, max: 60 }),
  anyStation: s.optional(s.boolean({ label: '可在任一驿站核销' })),
  stock: s.array(stationAllocationInput, { label: '各驿站库存', min: 1, max: 50 }),
});

export const updateCampaignInput = s.object({
  campaignId,
  name: s.optional(s.string({ label: '活动名称', min: 2, max: 40 })),
  description: s.optional(s.string({ label: '活动说明', max: 300 })),
  items: s.optional(s.array(s.string({ label: '礼包内容', max: 20 }), { label: '礼包内容', min: 1, max: 10 })),
  startAt: s.optional(wallTime('开始时间')),
  endAt: s.optional(wallTime('结束时间')),
  groups: s.optional(
    s.array(s.oneOf(GIG_GROUPS, { label: '发放对象' }), { label: '发放对象', max: GIG_GROUPS.length }),
  ),
  validDays: s.optional(s.int({ label: '核销有效天数', min: 1, max: 60 })),
  anyStation: s.optional(s.boolean({ label: '可在任一驿站核销' })),
});

export const setPausedInput = s.object({ campaignId, paused: s.boolean({ label: '暂停发放' }) });

export const moveStockInput = s.object({
  campaignId,
  fromStationId: stationId('调出驿站'),
  toStationId: stationId('调入驿站'),
  amount: s.int({ label: '调拨数量', min: 1, max: 100000 }),
});

export const campaignIdInput = s.object({ campaignId });
/** Without an id: the campaign open now, else the next one, else the latest. */
export const getCampaignInput = s.object({ campaignId: s.optional(campaignId) });
export const claimInput = s.object({ campaignId, stationId: stationId('领取驿站') });
export const voucherIdInput = s.object({ voucherId: s.id({ label: '礼包券编号' }) });
export const stationStockInput = s.object({ campaignId, stationId: s.optional(stationId()) });

export const onSpotLookupInput = s.object({
  campaignId,
  stationId: stationId(),
  name: s.string({ label: '姓名', min: 1, max: 20 }),
  phoneTail: s.string({ label: '手机尾号', min: 4, max: 4, pattern: /^\d{4}$/, patternMessage: '请输入手机号后4位' }),
});

/** The worker is named by their scanned member code, or by the member number a lookup returned. */
export const onSpotClaimInput = s.object({
  campaignId,
  stationId: stationId(),
  memberCode: s.optional(s.string({ label: '会员码', min: 1, max: 200, raw: true })),
  memberNo: s.optional(s.string({ label: '会员编号', min: 4, max: 20, pattern: /^[A-Z0-9]+$/ })),
});

export interface Eligibility {
  eligible: boolean;
  /** Why not, as the code `claim` would answer. */
  code?: ErrorCode;
  reason?: string;
}

export interface StationOption {
  stationId: string;
  name: string;
  address: string;
  hours: string;
  lat: number;
  lng: number;
  /** Packs left to claim at this station now. */
  left: number;
  /** Set while the station is closed (or retired): why and until when; claims there are refused (STATION_CLOSED). */
  closed?: string;
}

export interface Voucher {
  id: string;
  campaignId: string;
  campaignName: string;
  items: string[];
  stationId: string;
  stationName: string;
  stationAddress: string;
  stationHours: string;
  /** Effective status: a voucher past its validity reads 已过期 even before the sweep ran. */
  status: VoucherStatus;
  statusText: string;
  claimedAt: number;
  validUntil: number;
  /** Shanghai wall time, e.g. 2026-01-26 23:59. */
  validUntilText: string;
  anyStation: boolean;
  redeemedAt?: number;
  redeemedPlace?: string;
  /** True when claimed for the worker by station staff. */
  onSpot?: boolean;
}

export interface CampaignView {
  id: string;
  name: string;
  description?: string;
  items: string[];
  startAt: number;
  endAt: number;
  /** e.g. 2026-01-18 10:00 至 2026-02-09 18:00 */
  windowText: string;
  status: CampaignStatus;
  statusText: string;
  validDays: number;
  anyStation: boolean;
  groups: GigGroup[];
  groupsText: string;
  totalLeft: number;
  eligibility: Eligibility;
  myVoucher: Voucher | null;
  stations: StationOption[];
}

export interface StationStockRow {
  stationId: string;
  stationName: string;
  /** Allocated to the station: left + claimed. */
  total: number;
  left: number;
  /** Vouchers claimed and not expired or cancelled (redeemed ones included). */
  claimed: number;
  redeemed: number;
}

export interface CampaignAdminView {
  id: string;
  name: string;
  windowText: string;
  status: CampaignStatus;
  statusText: string;
  paused: boolean;
  groups: GigGroup[];
  groupsText: string;
  validDays: number;
  anyStation: boolean;
  total: number;
  left: number;
  claimed: number;
  redeemed: number;
  stations: StationStockRow[];
}

/** A found worker's claim in this campaign, so staff don't try again: when, where, how far it went. */
export interface OnSpotClaimed {
  /** When the pack was claimed (epoch ms). */
  at: number;
  /** Shanghai wall time, e.g. 2026-01-21 09:00. */
  atText: string;
  stationName: string;
  status: Exclude<VoucherStatus, 'cancelled'>;
  /** 已领取 / 已核销 / 已过期. */
  statusText: string;
}

export interface OnSpotCandidate {
  memberNo: string;
  /** Masked: 陈*强. */
  personName: string;
  /** Masked: 139****2345. */
  phone: string;
  group?: GigGroup;
  eligibility: Eligibility;
  /** Set when the worker already holds this campaign's pack (one per person): onSpotClaim answers ALREADY_CLAIMED. */
  alreadyClaimed: OnSpotClaimed | null;
}

export interface OnSpotResult {
  voucher: Voucher;
  personName: string;
}

export interface SweepResult {
  /** Vouchers this run turned 已过期 (their stock went back to the station). */
  expired: number;
  /** Holders reminded that their voucher expires within 24 hours. */
  reminded: number;
}

export const giftContract = /* @__PURE__ */ contract({
  createCampaign: { input: createCampaignInput, output: returns<CampaignAdminView>, access: ['admin'], writes: true },
  updateCampaign: { input: updateCampaignInput, output: returns<CampaignAdminView>, access: ['admin'], writes: true },
  setPaused: { input: setPausedInput, output: returns<CampaignAdminView>, access: ['admin'], writes: true },
  moveStock: { input: moveStockInput, output: returns<CampaignAdminView>, access: ['admin'], writes: true },
  listCampaigns: { input: emptyInput, output: returns<CampaignAdminView[]>, access: ['admin'] },
  expireSweep: { input: emptyInput, output: returns<SweepResult>, access: ['admin'], writes: true },
  getCampaign: { input: getCampaignInput, output: returns<CampaignView>, access: 'signedIn' },
  claim: { input: claimInput, output: returns<Voucher>, access: 'signedIn', writes: true },
  myVouchers: { input: emptyInput, output: returns<Voucher[]>, access: 'signedIn' },
  getVoucher: { input: voucherIdInput, output: returns<Voucher>, access: 'signedIn' },
  voucherCode: { input: voucherIdInput, output: returns<{ token: string; expiresAt: number }>, access: 'signedIn' },
  cancelClaim: { input: voucherIdInput, output: returns<Voucher>, access: 'signedIn', writes: true },
  stationStock: { input: stationStockInput, output: returns<StationStockRow[]>, access: ['staff', 'admin'] },
  onSpotLookup: { input: onSpotLookupInput, output: returns<OnSpotCandidate[]>, access: ['staff', 'admin'] },
  onSpotClaim: { input: onSpotClaimInput, output: returns<OnSpotResult>, access: ['staff', 'admin'], writes: true },
});
export type GiftActions = ActionsOf<typeof giftContract>;
