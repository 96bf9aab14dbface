/**
 * Reads and the atomic stock moves. Every counter change is ONE conditional update on one giftStock
 * document: never read, then write.
 */
import { readAll } from '../../lib/paging';
import type { CampaignAdminView, StationOption, StationStockRow } from '../../../types/api/gift';
import { stationClosedError } from '../admin/stations';
import type { Ctx } from '../../lib/context';
import { fail } from '../../lib/errors';
import {
  CAMPAIGNS,
  CLAIMS,
  STATIONS,
  STOCK,
  campaignStatus,
  groupsText,
  statusText,
  stockId,
  windowText,
  type CampaignDoc,
  type ClaimDoc,
  type StationDoc,
  type StockDoc,
} from './model';

export async function findCampaign(ctx: Ctx, campaignId: string): Promise<CampaignDoc | null> {
  const found = await ctx.db.collection(CAMPAIGNS).where({ _id: campaignId }).limit(1).get();
  return (found.data[0] as CampaignDoc | undefined) ?? null;
}

export async function loadCampaign(ctx: Ctx, campaignId: string): Promise<CampaignDoc> {
  return (await findCampaign(ctx, campaignId)) ?? fail('NOT_FOUND', '没有找到这个礼包活动');
}

export async function stationMap(ctx: Ctx): Promise<Map<string, StationDoc>> {
  const found = await readAll<StationDoc>(ctx.db.collection(STATIONS).where({}));
  return new Map(found.map((st) => [st._id, st]));
}

export async function stockDocs(ctx: Ctx, campaignId: string): Promise<StockDoc[]> {
  return readAll<StockDoc>(
    ctx.db.collection(STOCK).where({ campaignId }).field({ packs: false }).orderBy('_id', 'asc'),
  );
}

export async function findStock(ctx: Ctx, campaignId: string, stationId: string): Promise<StockDoc | null> {
  const found = await ctx.db
    .collection(STOCK)
    .where({ _id: stockId(campaignId, stationId) })
    .field({ packs: false })
    .limit(1)
    .get();
  return (found.data[0] as StockDoc | undefined) ?? null;
}

export async function findClaimByVoucher(ctx: Ctx, voucherId: string): Promise<ClaimDoc | null> {
  const found = await ctx.db.collection(CLAIMS).where({ voucherId }).limit(1).get();
  return (found.data[0] as ClaimDoc | undefined) ?? null;
}

/**
 * The pack ledger: `packs.<voucherId>` on the stock doc says what each voucher did to the counters
 * ('held' took a pack, 'redeemed' is also counted as redeemed, 'returned' gave its pack back).
 * Every move below is one conditional update keyed on that entry, so each happens at most once
 * per voucher: a call that died between two writes can simply be run again (a retry, a resumed
 * claim) without taking a second pack or counting twice.
 */
export type PackState = 'held' | 'redeemed' | 'returned';
const pack = (voucherId: string) => `packs.${voucherId}`;

/**
 * Takes one pack for this voucher, only while stock > 0 and only once per voucher, so concurrent
 * claims never oversell and a resumed claim never takes a second pack. 'held' = taken earlier;
 * `fresh`: the voucher id was minted by this call, so it cannot have taken one before.
 */
export async function takeStock(
  ctx: Ctx,
  campaignId: string,
  stationId: string,
  voucherId: string,
  fresh = false,
): Promise<'taken' | 'held' | 'out'> {
  const _ = ctx.db.command;
  const id = stockId(campaignId, stationId);
  const r = await ctx.db
    .collection(STOCK)
    .where({ _id: id, stock: _.gt(0), [pack(voucherId)]: _.exists(false) })
    .update({ data: { stock: _.inc(-1), claimed: _.inc(1), [pack(voucherId)]: 'held' } });
  if (r.stats.updated === 1) return 'taken';
  // A voucher id minted by this very call cannot hold a pack yet: no need to look (the storm's hot path).
  if (fresh) return 'out';
  const found = await ctx.db
    .collection(STOCK)
    .where({ _id: id })
    .field({ [pack(voucherId)]: true })
    .limit(1)
    .get();
  const state = (found.data[0] as StockDoc | undefined)?.packs?.[voucherId];
  return state === 'held' || state === 'redeemed' ? 'held' : 'out';
}

