/**
 * `db.runTransaction`: transactions run one at a time per database (the transaction lock), each
 * write is logged with the document's previous version, and a throw or `tx.rollback(reason)`
 * replays that log backwards. Like @cloudbase/database, the promise resolves to the callback's
 * value, or rejects with the thrown error or the rollback reason.
 *
 * Difference from CloudBase (documented, harmless for our handlers): writes are applied at once,
 * so reads outside the transaction can see them before it ends.
 */
import type {
  AddResult,
  DocumentData,
  RemoveResult,
  SetResult,
  SingleResult,
  Transaction,
  TransactionDocument,
  UpdateResult,
} from '../../lib/db';
import { prepareNewDoc, prepareReplacement } from './documents';
import { CloudSDKError, ERR_INVALID_PARAM, invalidParam } from './errors';
import { type DbCore, type UndoEntry, txScope } from './store';
import { encodeUpdate } from './translate';

class FakeTransaction implements Transaction {
  readonly undo: UndoEntry[] = [];
  aborted = false;
  abortReason: unknown;
  ended = false;

  constructor(readonly core: DbCore) {}

  /** A transaction object used after rollback or after the transaction ended must not write. */
  guard(api: string): void {
    if (this.aborted || this.ended) {
      throw new CloudSDKError(
        ERR_INVALID_PARAM,
        `${api}:fail transaction is ${this.aborted ? 'rolled back' : 'finished'}`,
      );
    }
  }

  collection(name: string) {
    this.core.store(name);
    return {
      doc: (id: string): TransactionDocument => new TxDocument(this, name, id),
      add: (options: { data: DocumentData }): Promise<AddResult> => {
        const api = 'collection.add';
        this.guard(api);
        return this.core.write(api, async () => {
          const doc = prepareNewDoc(options?.data, api);
          await this.core.insert(name, doc, this.undo);
          return { _id: doc._id };
        });
      },
    };
  }

  async rollback(reason?: unknown): Promise<void> {
    this.guard('transaction.rollback');
    await this.undoAll();
    this.aborted = true;
    this.abortReason = reason;
  }

  async undoAll(): Promise<void> {
    for (const entry of this.undo.splice(0).reverse()) await this.core.restore(entry);
  }
}

class TxDocument implements TransactionDocument {
  constructor(
    private readonly tx: FakeTransaction,
    private readonly coll: string,
    private readonly id: string,
  ) {
    if (typeof id !== 'string' || !id) throw invalidParam('collection.doc', 'docId不能为空');
  }

  /** Inside a transaction a missing document answers `{ data: null }` (@cloudbase/database). */
  async get(): Promise<SingleResult> {
    this.tx.guard('document.get');
    const [doc] = await this.tx.core.find(this.coll, { _id: this.id }, { limit: 1 });
    return { data: (doc ?? null) as any };
  }

  set(options: { data: Record<string, any> }): Promise<SetResult> {
    const api = 'document.set';
    this.tx.guard(api);
    return this.tx.core.write(api, async () => {
      const existed = await this.tx.core.replace(
        this.coll,
        prepareReplacement(this.id, options?.data, api),
        this.tx.undo,
      );
      return { _id: this.id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 } };
    });
  }

  update(options: { data: Record<string, any> }): Promise<UpdateResult> {
    const api = 'document.update';
    this.tx.guard(api);
    return this.tx.core.write(api, async () => {
      const modifier = encodeUpdate(options?.data, Date.now(), api);
      return {
        stats: { updated: await this.tx.core.update(this.coll, { _id: this.id }, modifier, false, this.tx.undo) },
      };
    });
  }

  remove(): Promise<RemoveResult> {
    const api = 'document.remove';
    this.tx.guard(api);
    return this.tx.core.write(api, async () => {
      return { stats: { removed: await this.tx.core.remove(this.coll, { _id: this.id }, false, this.tx.undo) } };
    });
  }
}

export async function runTransaction<T>(
  core: DbCore,
  fn: (tx: Transaction) => Promise<T>,
  _retries?: number,
): Promise<T> {
  const outer = txScope.getStore();
  if (outer?.core === core && !outer.ended) {
    // It would wait for its own lock forever; CloudBase has no nested transactions either.
    throw new Error('runTransaction: nested transactions are not supported');
  }
  return core.txLock.run(() => {
    const tx = new FakeTransaction(core);
    return txScope.run(tx, async () => {
      try {
        let result: T;
        try {
          result = await fn(tx);
        } catch (e) {
          if (tx.aborted) throw tx.abortReason;
          await tx.undoAll();
          throw e;
        }
        if (tx.aborted) throw tx.abortReason;
        return result;
      } finally {
        tx.ended = true;
      }
    });
  });
}
