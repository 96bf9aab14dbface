/** Reads shared by the contest handlers; each answers NOT_FOUND in the contract's words. */
import { readAll } from '../../lib/paging';
import type { ActionCtx, Ctx } from '../../lib/context';
import { fail } from '../../lib/errors';
import {
  CONTESTS,
  REGISTRATIONS,
  TRADES,
  tradeKey,
  type ContestDoc,
  type RegistrationDoc,
  type TradeDoc,
} from './model';

async function byId<T>(ctx: Ctx, collection: string, id: string): Promise<T | null> {
  const found = await ctx.db.collection(collection).where({ _id: id }).limit(1).get();
  return (found.data[0] as T | undefined) ?? null;
}

export async function loadContest(ctx: Ctx, contestId: string): Promise<ContestDoc> {
  return (await byId<ContestDoc>(ctx, CONTESTS, contestId)) ?? fail('NOT_FOUND', '没有找到这场比武');
}

export async function loadTrade(ctx: Ctx, contestId: string, tradeId: string): Promise<TradeDoc> {
  return (await byId<TradeDoc>(ctx, TRADES, tradeKey(contestId, tradeId))) ?? fail('NOT_FOUND', '没有找到这个比赛项目');
}

export async function findRegistration(ctx: Ctx, id: string): Promise<RegistrationDoc | null> {
  return byId<RegistrationDoc>(ctx, REGISTRATIONS, id);
}

/** The caller's own registration: someone else's is FORBIDDEN (and nothing about it is returned). */
export async function loadOwnRegistration(ctx: ActionCtx, id: string): Promise<RegistrationDoc> {
  const doc = await findRegistration(ctx, id);
  if (!doc) fail('NOT_FOUND', '没有找到这条报名记录');
  if (doc.openid !== ctx.openid) fail('FORBIDDEN');
  return doc;
}

export async function tradesOf(ctx: Ctx, contestId: string): Promise<TradeDoc[]> {
  return readAll<TradeDoc>(ctx.db.collection(TRADES).where({ contestId }));
}
