/**
 * A local stand-in of the CloudBase HTTP API that the REAL wx-server-sdk (and its
 * @cloudbase/node-sdk) talk to, the way Firebase's Local Emulator Suite stands in for Firebase:
 *
 *   POST /admin             every action the SDK sends (JSON, or multipart for wx.openApi):
 *                           database.getDocument / calculateDocument / insertDocument /
 *                           modifyDocument / removeDocument / startTransaction /
 *                           commitTransaction / abortTransaction, storage.batchGetDownloadUrl /
 *                           batchDeleteFile / getUploadMetadata, wx.openApi
 *   PUT  /cos/<env>/<path>  the upload URL getUploadMetadata hands out (the COS bucket)
 *   GET  /file/<path>?t=&sign=&env=   a temporary link from getTempFileURL
 *
 * The SDK is pointed here by its own configuration (see sdk-env.ts): TCB_CONTEXT_CNFG's URL.
 * Each environment (the SDK's envName) has its own database, storage and openapi record, so every
 * test world can use its own. Data is in memory, or with `dir` persisted with @seald-io/nedb under
 * `<dir>/<env>/<collection>.db` and `<dir>/<env>/files/`. Loopback only: nothing is authenticated.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Datastore from '@seald-io/nedb';
import { EnvDatabase, type Doc } from './database';
import { encodeDocument, parseEjson } from './ejson';
import { invalidParam, StandInError } from './errors';
import { answerOpenapi, decodeOpenapiParams, encodeOpenapiResp, type OpenapiCall } from './openapi';
import {
  Bucket,
  checkTempFileLink,
  cloudPathOf,
  DEFAULT_MAX_AGE_S,
  FILE_ID_PREFIX,
  isValidCloudPath,
  tempFileURL,
} from './storage';

/** ASSUMED: CloudBase's gateway refuses a request body over 5 MB (what developers measured for add/update). */
export const MAX_REQUEST_BYTES = 5 * 1024 * 1024;
/** COS uploads through the stand-in (photos are ≤ 2 MB; this only stops runaway bodies). */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** getTempFileURL / deleteFile take at most 50 files a call. */
const MAX_FILES = 50;
const ENV_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** One CloudBase environment as the stand-in holds it. */
export class EnvState {
  readonly db: EnvDatabase;
  readonly bucket: Bucket;
  /** Accepted openapi calls, oldest first (params as WeChat receives them: snake_case). */
  readonly openapiCalls: OpenapiCall[] = [];
  private readonly stores = new Map<string, Datastore>();
  private pending: Promise<unknown>[] = [];

  constructor(
    readonly name: string,
    private readonly dir?: string,
  ) {
    this.db = new EnvDatabase(name, dir ? (coll, id, doc) => this.persist(coll, id, doc) : undefined);
    this.bucket = new Bucket(dir ? join(dir, 'files') : undefined);
  }

  private datastore(coll: string): Datastore {
    let ds = this.stores.get(coll);
    if (!ds) {
      ds = new Datastore({ filename: join(this.dir!, `${coll}.db`), autoload: true });
      this.stores.set(coll, ds);
    }
    return ds;
  }

  /** Reads the collections saved under `dir` into the database. */
  async load(): Promise<void> {
    if (!this.dir || !existsSync(this.dir)) return;
    for (const f of readdirSync(this.dir)) {
      if (!f.endsWith('.db')) continue;
      const coll = f.slice(0, -3);
      const ds = this.datastore(coll);
      await ds.loadDatabaseAsync();
      for (const doc of (await ds.findAsync({})) as unknown as Doc[]) this.db.load(coll, doc);
    }
  }

  private persist(coll: string, id: string, doc: Doc | null): void {
    const ds = this.datastore(coll);
    const op = doc ? ds.updateAsync({ _id: id }, doc, { upsert: true }) : ds.removeAsync({ _id: id }, {});
    const tracked = op.catch((e) => console.error(`[stand-in] could not save ${coll}/${id}:`, e));
    this.pending.push(tracked);
    if (this.pending.length > 1000) this.pending = this.pending.slice(-100);
  }

  /** Waits for pending saves and compacts the files (nedb appends otherwise). */
  async flush(): Promise<void> {
    await Promise.all(this.pending);
    this.pending = [];
    await Promise.all([...this.stores.values()].map((ds) => ds.compactDatafileAsync()));
  }
}

export interface StandInOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Persist every environment under `<dir>/<env>/`; in memory when absent. */
  dir?: string;
  /** The environment for requests that name none (DYNAMIC_CURRENT_ENV without TCB_ENV). */
  defaultEnv?: string;
}

