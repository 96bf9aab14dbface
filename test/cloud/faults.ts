/**
 * Fault injection at the handler's edge: wraps the `Database` a handler gets (ctx.db), whatever
 * backs it (the fake, or the real wx-server-sdk against the stand-in), so the crash sweep and the
 * conflict tests depend on the `Database` interface only.
 *
 *   const faults = new Faults();
 *   const db = faults.wrap(world.db);
 *   faults.dieAt(3);   // the 3rd write from now never happens: the function dies just before it,
 *                      // and every later call of that instance (read or write) fails too
 *   faults.revive();   // a new instance (the retry)
 *   faults.writes      // writes attempted so far; faults.collections: every collection touched
 *
 * A write is `add`, `set`, `update` or `remove` on a document, a query or inside a transaction.
 */
import type { Database } from '../../cloud/lib/db';
import { isConflictError } from '../../cloud/lib/db';

export class CrashError extends Error {
  constructor(what: string) {
    super(`simulated crash (${what})`);
    this.name = 'CrashError';
  }
}

const WRITES = new Set(['add', 'set', 'update', 'remove']);
const READS = new Set(['get', 'count']);
const CHAINS = new Set(['collection', 'doc', 'where', 'orderBy', 'limit', 'skip', 'field']);

export class Faults {
  writes = 0;
  private failAt = 0;
  dead = false;
  readonly collections = new Set<string>();

  /** The `n`th write from now (1 = the next) kills the instance just before it is sent. */
  dieAt(n: number): void {
    this.failAt = this.writes + n;
  }

  revive(): void {
    this.dead = false;
    this.failAt = 0;
  }

  private alive(what: string): void {
    if (this.dead) throw new CrashError(`${what} after death`);
  }

  private write<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      this.alive(what);
      this.writes += 1;
      if (this.writes === this.failAt) {
        this.dead = true;
        throw new CrashError(`write ${this.writes}: ${what}`);
      }
    } catch (e) {
      return Promise.reject(e);
    }
    return run();
  }

  private read<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      this.alive(what);
    } catch (e) {
      return Promise.reject(e);
    }
    return run();
  }

  wrap(db: Database): Database {
    return this.proxy(db, 'db') as Database;
  }

  private proxy(target: object, path: string): unknown {
    return new Proxy(target, {
      get: (obj, prop, receiver) => {
        const value = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string') return value;
        const what = `${path}.${prop}`;
        if (WRITES.has(prop)) return (...args: unknown[]) => this.write(what, () => value.apply(obj, args));
        if (READS.has(prop)) return (...args: unknown[]) => this.read(what, () => value.apply(obj, args));
        if (CHAINS.has(prop)) {
          return (...args: unknown[]) => {
            if (prop === 'collection' && typeof args[0] === 'string') this.collections.add(args[0]);
            const next = value.apply(obj, args);
            return next && typeof next === 'object'
              ? this.proxy(next, prop === 'collection' ? String(args[0]) : path)
              : next;
          };
        }
        if (prop === 'runTransaction') {
          return (fn: (tx: unknown) => Promise<unknown>, ...rest: unknown[]) =>
            this.read(what, () => value.call(obj, (tx: object) => fn(this.proxy(tx, 'tx')), ...rest));
        }
        return value.bind(obj);
      },
    });
  }
}

/** The error wx-server-sdk rejects with for a transaction conflict (server code lost: -501001). */
export function conflictError(api = 'document.update'): Error {
  const errMsg = `${api}:fail -501001 resource system error. [DATABASE_TRANSACTION_CONFLICT] database transaction conflict`;
  return Object.assign(new Error(errMsg), { errCode: -501001, errMsg });
}

/** The error wx-server-sdk rejects with for `doc(id).get()` of a missing document (inside a transaction too). */
export function missingDocError(id: string): Error {
  const errMsg = `document.get:fail document with _id ${id} does not exist`;
  return Object.assign(new Error(errMsg), { errCode: -1, errMsg });
}

export interface TxStats {
  attempts: number;
  conflicts: number;
  committed: number;
}

/**
 * CloudBase's transactions over any `Database` (the look-alike runs them one at a time, so nothing
 * ever conflicts there): optimistic concurrency — an attempt that read or wrote a document which
 * another transaction committed after this attempt began fails at the end with the real SDK's
 * conflict error (and is rolled back); and, like wx-server-sdk, `get()` of a missing document inside
 * a transaction rejects instead of answering `{ data: null }`.
 */
export function cloudBaseTransactions(db: Database): { db: Database; stats: TxStats } {
  const stats: TxStats = { attempts: 0, conflicts: 0, committed: 0 };
  let clock = 0;
  const lastCommit = new Map<string, number>();
  const wrapTx = (tx: any, touched: Set<string>) => ({
    collection: (name: string) => {
      const coll = tx.collection(name);
      return {
        add: (o: { data: { _id?: string } }) => {
          if (o?.data?._id) touched.add(`${name}/${o.data._id}`);
          return coll.add(o);
        },
        doc: (id: string) => {
          const key = `${name}/${id}`;
          const doc = coll.doc(id);
          return {
            get: async () => {
              touched.add(key);
              const res = await doc.get();
              if (!res?.data) throw missingDocError(id);
              return res;
            },
            set: (o: unknown) => (touched.add(key), doc.set(o)),
            update: (o: unknown) => (touched.add(key), doc.update(o)),
            remove: () => (touched.add(key), doc.remove()),
          };
        },
      };
    },
    rollback: (reason?: unknown) => tx.rollback(reason),
  });
  const wrapped = new Proxy(db, {
    get: (target, prop, receiver) => {
      if (prop !== 'runTransaction') return Reflect.get(target, prop, receiver);
      return <T>(fn: (tx: any) => Promise<T>) => {
        stats.attempts += 1;
        const began = clock;
        const touched = new Set<string>();
        return target.runTransaction(async (tx) => {
          const result = await fn(wrapTx(tx, touched));
          if ([...touched].some((k) => (lastCommit.get(k) ?? -1) > began)) {
            stats.conflicts += 1;
            throw conflictError();
          }
          clock += 1;
          for (const k of touched) lastCommit.set(k, clock);
          stats.committed += 1;
          return result;
        });
      };
    },
  });
  return { db: wrapped as Database, stats };
}

/**
 * Counts the transactions run through `db` (tries, conflicts as the SDK reports them, commits)
 * without changing them: on the stand-in, conflicts are CloudBase's own.
 */
export function countTransactions(db: Database): { db: Database; stats: TxStats } {
  const stats: TxStats = { attempts: 0, conflicts: 0, committed: 0 };
  const wrapped = new Proxy(db, {
    get: (target, prop, receiver) => {
      if (prop !== 'runTransaction') return Reflect.get(target, prop, receiver);
      return async <T>(fn: (tx: any) => Promise<T>, ...rest: unknown[]) => {
        stats.attempts += 1;
        try {
          const result = await (target.runTransaction as any)(fn, ...rest);
          stats.committed += 1;
          return result as T;
        } catch (e) {
          if (isConflictError(e)) stats.conflicts += 1;
          throw e;
        }
      };
    },
  });
  return { db: wrapped as Database, stats };
}
