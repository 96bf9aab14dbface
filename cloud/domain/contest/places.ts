/**
 * The quota counters. Every change is one conditional operation on one document, so no number of
 * concurrent registrations can push `taken` past `quota` (no read-then-write anywhere).
 *
 * A person's places are taken employer share first, then trade: a call refused by its employer's
 * share never holds a trade place, even for a moment, so it cannot make the trade look full to
 * workers of other employers. A counter at its limit can still be raised for a moment by calls in
 * flight (a colleague holding a share place that the full trade makes it give back; a call between
 * taking its places and marking its registration placed). So a refusal is only given once the
 * registrations that hold places confirm it; until then the call waits for those in flight to settle
 * and tries again. The confirmation only chooses between refusing and trying again: it never writes.
 */
import type { Ctx } from '../../lib/context';
import { isDuplicateKeyError } from '../../lib/db';
import { fail } from '../../lib/errors';
import {
  EMPLOYER_PLACES,
  HOLDING,
  REGISTRATIONS,
  TRADES,
  limitsEmployers,
  type EmployerCounterDoc,
  type TradeDoc,
} from './model';

type Refusal = 'EMPLOYER_QUOTA_FULL' | 'CONTEST_FULL';

/**
 * Waits between tries while a counter's limit is not yet confirmed, in ms: about 1.3 s in all, well
 * inside a cloud function's 3 s, and long enough for calls in flight (a few database operations) to
 * settle. A counter still unconfirmed after that (raised by a call that died, until the sweep) refuses.
 */
const SETTLE_WAITS_MS = [5, 10, 20, 40, 80, 160, 200, 200, 200, 200, 200];

async function incTrade(ctx: Ctx, trade: TradeDoc): Promise<boolean> {
  const _ = ctx.db.command;
  let quota = trade.quota;
  // The quota read must still be the quota: an admin lowering it meanwhile (manage.ts) is never overrun.
  for (let round = 0; round < 3; round++) {
    const r = await ctx.db
      .collection(TRADES)
      .where({ _id: trade._id, quota, taken: _.lt(quota) })
      .update({ data: { taken: _.inc(1) } });
    if (r.stats.updated === 1) return true;
    const now = (await ctx.db.collection(TRADES).where({ _id: trade._id }).limit(1).get()).data[0] as
      TradeDoc | undefined;
    if (!now || now.quota === quota) break;
    quota = now.quota;
  }
  return false;
}

async function counter(ctx: Ctx, key: string): Promise<EmployerCounterDoc | undefined> {
  return (await ctx.db.collection(EMPLOYER_PLACES).where({ _id: key }).limit(1).get()).data[0] as
    EmployerCounterDoc | undefined;
}

/** The employer's places: its own (named by the admin) or the trade's default; undefined: no limit. */
const capOf = (trade: TradeDoc, c: EmployerCounterDoc | undefined): number | undefined => c?.cap ?? trade.employerQuota;

/** Unlimited employers are still counted, so a cap set for them later knows what they hold. */
const NO_CAP = 1_000_000;

/** One of the employer's places in the trade (the counter is created on first use). */
async function incEmployer(ctx: Ctx, trade: TradeDoc, key: string): Promise<boolean> {
  const _ = ctx.db.command;
  try {
    await ctx.db
      .collection(EMPLOYER_PLACES)
      .add({ data: { _id: key, contestId: trade.contestId, tradeId: trade.tradeId, taken: 0 } });
  } catch (e) {
    // Someone from the same employer (or the admin naming it) created it first: the update below decides.
    if (!isDuplicateKeyError(e)) throw e;
  }
  // The cap read must still be the cap: an admin lowering a named employer's places meanwhile is never overrun.
  let c = await counter(ctx, key);
  for (let round = 0; c && round < 3; round++) {
    const cap = capOf(trade, c) ?? NO_CAP;
    const r = await ctx.db
      .collection(EMPLOYER_PLACES)
      .where({ _id: key, taken: _.lt(cap), cap: c.cap === undefined ? _.exists(false) : c.cap })
      .update({ data: { taken: _.inc(1) } });
    if (r.stats.updated === 1) return true;
    const now = await counter(ctx, key);
    if (!now || now.cap === c.cap) break;
    c = now;
  }
  return false;
}

/** Registrations holding a place (placed, or from before the flag) in the trade, or in one employer's share. */
async function holders(ctx: Ctx, trade: TradeDoc, key?: string): Promise<number> {
  const _ = ctx.db.command;
  const r = await ctx.db
    .collection(REGISTRATIONS)
    .where({
      contestId: trade.contestId,
      tradeId: trade.tradeId,
      ...(key ? { employerKey: key } : {}),
      status: _.in([...HOLDING]),
      placed: _.neq(false),
    })
    .count();
  return r.total;
}

