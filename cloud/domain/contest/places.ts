/**
 * The quota counters. Every change of a counter is made in one transaction with the registration it
 * is for (placed, moved, cancelled): a crash between the two would otherwise leave a place counted
 * that a retry counts again, or one given back twice. Concurrent changes conflict and are retried
 * (transact), so no number of concurrent registrations can push `taken` past `quota`.
 *
 * A counter can still read higher than the registrations holding places (one raised by hand, or by
 * a call that died before these transactions). So a refusal is only given once the registrations
 * that hold places confirm it; until then the call waits a little and tries again. The
 * confirmation only chooses between refusing and trying again: it never writes.
 */
import type { Ctx } from '../../lib/context';
import { readOrNull } from '../../lib/db';
import { fail } from '../../lib/errors';
import { ensureDoc, transact } from '../../lib/transact';
import {
  EMPLOYER_PLACES,
  HOLDING,
  REGISTRATIONS,
  TRADES,
  limitsEmployers,
  tradeKey,
  type EmployerCounterDoc,
  type RegistrationDoc,
  type TradeDoc,
} from './model';

type Refusal = 'EMPLOYER_QUOTA_FULL' | 'CONTEST_FULL';

/**
 * Waits between tries while a counter's limit is not yet confirmed, in ms: about 1.3 s in all, well
 * inside a cloud function's 3 s, and long enough for calls in flight (a few database operations) to
 * settle. A counter still unconfirmed after that (raised by a call that died, until the sweep) refuses.
 */
const SETTLE_WAITS_MS = [5, 10, 20, 40, 80, 160, 200, 200, 200, 200, 200];

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

async function counter(ctx: Ctx, key: string): Promise<EmployerCounterDoc | undefined> {
  return (await ctx.db.collection(EMPLOYER_PLACES).where({ _id: key }).limit(1).get()).data[0] as
    EmployerCounterDoc | undefined;
}

/** The employer's places: its own (named by the admin) or the trade's default; undefined: no limit. */
const capOf = (trade: Pick<TradeDoc, 'employerQuota'>, c: Pick<EmployerCounterDoc, 'cap'> | null | undefined) =>
  c?.cap ?? trade.employerQuota;

/** Which share refused, in words the worker can act on: a named employer's own places, or the default. */
async function refuse(ctx: Ctx, trade: TradeDoc, key: string | undefined, reason: Refusal): Promise<never> {
  if (reason === 'EMPLOYER_QUOTA_FULL') {
    const c = key ? await counter(ctx, key) : undefined;
    if (c?.cap !== undefined)
      fail(
        'EMPLOYER_QUOTA_FULL',
        `${c.employer ?? '本单位'}在${trade.name}项目的${c.cap}个名额已满（区总工会为该单位单独设定的名额）`,
        { places: c.cap },
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
    // The trade as it is now: the transaction refused by its limits, which an admin may have just changed.
    const now = (await readOrNull<TradeDoc>(() => ctx.db.collection(TRADES).doc(trade._id).get())) ?? trade;
    const confirmed = await confirmedRefusal(ctx, now, key);
    // `only`: the caller asks for one counter (a move between shares): the other limit is not its concern.
    if (confirmed && (!only || confirmed === only)) await refuse(ctx, now, key, confirmed);
    if (round >= SETTLE_WAITS_MS.length) await refuse(ctx, now, key, refused);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_WAITS_MS[round]));
  }
}

/**
 * Takes the registration's places (its employer's share, then the trade) and marks it placed, in
 * one transaction: a crash leaves all of it or none, so a retry that finds the registration still
 * unplaced takes its places once, and one that finds it placed takes none. Nothing is taken either
 * when it was cancelled meanwhile, or is no longer this request's. Throws EMPLOYER_QUOTA_FULL /
 * CONTEST_FULL having taken nothing.
 */
export async function placeRegistration(
  ctx: Ctx,
  trade: TradeDoc,
  reg: Pick<RegistrationDoc, '_id' | 'requestId' | 'employerKey'>,
): Promise<void> {
  const key = reg.employerKey;
  const shared = limitsEmployers(trade) && !!key;
  // Inside a transaction the read of a missing document fails: the share's counter is made first.
  if (shared)
    await ensureDoc(ctx.db, EMPLOYER_PLACES, key, { contestId: trade.contestId, tradeId: trade.tradeId, taken: 0 });
  await untilSettled(ctx, trade, key, () =>
    transact(ctx.db, async (tx): Promise<Refusal | null> => {
      const regRef = tx.collection(REGISTRATIONS).doc(reg._id);
      const now = await readOrNull<RegistrationDoc>(() => regRef.get());
      const ours = !!now && (now.requestId ?? null) === (reg.requestId ?? null);
      if (!now || !ours || now.placed !== false || now.status === 'cancelled') return null;
      const tradeRef = tx.collection(TRADES).doc(trade._id);
      const t = await readOrNull<TradeDoc>(() => tradeRef.get());
      if (!t) fail('NOT_FOUND', '没有找到这个比赛项目');
      const shareRef = shared ? tx.collection(EMPLOYER_PLACES).doc(key) : null;
      const share = shareRef ? await readOrNull<EmployerCounterDoc>(() => shareRef.get()) : null;
      if (shareRef && !share) throw new Error(`counter ${key} vanished`);
      // The share first: a worker whose share is full is told so, full trade or not. The cap is read
      // in the transaction, so an admin lowering a named employer's places meanwhile is never overrun.
      const cap = capOf(t, share);
      if (share && cap !== undefined && share.taken >= cap) return 'EMPLOYER_QUOTA_FULL';
      if (t.taken >= t.quota) return 'CONTEST_FULL';
      if (shareRef && share) await shareRef.update({ data: { taken: share.taken + 1 } });
      await tradeRef.update({ data: { taken: t.taken + 1 } });
      await regRef.update({ data: { placed: true } });
      return null;
    }),
  );
}

