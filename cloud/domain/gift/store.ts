/**
 * Reads and the atomic stock moves. Every counter change is ONE conditional update on one giftStock
 * document: never read, then write.
 */
import type { CampaignAdminView, StationOption, StationStockRow } from '../../../types/api/gift';
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
  const found = await ctx.db.collection(STATIONS).limit(1000).get();
  return new Map((found.data as StationDoc[]).map((st) => [st._id, st]));
}

export async function stockDocs(ctx: Ctx, campaignId: string): Promise<StockDoc[]> {
  const found = await ctx.db.collection(STOCK).where({ campaignId }).orderBy('_id', 'asc').limit(1000).get();
  return found.data as StockDoc[];
}

export async function findStock(ctx: Ctx, campaignId: string, stationId: string): Promise<StockDoc | null> {
  const found = await ctx.db
    .collection(STOCK)
    .where({ _id: stockId(campaignId, stationId) })
    .limit(1)
    .get();
  return (found.data[0] as StockDoc | undefined) ?? null;
}

export async function findClaimByVoucher(ctx: Ctx, voucherId: string): Promise<ClaimDoc | null> {
  const found = await ctx.db.collection(CLAIMS).where({ voucherId }).limit(1).get();
  return (found.data[0] as ClaimDoc | undefined) ?? null;
}

/** Takes one pack: succeeds only while stock > 0, so concurrent claims can never oversell. */
export async function takeStock(ctx: Ctx, campaignId: string, stationId: string): Promise<boolean> {
  const _ = ctx.db.command;
  const r = await ctx.db
    .collection(STOCK)
    .where({ _id: stockId(campaignId, stationId), stock: _.gt(0) })
    .update({ data: { stock: _.inc(-1), claimed: _.inc(1) } });
  return r.stats.updated === 1;
}

/** Gives one pack back (cancelled or expired voucher). Callers first win the voucher's status change. */
export async function returnStock(ctx: Ctx, campaignId: string, stationId: string): Promise<void> {
  const _ = ctx.db.command;
  await ctx.db
    .collection(STOCK)
    .doc(stockId(campaignId, stationId))
    .update({ data: { stock: _.inc(1), claimed: _.inc(-1) } });
}

export async function countRedeemed(ctx: Ctx, campaignId: string, stationId: string, delta: 1 | -1): Promise<void> {
  const _ = ctx.db.command;
  await ctx.db
    .collection(STOCK)
    .doc(stockId(campaignId, stationId))
    .update({ data: { redeemed: _.inc(delta) } });
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

export function toStationOption(doc: StockDoc, stations: Map<string, StationDoc>): StationOption {
  const st = stations.get(doc.stationId);
  return {
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
    .map((d) => toStationOption(d, stations))
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