/**
 * The refusal that holds now, by the registrations that hold places, the employer's share first
 * (the more specific reason: a worker whose share is full is told so, full trade or not); null when
 * neither limit is reached, i.e. the counter that refused is raised by calls still in flight.
 */
async function confirmedRefusal(ctx: Ctx, trade: TradeDoc, key: string | undefined): Promise<Refusal | null> {
  const cap = key ? capOf(trade, await counter(ctx, key)) : undefined;
  if (key && cap !== undefined && (await holders(ctx, trade, key)) >= cap) return 'EMPLOYER_QUOTA_FULL';
  if ((await holders(ctx, trade)) >= trade.quota) return 'CONTEST_FULL';
  return null;
}

/** Which share refused, in words the worker can act on: a named employer's own places, or the default. */
async function refuse(ctx: Ctx, trade: TradeDoc, key: string | undefined, reason: Refusal): Promise<never> {
  if (reason === 'EMPLOYER_QUOTA_FULL') {
    const c = key ? await counter(ctx, key) : undefined;
    if (c?.cap !== undefined)
      fail(
        'EMPLOYER_QUOTA_FULL',
        `${c.employer ?? '本单位'}在${trade.name}项目的${c.cap}个名额已满（区总工会为该单位单独设定的名额）`,
        {
          places: c.cap,
        },
      );
    fail('EMPLOYER_QUOTA_FULL', `本单位在${trade.name}项目的${trade.employerQuota ?? 0}个名额已满`, {
      places: trade.employerQuota ?? 0,
    });
  }
  fail('CONTEST_FULL', `${trade.name}项目名额已满`);
}

/** Runs `tryTake` until it takes, or its refusal is confirmed (or the waits run out). */
async function untilSettled(
  ctx: Ctx,
  trade: TradeDoc,
  key: string | undefined,
  tryTake: () => Promise<Refusal | null>,
  only?: Refusal,
): Promise<void> {
  for (let round = 0; ; round++) {
    const refused = await tryTake();
    if (!refused) return;
    const confirmed = await confirmedRefusal(ctx, trade, key);
    // `only`: the caller asks for one counter (a move between shares): the other limit is not its concern.
    if (confirmed && (!only || confirmed === only)) await refuse(ctx, trade, key, confirmed);
    if (round >= SETTLE_WAITS_MS.length) await refuse(ctx, trade, key, refused);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_WAITS_MS[round]));
  }
}

/**
 * Takes one of the employer's places (when the trade has shares) and one of the trade's, or throws
 * EMPLOYER_QUOTA_FULL / CONTEST_FULL holding neither.
 */
export async function takePlaces(ctx: Ctx, trade: TradeDoc, key: string | undefined): Promise<void> {
  const shared = limitsEmployers(trade) && !!key;
  await untilSettled(ctx, trade, key, async () => {
    if (shared && !(await incEmployer(ctx, trade, key))) return 'EMPLOYER_QUOTA_FULL';
    try {
      if (await incTrade(ctx, trade)) return null;
    } catch (e) {
      if (shared) await releaseEmployerPlace(ctx, key);
      throw e;
    }
    if (shared) await releaseEmployerPlace(ctx, key);
    return 'CONTEST_FULL';
  });
}

export async function releaseTradePlace(ctx: Ctx, tradeDocId: string): Promise<void> {
  const _ = ctx.db.command;
  await ctx.db
    .collection(TRADES)
    .where({ _id: tradeDocId, taken: _.gt(0) })
    .update({ data: { taken: _.inc(-1) } });
}

/** Takes one of the employer's places in the trade alone (a registration moving to another employer's share). */
export async function takeEmployerPlace(ctx: Ctx, trade: TradeDoc, key: string): Promise<void> {
  if (!limitsEmployers(trade)) return;
  await untilSettled(
    ctx,
    trade,
    key,
    async () => ((await incEmployer(ctx, trade, key)) ? null : 'EMPLOYER_QUOTA_FULL'),
    'EMPLOYER_QUOTA_FULL',
  );
}

export async function releaseEmployerPlace(ctx: Ctx, key: string | undefined): Promise<void> {
  if (!key) return;
  const _ = ctx.db.command;
  await ctx.db
    .collection(EMPLOYER_PLACES)
    .where({ _id: key, taken: _.gt(0) })
    .update({ data: { taken: _.inc(-1) } });
}
