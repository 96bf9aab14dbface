/**
 * The local emulator's HTTP face: hosts the cloud functions for the H5 app and browser tests, on the
 * REAL wx-server-sdk, which this same server answers as the CloudBase stand-in (POST /admin, the
 * COS upload URL, GET /file temporary links: cloud/emulator/standin), environment `local`.
 * `POST /functions/<name>` with the event as the JSON body and the persona's OPENID in
 * `X-WX-OPENID` — a header only this loopback-only server trusts; on WeChat Cloud the OPENID
 * comes from the platform, never from the client.
 * Cloud storage, as `wx.cloud.uploadFile` and temporary links give it on WeChat:
 * `POST /upload?cloudPath=<path>` with an image as the raw body (≤ 2 MB; JPEG, PNG or WebP; under
 * `retirement-photos/` only; a path already taken is 409) answers `{ fileID, statusCode }`;
 * `GET /file/<cloudPath>?t=&sign=` serves a file by a link from `getTempFileURL`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PHOTO_FOLDER } from '../../types/api/retirement';
import type { CloudMain } from '../lib/entry';
import { pointSdkAt } from './standin/sdk-env';
import { createStandIn, keepSdkConnections, type StandInHandler } from './standin/server';
import { FILE_ID_PREFIX, isValidCloudPath } from './standin/storage';

/** A function the emulator hosts: a createMain entry (the caller handed over by `invoke`). */
export type CloudFunction = CloudMain;

/** The CloudBase environment the emulator's functions use (TCB_ENV). */
export const LOCAL_ENV = 'local';

export interface EmulatorServerOptions {
  functions: Record<string, CloudFunction>;
  /** 0 picks a free port (tests). */
  port: number;
  /** Loopback only: the OPENID header is trusted, so nothing else may reach this server. */
  host?: string;
  /** Where the stand-in keeps its data (`<dir>/local/…`); in memory when absent. */
  dataDir?: string;
  personas?: () => Promise<any[]>;
}

export interface EmulatorServer {
  server: http.Server;
  port: number;
  url: string;
  /** The CloudBase stand-in this server answers as (its `local` environment holds the app's data). */
  standIn: StandInHandler;
  /** Stops listening, drops open connections and flushes the database to disk. */
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 256 * 1024;
/** Uploaded photos: what a compressed phone photo needs, and no more. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
/** The only folders the app uploads to (the 光荣退休 certificate photo). */
export const UPLOAD_FOLDERS = [`${PHOTO_FOLDER}/`];
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'content-type, x-wx-openid',
  'Access-Control-Max-Age': '600',
};

function send(res: http.ServerResponse, status: number, body?: unknown, extra: Record<string, string> = {}): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status, { ...CORS, ...extra }).end();
    return;
  }
  const text = JSON.stringify(body) ?? 'null';
  res.writeHead(status, { ...CORS, 'Content-Type': 'application/json; charset=utf-8', ...extra }).end(text);
}

const fail = (code: string, message: string) => ({ ok: false, code, message });
const INTERNAL = fail('INTERNAL', '系统繁忙，请稍后再试');

class TooLarge extends Error {
  /** The rest of the body was read and dropped: the connection can stay open for the answer. */
  constructor(readonly drained: boolean) {
    super('body too large');
  }
}

/**
 * How much of an oversized body is still read (and dropped) so the client, which sends its whole
 * body before it reads the answer, can read the 413: past this, the connection is dropped instead.
 */
export const MAX_DRAIN_BYTES = 8 * 1024 * 1024;

/**
 * Reads the body up to `limit` bytes. Past it, reads the rest without keeping it and then rejects
 * TooLarge, so the 413 is answered on a connection the client has finished writing to (answering
 * mid-upload and closing resets the socket before the client reads the answer). A body that says or
 * turns out to be over MAX_DRAIN_BYTES is not read on: it rejects at once, not drained.
 */
function readBytes(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_DRAIN_BYTES) return reject(new TooLarge(false));
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) {
        req.off('data', onData);
        req.pause();
        reject(new TooLarge(false));
      } else if (size <= limit) chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => (size > limit ? reject(new TooLarge(true)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

const readBody = async (req: http.IncomingMessage) => (await readBytes(req, MAX_BODY_BYTES)).toString('utf8');

/** Answers 413; the connection is closed afterwards only when the body could not be read to its end. */
function tooLarge(req: http.IncomingMessage, res: http.ServerResponse, e: TooLarge, message: string): void {
  if (e.drained) return send(res, 413, fail('INVALID_INPUT', message));
  res.once('finish', () => req.destroy());
  send(res, 413, fail('INVALID_INPUT', message), { Connection: 'close' });
}

/** The media type of the request's Content-Type header, lower case, without parameters ('' when none). */
function mediaTypeOf(req: http.IncomingMessage): string {
  return String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

/**
 * Answers a refusal once the request's body has been read and dropped (answering mid-upload resets
 * the client's socket before it reads the answer); a body over MAX_DRAIN_BYTES is not read on: the
 * answer goes at once and the connection is closed.
 */
function refuseAfterDrain(req: http.IncomingMessage, res: http.ServerResponse, status: number, body: unknown): void {
  if (req.readableEnded) return send(res, status, body);
  let size = 0;
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_DRAIN_BYTES) return;
    req.off('data', onData);
    req.pause();
    res.once('finish', () => req.destroy());
    send(res, status, body, { Connection: 'close' });
  };
  req.on('data', onData);
  req.once('end', () => send(res, status, body));
  req.once('error', () => req.destroy());
}

function openidOf(req: http.IncomingMessage): string {
  const raw = req.headers['x-wx-openid'];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
  return value.length <= 128 ? value : '';
}

async function callFunction(
  opts: EmulatorServerOptions,
  name: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const fn = Object.prototype.hasOwnProperty.call(opts.functions, name) ? opts.functions[name] : undefined;
  if (typeof fn !== 'function') return refuseAfterDrain(req, res, 404, fail('NOT_FOUND', `没有名为 ${name} 的云函数`));
  // wx.cloud.callFunction sends JSON; anything else (a form, plain text) is refused unread and unrun.
  if (mediaTypeOf(req) !== 'application/json')
    return refuseAfterDrain(
      req,
      res,
      415,
      fail('INVALID_INPUT', '请求格式不正确，只接受 JSON（Content-Type: application/json）'),
    );
  let event: unknown;
  try {
    event = JSON.parse(await readBody(req));
  } catch (e) {
    if (e instanceof TooLarge) return tooLarge(req, res, e, '提交的内容过大');
    return send(res, 400, fail('INVALID_INPUT', '请求格式不正确'));
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    return send(res, 400, fail('INVALID_INPUT', '请求格式不正确'));
  }
  try {
    const result = await fn.invoke(event, openidOf(req));
    send(res, 200, result ?? null);
  } catch (e) {
    console.error(`[emulator] function ${name} threw:`, e);
    send(res, 500, INTERNAL);
  }
}

/** What `wx.chooseImage` hands over, by the content type the client declares and the bytes' signature. */
const IMAGE_TYPES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])),
  'image/webp': (b) => b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
};

