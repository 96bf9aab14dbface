/**
 * The emulator's stand-in for `wx-server-sdk` (aliased in the esbuild emulator bundle and in jest).
 * It mimics the parts the cloud functions use — init, DYNAMIC_CURRENT_ENV, getWXContext, database,
 * openapi, cloud storage (uploadFile, downloadFile, getTempFileURL, deleteFile) — and adds controls
 * for the emulator and tests (context, database and storage backend, faults).
 */
import { join } from 'node:path';
import { getWXContext, runWithContext } from './context';
import { createDatabase, type FakeDatabase } from './database';
import { command, serverDate } from './commands';
import { clearOpenapiCalls, openapi, openapiCalls } from './openapi';
import { createStorage, type FakeStorage } from './storage';

export type { WXContext } from './context';
export type { FakeDatabase } from './database';
export type { FakeOpenapi, OpenapiCall } from './openapi';
export { CloudSDKError } from './errors';
export { DEFAULT_LIMIT, MAX_LIMIT } from './database';
export type { FakeStorage } from './storage';
export { FILE_ID_PREFIX, checkTempFileLink, cloudPathOf, isValidCloudPath, setFileUrlBase } from './storage';
export { getWXContext, runWithContext, createDatabase, createStorage, openapi, openapiCalls, clearOpenapiCalls };

/** `cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })`: same description as the real symbol. */
export const DYNAMIC_CURRENT_ENV: symbol = Symbol('SYMBOL_CURRENT_ENV');

let initConfig: Record<string, any> | undefined;
/** Accepted and remembered; the fake has one environment, so nothing else depends on it. */
export function init(config?: Record<string, any>): void {
  initConfig = config;
}
export function getInitConfig(): Record<string, any> | undefined {
  return initConfig;
}

let options: { dir?: string } = {};
let current: FakeDatabase = createDatabase();
let files: FakeStorage = createStorage();
const storageOptions = () => (options.dir ? { dir: join(options.dir, 'files') } : {});

/**
 * What every `database()` call answers: it forwards to the current backend at call time, so code
 * that did `const db = cloud.database()` at module load follows a later configureDatabase().
 */
const shared: FakeDatabase = {
  get core() {
    return current.core;
  },
  command,
  serverDate,
  collection: (name) => current.collection(name),
  runTransaction: (fn, retries) => current.runTransaction(fn, retries),
  failNthWrite: (n) => current.failNthWrite(n),
  flush: () => current.flush(),
  drop: () => current.drop(),
};

/** The process-wide database (in memory until configureDatabase gives it a directory). */
export function database(_config?: Record<string, any>): FakeDatabase {
  return shared;
}

/**
 * Switches the shared database to disk (`dir`) or a fresh in-memory one; flushes the old one.
 * Cloud storage follows it: files under `<dir>/files/`, or in memory.
 */
export async function configureDatabase(opts: { dir?: string } = {}): Promise<FakeDatabase> {
  await current.flush();
  options = { ...opts };
  current = createDatabase(options);
  files = createStorage(storageOptions());
  return shared;
}

/** Empties the shared database and storage (deleting their files when on disk) and starts fresh ones. */
export async function resetDatabase(): Promise<FakeDatabase> {
  await current.drop();
  await files.drop();
  current = createDatabase(options);
  files = createStorage(storageOptions());
  return shared;
}

/** The process-wide cloud storage (what the SDK's file functions below act on). */
export function storage(): FakeStorage {
  return files;
}

/** `cloud.uploadFile({ cloudPath, fileContent })` → `{ fileID, statusCode }`. */
export const uploadFile: FakeStorage['uploadFile'] = (param) => files.uploadFile(param);
/** `cloud.downloadFile({ fileID })` → `{ fileContent, statusCode }`. */
export const downloadFile: FakeStorage['downloadFile'] = (param) => files.downloadFile(param);
/** `cloud.getTempFileURL({ fileList })` → per file `{ fileID, tempFileURL, status, errMsg, maxAge }`. */
export const getTempFileURL: FakeStorage['getTempFileURL'] = (param) => files.getTempFileURL(param);
/** `cloud.deleteFile({ fileList })` → per file `{ fileID, status, errMsg }`. */
export const deleteFile: FakeStorage['deleteFile'] = (param) => files.deleteFile(param);

/** Makes the `n`th write on the shared database from now throw once (crash simulation). */
export function failNthWrite(n: number): void {
  current.failNthWrite(n);
}

const cloud = {
  init,
  DYNAMIC_CURRENT_ENV,
  getWXContext,
  database,
  openapi,
  uploadFile,
  downloadFile,
  getTempFileURL,
  deleteFile,
  runWithContext,
  configureDatabase,
  createDatabase,
  resetDatabase,
  storage,
  createStorage,
  failNthWrite,
  openapiCalls,
  clearOpenapiCalls,
};
export default cloud;
