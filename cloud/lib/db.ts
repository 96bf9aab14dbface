/**
 * The subset of the CloudBase database API that handlers use, with the promise-returning shapes
 * (the real typings say `Promise<T> | void | string` because of the callback style we never use).
 * The real `cloud.database()` satisfies it (tests and the emulator run the real SDK against the
 * stand-in in cloud/emulator/standin); `test/cloud/sdk-types.test.ts` keeps it in step with the
 * real `wx-server-sdk` typings.
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
  /** Rejects when the document does not exist, as the real SDK does (see isNotFoundError). */
  get(): Promise<SingleResult>;
  set(options: { data: Record<string, any> }): Promise<SetResult>;
  update(options: { data: Record<string, any> }): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
}

export interface CollectionReference extends Query {
  doc(id: string): DocumentReference;
  /** Rejects when `_id` is given and already exists (the duplicate-key guard we rely on, see isDuplicateKeyError). */
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
  /**
   * Runs `fn` in a transaction (snapshot isolation); a throw (or rollback) undoes every write in it.
   * Transactions run concurrently: a write that collides with another transaction throws a conflict
   * (isConflictError) and a missing document's `get()` throws (isNotFoundError).
   */
  runTransaction<T>(fn: (tx: Transaction) => Promise<T>, retries?: number): Promise<T>;
}

/**
 * How the REAL wx-server-sdk 4 surfaces database failures to handler code (read in its source, see
 * test/cloud/standin/*.test.ts): a plain Error with `errCode` and `errMsg` (= message)
 * `"<api>:fail <errCode> <text>. <server message>"` and no `code`. CloudBase codes the SDK does not
 * know (DATABASE_DUPLICATE_WRITE, DATABASE_TRANSACTION_CONFLICT, ...) all become errCode -501001, and
 * -502001 is any DATABASE_REQUEST_FAILED: the errCode says nothing, the server message does.
 */
function textOf(e: unknown): string {
  const err = e as { message?: unknown; errMsg?: unknown } | null;
  if (!err) return '';
  if (typeof err === 'string') return err;
  return `${typeof err.message === 'string' ? err.message : ''} ${typeof err.errMsg === 'string' ? err.errMsg : ''}`;
}
function codeOf(e: unknown): unknown {
  return e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
}

/**
 * A duplicate `_id` (or unique index key) on add: CloudBase's DATABASE_DUPLICATE_WRITE, whose
 * message carries MongoDB's "E11000 duplicate key error". Never recognised by errCode.
 */
export function isDuplicateKeyError(e: unknown): boolean {
  if (codeOf(e) === 'DATABASE_DUPLICATE_WRITE') return true;
  return /E11000|duplicate key|DuplicateWrite|DATABASE_DUPLICATE_WRITE/i.test(textOf(e));
}

/**
 * `doc(id).get()` of a missing document, inside or outside a transaction: wx-server-sdk throws
 * "document.get:fail document with _id <id> does not exist" (errCode -1, which says nothing).
 */
export function isNotFoundError(e: unknown): boolean {
  return /document with _id [\s\S]*does not exist|cannot find document/i.test(textOf(e));
}

/**
 * A transaction lost to a concurrent writer: CloudBase's DATABASE_TRANSACTION_CONFLICT
 * ("[ResourceUnavailable.TransactionConflict] ..."). Raised by a write inside the transaction it
 * arrives as errCode -501001 with no `code` (so @cloudbase/database's own retry, which looks at
 * `code`, never fires); raised at commit it is the raw `{ code, message }` object.
 */
export function isConflictError(e: unknown): boolean {
  if (codeOf(e) === 'DATABASE_TRANSACTION_CONFLICT') return true;
  return /TransactionConflict|DATABASE_TRANSACTION_CONFLICT/.test(textOf(e));
}

/**
 * What `transact` retries: a conflict (isConflictError), or any other -501001 of a transaction (SYS_ERR:
 * the SDK's fallback for server codes it does not know, e.g. DATABASE_TRANSACTION_FAIL for a transaction
 * the server dropped) — the transaction was rolled back, so trying again is safe — but never a
 * duplicate key or a missing document, which a retry would only repeat.
 */
export function isTransactionConflict(e: unknown): boolean {
  if (isConflictError(e)) return true;
  const errCode = e && typeof e === 'object' ? (e as { errCode?: unknown }).errCode : undefined;
  return errCode === -501001 && !isDuplicateKeyError(e) && !isNotFoundError(e);
}

/** Reads a document, or null when it does not exist (inside a transaction or not). */
export async function readOrNull<T>(read: () => Promise<{ data: unknown }>): Promise<T | null> {
  try {
    return ((await read()).data as T | null) ?? null;
  } catch (e) {
    if (isNotFoundError(e)) return null;
    throw e;
  }
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