/**
 * Gives the voucher's pack back (cancelled or expired voucher, or a claim that lost its race).
 * Callers first win the voucher's status change; the ledger makes a second call a no-op. Vouchers
 * from before the ledger have no entry and are returned once the same way; `onlyIfHeld` is for a
 * claim that may never have taken its pack.
 */
export async function returnStock(
  ctx: Ctx,
  campaignId: string,
  stationId: string,
  voucherId: string,
  onlyIfHeld = false,
): Promise<void> {
  const _ = ctx.db.command;
  await ctx.db
    .collection(STOCK)
    .where({ _id: stockId(campaignId, stationId), [pack(voucherId)]: onlyIfHeld ? 'held' : _.nin(['returned']) })
    .update({ data: { stock: _.inc(1), claimed: _.inc(-1), [pack(voucherId)]: 'returned' } });
}

/** Returns the pack a cancelled or expired voucher owes (`stockBack: false`), then marks it done. */
export async function settleReturn(ctx: Ctx, claim: ClaimDoc): Promise<void> {
  await returnStock(ctx, claim.campaignId, claim.stationId, claim.voucherId);
  await ctx.db
    .collection(CLAIMS)
    .where({ _id: claim._id, voucherId: claim.voucherId, stockBack: false })
    .update({ data: { stockBack: true } });
}

/** Counts (1) or uncounts (-1) the voucher's redemption at most once, whatever the retries. */
export async function countRedeemed(
  ctx: Ctx,
  campaignId: string,
  stationId: string,
  voucherId: string,
  delta: 1 | -1,
): Promise<void> {
  const _ = ctx.db.command;
  const entry = pack(voucherId);
  await ctx.db
    .collection(STOCK)
    .where({ _id: stockId(campaignId, stationId), [entry]: delta === 1 ? _.nin(['redeemed', 'returned']) : 'redeemed' })
    .update({ data: { redeemed: _.inc(delta), [entry]: delta === 1 ? 'redeemed' : 'held' } });
}

export function toStockRow(doc: StockDoc, stations: Map<string, StationDoc>): StationStockRow {
  return {
    stationId: doc.stationId,
    stationName: stations.get(doc.stationId)?.name ?? doc.stationId,
    total: doc.stock + doc.claimed,
    left: doc.stock,
    claimed: doc.claimed,
    redeemed: doc.redeemed,
  };
}

export function toStationOption(doc: StockDoc, stations: Map<string, StationDoc>, now?: number): StationOption {
  const st = stations.get(doc.stationId);
  const closed = now === undefined ? null : stationClosedError(st, now);
  return {
    ...(closed ? { closed: closed.message } : {}),
    stationId: doc.stationId,
    name: st?.name ?? doc.stationId,
    address: st?.address ?? '',
    hours: st?.hours ?? '',
    lat: st?.lat ?? 0,
    lng: st?.lng ?? 0,
    left: doc.stock,
  };
}

/** Stations that still have packs, most first: what 本站已领完 points the worker to. */
export async function stationsWithStock(ctx: Ctx, campaignId: string): Promise<StationOption[]> {
  const [docs, stations] = await Promise.all([stockDocs(ctx, campaignId), stationMap(ctx)]);
  return docs
    .filter((d) => d.stock > 0)
    .map((d) => toStationOption(d, stations, ctx.now()))
    .filter((o) => !o.closed)
    .sort((a, b) => b.left - a.left);
}

export async function adminView(ctx: Ctx, c: CampaignDoc): Promise<CampaignAdminView> {
  const [docs, stations] = await Promise.all([stockDocs(ctx, c._id), stationMap(ctx)]);
  const rows = docs.map((d) => toStockRow(d, stations));
  const sum = (k: 'total' | 'left' | 'claimed' | 'redeemed') => rows.reduce((n, r) => n + r[k], 0);
  const now = ctx.now();
  return {
    id: c._id,
    name: c.name,
    windowText: windowText(c),
    status: campaignStatus(c, now),
    statusText: statusText(c, now),
    paused: c.paused,
    groups: c.groups,
    groupsText: groupsText(c.groups),
    validDays: c.validDays,
    anyStation: c.anyStation,
    total: sum('total'),
    left: sum('left'),
    claimed: sum('claimed'),
    redeemed: sum('redeemed'),
    stations: rows,
  };
}
