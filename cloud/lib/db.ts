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

interface SdkErrorShape {
  errCode?: number;
  /** Only on the raw @cloudbase/node-sdk error (TcbError), e.g. a conflict at commit. */
  code?: string;
  message?: string;
  errMsg?: string;
}

function errorText(e: unknown): string {
  if (typeof e === 'string') return e;
  const err = e as SdkErrorShape | null;
  return err ? `${err.message ?? ''} ${err.errMsg ?? ''}` : '';
}

/**
 * A duplicate `_id` (or unique index) on insert. wx-server-sdk loses the server's code on the way
 * (it maps every code its table lacks — DATABASE_DUPLICATE_WRITE among them — to -501001, and uses
 * -502001 DATABASE_REQUEST_FAILED for any database failure), so neither errCode says "duplicate":
 * only the server's message, which the SDK keeps in `errMsg`, does. The raw node-sdk error keeps
 * the code. An unrelated failure must NOT read as a duplicate: callers treat a duplicate as "it is
 * already there" and carry on, which would silently drop a write that never happened.
 */
export function isDuplicateKeyError(e: unknown): boolean {
  const err = e as SdkErrorShape | null;
  if (!err) return false;
  if (err.code === 'DATABASE_DUPLICATE_WRITE') return true;
  return /duplicate|E11000|DUPLICATE_WRITE/i.test(errorText(e));
}

/**
 * A conflict between transactions: CloudBase answers DATABASE_TRANSACTION_CONFLICT, which reaches
 * a handler as the raw node-sdk error with that `code` (at commit) or, through wx-server-sdk's
 * wrappers, as errCode -501001 (SYS_ERR, the SDK's fallback for codes it does not know) with no
 * `code`. -501001 also covers other server-side failures of a write in a transaction; those are as
 * safe to retry (the transaction was rolled back) — except a duplicate key, which a retry repeats.
 */
export function isTransactionConflict(e: unknown): boolean {
  const err = e as SdkErrorShape | null;
  if (!err || typeof err !== 'object') return false;
  if (err.code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  if (/TRANSACTION_CONFLICT|transaction.{0,20}conflict|WriteConflict/i.test(errorText(e))) return true;
  return err.errCode === -501001 && !isDuplicateKeyError(e);
}

/**
 * `doc(id).get()` of a missing document: outside a transaction the fake rejects with -502005; the
 * real wx-server-sdk rejects, inside a transaction too, with errCode -1 and
 * "document.get:fail document with _id … does not exist".
 */
export function isNotFoundError(e: unknown): boolean {
  const err = e as SdkErrorShape | null;
  if (!err) return false;
  return err.errCode === -502005 || /does not exist|not exist|cannot find document/i.test(errorText(e));
}

/** Reads a document, or null when it does not exist (inside a transaction or not, real SDK or fake). */
export async function readOrNull<T>(read: () => Promise<{ data: unknown }>): Promise<T | null> {
  try {
    return ((await read()).data as T | null) ?? null;
  } catch (e) {
    if (isNotFoundError(e)) return null;
    throw e;
  }
}
