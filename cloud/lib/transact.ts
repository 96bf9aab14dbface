import type { Database, DocumentData, Transaction } from './db';
import { isDuplicateKeyError, isTransactionConflict } from './db';
import { AppError, isAppError } from './errors';

/** Tries of one transaction before answering BUSY: ten with a backoff that grows to 1 s, so that 20-30 callers contending for one counter spread over a few seconds and all commit, well inside the function timeout. */
export const TX_MAX_TRIES = 10;
const BASE_DELAY_MS = 20;
const MAX_DELAY_MS = 1_000;

export interface TransactOptions {
  tries?: number;
  /** Waits between tries (tests replace it to count or skip the waits). */
  sleep?: (ms: number) => Promise<void>;
  /** 0..1, for the jitter (tests make it deterministic). */
  random?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The wait before try `attempt + 1`: exponential, with full jitter so that transactions which
 * collided once do not collide again in step.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/** The business refusal a transaction callback threw, also when an SDK version wraps it. */
function refusalIn(e: unknown): AppError | null {
  if (isAppError(e)) return e;
  const inner = (e as { error?: unknown } | null)?.error;
  return isAppError(inner) ? inner : null;
}

/**
 * Every transaction of the handlers goes through here. A conflict with another transaction (the
 * real SDK's -501001, see isTransactionConflict) is retried after a jittered backoff, at most
 * `TX_MAX_TRIES` tries in all; then the caller gets BUSY, a clear "try again" rather than
 * INTERNAL. A business refusal thrown inside (`fail(...)`) ends it at once, unwrapped. The callback
 * must be safe to run again: it reads what it needs through `tx` each time.
 */
export async function transact<T>(
  db: Database,
  fn: (tx: Transaction) => Promise<T>,
  options: TransactOptions = {},
): Promise<T> {
  const tries = Math.max(1, options.tries ?? TX_MAX_TRIES);
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.runTransaction(fn);
    } catch (e) {
      const refusal = refusalIn(e);
      if (refusal) throw refusal;
      if (!isTransactionConflict(e)) throw e;
      if (attempt >= tries) {
        console.warn(`[transact] still conflicting after ${tries} tries`, e);
        throw new AppError('BUSY');
      }
      await sleep(backoffMs(attempt, options.random));
    }
  }
}

/**
 * Creates `coll/id` with `initial` unless it exists; never overwrites. Counters and stock documents
 * are created this way BEFORE the transaction that reads them, because inside a transaction the
 * real SDK rejects the read of a missing document, and two first users racing to create it inside
 * their transactions would both write it. Here the insert is the arbiter: one add wins, the other
 * gets a duplicate key and simply finds the document there.
 */
export async function ensureDoc(db: Database, coll: string, id: string, initial: DocumentData): Promise<void> {
  const found = await db.collection(coll).where({ _id: id }).limit(1).get();
  if (found.data.length) return;
  try {
    await db.collection(coll).add({ data: { ...initial, _id: id } });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
}
