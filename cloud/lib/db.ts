/**
 * The subset of the CloudBase database API that handlers use, with the promise-returning shapes
 * (the real typings say `Promise<T> | void | string` because of the callback style we never use).
 * The real `cloud.database()` and the emulator's fake both satisfy it; `test/cloud/sdk-types.test.ts`
 * keeps it in step with the real `wx-server-sdk` typings.
 */

export type DocumentData = Record<string, any> & { _id?: string };

export interface QueryResult<T = DocumentData> {
  data: T[];
  errMsg?: string;
}
export interface SingleResult<T = DocumentData> {
  data: T;
  errMsg?: string;
}
export interface AddResult {
  _id: string;
}
export interface UpdateResult {
  stats: { updated: number };
}
export interface SetResult {
  _id: string;
  stats: { updated: number; created: number };
}
export interface RemoveResult {
  stats: { removed: number };
}
export interface CountResult {
  total: number;
}

export interface Query {
  where(condition: Record<string, any>): Query;
  orderBy(fieldPath: string, order: 'asc' | 'desc'): Query;
  /** Server SDK: 100 by default, 1000 at most. */
  limit(max: number): Query;
  skip(offset: number): Query;
  field(projection: Record<string, boolean | 0 | 1>): Query;
  get(): Promise<QueryResult>;
  count(): Promise<CountResult>;
  update(options: { data: Record<string, any> }): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
}

export interface DocumentReference {
  field(projection: Record<string, boolean | 0 | 1>): DocumentReference;
  /** Rejects (errCode -502005 style) when the document does not exist, as the real SDK does. */
  get(): Promise<SingleResult>;
  set(options: { data: Record<string, any> }): Promise<SetResult>;
  update(options: { data: Record<string, any> }): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
}

export interface CollectionReference extends Query {
  doc(id: string): DocumentReference;
  /** Rejects when `_id` is given and already exists (the duplicate-key guard we rely on). */
  add(options: { data: DocumentData }): Promise<AddResult>;
}

export interface TransactionDocument {
  get(): Promise<SingleResult>;
  set(options: { data: Record<string, any> }): Promise<SetResult>;
  update(options: { data: Record<string, any> }): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
}
export interface Transaction {
  collection(name: string): {
    doc(id: string): TransactionDocument;
    add(options: { data: DocumentData }): Promise<AddResult>;
  };
  rollback(reason?: unknown): Promise<void>;
}

export interface Command {
  eq(v: any): any;
  neq(v: any): any;
  gt(v: any): any;
  gte(v: any): any;
  lt(v: any): any;
  lte(v: any): any;
  in(v: any[]): any;
  nin(v: any[]): any;
  exists(v: boolean): any;
  and(...conds: any[]): any;
  or(...conds: any[]): any;
  inc(n: number): any;
  set(v: any): any;
  remove(): any;
  push(v: any): any;
  pull(v: any): any;
  addToSet(v: any): any;
}

export interface Database {
  readonly command: Command;
  collection(name: string): CollectionReference;
  serverDate(options?: { offset?: number }): any;
  /** Runs `fn` serialised with other transactions; a throw (or rollback) undoes every write in it. */
  runTransaction<T>(fn: (tx: Transaction) => Promise<T>, retries?: number): Promise<T>;
}

/** Thrown by the database (real and fake) for a duplicate `_id` or unique index. */
export function isDuplicateKeyError(e: unknown): boolean {
  const err = e as { errCode?: number; message?: string; errMsg?: string } | null;
  if (!err) return false;
  const text = `${err.message ?? ''} ${err.errMsg ?? ''}`;
  return err.errCode === -502001 || /duplicate|unique|already exist/i.test(text);
}

/** Thrown by `doc(id).get()` when the document does not exist. */
export function isNotFoundError(e: unknown): boolean {
  const err = e as { errCode?: number; message?: string; errMsg?: string } | null;
  if (!err) return false;
  const text = `${err.message ?? ''} ${err.errMsg ?? ''}`;
  return err.errCode === -502005 || /does not exist|not exist|cannot find document/i.test(text);
}

/**
 * A document by id, or null when it does not exist: CloudBase's `doc(id).get()` (and a
 * transaction's) rejects for a missing document instead of answering null, so a counter or a stock
 * row that a fresh database has not made yet must be read through this.
 */
export async function getOrNull<T>(ref: { get(): Promise<{ data: unknown }> }): Promise<T | null> {
  try {
    return ((await ref.get()).data as T | null) ?? null;
  } catch (e) {
    if (isNotFoundError(e)) return null;
    throw e;
  }
}