/**
 * `wx.cloud.uploadFile` for the H5 app: the raw image as the body, the caller in X-WX-OPENID (storage
 * takes uploads from signed-in users only), the client-chosen `cloudPath` in the query. Only under
 * UPLOAD_FOLDERS (403 elsewhere), and never over a file already there (409): on WeChat Cloud the
 * storage permission 仅创建者可读写 refuses writing over another user's file, and the app never
 * writes twice to one path (every upload has a fresh random name).
 */
async function upload(standIn: StandInHandler, req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
  const bucket = standIn.env(LOCAL_ENV).bucket;
  const refuse = (status: number, code: string, message: string) =>
    refuseAfterDrain(req, res, status, fail(code, message));
  if (!openidOf(req)) return refuse(401, 'UNAUTHENTICATED', '请先登录后再上传');
  const cloudPath = url.searchParams.get('cloudPath');
  if (!isValidCloudPath(cloudPath) || cloudPath.length > 200)
    return refuse(400, 'INVALID_INPUT', '上传的文件路径不正确');
  if (!UPLOAD_FOLDERS.some((folder) => cloudPath.startsWith(folder)))
    return refuse(403, 'FORBIDDEN', '不能上传到这个位置');
  const taken = () => refuse(409, 'INVALID_INPUT', '这个位置已经有文件了，请重新选择照片上传');
  if ((await bucket.read(cloudPath)) !== null) return taken();
  const looksRight = IMAGE_TYPES[mediaTypeOf(req)];
  if (!looksRight) return refuse(415, 'INVALID_INPUT', '只能上传 JPG、PNG 或 WebP 格式的照片');
  let bytes: Buffer;
  try {
    bytes = await readBytes(req, MAX_UPLOAD_BYTES);
  } catch (e) {
    if (e instanceof TooLarge) return tooLarge(req, res, e, '照片太大了，请选择 2MB 以内的照片');
    throw e;
  }
  if (!looksRight(bytes)) return send(res, 415, fail('INVALID_INPUT', '这个文件不是照片，请重新选择'));
  if (!(await bucket.create(cloudPath, bytes))) return taken();
  send(res, 200, { fileID: FILE_ID_PREFIX + cloudPath, statusCode: 200 });
}

async function route(
  opts: EmulatorServerOptions,
  standIn: StandInHandler,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const url = new URL(req.url ?? '/', 'http://emulator.local');
  const path = url.pathname;
  if (req.method === 'OPTIONS') return send(res, 204);
  if (req.method === 'GET' && path === '/health') return send(res, 200, { ok: true });
  if (req.method === 'GET' && path === '/personas') return send(res, 200, (await opts.personas?.()) ?? []);
  const m = /^\/functions\/([A-Za-z0-9_-]{1,64})$/.exec(path);
  if (req.method === 'POST' && m) return callFunction(opts, m[1], req, res);
  if (req.method === 'POST' && path === '/upload') return upload(standIn, req, res, url);
  // The CloudBase stand-in: the SDK's /admin, the upload URL, GET /file temporary links.
  if (standIn.handle(req, res)) return;
  refuseAfterDrain(req, res, 404, fail('NOT_FOUND', `没有这个接口：${req.method} ${path}`));
}

export async function createEmulatorServer(opts: EmulatorServerOptions): Promise<EmulatorServer> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`The emulator only listens on loopback, not on ${host}`);
  const standIn = await createStandIn({ dir: opts.dataDir, defaultEnv: LOCAL_ENV });

  const server = http.createServer((req, res) => {
    route(opts, standIn, req, res).catch((e) => {
      console.error('[emulator] request failed:', e);
      send(res, 500, INTERNAL);
    });
  });
  // The real SDK in this process talks to this server (the stand-in): keep its connections alive.
  keepSdkConnections(server);
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  // Temporary file links and upload URLs name this server; the real SDK sends its requests here.
  standIn.setBase(url);
  pointSdkAt(`${url}/admin`, LOCAL_ENV);

  return {
    server,
    port,
    url,
    standIn,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await standIn.flush();
    },
  };
}
