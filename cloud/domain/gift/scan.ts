/**
 * The voucher as a kind of code in the one staff scanner (pattern: cloud/domain/checkin/kinds.ts).
 * Redeemed only at its station (or any station when the campaign says so), only while valid, and
 * once: the winning scan is the one conditional update that finds `status: 'claimed', redeemed: null`.
 */
import { readAll } from '../../lib/paging';
import type { LookupMatch, ScanResult, ScanScope, ScopeCount } from '../../../types/api/checkin';
import type { ActionCtx } from '../../lib/context';
import { formatShanghai } from '../../lib/clock';
import { fail } from '../../lib/errors';
import { requireStationOpen } from '../admin/stations';
import { maskName } from '../../lib/mask';
import type { ScanKindHandler, ScanStamp } from '../../lib/scan';
import {
  CAMPAIGNS,
  CLAIMS,
  STOCK,
  campaignStatus,
  stockId,
  type CampaignDoc,
  type ClaimDoc,
  type RedeemStamp,
} from './model';
import { countRedeemed, findCampaign, findClaimByVoucher, stationMap } from './store';

function requireStation(scope: ScanScope): string {
  if (scope.kind !== 'station') fail('WRONG_SCOPE', '礼包券只能在驿站核销，请切换到驿站扫码');
  return scope.id;
}

function used(doc: ClaimDoc, stamp: RedeemStamp): ScanResult {
  return {
    result: 'used',
    kind: 'voucher',
    title: '礼包已领取过',
    personName: maskName(doc.holderName),
    firstAt: stamp.at,
    firstPlace: stamp.placeName,
    firstStaff: stamp.staffName,
  };
}

async function redeem(ctx: ActionCtx, subjectId: string, scope: ScanScope, scan: ScanStamp): Promise<ScanResult> {
  const stationId = requireStation(scope);
  const doc = await findClaimByVoucher(ctx, subjectId);
  if (!doc || doc.status === 'claiming') fail('NOT_FOUND', '没有找到这张礼包券');
  const c = (await findCampaign(ctx, doc.campaignId)) ?? fail('NOT_FOUND', '礼包活动已不存在');
  if (!c.anyStation && doc.stationId !== stationId) {
    const home = (await stationMap(ctx)).get(doc.stationId);
    fail('WRONG_SCOPE', `此券应在${home?.name ?? '其他驿站'}核销，请让对方到该站领取`);
  }
  const now = ctx.now();
  // A station closed for a while hands nothing out, even to staff still holding its scanner.
  if (doc.status === 'claimed') requireStationOpen((await stationMap(ctx)).get(stationId), now);
  const stamp: RedeemStamp = {
    scanId: scan.scanId,
    at: scan.at,
    staff: scan.staff,
    staffName: scan.staffName,
    placeName: scan.placeName,
    stationId,
    ledger: true,
  };
  const _ = ctx.db.command;
  const r = await ctx.db
    .collection(CLAIMS)
    .where({ _id: doc._id, voucherId: subjectId, status: 'claimed', redeemed: null, validUntil: _.gte(now) })
    .update({ data: { status: 'redeemed', redeemed: _.set(stamp) } });
  if (r.stats.updated === 1) {
    // Counted on the station the pack was allocated to (the stock it came from).
    await countRedeemed(ctx, doc.campaignId, doc.stationId, doc.voucherId, 1);
    return {
      result: 'success',
      kind: 'voucher',
      title: '礼包已核销',
      personName: maskName(doc.holderName),
      detail: `${c.name}：${c.items.join('、')}`,
      scanId: scan.scanId,
    };
  }
  const now2 = (await findClaimByVoucher(ctx, subjectId)) ?? doc;
  if (now2.redeemed) {
    // The scan that stamped it may have died before counting: count it now (at most once per voucher).
    if (now2.redeemed.ledger) await countRedeemed(ctx, now2.campaignId, now2.stationId, now2.voucherId, 1);
    return used(now2, now2.redeemed);
  }
  if (now2.status === 'cancelled') fail('INVALID_STATE', '这张礼包券已被本人取消');
  if (now2.status === 'expired' || now > now2.validUntil)
    fail('INVALID_STATE', `这张礼包券已过期（有效期至 ${formatShanghai(now2.validUntil)}）`);
  fail('INVALID_STATE', '这张礼包券当前不能核销');
}

