/**
 * The quota counters. Every change is one conditional operation on one document, so no number of
 * concurrent registrations can push `taken` past `quota` (no read-then-write anywhere).
 */
import type { Ctx } from '../../lib/context';
import { isDuplicateKeyError } from '../../lib/db';
import { fail } from '../../lib/errors';
import { EMPLOYER_PLACES, TRADES, type TradeDoc } from './model';

/** Takes one place of the trade or throws CONTEST_FULL. */
export async function takeTradePlace(ctx: Ctx, trade: TradeDoc): Promise<void> {
  const _ = ctx.db.command;
  let quota = trade.quota;
  // The quota read must still be the quota: an admin lowering it meanwhile (manage.ts) is never overrun.
  for (let round = 0; round < 3; round++) {
    const r = await ctx.db
      .collection(TRADES)
      .where({ _id: trade._id, quota, taken: _.lt(quota) })
      .update({ data: { taken: _.inc(1) } });
    if (r.stats.updated === 1) return;
    const now = (await ctx.db.collection(TRADES).where({ _id: trade._id }).limit(1).get()).data[0] as
      TradeDoc | undefined;
    if (!now || now.quota === quota) break;
    quota = now.quota;
  }
  fail('CONTEST_FULL', `${trade.name}项目名额已满`);
}

export async function releaseTradePlace(ctx: Ctx, tradeDocId: string): Promise<void> {
  const _ = ctx.db.command;
  await ctx.db
    .collection(TRADES)
    .where({ _id: tradeDocId, taken: _.gt(0) })
    .update({ data: { taken: _.inc(-1) } });
}

/** Takes one of the employer's places in the trade (the counter is created on first use). */
export async function takeEmployerPlace(ctx: Ctx, trade: TradeDoc, key: string): Promise<void> {
  if (!trade.employerQuota) return;
  const _ = ctx.db.command;
  try {
    await ctx.db
      .collection(EMPLOYER_PLACES)
      .add({ data: { _id: key, contestId: trade.contestId, tradeId: trade.tradeId, taken: 0 } });
  } catch (e) {
    // Someone from the same employer created it first: fine, the conditional update below decides.
    if (!isDuplicateKeyError(e)) throw e;
  }
  const r = await ctx.db
    .collection(EMPLOYER_PLACES)
    .where({ _id: key, taken: _.lt(trade.employerQuota) })
    .update({ data: { taken: _.inc(1) } });
  if (r.stats.updated !== 1) fail('EMPLOYER_QUOTA_FULL', `本单位在${trade.name}项目的${trade.employerQuota}个名额已满`);
}

export async function releaseEmployerPlace(ctx: Ctx, key: string | undefined): Promise<void> {
  if (!key) return;
  const _ = ctx.db.command;
  await ctx.db
    .collection(EMPLOYER_PLACES)
    .where({ _id: key, taken: _.gt(0) })
    .update({ data: { taken: _.inc(-1) } });
}
