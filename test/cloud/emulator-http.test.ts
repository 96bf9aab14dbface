/** The emulator HTTP server: routing, identity header, body limits, errors, CORS, the stand-in beside them. */
import http from 'node:http';
import net from 'node:net';
import cloud from 'wx-server-sdk';
import { createEmulatorServer, LOCAL_ENV, type CloudFunction, type EmulatorServer } from '../../cloud/emulator/server';
import { createMain } from '../../cloud/lib/entry';
import { defineActions } from '../../cloud/lib/router';
import { s } from '../../types/schema';

/** A hosted function whose body sees the caller the emulator hands over. */
const fnOf = (impl: (event: any, openid: string) => Promise<any>): CloudFunction =>
  Object.assign((event: unknown) => impl(event, ''), { invoke: impl });

interface NoteActions {
  note: { input: { text: string }; output: { count: number } };
}
/** A real entry on the real SDK: writes through the stand-in this same server answers as. */
const notes = createMain(
  cloud,
  'notes',
  defineActions<NoteActions>({
    note: {
      input: s.object({ text: s.string({ label: '内容', max: 20 }) }),
      access: 'signedIn',
      handler: async (ctx, input) => {
        await ctx.db.collection('notes').add({ data: { by: ctx.openid, text: input.text } });
        return { count: (await ctx.db.collection('notes').where({ by: ctx.openid }).count()).total };
      },
    },
  }),
);

let emu: EmulatorServer;
let runs = 0;
const errors = jest.spyOn(console, 'error');

beforeAll(async () => {
  errors.mockImplementation(() => undefined);
  emu = await createEmulatorServer({
    port: 0,
    functions: {
      tally: fnOf(async () => {
        runs += 1;
        return { ok: true, data: runs };
      }),
      echo: fnOf(async (event, openid) => ({ ok: true, data: { event, ctx: { openid } } })),
      whoami: fnOf(async (_event, OPENID) => {
        // Yield so concurrent calls interleave: each must still see its own caller.
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        return OPENID
          ? { ok: true, data: OPENID }
          : { ok: false, code: 'UNAUTHENTICATED', message: '请先登录后再操作' };
      }),
      boom: fnOf(async () => {
        throw new Error('kaput');
      }),
      notes,
    },
    personas: async () => [{ openid: 'o-worker', label: '职工', role: 'member', description: '' }],
  });
});
afterAll(async () => {
  await emu.close();
  errors.mockRestore();
});

const post = (name: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${emu.url}/functions/${name}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });

test('listens on loopback only', async () => {
  expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  await expect(createEmulatorServer({ port: 0, host: '0.0.0.0', functions: {} })).rejects.toThrow(/loopback/);
});

test('POST /functions/<name> runs the function with the caller from X-WX-OPENID', async () => {
  const res = await post('echo', JSON.stringify({ action: 'ping', n: 1 }), { 'X-WX-OPENID': 'o-worker' });
  expect(res.status).toBe(200);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  const body = await res.json();
  expect(body.data.event).toEqual({ action: 'ping', n: 1 });
  expect(body.data.ctx).toEqual({ openid: 'o-worker' });
});

test('hosted functions run on the real SDK, which this server answers as the CloudBase stand-in', async () => {
  const a = await (
    await post('notes', JSON.stringify({ action: 'note', text: '一' }), { 'X-WX-OPENID': 'o-a' })
  ).json();
  const b = await (
    await post('notes', JSON.stringify({ action: 'note', text: '二' }), { 'X-WX-OPENID': 'o-a' })
  ).json();
  expect([a, b]).toEqual([
    { ok: true, data: { count: 1 } },
    { ok: true, data: { count: 2 } },
  ]);
  const stored = emu.standIn.env(LOCAL_ENV).db.find({ coll: 'notes', order: [['text', 1]] });
  expect(stored.map((d) => [d.by, d.text])).toEqual([
    ['o-a', '一'],
    ['o-a', '二'],
  ]);
  // The SDK's endpoint answers only what CloudBase would: an action it does not know is refused.
  const raw = await fetch(`${emu.url}/admin`, {
    method: 'POST',
    body: JSON.stringify({ action: 'functions.invokeFunction' }),
    headers: { 'content-type': 'application/json' },
  });
  expect(await raw.json()).toMatchObject({ code: 'INVALID_PARAM' });
});

test('concurrent calls each see their own OPENID; no header means no caller', async () => {
  const openids = Array.from({ length: 20 }, (_, i) => `o-${i}`);
  const got = await Promise.all(openids.map((o) => post('whoami', '{}', { 'X-WX-OPENID': o }).then((r) => r.json())));
  expect(got.map((b) => b.data)).toEqual(openids);
  const anon = await (await post('whoami', '{}')).json();
  expect(anon).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
});

test('unknown function → 404 NOT_FOUND', async () => {
  const res = await post('nope', '{}');
  expect(res.status).toBe(404);
  expect(await res.json()).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect((await post('constructor', '{}')).status).toBe(404);
  expect((await fetch(`${emu.url}/elsewhere`)).status).toBe(404);
});

test('a body that is not a JSON object → 400 INVALID_INPUT', async () => {
  for (const body of ['not json', '', '[1,2]', 'null', '"x"']) {
    const res = await post('echo', body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ ok: false, code: 'INVALID_INPUT', message: '请求格式不正确' });
  }
});