/** The stand-in's routes, to mount on a server (the emulator serves them beside its own). */
export interface StandInHandler {
  /** Answers the request when it is one of the stand-in's routes; false (untouched) otherwise. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  /** The server's own URL (temporary links and upload URLs name it). */
  setBase(url: string): void;
  env(name: string): EnvState;
  envs(): EnvState[];
  /** Waits for pending saves and compacts the files. */
  flush(): Promise<void>;
}

export interface StandIn extends Omit<StandInHandler, 'handle' | 'setBase'> {
  readonly server: http.Server;
  readonly url: string;
  readonly port: number;
  /** The SDK's endpoint (TCB_CONTEXT_CNFG URL). */
  readonly adminUrl: string;
  close(): Promise<void>;
}

class TooLarge extends Error {}

function readBytes(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return reject(new TooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(new TooLarge());
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The fields of a multipart/form-data body (form-data as node-sdk sends it for wx.openApi). */
function parseMultipart(body: Buffer, contentType: string): Record<string, Buffer> {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) throw invalidParam('multipart body without a boundary');
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const out: Record<string, Buffer> = {};
  let pos = body.indexOf(boundary);
  while (pos >= 0) {
    const start = pos + boundary.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd < 0) break;
    const headers = body.subarray(start, headerEnd).toString('utf8');
    const next = body.indexOf(boundary, headerEnd);
    if (next < 0) break;
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    // The part ends with CRLF before the next boundary.
    if (name) out[name] = body.subarray(headerEnd + 4, next - 2);
    pos = next;
  }
  return out;
}

// Unique per answer like CloudBase's, without a call into the system's random source for each one
// (a storm makes tens of thousands of requests; randomBytes was a visible share of the stand-in's time).
const REQUEST_ID_PREFIX = randomBytes(4).toString('hex');
let requestSeq = 0;
const requestId = () => `${REQUEST_ID_PREFIX}${(++requestSeq >>> 0).toString(16).padStart(8, '0')}`;

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

const asInt = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Number(v));

function orderOf(raw: unknown, now: number): Array<[string, 1 | -1]> | undefined {
  const order = parseEjson(raw, now);
  if (!order) return undefined;
  const pairs: Array<[string, unknown]> = Array.isArray(order)
    ? order.map((o: any) => [o.field ?? o.fieldName, o.direction])
    : Object.entries(order);
  return pairs.map(([f, d]) => [String(f), d === -1 || d === 'desc' ? -1 : 1]);
}

/**
 * node-sdk keeps sockets alive (agentkeepalive, idle sockets dropped after 4.8 s) and reuses them: if
 * the server closed an idle one first (Node's default is 5 s, a race on a loaded machine), the next
 * request on it fails with ECONNRESET. The server keeps idle sockets longer than the client does.
 */
export function keepSdkConnections(server: http.Server): void {
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 31_000;
}

/** What an image's bytes are (temporary links serve photos to the browser), or a neutral type. */
const IMAGE_TYPES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])),
  'image/webp': (b) => b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
};
export function imageTypeOf(bytes: Buffer): string {
  return Object.entries(IMAGE_TYPES).find(([, is]) => is(bytes))?.[0] ?? 'application/octet-stream';
}

