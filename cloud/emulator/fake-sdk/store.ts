/**
 * The storage core behind one fake database: one nedb Datastore per collection (in memory, or
 * `<dir>/<collection>.db`), the locks that make single writes atomic and transactions serialised,
 * the undo log primitives, and fault injection for crash tests.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Datastore from '@seald-io/nedb';
import { CloudSDKError, ERR_DUPLICATE_KEY, ERR_INJECTED_FAULT, invalidParam } from './errors';
import { Mutex } from './mutex';

export type Doc = Record<string, any> & { _id: string };
export interface UndoEntry {
  coll: string;
  id: string;
  prev: Doc | null;
}
export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Record<string, 0 | 1>;
}

/** Set while a transaction callback runs, so the writes it makes do not wait for its own lock. */
export const txScope = new AsyncLocalStorage<{ readonly core: DbCore; readonly ended: boolean }>();

/** A real macrotask hop per operation, like a network round trip: lets concurrent handlers interleave. */
export const hop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function newId(): string {
  return randomBytes(16).toString('hex');
}

export class DbCore {
  /** Held by each transaction for its whole run and by each single write outside transactions. */
  readonly txLock = new Mutex();
  /** Held for the duration of each single write, so find-then-modify inside it is atomic. */
  readonly opLock = new Mutex();
  private readonly stores = new Map<string, Datastore>();
  private writeCount = 0;
  private failAt = 0;

  constructor(readonly dir?: string) {
    if (dir) mkdirSync(dir, { recursive: true });
  }

  store(name: string): Datastore {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw invalidParam('database.collection', `bad collection name "${name}"`);
    let ds = this.stores.get(name);
    if (!ds) {
      ds = this.dir ? new Datastore({ filename: join(this.dir, `${name}.db`), autoload: true }) : new Datastore();
      this.stores.set(name, ds);
    }
    return ds;
  }

  /** The `n`th write from now (1 = the next one) throws once, before touching any data. */
  failNthWrite(n: number): void {
    this.failAt = this.writeCount + Math.max(1, Math.floor(n));
  }

  private countWrite(api: string): void {
    this.writeCount += 1;
    if (this.writeCount === this.failAt) {
      this.failAt = 0;
      throw new CloudSDKError(ERR_INJECTED_FAULT, `${api}:fail injected fault (simulated crash)`);
    }
  }

  // ------------------------------------------------------------ reads (no lock, like the real DB)

  async find(coll: string, query: object, opts: FindOptions = {}): Promise<Doc[]> {
    await hop();
    let cursor: any = this.store(coll).findAsync(query, opts.projection ?? {});
    if (opts.sort && Object.keys(opts.sort).length) cursor = cursor.sort(opts.sort);
    if (opts.skip) cursor = cursor.skip(opts.skip);
    if (opts.limit !== undefined) cursor = cursor.limit(opts.limit);
    return (await cursor) as Doc[];
  }

  async count(coll: string, query: object): Promise<number> {
    await hop();
    return (await this.store(coll).countAsync(query)) as unknown as number;
  }

  // ------------------------------------------------------------ writes (caller holds txLock or is in a tx)

  /** Runs one write under the op lock after the fault-injection check. */
  write<T>(api: string, fn: () => Promise<T>): Promise<T> {
    return this.opLock.run(async () => {
      await hop();
      this.countWrite(api);
      return fn();
    });
  }

  async insert(coll: string, doc: Doc, undo?: UndoEntry[]): Promise<void> {
    const ds = this.store(coll);
    if (await ds.findOneAsync({ _id: doc._id })) {
      throw new CloudSDKError(
        ERR_DUPLICATE_KEY,
        `collection.add:fail E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${doc._id}" }`,
      );
    }
    await ds.insertAsync(doc);
    undo?.push({ coll, id: doc._id, prev: null });
  }

  /** Replaces (or creates) the document `id`; answers whether it existed. */
  async replace(coll: string, doc: Doc, undo?: UndoEntry[]): Promise<boolean> {
    const ds = this.store(coll);
    const prev = (await ds.findOneAsync({ _id: doc._id })) as Doc | null;
    if (prev) await ds.updateAsync({ _id: doc._id }, doc, {});
    else await ds.insertAsync(doc);
    undo?.push({ coll, id: doc._id, prev });
    return !!prev;
  }

  /** Applies a modifier to every match; answers how many documents actually changed. */
  async update(coll: string, query: object, modifier: object, multi: boolean, undo?: UndoEntry[]): Promise<number> {
    const ds = this.store(coll);
    const before = (await ds.findAsync(query)) as unknown as Doc[];
    const targets = multi ? before : before.slice(0, 1);
    if (targets.length === 0) return 0;
    const ids = targets.map((d) => d._id);
    const res = await ds.updateAsync({ _id: { $in: ids } }, modifier, { multi: true, returnUpdatedDocs: true });
    const after = new Map(((res.affectedDocuments ?? []) as Doc[]).map((d) => [d._id, JSON.stringify(d)]));
    let changed = 0;
    for (const prev of targets) {
      if (after.get(prev._id) !== JSON.stringify(prev)) {
        changed += 1;
        undo?.push({ coll, id: prev._id, prev });
      }
    }
    return changed;
  }

  async remove(coll: string, query: object, multi: boolean, undo?: UndoEntry[]): Promise<number> {
    const ds = this.store(coll);
    const before = (await ds.findAsync(query)) as unknown as Doc[];
    const targets = multi ? before : before.slice(0, 1);
    if (targets.length === 0) return 0;
    const n = await ds.removeAsync({ _id: { $in: targets.map((d) => d._id) } }, { multi: true });
    for (const prev of targets) undo?.push({ coll, id: prev._id, prev });
    return n;
  }

  /** Undo-log replay: puts a document back as it was (null = it did not exist). Never faulted. */
  async restore(entry: UndoEntry): Promise<void> {
    await this.opLock.run(async () => {
      const ds = this.store(entry.coll);
      await ds.removeAsync({ _id: entry.id }, { multi: false });
      if (entry.prev) await ds.insertAsync(entry.prev);
    });
  }

  // ------------------------------------------------------------ lifecycle

  /** Rewrites each on-disk collection file compactly (nedb appends otherwise). */
  async flush(): Promise<void> {
    if (!this.dir) return;
    await Promise.all([...this.stores.values()].map((ds) => ds.compactDatafileAsync()));
  }

  /** Removes every document of every collection this instance opened (and their files). */
  async drop(): Promise<void> {
    await this.txLock.run(() =>
      Promise.all([...this.stores.values()].map((ds) => ds.dropDatabaseAsync())).then(() => undefined),
    );
    this.stores.clear();
    // Collections left on disk by an earlier run that this instance never opened.
    if (this.dir)
      for (const f of readdirSync(this.dir)) if (f.endsWith('.db')) rmSync(join(this.dir, f), { force: true });
  }
}
