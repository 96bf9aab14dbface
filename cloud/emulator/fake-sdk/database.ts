/**
 * The fake `cloud.database()`: query builders and document references over a DbCore, with the
 * shapes and failure modes of the real server SDK (see cloud/lib/db.ts for the subset).
 */
import type {
  AddResult,
  CollectionReference,
  CountResult,
  DocumentData,
  Database,
  DocumentReference,
  Query,
  QueryResult,
  RemoveResult,
  SetResult,
  SingleResult,
  UpdateResult,
} from '../../lib/db';
import { command, serverDate } from './commands';
import { notFound, prepareNewDoc, prepareReplacement } from './documents';
import { invalidParam } from './errors';
import { DbCore, type FindOptions, txScope } from './store';
import { runTransaction } from './transaction';
import { encodeProjection, encodeUpdate, encodeWhere } from './translate';

/** Server SDK: 100 documents when no limit is given, and never more than 1000. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

interface QueryState {
  where: Record<string, any>;
  order: Array<[string, 1 | -1]>;
  skip?: number;
  limit?: number;
  projection?: Record<string, 0 | 1>;
}

/** Single writes outside a transaction take the transaction lock, so they never land inside one. */
export function lockedWrite<T>(core: DbCore, api: string, fn: () => Promise<T>): Promise<T> {
  const tx = txScope.getStore();
  const insideOwnTx = tx?.core === core && !tx.ended;
  const run = () => core.write(api, fn);
  return insideOwnTx ? run() : core.txLock.run(run);
}

function checkInt(name: string, v: number, min: number): void {
  if (!Number.isInteger(v) || v < min) throw invalidParam(name, `${name} must be an integer >= ${min}`);
}

class FakeQuery implements Query {
  constructor(
    protected readonly core: DbCore,
    protected readonly coll: string,
    protected readonly state: QueryState = { where: {}, order: [] },
  ) {}

  protected with(patch: Partial<QueryState>): FakeQuery {
    return new FakeQuery(this.core, this.coll, { ...this.state, ...patch });
  }

  where(condition: Record<string, any>): Query {
    // Encoded now (like the real SDK), so a bad condition throws at the call site.
    return this.with({ where: encodeWhere(condition, Date.now()) });
  }

  orderBy(fieldPath: string, order: 'asc' | 'desc'): Query {
    if (typeof fieldPath !== 'string' || !fieldPath) throw invalidParam('orderBy', 'fieldPath must be a string');
    if (order !== 'asc' && order !== 'desc') throw invalidParam('orderBy', 'order must be "asc" or "desc"');
    const rest = this.state.order.filter(([f]) => f !== fieldPath);
    return this.with({ order: [...rest, [fieldPath, order === 'desc' ? -1 : 1]] });
  }

  limit(max: number): Query {
    checkInt('limit', max, 0);
    return this.with({ limit: max });
  }

  skip(offset: number): Query {
    checkInt('skip', offset, 0);
    return this.with({ skip: offset });
  }

  field(projection: Record<string, boolean | 0 | 1>): Query {
    return this.with({ projection: encodeProjection(projection) });
  }

  async get(): Promise<QueryResult> {
    const { limit } = this.state;
    const opts: FindOptions = {
      sort: Object.fromEntries(this.state.order),
      skip: this.state.skip,
      // As @cloudbase/database does: a falsy limit means the default, anything above 1000 is capped.
      limit: limit ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT,
      projection: this.state.projection,
    };
    const data = await this.core.find(this.coll, this.state.where, opts);
    return { data, errMsg: 'collection.get:ok' };
  }

  async count(): Promise<CountResult> {
    const total = await this.core.count(this.coll, this.state.where);
    return { total, errMsg: 'collection.count:ok' } as CountResult;
  }