/** The stand-in's routes and state, without a server (see startStandIn). Loads `dir` first. */
export async function createStandIn(options: StandInOptions = {}): Promise<StandInHandler> {
  const envs = new Map<string, EnvState>();
  const defaultEnv = options.defaultEnv ?? 'local';
  let base = '';

  const env = (name: string): EnvState => {
    if (!ENV_NAME.test(name)) throw invalidParam(`bad env "${name}"`);
    let e = envs.get(name);
    if (!e) {
      e = new EnvState(name, options.dir ? join(options.dir, name) : undefined);
      envs.set(name, e);
    }
    return e;
  };

  if (options.dir && existsSync(options.dir)) {
    for (const name of readdirSync(options.dir)) {
      const dir = join(options.dir, name);
      // An environment is a directory holding collections (<coll>.db); anything else is left alone.
      if (ENV_NAME.test(name) && statSync(dir).isDirectory() && readdirSync(dir).some((f) => f.endsWith('.db')))
        await env(name).load();
    }
  }

  async function database(e: EnvState, action: string, p: Record<string, any>): Promise<unknown> {
    const now = Date.now();
    const db = e.db;
    const coll = String(p.collectionName ?? '');
    const txId = p.transactionId ? String(p.transactionId) : undefined;
    switch (action) {
      case 'database.getDocument': {
        const list = db.find({
          coll,
          query: parseEjson(p.query, now),
          order: orderOf(p.order, now),
          offset: asInt(p.offset),
          limit: p.queryType === 'DOC' ? 1 : asInt(p.limit),
          projection: parseEjson(p.projection, now),
          txId,
        });
        return { data: { list: list.map(encodeDocument), offset: asInt(p.offset) ?? 0, limit: asInt(p.limit) ?? 100 } };
      }
      case 'database.calculateDocument':
        return { data: { total: db.count(coll, parseEjson(p.query, now)) } };
      case 'database.insertDocument': {
        const docs = (Array.isArray(p.data) ? p.data : [p.data]).map((d: unknown) => parseEjson(d, now));
        return { data: { insertedIds: await db.insert(coll, docs, txId) } };
      }
      case 'database.modifyDocument': {
        const r = await db.modify({
          coll,
          query: parseEjson(p.query, now),
          data: parseEjson(p.data, now),
          multi: p.multi !== false && p.multi !== 'false',
          merge: p.merge !== false && p.merge !== 'false',
          upsert: p.upsert === true || p.upsert === 'true',
          txId,
        });
        return { data: { updated: r.updated, ...(r.upsertId ? { upsert_id: r.upsertId } : {}) } };
      }
      case 'database.removeDocument':
        return {
          data: {
            deleted: await db.remove(coll, parseEjson(p.query, now), p.multi !== false && p.multi !== 'false', txId),
          },
        };
      case 'database.startTransaction':
        return { transactionId: db.startTransaction() };
      case 'database.commitTransaction':
        db.commit(String(p.transactionId ?? ''));
        return {};
      case 'database.abortTransaction':
        db.abort(String(p.transactionId ?? ''));
        return {};
    }
    throw new StandInError('INVALID_PARAM', `[InvalidParameter.Action] the stand-in does not implement ${action}`);
  }

  async function storage(e: EnvState, action: string, p: Record<string, any>): Promise<unknown> {
    switch (action) {
      case 'storage.batchGetDownloadUrl': {
        const list = Array.isArray(p.file_list) ? p.file_list : [];
        if (list.length > MAX_FILES) throw invalidParam(`at most ${MAX_FILES} files a call`);
        const out = [];
        for (const f of list) {
          const fileID = String(f?.fileid ?? '');
          const maxAge = Number(f?.max_age) || DEFAULT_MAX_AGE_S;
          const path = cloudPathOf(fileID);
          const there = path !== null && (await e.bucket.read(path)) !== null;
          out.push(
            there
              ? { fileID, tempFileURL: tempFileURL(base, e.name, path!, maxAge), code: 'SUCCESS', maxAge }
              : { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', maxAge },
          );
        }
        return { data: { download_list: out } };
      }
      case 'storage.batchDeleteFile': {
        const list = Array.isArray(p.fileid_list) ? p.fileid_list : [];
        if (list.length > MAX_FILES) throw invalidParam(`at most ${MAX_FILES} files a call`);
        const out = [];
        for (const fileID of list) {
          const path = cloudPathOf(fileID);
          const gone = path !== null && (await e.bucket.remove(path));
          out.push({ fileID: String(fileID), code: gone ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' });
        }
        return { data: { delete_list: out } };
      }
      case 'storage.getUploadMetadata': {
        const path = p.path;
        if (!isValidCloudPath(path))
          throw new StandInError('STORAGE_REQUEST_FAIL', '[InvalidParameter] invalid cloudPath');
        const encoded = path.split('/').map(encodeURIComponent).join('/');
        return {
          data: {
            url: `${base}/cos/${encodeURIComponent(e.name)}/${encoded}`,
            token: 'stand-in',
            authorization: 'stand-in',
            fileId: FILE_ID_PREFIX + path,
            cosFileId: path,
          },
        };
      }
    }
    throw new StandInError('INVALID_PARAM', `[InvalidParameter.Action] the stand-in does not implement ${action}`);
  }

  function openapi(e: EnvState, fields: Record<string, Buffer>, res: http.ServerResponse): void {
    const api = fields.apiName?.toString('utf8') ?? '';
    const params = fields.requestData ? decodeOpenapiParams(fields.requestData) : {};
    const answer = answerOpenapi(api, params, () =>
      e.openapiCalls.push({ api, params: structuredClone(params), env: e.name, at: Date.now() }),
    );
    res
      .writeHead(200, { 'Content-Type': 'application/octet-stream' })
      .end(encodeOpenapiResp(answer.body, answer.contentType));
  }

  async function admin(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    let body: Buffer;
    try {
      body = await readBytes(req, MAX_REQUEST_BYTES);
    } catch (e) {
      if (!(e instanceof TooLarge)) throw e;
      // Read the rest and drop it, so the SDK gets the answer instead of a reset connection.
      await new Promise<void>((resolve) => {
        req.on('end', resolve).on('error', () => resolve());
        req.resume();
      });
      return sendJson(res, 413, {
        code: 'EXCEED_REQUEST_LIMIT',
        message: `[LimitExceeded] the request body exceeds ${MAX_REQUEST_BYTES} bytes`,
        requestId: requestId(),
      });
    }
    const type = String(req.headers['content-type'] ?? '');
    let params: Record<string, any>;
    let fields: Record<string, Buffer> | undefined;
    if (/multipart\/form-data/i.test(type)) {
      fields = parseMultipart(body, type);
      params = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.toString('utf8')]));
    } else params = JSON.parse(body.toString('utf8') || '{}');
    const action = String(params.action ?? '');
    const envName = String(params.envName || url.searchParams.get('env') || defaultEnv);
    const e = env(envName);
    if (action === 'wx.openApi' && fields) return openapi(e, fields, res);
    let answer: unknown;
    if (action.startsWith('database.')) answer = await database(e, action, params);
    else if (action.startsWith('storage.')) answer = await storage(e, action, params);
    else throw new StandInError('INVALID_PARAM', `[InvalidParameter.Action] the stand-in does not implement ${action}`);
    sendJson(res, 200, { ...(answer as object), requestId: requestId() });
  }

  async function cosPut(req: http.IncomingMessage, res: http.ServerResponse, envName: string, rawPath: string) {
    const path = decodeURIComponent(rawPath);
    if (!isValidCloudPath(path)) return sendJson(res, 400, { code: 'InvalidURI', message: 'bad path' });
    let bytes: Buffer;
    try {
      bytes = await readBytes(req, MAX_UPLOAD_BYTES);
    } catch (e) {
      if (!(e instanceof TooLarge)) throw e;
      res.once('finish', () => req.destroy());
      res.writeHead(400, { 'Content-Type': 'application/xml' });
      return void res.end(
        '<?xml version="1.0" encoding="UTF-8"?><Error><Code>EntityTooLarge</Code><Message>too large</Message><RequestId>x</RequestId><TraceId>x</TraceId></Error>',
      );
    }
    await env(decodeURIComponent(envName)).bucket.put(path, bytes);
    res.writeHead(200).end('');
  }

  async function serveFile(res: http.ServerResponse, url: URL, rawPath: string) {
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return sendJson(res, 400, { code: 'InvalidURI', message: 'bad link' });
    }
    if (!checkTempFileLink(path, url.searchParams.get('t'), url.searchParams.get('sign')))
      return sendJson(res, 403, { code: 'AccessDenied', message: 'the link expired or is not valid' });
    const bytes = await env(url.searchParams.get('env') || defaultEnv).bucket.read(path);
    if (!bytes) return sendJson(res, 404, { code: 'NoSuchKey', message: 'the file does not exist' });
    res
      .writeHead(200, {
        'Access-Control-Allow-Origin': '*',
        'Content-Type': imageTypeOf(bytes),
        'Content-Length': String(bytes.length),
        'Cache-Control': 'private, max-age=600',
        'X-Content-Type-Options': 'nosniff',
      })
      .end(bytes);
  }

  function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> | null {
    const url = new URL(req.url ?? '/', 'http://stand-in.local');
    if (req.method === 'POST' && url.pathname === '/admin') return admin(req, res, url);
    const cos = /^\/cos\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (req.method === 'PUT' && cos) return cosPut(req, res, cos[1], cos[2]);
    const file = /^\/file\/(.+)$/.exec(url.pathname);
    if (req.method === 'GET' && file) return serveFile(res, url, file[1]);
    return null;
  }

  return {
    handle(req, res) {
      const done = route(req, res);
      if (!done) return false;
      done.catch((e) => {
        if (e instanceof StandInError) {
          return sendJson(res, e.status, { code: e.code, message: e.message, requestId: requestId() });
        }
        console.error('[stand-in] request failed:', e);
        sendJson(res, 200, {
          code: 'SYS_ERR',
          message: `[InternalError] ${(e as Error).message}`,
          requestId: requestId(),
        });
      });
      return true;
    },
    setBase(url) {
      base = url.replace(/\/$/, '');
    },
    env,
    envs: () => [...envs.values()],
    flush: async () => {
      await Promise.all([...envs.values()].map((e) => e.flush()));
    },
  };
}

/** The stand-in on its own loopback server (tests: port 0, in memory). */
export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`The stand-in only listens on loopback, not on ${host}`);
  const standIn = await createStandIn(options);
  const server = http.createServer((req, res) => {
    if (standIn.handle(req, res)) return;
    req.resume();
    sendJson(res, 404, { code: 'NOT_FOUND', message: `no such endpoint: ${req.method} ${req.url}` });
  });
  keepSdkConnections(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  standIn.setBase(url);
  return {
    server,
    url,
    port,
    adminUrl: `${url}/admin`,
    env: standIn.env,
    envs: standIn.envs,
    flush: standIn.flush,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await standIn.flush();
    },
  };
}
