/**
 * The sweep over the emulator's HTTP face: bodies that are not JSON, too large, or lie about their
 * length; wrong methods and paths; then the quick per-field cases of every action as JSON bodies.
 * Never a 500, never a crash (the server still answers /health), nothing written on refusals.
 */
import http from 'node:http';
import cloud from 'wx-server-sdk';
import type { Database } from '../../cloud/lib/db';
import { createEmulatorServer, LOCAL_ENV, MAX_BODY_BYTES } from '../../cloud/emulator/server';
import { functions } from '../../cloud/functions/registry';
import { PERSONAS, seed } from '../../cloud/seed';
import type { FunctionDefs } from '../lib/functions';
import { diffSnapshots, seededIds, snapshotAll, writeCount } from '../lib/world';
import { casesFor, oracleValid, show } from './sweep';

export interface HttpReply {
  status: number;
  body: any;
  ms: number;
}

/** One raw request (no client-side checks, so bodies can be anything and headers can lie). */
export function rawRequest(
  url: string,
  opts: { method?: string; body?: string | Buffer; headers?: Record<string, string | number>; chunked?: boolean } = {},
): Promise<HttpReply> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const body = opts.body === undefined ? undefined : Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body);
    const headers: Record<string, string | number> = { 'content-type': 'application/json', ...opts.headers };
    if (body && !opts.chunked && headers['content-length'] === undefined) headers['content-length'] = body.length;
    const req = http.request(url, { method: opts.method ?? 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {}
        resolve({ status: res.statusCode ?? 0, body: parsed, ms: performance.now() - t0 });
      });
      res.on('error', reject);
    });
    // A server that answers 413 and drops the connection mid-upload is the expected outcome.
    req.on('error', (e) => resolve({ status: -1, body: String(e), ms: performance.now() - t0 }));
    if (body) req.write(body);
    req.end();
  });
}

export interface HttpFuzzReport {
  cases: number;
  perFunction: Record<string, number>;
  failures: string[];
}

const refusal = (r: HttpReply, code: string) => r.body && r.body.ok === false && r.body.code === code;

export async function httpSweep(fns: FunctionDefs[]): Promise<HttpFuzzReport> {
  const server = await createEmulatorServer({ functions, port: 0 });
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  const db = Object.assign(cloud.database() as unknown as Database, { core: server.standIn.env(LOCAL_ENV).db });
  await seed(db, Date.now());
  const report: HttpFuzzReport = { cases: 0, perFunction: {}, failures: [] };
  const ids = seededIds(db, Date.now());
  let baseline = snapshotAll(db);
  const check = async (
    fn: string,
    what: string,
    run: () => Promise<HttpReply>,
    expect: (r: HttpReply) => boolean,
    mustNotWrite = true,
  ) => {
    report.cases += 1;
    report.perFunction[fn] = (report.perFunction[fn] ?? 0) + 1;
    const before = writeCount(db);
    const r = await run();
    if (writeCount(db) !== before) {
      const after = snapshotAll(db);
      const changed = diffSnapshots(baseline, after);
      baseline = after;
      if (mustNotWrite && changed.length)
        report.failures.push(`${fn} [${what}]: refused but wrote to ${changed.join(', ')}`);
    }
    if (r.status >= 500 || !expect(r))
      report.failures.push(`${fn} [${what}]: got HTTP ${r.status} ${show(r.body, 300)}`);
  };
  const admin = { 'x-wx-openid': PERSONAS.admin };
  try {
    for (const { fn, defs } of fns) {
      const url = `${server.url}/functions/${fn}`;
      const bodies: Array<[string, string | Buffer]> = [
        ['empty body', ''],
        ['plain text', 'not json'],
        ['truncated JSON', '{"action":'],
        ['JSON array', '[{"action":"x"}]'],
        ['JSON null', 'null'],
        ['JSON number', '123'],
        ['JSON string', '"action"'],
        ['BOM before JSON', `\ufeff{"action":"${Object.keys(defs)[0]}"}`],
        ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28, 0x7d])],
        ['trailing garbage', '{"action":"x"} trailing'],
        ['NUL bytes', '\u0000\u0000{}'],
        ['form encoding', 'action=listAll&x=1'],
        ['deeply nested JSON', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
      ];
      for (const [what, body] of bodies) {
        await check(
          fn,
          what,
          () => rawRequest(url, { body, headers: admin }),
          (r) => [200, 400, 413].includes(r.status) && refusal(r, 'INVALID_INPUT'),
        );
      }
      const valid = JSON.stringify({ action: Object.keys(defs)[0] });
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
        await check(
          fn,
          `content-type "${type}"`,
          () => rawRequest(url, { body: valid, headers: { ...admin, 'content-type': type } }),
          (r) => r.status === 415 && refusal(r, 'INVALID_INPUT'),
        );
      }
      const big = JSON.stringify({ action: Object.keys(defs)[0], junk: 'x'.repeat(MAX_BODY_BYTES + 10) });
      await check(
        fn,
        'oversized body',
        () => rawRequest(url, { body: big, headers: admin }),
        (r) => (r.status === 413 && refusal(r, 'INVALID_INPUT')) || r.status === -1,
      );
      await check(
        fn,
        'oversized chunked body',
        () => rawRequest(url, { body: big, headers: admin, chunked: true }),
        (r) => (r.status === 413 && refusal(r, 'INVALID_INPUT')) || r.status === -1,
      );
      await check(
        fn,
        'content-length lies (10 MB)',
        () => rawRequest(url, { body: '{}', headers: { ...admin, 'content-length': 10_000_000 } }),
        (r) => r.status === 413 || r.status === -1,
      );
      for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'HEAD']) {
        await check(
          fn,
          `method ${method}`,
          () => rawRequest(url, { method, headers: admin }),
          (r) => r.status === 404 || r.status === 405,
        );
      }
      for (const p of [
        `/functions/${fn}/extra`,
        `/functions/../functions/${fn}x`,
        `/functions/${fn}%00`,
        `/functions/${'a'.repeat(100)}`,
      ]) {
        await check(
          fn,
          `path ${p.slice(0, 40)}`,
          () => rawRequest(`${server.url}${p}`, { body: '{"action":"x"}', headers: admin }),
          (r) => r.status === 404 && r.body?.ok === false,
        );
      }
      await check(
        fn,
        'OPENID header 200 chars',
        () =>
          rawRequest(url, { body: JSON.stringify({ action: 'no-such' }), headers: { 'x-wx-openid': 'p'.repeat(200) } }),
        (r) => refusal(r, 'INVALID_INPUT'),
      );

      for (const c of casesFor(fn, defs, ids, true)) {
        const text = JSON.stringify(c.event);
        if (text === undefined) continue;
        const sent = JSON.parse(text);
        const tooBig = Buffer.byteLength(text) > MAX_BODY_BYTES;
        const invalid =
          tooBig || !oracleValid(defs, sent) || typeof sent !== 'object' || sent === null || Array.isArray(sent);
        await check(
          fn,
          `${c.action}: ${c.what}`,
          () => rawRequest(url, { body: text, headers: admin }),
          (r) => (invalid ? refusal(r, 'INVALID_INPUT') : r.body?.code !== 'INTERNAL'),
          invalid,
        );
      }
    }
    const health = await rawRequest(`${server.url}/health`, { method: 'GET' });
    if (health.status !== 200) report.failures.push(`server no longer healthy after the sweep: HTTP ${health.status}`);
  } finally {
    await server.close();
  }
  return report;
}