/**
 * Moves a returned registration's place to another employer's share as it is resubmitted: the new
 * share's place, the old share's release and the registration's change (`data`, marked by the
 * request) in one transaction, so a crash cannot leave a share counted twice or never given back.
 * The default places are read in the transaction, and the move counts itself on the trade (`moves`),
 * so an admin lowering the default meanwhile is either seen here or sees the move (manage.saveTrade).
 * INVALID_STATE when the registration is no longer as read (`reg`).
 */
export async function moveRegistration(
  ctx: Ctx,
  trade: TradeDoc,
  reg: RegistrationDoc,
  newKey: string,
  data: Record<string, unknown>,
): Promise<void> {
  await ensureDoc(ctx.db, EMPLOYER_PLACES, newKey, { contestId: trade.contestId, tradeId: trade.tradeId, taken: 0 });
  const tryMove = () =>
    transact(ctx.db, async (tx): Promise<Refusal | null> => {
      const regRef = tx.collection(REGISTRATIONS).doc(reg._id);
      const now = await readOrNull<RegistrationDoc>(() => regRef.get());
      if (!now || now.status !== 'returned' || now.placed !== reg.placed || now.employerKey !== reg.employerKey)
        fail('INVALID_STATE');
      const tradeRef = tx.collection(TRADES).doc(trade._id);
      const t = await readOrNull<TradeDoc>(() => tradeRef.get());
      if (!t) fail('NOT_FOUND', '没有找到这个比赛项目');
      const newRef = tx.collection(EMPLOYER_PLACES).doc(newKey);
      const share = await readOrNull<EmployerCounterDoc>(() => newRef.get());
      if (!share) throw new Error(`counter ${newKey} vanished`);
      const cap = capOf(t, share);
      if (cap !== undefined && share.taken >= cap) return 'EMPLOYER_QUOTA_FULL';
      await tradeRef.update({ data: { moves: (t.moves ?? 0) + 1 } });
      const oldRef = reg.employerKey ? tx.collection(EMPLOYER_PLACES).doc(reg.employerKey) : null;
      const old = oldRef ? await readOrNull<{ taken: number }>(() => oldRef.get()) : null;
      await newRef.update({ data: { taken: share.taken + 1 } });
      if (oldRef && old && old.taken > 0) await oldRef.update({ data: { taken: old.taken - 1 } });
      await regRef.update({ data });
      return null;
    });
  await untilSettled(ctx, trade, newKey, tryMove, 'EMPLOYER_QUOTA_FULL');
}

/**
 * Cancels the registration and gives back the places it holds (none when its register died before
 * taking them: `placed: false`), in one transaction, so a crash cannot part the two. `data` is the
 * change, marked by the request. False when it is no longer in a state that may be cancelled.
 */
export async function cancelRegistration(
  ctx: Ctx,
  regId: string,
  cancellable: readonly string[],
  data: Record<string, unknown>,
): Promise<boolean> {
  return transact(ctx.db, async (tx) => {
    const regRef = tx.collection(REGISTRATIONS).doc(regId);
    const reg = await readOrNull<RegistrationDoc>(() => regRef.get());
    if (!reg || !cancellable.includes(reg.status)) return false;
    if (reg.placed !== false) {
      const tradeRef = tx.collection(TRADES).doc(tradeKey(reg.contestId, reg.tradeId));
      const shareRef = reg.employerKey ? tx.collection(EMPLOYER_PLACES).doc(reg.employerKey) : null;
      const t = await readOrNull<{ taken: number }>(() => tradeRef.get());
      const share = shareRef ? await readOrNull<{ taken: number }>(() => shareRef.get()) : null;
      if (t && t.taken > 0) await tradeRef.update({ data: { taken: t.taken - 1 } });
      if (shareRef && share && share.taken > 0) await shareRef.update({ data: { taken: share.taken - 1 } });
    }
    await regRef.update({ data });
    return true;
  });
}
