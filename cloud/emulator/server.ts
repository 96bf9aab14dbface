/**
 * The local emulator's HTTP face: hosts the cloud functions for the H5 app and browser tests.
 * `POST /functions/<name>` with the event as the JSON body and the persona's OPENID in
 * `X-WX-OPENID` — a header only this loopback-only server trusts; on WeChat Cloud the OPENID
 * comes from the platform, never from the client.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { configureDatabase, database, runWithContext } from './fake-sdk';

export type CloudFunction = (event: any, context: any) => Promise<any>;

export interface EmulatorServerOptions {
  functions: Record<string, CloudFunction>;
  /** 0 picks a free port (tests). */
  port: number;
  /** Loopback only: the OPENID header is trusted, so nothing else may reach this server. */
  host?: string;
  /** When given, the shared fake database is stored there (else whatever is configured already). */
  dataDir?: string;
  personas?: () => Promise<any[]>;
}

export interface EmulatorServer {
  server: http.Server;
  port: number;
  url: string;
  /** Stops listening, drops open connections and flushes the database to disk. */
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 256 * 1024;
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

class TooLarge extends Error {}

/** Reads the body up to the limit; past it, stops reading (the socket is closed after the 413). */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return reject(new TooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.off('data', onData);
        req.pause();
        reject(new TooLarge());
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
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
  if (typeof fn !== 'function') {
    req.resume();
    return send(res, 404, fail('NOT_FOUND', `没有名为 ${name} 的云函数`));
  }
  let event: unknown;
  try {
    event = JSON.parse(await readBody(req));
  } catch (e) {
    if (e instanceof TooLarge) {
      // The rest of the body is never read: answer, then drop the connection.
      res.once('finish', () => req.destroy());
      return send(res, 413, fail('INVALID_INPUT', '提交的内容过大'), { Connection: 'close' });
    }
    return send(res, 400, fail('INVALID_INPUT', '请求格式不正确'));
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    return send(res, 400, fail('INVALID_INPUT', '请求格式不正确'));
  }
  const ctx = { OPENID: openidOf(req), APPID: 'wx-emulator', UNIONID: '', ENV: 'local', SOURCE: 'wx_client' };
  try {
    const result = await runWithContext(ctx, () => fn(event, {}));
    send(res, 200, result ?? null);
  } catch (e) {
    console.error(`[emulator] function ${name} threw:`, e);
    send(res, 500, INTERNAL);
  }
}

async function route(opts: EmulatorServerOptions, req: http.IncomingMessage, res: http.ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://emulator.local').pathname;
  if (req.method === 'OPTIONS') return send(res, 204);
  if (req.method === 'GET' && path === '/health') return send(res, 200, { ok: true });
  if (req.method === 'GET' && path === '/personas') return send(res, 200, (await opts.personas?.()) ?? []);
  const m = /^\/functions\/([A-Za-z0-9_-]{1,64})$/.exec(path);
  if (req.method === 'POST' && m) return callFunction(opts, m[1], req, res);
  req.resume();
  send(res, 404, fail('NOT_FOUND', `没有这个接口：${req.method} ${path}`));
}

export async function createEmulatorServer(opts: EmulatorServerOptions): Promise<EmulatorServer> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`The emulator only listens on loopback, not on ${host}`);
  if (opts.dataDir) await configureDatabase({ dir: opts.dataDir });

  const server = http.createServer((req, res) => {
    route(opts, req, res).catch((e) => {
      console.error('[emulator] request failed:', e);
      send(res, 500, INTERNAL);
    });
  });
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

  return {
    server,
    port,
    url: `http://${urlHost}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await database().flush();
    },
  };
}