/**
 * Reverts only the redemption this scan made; the voucher is valid again. Safe to run again after
 * a crash between the two writes: an unstamped voucher still counted is uncounted (once, by the ledger).
 */
async function undo(ctx: ActionCtx, subjectId: string, scan: ScanStamp): Promise<void> {
  const doc = await findClaimByVoucher(ctx, subjectId);
  if (!doc) fail('NOT_FOUND', '没有找到这张礼包券');
  const _ = ctx.db.command;
  const r = await ctx.db
    .collection(CLAIMS)
    .where({ _id: doc._id, voucherId: subjectId, status: 'redeemed', 'redeemed.scanId': scan.scanId })
    .update({ data: { status: 'claimed', redeemed: _.set(null) } });
  if (r.stats.updated !== 1 && !(doc.status === 'claimed' && !doc.redeemed))
    fail('INVALID_STATE', '这次核销已撤销或不是本次扫码');
  if (r.stats.updated === 1 && !doc.redeemed?.ledger) {
    // Redeemed before the ledger existed: counted without an entry, uncounted the same way.
    await ctx.db
      .collection(STOCK)
      .doc(stockId(doc.campaignId, doc.stationId))
      .update({ data: { redeemed: _.inc(-1) } });
    return;
  }
  await countRedeemed(ctx, doc.campaignId, doc.stationId, doc.voucherId, -1);
}

async function lookup(
  ctx: ActionCtx,
  scope: ScanScope,
  q: { name: string; phoneTail: string },
): Promise<LookupMatch[]> {
  const stationId = requireStation(scope);
  const _ = ctx.db.command;
  const found = await ctx.db
    .collection(CLAIMS)
    .where({ stationId, holderName: q.name, holderPhoneTail: q.phoneTail, status: _.in(['claimed', 'redeemed']) })
    .limit(20)
    .get();
  const names = new Map<string, string>();
  for (const doc of found.data as ClaimDoc[]) {
    if (!names.has(doc.campaignId))
      names.set(doc.campaignId, (await findCampaign(ctx, doc.campaignId))?.name ?? '礼包');
  }
  return (found.data as ClaimDoc[]).map((doc) => ({
    kind: 'voucher',
    subjectId: doc.voucherId,
    personName: maskName(doc.holderName),
    phone: doc.holderPhoneMasked,
    summary: `${names.get(doc.campaignId)} · ${doc.status === 'redeemed' ? '已核销' : '待核销'}`,
  }));
}

/** 已核销 / 库存 of every campaign running at this station. */
async function counts(ctx: ActionCtx, scope: ScanScope): Promise<ScopeCount[]> {
  const stationId = requireStation(scope);
  const docs = (await readAll(ctx.db.collection(STOCK).where({ stationId }))) as Array<{
    campaignId: string;
    stock: number;
    claimed: number;
    redeemed: number;
  }>;
  const out: ScopeCount[] = [];
  for (const d of docs) {
    const c = (await ctx.db.collection(CAMPAIGNS).where({ _id: d.campaignId }).limit(1).get()).data[0] as
      CampaignDoc | undefined;
    // Vouchers never outlive their campaign: only running (or paused) campaigns are counted.
    if (!c || !['open', 'paused'].includes(campaignStatus(c, ctx.now()))) continue;
    out.push({ label: `${c.name} 已核销 / 库存`, done: d.redeemed, total: d.stock + d.claimed });
  }
  return out;
}

export const voucherScan: ScanKindHandler = { kind: 'voucher', redeem, undo, lookup, counts };
