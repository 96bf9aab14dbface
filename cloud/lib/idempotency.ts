import type { Envelope } from '../../types/envelope';
import type { ActionCtx, Ctx } from './context';
import { isDuplicateKeyError } from './db';
import { AppError } from './errors';
import { payloadHash } from './ids';

/**
 * A retry waiting for its first attempt: polls (25, then 50, then 100 ms), at most WAIT_MAX_MS in all and
 * WAIT_MAX_ROUNDS reads, then answers BUSY ("still being processed, look again later"). A record
 * that a duplicate insert says exists but no read can find is not waited for long either.
 */
export const WAIT_STEP_MS = 25;
export const WAIT_MAX_MS = 10_000;
export const WAIT_MAX_ROUNDS = 130;
export const WAIT_MAX_VANISHED = 5;
/** A first attempt still 'running' after this long has died mid-way (a crash, a lost write). */
export const LEASE_MS = 15_000;

/**
 * Runs a mutating action at most once per (caller, function, action, requestId): a retry gets the
 * first answer, a concurrent retry waits for it, a reused id with other data is refused. The
 * `idempotency` record is claimed with an insert, so two racing retries cannot both run. When the
 * first attempt died before recording its answer, a retry takes the record over after the lease and
 * runs the action again: domain actions are written to be safe to re-run (unique ids, conditional
 * updates), so a re-run resumes or answers as the rules say.
 */
export async function once<T>(
  ctx: ActionCtx,
  requestId: string,
  input: unknown,
  run: () => Promise<Envelope<T>>,
): Promise<Envelope<T>> {
  const key = `${ctx.openid}:${ctx.fn}:${ctx.action}:${requestId}`;
  const hash = payloadHash(input);
  if (!(await claim(ctx, key, hash))) {
    const settled = await replay<T>(ctx, key, hash);
    if (settled) return settled;
  }
  return execute(ctx, key, run);
}

async function claim(ctx: Ctx, key: string, hash: string): Promise<boolean> {
  try {
    await ctx.db.collection('idempotency').add({ data: { _id: key, hash, state: 'running', at: ctx.now() } });
    return true;
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    return false;
  }
}

async function execute<T>(ctx: Ctx, key: string, run: () => Promise<Envelope<T>>): Promise<Envelope<T>> {
  const record = ctx.db.collection('idempotency').doc(key);
  let result: Envelope<T>;
  try {
    result = await run();
  } catch (e) {
    // An unexpected failure leaves nothing to replay: let the retry run again.
    await record.remove().catch(() => undefined);
    throw e;
  }
  if (!result.ok && result.code === 'BUSY') {
    // "Try again" must not become this request's final answer: the retry with the same id runs again.
    await record.remove().catch(() => undefined);
    return result;
  }
  try {
    await record.update({ data: { state: 'done', result } });
  } catch {
    // The answer stands; without a record the retry runs again, which the rules make safe.
    await record.remove().catch(() => undefined);
  }
  return result;
}

const STILL_RUNNING = '上一次提交还在处理中，请稍后查看结果';

/** The first attempt's answer; null when this caller has taken over a dead or vanished attempt. */
async function replay<T>(ctx: Ctx, key: string, hash: string): Promise<Envelope<T> | null> {
  const records = ctx.db.collection('idempotency');
  const started = Date.now();
  let vanished = 0;
  for (let round = 1; ; round++) {
    const record = (await records.where({ _id: key }).get()).data[0];
    if (!record) {
      // Gone (the first attempt failed and removed it, or the purge): take over. A claim refused
      // as a duplicate again while no read finds the record is an anomaly, waited for briefly.
      if (await claim(ctx, key, hash)) return null;
      vanished += 1;
    } else {
      if (record.hash !== hash) return new AppError('IDEMPOTENCY_MISMATCH').toEnvelope();
      if (record.state === 'done') return record.result as Envelope<T>;
      if (ctx.now() - record.at > LEASE_MS) {
        const took = await records
          .where({ _id: key, state: 'running', at: record.at })
          .update({ data: { at: ctx.now() } });
        if (took.stats.updated === 1) return null;
      }
    }
    if (vanished >= WAIT_MAX_VANISHED || round >= WAIT_MAX_ROUNDS || Date.now() - started >= WAIT_MAX_MS) {
      console.warn(`[idempotency] gave up waiting for ${key} after ${round} rounds`);
      return new AppError('BUSY', STILL_RUNNING).toEnvelope();
    }
    // Quick at first (most first attempts finish within half a second), slower after: ≤ 130 reads in 10 s.
    const step = round <= 20 ? WAIT_STEP_MS : round <= 40 ? 2 * WAIT_STEP_MS : 4 * WAIT_STEP_MS;
    await new Promise((r) => setTimeout(r, step));
  }
}

/** Replays are for retries, which come within seconds; a day covers any network and keeps no answer longer. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

/**
 * Removes replay records older than the TTL (timer trigger): they hold whole answers, names
 * included, and must not outlive a member's request to delete their data by more than a day.
 */
export async function purgeIdempotency(ctx: Ctx): Promise<{ removed: number }> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('idempotency')
    .where({ at: _.lt(ctx.now() - IDEMPOTENCY_TTL_MS) })
    .remove();
  return { removed: res.stats.removed };
}
