/**
 * The stand-in's document database for one CloudBase environment: what the server behind
 * `database.*` actions does, with MongoDB's semantics as CloudBase exposes them.
 *
 * - Queries are MongoDB queries (the SDK encodes `db.command` as `$gt`, `$in`, …), matched, sorted
 *   and modified with @seald-io/nedb's model (the embedded store the emulator persists to).
 * - A query answers 100 documents when it names no limit, and never more than 1,000.
 * - Transactions have snapshot isolation: a transaction reads the committed state as of its start
 *   plus its own writes; others never see its writes before commit. A transactional write to a
 *   document that someone changed after the snapshot, or that another open transaction has written,
 *   is a conflict (DATABASE_TRANSACTION_CONFLICT) at that write, and the server aborts the
 *   transaction, as MongoDB does. A write outside transactions waits for the open transaction that
 *   holds the document. A transaction left open for 30 s is aborted.
 * - Limits (ASSUMED, see test/cloud/standin/limits.test.ts): a document is at most 16 MiB of JSON.
 *
 * Every write request goes through `write(api, fn)` (a hook tests spy on to kill a "process" at its
 * nth write) and counts for `failNthWrite`.
 */
import { randomBytes } from 'node:crypto';
import * as model from '@seald-io/nedb/lib/model.js';
import {
  duplicateKey,
  invalidParam,
  requestFailed,
  StandInError,
  transactionConflict,
  transactionGone,
} from './errors';

export type Doc = Record<string, any> & { _id: string };

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** MongoDB's BSON limit, measured on the JSON text here. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
/** CloudBase aborts a transaction that is neither committed nor aborted within 30 seconds. */
export const TRANSACTION_TTL_MS = 30_000;

interface Version {
  seq: number;
  /** null: deleted at `seq`. */
  doc: Doc | null;
}

/** One collection: the committed history of each document (oldest first) and the write locks. */
export class Collection {
  readonly versions = new Map<string, Version[]>();
  readonly locks = new Map<string, Transaction>();
  constructor(readonly name: string) {}

  latest(id: string): Version | undefined {
    const v = this.versions.get(id);
    return v?.[v.length - 1];
  }

  /** Every committed document, newest versions (tools and benches read the whole collection). */
  getAllData(): Doc[] {
    const out: Doc[] = [];
    for (const list of this.versions.values()) {
      const doc = list[list.length - 1].doc;
      if (doc) out.push(doc);
    }
    return out;
  }

  /** The committed document as of `seq` (Infinity: the newest). */
  at(id: string, seq: number): Doc | null {
    const list = this.versions.get(id);
    if (!list) return null;
    for (let i = list.length - 1; i >= 0; i--) if (list[i].seq <= seq) return list[i].doc;
    return null;
  }
}

export class Transaction {
  readonly writes = new Map<string, { coll: string; id: string; doc: Doc | null }>();
  state: 'open' | 'committed' | 'aborted' = 'open';
  timer?: NodeJS.Timeout;
  constructor(
    readonly id: string,
    readonly snapshot: number,
  ) {}
}

export interface FindParams {
  coll: string;
  query?: Record<string, any>;
  order?: Array<[string, 1 | -1]>;
  offset?: number;
  limit?: number;
  projection?: Record<string, number>;
  txId?: string;
}

export interface ModifyParams {
  coll: string;
  query?: Record<string, any>;
  /** Update operators (merge) or a whole new document (set: merge false). */
  data: Record<string, any>;
  multi: boolean;
  merge: boolean;
  upsert: boolean;
  txId?: string;
}

const key = (coll: string, id: string) => `${coll}\u0000${id}`;
const newId = () => randomBytes(16).toString('hex');
const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** `{ f: { $eq: v } }` → `{ f: v }` (nedb has no $eq); other operators pass through. */
function normalizeQuery(q: any): any {
  if (Array.isArray(q)) return q.map(normalizeQuery);
  if (q === null || typeof q !== 'object' || q instanceof RegExp || q instanceof Date) return q;
  const out: Record<string, any> = {};
  const ands: any[] = [];
  for (const [k, v] of Object.entries(q)) {
    if (k === '$and' || k === '$or' || k === '$nor') {
      out[k] = (v as any[]).map(normalizeQuery);
      continue;
    }
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof RegExp) && '$eq' in v) {
      const { $eq, ...rest } = v as Record<string, any>;
      if (Object.keys(rest).length === 0) out[k] = $eq;
      else {
        ands.push({ [k]: $eq });
        out[k] = normalizeQuery(rest);
      }
      continue;
    }
    out[k] = k.startsWith('$') ? normalizeQuery(v) : v;
  }
  if (ands.length) out.$and = [...(out.$and ?? []), ...ands];
  return out;
}

