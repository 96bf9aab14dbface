/**
 * Campaign management (admins): create, edit, pause, move stock between stations. Every change is
 * audited. Stock is only ever moved (never edited in place), so the campaign total is kept.
 */
import { readAll } from '../../lib/paging';
import type { CampaignAdminView, GiftActions } from '../../../types/api/gift';
import type { ActionCtx } from '../../lib/context';
import { audit } from '../../lib/audit';
import { shanghaiTime } from '../../lib/clock';
import { fail } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { isDuplicateKeyError } from '../../lib/db';
import { requestMark, requestScopedId } from '../../lib/resume';
import { ensureDoc } from '../../lib/transact';
import { CAMPAIGNS, STOCK, stockId, type CampaignDoc, type StockDoc } from './model';
import { adminView, loadCampaign, stationMap } from './store';

type In<K extends keyof GiftActions> = GiftActions[K]['input'];

function window(startAt: string, endAt: string): { startAt: number; endAt: number } {
  const w = { startAt: shanghaiTime(startAt), endAt: shanghaiTime(endAt) };
  if (!Number.isFinite(w.startAt) || !Number.isFinite(w.endAt))
    fail('INVALID_INPUT', '领取时段：时间无效', { field: 'startAt' });
  if (w.endAt <= w.startAt) fail('INVALID_INPUT', '结束时间请晚于开始时间', { field: 'endAt' });
  return w;
}

/** Inserts a document whose id derives from the request; a retry finds it there and goes on. */
async function addOnce(ctx: ActionCtx, coll: string, doc: { _id: string }): Promise<void> {
  try {
    await ctx.db.collection(coll).add({ data: doc });
  } catch (e) {
    if (!(ctx.requestId && isDuplicateKeyError(e))) throw e;
  }
}

export async function createCampaign(ctx: ActionCtx, input: In<'createCampaign'>): Promise<CampaignAdminView> {
  const { startAt, endAt } = window(input.startAt, input.endAt);
  const stations = await stationMap(ctx);
  const seen = new Set<string>();
  input.stock.forEach((row, i) => {
    if (!stations.has(row.stationId))
      fail('INVALID_INPUT', '各驿站库存：没有这个驿站', { field: `stock.${i}.stationId` });
    if (stations.get(row.stationId)?.active === false)
      fail('INVALID_INPUT', '各驿站库存：该驿站已停用', { field: `stock.${i}.stationId` });
    if (seen.has(row.stationId)) fail('INVALID_INPUT', '各驿站库存：驿站重复', { field: `stock.${i}.stationId` });
    seen.add(row.stationId);
  });
  const now = ctx.now();
  const doc: CampaignDoc = {
    // From the request: a retry after a crash completes this campaign instead of opening a second.
    _id: requestScopedId(ctx, 'gc-', () => newId(6)),
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    items: input.items,
    startAt,
    endAt,
    groups: [...new Set(input.groups)],
    validDays: input.validDays,
    anyStation: input.anyStation ?? false,
    paused: false,
    createdAt: now,
    updatedAt: now,
  };
  await addOnce(ctx, CAMPAIGNS, doc);
  for (const row of input.stock) {
    const stock: StockDoc = {
      _id: stockId(doc._id, row.stationId),
      campaignId: doc._id,
      stationId: row.stationId,
      stock: row.stock,
      claimed: 0,
      redeemed: 0,
    };
    await addOnce(ctx, STOCK, stock);
  }
  await audit(ctx, {
    event: 'gift.createCampaign',
    target: { kind: 'giftCampaign', id: doc._id },
    detail: { name: doc.name, total: input.stock.reduce((n, r) => n + r.stock, 0) },
  });
  return adminView(ctx, doc);
}

export async function updateCampaign(ctx: ActionCtx, input: In<'updateCampaign'>): Promise<CampaignAdminView> {
  const c = await loadCampaign(ctx, input.campaignId);
  const { campaignId, startAt, endAt, groups, ...rest } = input;
  const patch: Partial<CampaignDoc> = { ...rest, updatedAt: ctx.now() };
  if (startAt || endAt) {
    const w = { startAt: startAt ? shanghaiTime(startAt) : c.startAt, endAt: endAt ? shanghaiTime(endAt) : c.endAt };
    if (w.endAt <= w.startAt) fail('INVALID_INPUT', '结束时间请晚于开始时间', { field: 'endAt' });
    Object.assign(patch, w);
  }
  if (groups) patch.groups = [...new Set(groups)];
  await ctx.db.collection(CAMPAIGNS).doc(campaignId).update({ data: patch });
  await audit(ctx, {
    event: 'gift.updateCampaign',
    target: { kind: 'giftCampaign', id: campaignId },
    detail: { fields: Object.keys(input).filter((k) => k !== 'campaignId') },
  });
  return adminView(ctx, { ...c, ...patch });
}