test('a body over 256 KB → 413, and the server keeps serving', async () => {
  const big = JSON.stringify({ blob: 'x'.repeat(300 * 1024) });
  const res = await post('echo', big);
  expect(res.status).toBe(413);
  // Also without a Content-Length (chunked): the limit is enforced while reading.
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request(
      `${emu.url}/functions/echo`,
      { method: 'POST', headers: { 'transfer-encoding': 'chunked', 'content-type': 'application/json' } },
      (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    for (let i = 0; i < 40; i++) req.write('x'.repeat(16 * 1024));
    req.end();
  });
  expect(status).toBe(413);
  expect((await post('echo', '{}')).status).toBe(200);
});

test('a function that throws → 500 INTERNAL, then the server is still healthy', async () => {
  const res = await post('boom', '{}');
  expect(res.status).toBe(500);
  expect(await res.json()).toEqual({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
  const health = await fetch(`${emu.url}/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ ok: true });
});

test('GET /personas lists the personas', async () => {
  const res = await fetch(`${emu.url}/personas`);
  expect(await res.json()).toEqual([{ openid: 'o-worker', label: '职工', role: 'member', description: '' }]);
});

test('CORS preflight → 204 with the allowed headers', async () => {
  const res = await fetch(`${emu.url}/functions/echo`, {
    method: 'OPTIONS',
    headers: {
      Origin: 'http://localhost:10086',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type,x-wx-openid',
    },
  });
  expect(res.status).toBe(204);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  expect(res.headers.get('access-control-allow-headers')).toMatch(/x-wx-openid/);
  expect(res.headers.get('access-control-allow-headers')).toMatch(/content-type/);
});

test('a body that is not application/json → 415 INVALID_INPUT, the function never runs', async () => {
  const json = JSON.stringify({ action: 'add' });
  const cases: Array<Record<string, string>> = [
    { 'content-type': 'text/plain' },
    { 'content-type': 'application/x-www-form-urlencoded' },
    { 'content-type': 'multipart/form-data; boundary=x' },
    { 'content-type': 'application/jsonp' },
  ];
  for (const headers of cases) {
    const res = await fetch(`${emu.url}/functions/tally`, { method: 'POST', body: json, headers });
    expect({ type: headers['content-type'], status: res.status }).toEqual({
      type: headers['content-type'],
      status: 415,
    });
    expect(await res.json()).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('JSON'),
    });
  }
  // No Content-Type at all (a raw request: fetch would add text/plain).
  expect((await send('/functions/tally', Buffer.from(json), {})).status).toBe(415);
  expect(runs).toBe(0);
  // JSON with a charset parameter, any case, is JSON.
  const ok = await post('tally', json, { 'content-type': 'Application/JSON; charset=utf-8' });
  expect(await ok.json()).toEqual({ ok: true, data: 1 });
});

/**
 * A raw POST over a socket that writes its whole body and only then reads the answer, as curl and
 * a browser on a slow uplink do: a server that answers mid-upload and closes with unread bytes left
 * resets the connection, and the reset throws away the answer before the client reads it.
 */
function send(
  path: string,
  body: Buffer,
  headers: Record<string, string | number>,
  chunked = false,
): Promise<{ status: number; body: string; error?: string }> {
  return new Promise((resolve) => {
    const { port } = new URL(emu.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    const head = Object.entries({ ...headers, ...(chunked ? {} : { 'content-length': body.length }) })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    let raw = '';
    let error: string | undefined;
    socket.pause();
    socket.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    socket.on('error', (e) => (error = e.message));
    socket.on('close', () => {
      const [top = '', ...rest] = raw.split('\r\n\r\n');
      let text = rest.join('\r\n\r\n');
      // A chunked answer: keep the chunks' data only.
      if (/transfer-encoding: chunked/i.test(top)) text = text.replace(/(^|\r\n)[0-9a-f]+\r\n/gi, '');
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(top)?.[1] ?? -1), body: text.trim(), error });
    });
    socket.write(`POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n${head}\r\n`);
    const pieces: Buffer[] = [];
    for (let at = 0; at < body.length; at += 64 * 1024) pieces.push(body.subarray(at, at + 64 * 1024));
    const next = () => {
      const piece = pieces.shift();
      if (!piece) {
        if (chunked) socket.write('0\r\n\r\n');
        // Everything sent: read the answer a moment later, as a client busy uploading would.
        return void setTimeout(() => socket.resume(), 100);
      }
      const data = chunked
        ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')])
        : piece;
      if (socket.write(data)) setImmediate(next);
      else socket.once('drain', next);
    };
    socket.once('error', () => pieces.splice(0));
    next();
  });
}

test('an oversized body: the client writes it all and then reads the 413 (no socket reset)', async () => {
  const big = Buffer.from(JSON.stringify({ blob: 'x'.repeat(2 * 1024 * 1024) }));
  const ranBefore = runs;
  const json = { 'content-type': 'application/json' };
  for (let i = 0; i < 3; i++) {
    for (const chunked of [false, true]) {
      const r = await send(
        '/functions/tally',
        big,
        chunked ? { ...json, 'transfer-encoding': 'chunked' } : json,
        chunked,
      );
      expect({ chunked, error: r.error, status: r.status }).toEqual({ chunked, error: undefined, status: 413 });
      expect(JSON.parse(r.body)).toEqual({ ok: false, code: 'INVALID_INPUT', message: '提交的内容过大' });
    }
  }
  // A refusal before the body is read (not JSON, unknown function) also lets the client finish and read it.
  const text = await send('/functions/tally', big, { 'content-type': 'text/plain' });
  expect({ error: text.error, status: text.status }).toEqual({ error: undefined, status: 415 });
  const unknown = await send('/functions/nope', big, json);
  expect({ error: unknown.error, status: unknown.status }).toEqual({ error: undefined, status: 404 });
  expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(runs).toBe(ranBefore);
});