/** A copy of `doc` with the projection's fields (all without one). */
function project(doc: Doc, projection: Record<string, number> | undefined): Doc {
  if (!projection || Object.keys(projection).length === 0) return model.deepCopy(doc) as Doc;
  const entries = Object.entries(projection);
  const inclusive = entries.some(([k, v]) => k !== '_id' && v);
  const keepId = projection._id !== 0;
  if (inclusive) {
    const out: Record<string, any> = {};
    for (const [path, on] of entries) {
      if (!on || path === '_id') continue;
      const value = model.deepCopy(model.getDotValue(doc, path));
      if (value === undefined) continue;
      const parts = path.split('.');
      let node = out;
      for (const p of parts.slice(0, -1)) node = node[p] ??= {};
      node[parts[parts.length - 1]] = value;
    }
    if (keepId) out._id = doc._id;
    return out as Doc;
  }
  const out = model.deepCopy(doc);
  for (const [path] of entries) {
    const parts = path.split('.');
    let node = out;
    for (const p of parts.slice(0, -1)) node = node?.[p];
    if (node && typeof node === 'object') delete node[parts[parts.length - 1]];
  }
  return out as Doc;
}

function sizeOf(doc: Doc): number {
  return Buffer.byteLength(JSON.stringify(doc));
}

function checkSize(doc: Doc): void {
  if (sizeOf(doc) > MAX_DOCUMENT_BYTES)
    throw requestFailed(`document too large: a document may hold at most ${MAX_DOCUMENT_BYTES} bytes`);
}

function isPlainDoc(v: unknown): v is Record<string, any> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Listens to committed changes (persistence). */
export type ChangeListener = (coll: string, id: string, doc: Doc | null) => void;

export class EnvDatabase {
  /** The collections this environment holds, by name (tests list them). */
  readonly stores = new Map<string, Collection>();
  private seq = 0;
  private readonly txs = new Map<string, Transaction>();
  /** Resolvers waiting for a transaction to end (writes outside transactions wait for its locks). */
  private waiters: Array<() => void> = [];
  /** Write requests received so far (benches prove a refused call wrote nothing). */
  writeCount = 0;
  private failAt = 0;

  constructor(
    readonly env: string,
    private readonly onChange?: ChangeListener,
  ) {}

  // ------------------------------------------------------------------ fault injection hooks

  /** Every write request runs through here (tests spy on it to kill a process at its nth write). */
  async write<T>(api: string, fn: () => Promise<T> | T): Promise<T> {
    this.writeCount += 1;
    if (this.writeCount === this.failAt) {
      this.failAt = 0;
      throw new StandInError('SYS_ERR', `[InternalError] ${api}: injected fault (simulated crash)`);
    }
    return fn();
  }

  /** The `n`th write request from now (1 = the next) fails once, before it changes anything. */
  failNthWrite(n: number): void {
    this.failAt = this.writeCount + Math.max(1, Math.floor(n));
  }

  // ------------------------------------------------------------------ plumbing