export async function setPaused(ctx: ActionCtx, input: In<'setPaused'>): Promise<CampaignAdminView> {
  const c = await loadCampaign(ctx, input.campaignId);
  await ctx.db
    .collection(CAMPAIGNS)
    .doc(c._id)
    .update({ data: { paused: input.paused, updatedAt: ctx.now() } });
  await audit(ctx, { event: input.paused ? 'gift.pause' : 'gift.resume', target: { kind: 'giftCampaign', id: c._id } });
  return adminView(ctx, { ...c, paused: input.paused });
}

/**
 * Moves unclaimed packs between two stations in one transaction: the total is kept, and a station
 * can never give away packs already claimed there (only its `stock`, the packs left).
 */
export async function moveStock(ctx: ActionCtx, input: In<'moveStock'>): Promise<CampaignAdminView> {
  const { campaignId, fromStationId, toStationId, amount } = input;
  if (fromStationId === toStationId)
    fail('INVALID_INPUT', '调入驿站请选另一个驿站（不能与调出驿站相同）', { field: 'toStationId' });
  const c = await loadCampaign(ctx, campaignId);
  const stations = await stationMap(ctx);
  if (!stations.has(toStationId)) fail('INVALID_INPUT', '调入驿站：没有这个驿站', { field: 'toStationId' });
  if (stations.get(toStationId)?.active === false)
    fail('INVALID_INPUT', '调入驿站：该驿站已停用', { field: 'toStationId' });
  const _ = ctx.db.command;
  // Refusals before anything is written (the move checks again, in the write itself).
  const before = (
    await ctx.db
      .collection(STOCK)
      .where({ _id: stockId(campaignId, fromStationId) })
      .limit(1)
      .get()
  ).data[0] as StockDoc | undefined;
  if (!before) fail('NOT_FOUND', '调出驿站不在本次发放站点中');
  const mine =
    !!requestMark(ctx) && (before as StockDoc & { movedOut?: string[] }).movedOut?.includes(requestMark(ctx)!);
  if (before.stock < amount && !mine)
    fail('INVALID_STATE', `调出数量超过该站剩余可领数量（剩${before.stock}份，已领取的不能调走）`, {
      left: before.stock,
    });
  // A station new to the campaign gets its (empty) stock document first (race-safe: one insert wins).
  const empty: Omit<StockDoc, '_id'> = { campaignId, stationId: toStationId, stock: 0, claimed: 0, redeemed: 0 };
  await ensureDoc(ctx.db, STOCK, stockId(campaignId, toStationId), empty);
  // Two single-document atomic moves, no transaction (twenty admins moving at once never conflict):
  // out of the station only while it has the packs left, then into the other. Each carries this
  // request's mark in a list on its document, so a retry after a crash between them (or after both)
  // does exactly what is left: never twice, never lost in transit.
  const mark = requestMark(ctx);
  const stock = ctx.db.collection(STOCK);
  // (`before` was read in this attempt: a retry whose first attempt took the packs out skips it.)
  if (!mine) {
    const out = await stock
      .where({ _id: before._id, stock: _.gte(amount) })
      .update({ data: { stock: _.inc(-amount), ...(mark ? { movedOut: _.push([mark]) } : {}) } });
    if (out.stats.updated !== 1) {
      const now = (await stock.where({ _id: before._id }).limit(1).get()).data[0] as StockDoc | undefined;
      fail('INVALID_STATE', `调出数量超过该站剩余可领数量（剩${now?.stock ?? 0}份，已领取的不能调走）`, {
        left: now?.stock ?? 0,
      });
    }
  }
  const toId = stockId(campaignId, toStationId);
  const to = (await stock.where({ _id: toId }).limit(1).get()).data[0] as StockDoc & { movedIn?: string[] };
  if (!(mark && to?.movedIn?.includes(mark))) {
    await stock.doc(toId).update({ data: { stock: _.inc(amount), ...(mark ? { movedIn: _.push([mark]) } : {}) } });
  }
  await audit(ctx, {
    event: 'gift.moveStock',
    target: { kind: 'giftCampaign', id: campaignId },
    detail: { fromStationId, toStationId, amount },
  });
  return adminView(ctx, c);
}

export async function listCampaigns(ctx: ActionCtx): Promise<CampaignAdminView[]> {
  const all = await readAll<CampaignDoc>(ctx.db.collection(CAMPAIGNS).orderBy('startAt', 'desc'));
  return Promise.all(all.map((c) => adminView(ctx, c)));
}
