/**
 * The worker's side: see the campaign (eligible or why not, stations with stock left), claim,
 * my vouchers, the voucher's refreshing code, cancel (stock back at once).
 */
import { readAll } from '../../lib/paging';
import type { CampaignView, Voucher } from '../../../types/api/gift';
import type { ActionCtx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { PHONE_CODE_TTL_MS, signToken } from '../../lib/token';
import { eligibility } from './eligibility';
import { claimFor } from './claim';
import {
  CAMPAIGNS,
  CLAIMS,
  campaignStatus,
  claimId,
  groupsText,
  statusText,
  toVoucher,
  windowText,
  type CampaignDoc,
  type ClaimDoc,
} from './model';
import {
  findCampaign,
  findClaimByVoucher,
  loadCampaign,
  settleReturn,
  stationMap,
  stockDocs,
  toStationOption,
} from './store';

/** The campaign open now, else the next to open, else the one that ended last. */
async function pickCampaign(ctx: ActionCtx): Promise<CampaignDoc> {
  const now = ctx.now();
  const all = await readAll<CampaignDoc>(ctx.db.collection(CAMPAIGNS).orderBy('startAt', 'desc'));
  const open = all.filter((c) => c.startAt <= now && now < c.endAt);
  const upcoming = all.filter((c) => c.startAt > now).sort((a, b) => a.startAt - b.startAt);
  const ended = all.filter((c) => c.endAt <= now).sort((a, b) => b.endAt - a.endAt);
  return open[0] ?? upcoming[0] ?? ended[0] ?? fail('NOT_FOUND', '目前没有礼包活动，请留意工会通知');
}

export async function getCampaign(ctx: ActionCtx, input: { campaignId?: string }): Promise<CampaignView> {
  const c = input.campaignId ? await loadCampaign(ctx, input.campaignId) : await pickCampaign(ctx);
  const now = ctx.now();
  const [docs, stations, mine] = await Promise.all([
    stockDocs(ctx, c._id),
    stationMap(ctx),
    ctx.db
      .collection(CLAIMS)
      .where({ _id: claimId(c._id, ctx.openid) })
      .limit(1)
      .get(),
  ]);
  const claim = mine.data[0] as ClaimDoc | undefined;
  const live = claim && claim.status !== 'claiming' && claim.status !== 'cancelled' ? claim : undefined;
  const elig = live
    ? { eligible: false, code: 'ALREADY_CLAIMED' as const, reason: '您已领取本次礼包，请凭礼包券到驿站领取' }
    : eligibility(c, ctx.user, now);
  const options = docs.map((d) => toStationOption(d, stations, now));
  return {
    id: c._id,
    name: c.name,
    ...(c.description ? { description: c.description } : {}),
    items: c.items,
    startAt: c.startAt,
    endAt: c.endAt,
    windowText: windowText(c),
    status: campaignStatus(c, now),
    statusText: statusText(c, now),
    validDays: c.validDays,
    anyStation: c.anyStation,
    groups: c.groups,
    groupsText: groupsText(c.groups),
    totalLeft: options.reduce((n, o) => n + o.left, 0),
    eligibility: elig,
    myVoucher: live ? toVoucher(live, c, stations.get(live.stationId), now) : null,
    stations: options,
  };
}

export async function claim(ctx: ActionCtx, input: { campaignId: string; stationId: string }): Promise<Voucher> {
  const c = await loadCampaign(ctx, input.campaignId);
  const doc = await claimFor(ctx, c, ctx.user, input.stationId);
  const stations = await stationMap(ctx);
  return toVoucher(doc, c, stations.get(doc.stationId), ctx.now());
}

/** The caller's own voucher, or NOT_FOUND (another person's voucher is not revealed to exist). */
async function ownClaim(ctx: ActionCtx, voucherId: string): Promise<ClaimDoc> {
  const doc = await findClaimByVoucher(ctx, voucherId);
  if (!doc || doc.openid !== ctx.openid || doc.status === 'claiming') fail('NOT_FOUND', '没有找到这张礼包券');
  return doc;
}

export async function myVouchers(ctx: ActionCtx): Promise<Voucher[]> {
  const found = await ctx.db
    .collection(CLAIMS)
    .where({ openid: ctx.openid })
    .orderBy('claimedAt', 'desc')
    .limit(100)
    .get();
  const claims = (found.data as ClaimDoc[]).filter((d) => d.status !== 'claiming');
  const stations = await stationMap(ctx);
  const campaigns = new Map<string, CampaignDoc>();
  const out: Voucher[] = [];
  for (const d of claims) {
    if (!campaigns.has(d.campaignId)) {
      const c = await findCampaign(ctx, d.campaignId);
      if (c) campaigns.set(c._id, c);
    }
    const c = campaigns.get(d.campaignId);
    if (c) out.push(toVoucher(d, c, stations.get(d.stationId), ctx.now()));
  }
  return out;
}

export async function getVoucher(ctx: ActionCtx, input: { voucherId: string }): Promise<Voucher> {
  const doc = await ownClaim(ctx, input.voucherId);
  const [c, stations] = await Promise.all([loadCampaign(ctx, doc.campaignId), stationMap(ctx)]);
  return toVoucher(doc, c, stations.get(doc.stationId), ctx.now());
}

/** A short-lived signed code for the QR; only for a voucher that can still be redeemed. */
export async function voucherCode(
  ctx: ActionCtx,
  input: { voucherId: string },
): Promise<{ token: string; expiresAt: number }> {
  const doc = await ownClaim(ctx, input.voucherId);
  if (doc.status === 'redeemed') fail('ALREADY_REDEEMED', '这张礼包券已核销，礼包已领取');
  if (doc.status !== 'claimed' || ctx.now() > doc.validUntil) fail('INVALID_STATE', '这张礼包券已失效，不能再出示');
  return signToken(ctx.env, { kind: 'voucher', id: doc.voucherId, ttlMs: PHONE_CODE_TTL_MS }, ctx.now());
}

/**
 * Cancels an unredeemed, still valid voucher; the pack goes back to the station at once. Winning
 * the status change is what entitles a call to return the stock; `stockBack: false` marks the
 * return as owed until it is done, so a retry of the same request after a crash in between (or the
 * expiry sweep) completes it, once: the stock ledger keys the return by voucher.
 */
export async function cancelClaim(ctx: ActionCtx, input: { voucherId: string }): Promise<Voucher> {
  const doc = await ownClaim(ctx, input.voucherId);
  const now = ctx.now();
  const _ = ctx.db.command;
  const r = await ctx.db
    .collection(CLAIMS)
    .where({ _id: doc._id, voucherId: doc.voucherId, status: 'claimed', validUntil: _.gte(now) })
    .update({
      data: { status: 'cancelled', cancelledAt: now, stockBack: false, cancelRequestId: ctx.requestId ?? null },
    });
  // A retry of the very request that cancelled (not a second tap): finish what it started.
  const retried =
    r.stats.updated !== 1 && doc.status === 'cancelled' && !!ctx.requestId && doc.cancelRequestId === ctx.requestId;
  if (r.stats.updated !== 1 && !retried)
    fail('INVALID_STATE', doc.status === 'redeemed' ? '礼包已领取，不能取消' : '这张礼包券已失效，不能取消');
  if (!retried || doc.stockBack === false) await settleReturn(ctx, doc);
  const cancelledAt = retried ? (doc.cancelledAt ?? now) : now;
  const [c, stations] = await Promise.all([loadCampaign(ctx, doc.campaignId), stationMap(ctx)]);
  return toVoucher({ ...doc, status: 'cancelled', cancelledAt }, c, stations.get(doc.stationId), now);
}