  collection(name: string): Collection {
    if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) throw invalidParam(`bad collection name "${name}"`);
    let c = this.stores.get(name);
    if (!c) {
      c = new Collection(name);
      this.stores.set(name, c);
    }
    return c;
  }

  /**
   * Makes this (empty) environment a copy of `other`'s committed documents: test worlds start from a
   * seed written once through the SDK instead of writing it again for every world.
   */
  copyFrom(other: EnvDatabase): void {
    for (const [coll, doc] of other.documents()) this.load(coll, model.deepCopy(doc));
  }

  /** Loads a committed document (persistence, at start). */
  load(coll: string, doc: Doc): void {
    this.collection(coll).versions.set(doc._id, [{ seq: 0, doc }]);
  }

  private tx(txId: string | undefined): Transaction | undefined {
    if (!txId) return undefined;
    const tx = this.txs.get(txId);
    if (!tx || tx.state !== 'open') throw transactionGone();
    return tx;
  }

  private oldestSnapshot(): number {
    let min = Infinity;
    for (const tx of this.txs.values()) if (tx.snapshot < min) min = tx.snapshot;
    return min;
  }

  /** Drops versions no open transaction can read any more. */
  private prune(c: Collection, id: string): void {
    const list = c.versions.get(id);
    if (!list) return;
    const oldest = this.oldestSnapshot();
    let keepFrom = list.length - 1;
    while (keepFrom > 0 && list[keepFrom].seq > oldest) keepFrom--;
    if (keepFrom > 0) list.splice(0, keepFrom);
    if (list.length === 1 && list[0].doc === null) c.versions.delete(id);
  }

  /** Commits one document version outside any transaction. */
  private commitOne(c: Collection, id: string, doc: Doc | null): void {
    this.seq += 1;
    const list = c.versions.get(id) ?? [];
    list.push({ seq: this.seq, doc });
    c.versions.set(id, list);
    this.prune(c, id);
    this.onChange?.(c.name, id, doc);
  }

  /** Resolves when some transaction ends (a lock may have been released). */
  private nextRelease(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(tx: Transaction): void {
    if (tx.timer) clearTimeout(tx.timer);
    this.txs.delete(tx.id);
    for (const w of tx.writes.values()) {
      const c = this.collection(w.coll);
      if (c.locks.get(w.id) === tx) c.locks.delete(w.id);
    }
    for (const w of tx.writes.values()) this.prune(this.collection(w.coll), w.id);
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve();
  }

  /** Waits (outside transactions) until none of `ids` is locked by an open transaction. */
  private async unlocked(c: Collection, ids: string[]): Promise<void> {
    const deadline = Date.now() + TRANSACTION_TTL_MS + 1000;
    while (ids.some((id) => c.locks.has(id))) {
      if (Date.now() > deadline) throw requestFailed('lock wait timed out');
      await this.nextRelease();
    }
  }

  /** Documents visible to the reader: committed newest, or the transaction's snapshot + own writes. */
  private visible(c: Collection, tx?: Transaction): Doc[] {
    const out: Doc[] = [];
    if (!tx) {
      for (const list of c.versions.values()) {
        const doc = list[list.length - 1].doc;
        if (doc) out.push(doc);
      }
      return out;
    }
    const ids = new Set<string>(c.versions.keys());
    for (const w of tx.writes.values()) if (w.coll === c.name) ids.add(w.id);
    for (const id of ids) {
      const doc = this.readOne(c, id, tx);
      if (doc) out.push(doc);
    }
    return out;
  }

  private readOne(c: Collection, id: string, tx?: Transaction): Doc | null {
    if (!tx) return c.latest(id)?.doc ?? null;
    const own = tx.writes.get(key(c.name, id));
    return own ? own.doc : c.at(id, tx.snapshot);
  }

  /** The candidate documents of a query, using the `_id` shortcut when the query names one. */
  private candidates(c: Collection, query: any, tx?: Transaction): Doc[] {
    const id = query?._id;
    if (typeof id === 'string') {
      const doc = this.readOne(c, id, tx);
      return doc ? [doc] : [];
    }
    if (id && typeof id === 'object' && Array.isArray(id.$in) && Object.keys(id).length === 1) {
      return [...new Set<string>(id.$in.filter((x: unknown) => typeof x === 'string'))]
        .map((x) => this.readOne(c, x, tx))
        .filter((d): d is Doc => !!d);
    }
    return this.visible(c, tx);
  }

  private matching(c: Collection, query: any, tx?: Transaction): Doc[] {
    const q = normalizeQuery(query ?? {});
    try {
      return this.candidates(c, q, tx).filter((d) => model.match(d, q));
    } catch (e) {
      throw invalidParam(`bad query: ${(e as Error).message}`);
    }
  }

  /** A transactional write to `id`: a conflict aborts the transaction (MongoDB WriteConflict). */
  private claim(c: Collection, id: string, tx: Transaction): void {
    const holder = c.locks.get(id);
    const newer = (c.latest(id)?.seq ?? 0) > tx.snapshot;
    if ((holder && holder !== tx) || newer) {
      this.abort(tx.id, true);
      throw transactionConflict();
    }
    c.locks.set(id, tx);
  }

  // ------------------------------------------------------------------ reads

  find(p: FindParams): Doc[] {
    const c = this.collection(p.coll);
    const tx = this.tx(p.txId);
    let docs = this.matching(c, p.query, tx);
    if (p.order?.length) {
      const order = p.order;
      docs = [...docs].sort((a, b) => {
        for (const [field, dir] of order) {
          const r = model.compareThings(model.getDotValue(a, field), model.getDotValue(b, field));
          if (r) return r * dir;
        }
        return 0;
      });
    }
    const offset = Math.floor(Number(p.offset) || 0);
    const asked = Math.floor(Number(p.limit) || 0);
    if (offset < 0) throw invalidParam('skip must not be negative');
    if (asked < 0) throw invalidParam('limit must not be negative');
    // No limit (or 0): 100. More than 1,000: 1,000 (the SDK caps it before sending, too).
    const limit = Math.min(MAX_LIMIT, asked || DEFAULT_LIMIT);
    // One copy per answered document: project() copies, so the stored versions never leave by reference.
    return docs.slice(offset, offset + limit).map((d) => project(d, p.projection));
  }

  count(coll: string, query?: Record<string, any>): number {
    return this.matching(this.collection(coll), query).length;
  }

  // ------------------------------------------------------------------ writes

  async insert(coll: string, docs: unknown[], txId?: string): Promise<string[]> {
    const c = this.collection(coll);
    const tx = this.tx(txId);
    if (!Array.isArray(docs) || docs.length === 0) throw invalidParam('data must be a non-empty array');
    const prepared = docs.map((d) => {
      if (!isPlainDoc(d)) throw invalidParam('a document must be an object');
      const doc = { ...d } as Doc;
      if (doc._id === undefined) doc._id = newId();
      if (typeof doc._id !== 'string' || doc._id === '') throw invalidParam('_id must be a non-empty string');
      try {
        model.checkObject(doc);
      } catch (e) {
        throw invalidParam((e as Error).message);
      }
      checkSize(doc);
      return doc;
    });
    return this.write('collection.add', async () => {
      if (tx) {
        for (const doc of prepared) {
          if (this.readOne(c, doc._id, tx)) throw duplicateKey(coll, doc._id);
          this.claim(c, doc._id, tx);
          tx.writes.set(key(coll, doc._id), { coll, id: doc._id, doc });
        }
      } else {
        await this.unlocked(
          c,
          prepared.map((d) => d._id),
        );
        // All or nothing, like one insertMany of new ids.
        const seen = new Set<string>();
        for (const doc of prepared) {
          if (c.latest(doc._id)?.doc || seen.has(doc._id)) throw duplicateKey(coll, doc._id);
          seen.add(doc._id);
        }
        for (const doc of prepared) this.commitOne(c, doc._id, doc);
      }
      return prepared.map((d) => d._id);
    });
  }

  async modify(p: ModifyParams): Promise<{ updated: number; upsertId?: string }> {
    const c = this.collection(p.coll);
    const tx = this.tx(p.txId);
    if (!isPlainDoc(p.data)) throw invalidParam('data must be an object');
    const api = p.merge ? (p.multi ? 'collection.update' : 'document.update') : 'document.set';
    return this.write(api, async () => {
      for (;;) {
        const targets = this.matching(c, p.query, tx);
        const chosen = p.multi ? targets : targets.slice(0, 1);
        if (!tx) {
          const ids = chosen.map((d) => d._id);
          const upsertId = !chosen.length && p.upsert ? p.query?._id : undefined;
          if (typeof upsertId === 'string') ids.push(upsertId);
          if (ids.some((id) => c.locks.has(id))) {
            await this.unlocked(c, ids);
            continue; // the documents may have changed meanwhile: match again
          }
        }
        const changes: Array<[string, Doc]> = [];
        for (const doc of chosen) {
          const next = this.apply(doc, p);
          if (JSON.stringify(next) !== JSON.stringify(doc)) changes.push([doc._id, next]);
        }
        let upsertId: string | undefined;
        if (!chosen.length && p.upsert) {
          const id = p.query?._id;
          if (typeof id !== 'string') throw invalidParam('upsert needs a document _id');
          const created = this.apply({ _id: id }, p);
          changes.push([id, created]);
          upsertId = id;
        }
        for (const [, doc] of changes) checkSize(doc);
        for (const [id, doc] of changes) {
          if (tx) {
            this.claim(c, id, tx);
            tx.writes.set(key(c.name, id), { coll: c.name, id, doc });
          } else this.commitOne(c, id, doc);
        }
        return { updated: upsertId ? 0 : changes.length, upsertId };
      }
    });
  }

  /** The document after `data`: operators applied (merge), or replaced by it (set). */
  private apply(doc: Doc, p: ModifyParams): Doc {
    try {
      if (!p.merge) {
        if ('_id' in p.data && p.data._id !== doc._id) throw new Error('不能更新_id的值');
        const next = { ...model.deepCopy(p.data), _id: doc._id } as Doc;
        model.checkObject(next);
        return next;
      }
      const ops = Object.keys(p.data);
      if (!ops.length || ops.some((k) => !k.startsWith('$'))) throw new Error('update data must be operators');
      return model.modify(doc, p.data) as Doc;
    } catch (e) {
      if (e instanceof StandInError) throw e;
      throw invalidParam((e as Error).message);
    }
  }

  async remove(coll: string, query: Record<string, any> | undefined, multi: boolean, txId?: string): Promise<number> {
    const c = this.collection(coll);
    const tx = this.tx(txId);
    return this.write(multi ? 'collection.remove' : 'document.remove', async () => {
      for (;;) {
        const targets = this.matching(c, query, tx);
        const chosen = multi ? targets : targets.slice(0, 1);
        if (!tx && chosen.some((d) => c.locks.has(d._id))) {
          await this.unlocked(
            c,
            chosen.map((d) => d._id),
          );
          continue;
        }
        for (const doc of chosen) {
          if (tx) {
            this.claim(c, doc._id, tx);
            tx.writes.set(key(coll, doc._id), { coll, id: doc._id, doc: null });
          } else this.commitOne(c, doc._id, null);
        }
        return chosen.length;
      }
    });
  }

  // ------------------------------------------------------------------ transactions

  startTransaction(): string {
    const tx = new Transaction(newId(), this.seq);
    tx.timer = setTimeout(() => this.abort(tx.id, true), TRANSACTION_TTL_MS);
    tx.timer.unref?.();
    this.txs.set(tx.id, tx);
    return tx.id;
  }

  commit(txId: string): void {
    const tx = this.tx(txId)!;
    this.seq += 1;
    for (const w of tx.writes.values()) {
      const c = this.collection(w.coll);
      const list = c.versions.get(w.id) ?? [];
      list.push({ seq: this.seq, doc: w.doc });
      c.versions.set(w.id, list);
    }
    tx.state = 'committed';
    this.release(tx);
    for (const w of tx.writes.values()) this.onChange?.(w.coll, w.id, w.doc);
  }

  /** Ends a transaction without its writes; `quiet` for the server's own aborts (conflict, timeout). */
  abort(txId: string, quiet = false): void {
    const tx = this.txs.get(txId);
    if (!tx || tx.state !== 'open') {
      if (quiet) return;
      throw transactionGone();
    }
    tx.state = 'aborted';
    this.release(tx);
  }

  /** Open transactions (tests: nothing is left open). */
  openTransactions(): number {
    return this.txs.size;
  }

  /** Every committed document of every collection (persistence, snapshots). */
  *documents(): Generator<[string, Doc]> {
    for (const c of this.stores.values())
      for (const list of c.versions.values()) {
        const doc = list[list.length - 1].doc;
        if (doc) yield [c.name, doc];
      }
  }
}