  update(options: { data: Record<string, any> }): Promise<UpdateResult> {
    const api = 'collection.update';
    return lockedWrite(this.core, api, async () => {
      const modifier = encodeUpdate(options?.data, Date.now(), api);
      const updated = await this.core.update(this.coll, this.state.where, modifier, true);
      return { stats: { updated }, errMsg: `${api}:ok` } as UpdateResult;
    });
  }

  remove(): Promise<RemoveResult> {
    const api = 'collection.remove';
    return lockedWrite(this.core, api, async () => {
      const removed = await this.core.remove(this.coll, this.state.where, true);
      return { stats: { removed }, errMsg: `${api}:ok` } as RemoveResult;
    });
  }
}

class FakeCollection extends FakeQuery implements CollectionReference {
  doc(id: string): DocumentReference {
    return new FakeDocument(this.core, this.coll, id);
  }

  add(options: { data: DocumentData }): Promise<AddResult> {
    const api = 'collection.add';
    return lockedWrite(this.core, api, async () => {
      const doc = prepareNewDoc(options?.data, api);
      await this.core.insert(this.coll, doc);
      return { _id: doc._id, errMsg: `${api}:ok` } as AddResult;
    });
  }
}

class FakeDocument implements DocumentReference {
  constructor(
    private readonly core: DbCore,
    private readonly coll: string,
    private readonly id: string,
    private readonly projection?: Record<string, 0 | 1>,
  ) {
    if ((typeof id !== 'string' && typeof id !== 'number') || id === '')
      throw invalidParam('collection.doc', 'docId不能为空');
  }

  field(projection: Record<string, boolean | 0 | 1>): DocumentReference {
    return new FakeDocument(this.core, this.coll, this.id, encodeProjection(projection));
  }

  async get(): Promise<SingleResult> {
    const [doc] = await this.core.find(this.coll, { _id: this.id }, { projection: this.projection, limit: 1 });
    if (!doc) throw notFound(this.id);
    return { data: doc, errMsg: 'document.get:ok' };
  }

  set(options: { data: Record<string, any> }): Promise<SetResult> {
    const api = 'document.set';
    return lockedWrite(this.core, api, async () => {
      const existed = await this.core.replace(this.coll, prepareReplacement(this.id, options?.data, api));
      return {
        _id: this.id,
        stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 },
        errMsg: `${api}:ok`,
      } as SetResult;
    });
  }

  update(options: { data: Record<string, any> }): Promise<UpdateResult> {
    const api = 'document.update';
    return lockedWrite(this.core, api, async () => {
      const modifier = encodeUpdate(options?.data, Date.now(), api);
      const updated = await this.core.update(this.coll, { _id: this.id }, modifier, false);
      return { stats: { updated }, errMsg: `${api}:ok` } as UpdateResult;
    });
  }

  remove(): Promise<RemoveResult> {
    const api = 'document.remove';
    return lockedWrite(this.core, api, async () => {
      const removed = await this.core.remove(this.coll, { _id: this.id }, false);
      return { stats: { removed }, errMsg: `${api}:ok` } as RemoveResult;
    });
  }
}

/** A fake database instance; `core` is exposed for the emulator (flush, fault injection). */
export interface FakeDatabase extends Database {
  readonly core: DbCore;
  /** The `n`th write from now (1 = the next) throws once, before it changes anything. */
  failNthWrite(n: number): void;
  /** Compacts on-disk files (call before exit). */
  flush(): Promise<void>;
  /** Removes every document (and on-disk file). */
  drop(): Promise<void>;
}

export function createDatabase(options: { dir?: string } = {}): FakeDatabase {
  const core = new DbCore(options.dir);
  return {
    core,
    command,
    serverDate,
    collection: (name: string) => {
      core.store(name); // validates the name now
      return new FakeCollection(core, name);
    },
    runTransaction: (fn, retries) => runTransaction(core, fn, retries),
    failNthWrite: (n) => core.failNthWrite(n),
    flush: () => core.flush(),
    drop: () => core.drop(),
  };
}
