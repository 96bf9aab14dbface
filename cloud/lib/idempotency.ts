import type { Envelope } from '../../types/envelope';
import type { ActionCtx, Ctx } from './context';
import { isDuplicateKeyError } from './db';
import { AppError } from './errors';
import { payloadHash } from './ids';

const WAIT_STEP_MS = 25;
const WAIT_MAX_MS = 10_000;

/**
 * Runs a mutating action at most once per (caller, function, action, requestId): a retry gets the
 * first answer, a concurrent retry waits for it, a reused id with other data is refused. The
 * `idempotency` record is claimed with an insert, so two racing retries cannot both run.
 */
export async function once<T>(
  ctx: ActionCtx,
  requestId: string,
  input: unknown,
  run: () => Promise<Envelope<T>>,
): Promise<Envelope<T>> {
  const key = `${ctx.openid}:${ctx.fn}:${ctx.action}:${requestId}`;
  const hash = payloadHash(input);
  const records = ctx.db.collection('idempotency');
  try {
    await records.add({ data: { _id: key, hash, state: 'running', at: ctx.now() } });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    return replay<T>(ctx, key, hash);
  }
  let result: Envelope<T>;
  try {
    result = await run();
  } catch (e) {
    // An unexpected failure leaves nothing to replay: let the retry run again.
    await records.doc(key).remove();
    throw e;
  }
  await records.doc(key).update({ data: { state: 'done', result } });
  return result;
}

async function replay<T>(ctx: ActionCtx, key: string, hash: string): Promise<Envelope<T>> {
  const started = Date.now();
  for (;;) {
    const found = await ctx.db.collection('idempotency').where({ _id: key }).get();
    const record = found.data[0];
    if (!record) throw new AppError('INTERNAL', '上一次提交未完成，请重试');
    if (record.hash !== hash) return new AppError('IDEMPOTENCY_MISMATCH').toEnvelope();
    if (record.state === 'done') return record.result as Envelope<T>;
    if (Date.now() - started > WAIT_MAX_MS) return new AppError('INTERNAL', '正在处理，请稍后查看结果').toEnvelope();
    await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
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
