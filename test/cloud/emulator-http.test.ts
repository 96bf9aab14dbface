/** The emulator HTTP server: routing, identity header, body limits, errors, CORS, the stand-in beside them. */
import http from 'node:http';
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
const errors = jest.spyOn(console, 'error');

beforeAll(async () => {
  errors.mockImplementation(() => undefined);
  emu = await createEmulatorServer({
    port: 0,
    functions: {
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
      { method: 'POST', headers: { 'transfer-encoding': 'chunked' } },
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
