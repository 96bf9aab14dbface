/**
 * The emulator's cloud storage over HTTP: `POST /upload` (the H5 app's wx.cloud.uploadFile: signed-in
 * callers, images only, ≤ 2 MB, under retirement-photos/ only, never over a file already there, stored
 * under the data dir) and `GET /file/...` by a signed temporary link from the REAL SDK's
 * getTempFileURL (answered by the stand-in on the same server); deleteFile removes the file.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import cloud from 'wx-server-sdk';
import { Bucket, FILE_ID_PREFIX, tempFileURL } from '../../cloud/emulator/standin/storage';
import { createEmulatorServer, LOCAL_ENV, MAX_UPLOAD_BYTES, type EmulatorServer } from '../../cloud/emulator/server';

let emu: EmulatorServer;
let dataDir: string;
/** The emulator's bucket (environment `local`). */
const storage = () => emu.standIn.env(LOCAL_ENV).bucket;
const getTempFileURL = (param: { fileList: string[] }) => cloud.getTempFileURL(param) as Promise<any>;
const deleteFile = (param: { fileList: string[] }) => cloud.deleteFile(param) as Promise<any>;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-files-'));
  emu = await createEmulatorServer({ port: 0, functions: {}, dataDir });
  // The emulator points the real SDK at itself; the functions init it like this.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
});
afterAll(async () => {
  await emu.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]);
const PNG = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), Buffer.alloc(50, 1)]);

function upload(cloudPath: string | null, body: Buffer | string, type = 'image/jpeg', openid = 'persona-family') {
  const query = cloudPath === null ? '' : `?cloudPath=${encodeURIComponent(cloudPath)}`;
  return fetch(`${emu.url}/upload${query}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : new Uint8Array(body),
    headers: { 'content-type': type, ...(openid ? { 'X-WX-OPENID': openid } : {}) },
  });
}

test('an image upload is stored under the data dir and answered with its fileID', async () => {
  const res = await upload('retirement-photos/2026-01/abc.jpg', JPEG);
  expect(res.status).toBe(200);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  const body = await res.json();
  expect(body).toEqual({ fileID: `${FILE_ID_PREFIX}retirement-photos/2026-01/abc.jpg`, statusCode: 200 });
  expect(fs.readFileSync(path.join(dataDir, 'local/files/retirement-photos/2026-01/abc.jpg'))).toEqual(JPEG);
  // PNG (with a charset parameter the browser might add) is fine too
  expect((await upload('retirement-photos/p.png', PNG, 'image/png; charset=binary')).status).toBe(200);
});

test('uploads need a caller', async () => {
  const res = await upload('retirement-photos/anon.jpg', JPEG, 'image/jpeg', '');
  expect(res.status).toBe(401);
  expect(await res.json()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  expect(await storage().read('retirement-photos/anon.jpg')).toBeNull();
});

test('wrong types are refused (415) and nothing is stored: declared type, or bytes that are not that image', async () => {
  const cases: [string, Buffer | string, string][] = [
    ['t1.jpg', 'hello', 'text/plain'],
    ['t2.gif', Buffer.from('GIF89a.....'), 'image/gif'],
    ['t3.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml'],
    ['t4.jpg', '%PDF-1.4 ...', 'application/pdf'],
    ['t5.jpg', '<html>not a photo</html>', 'image/jpeg'],
    ['t6.png', JPEG, 'image/png'],
  ];
  for (const [name, body, type] of cases) {
    const res = await upload(`retirement-photos/${name}`, body, type);
    expect([name, res.status]).toEqual([name, 415]);
    const json = await res.json();
    expect(json).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(json.message).toMatch(/照片/);
    expect(await storage().read(`retirement-photos/${name}`)).toBeNull();
  }
});

test('over 2 MB is refused (413), by Content-Length or while streaming, and the server keeps serving', async () => {
  const big = Buffer.concat([JPEG, Buffer.alloc(MAX_UPLOAD_BYTES)]);
  const res = await upload('retirement-photos/big.jpg', big);
  expect(res.status).toBe(413);
  expect((await res.json()).message).toContain('2MB');

  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request(
      `${emu.url}/upload?cloudPath=retirement-photos/big2.jpg`,
      {
        method: 'POST',
        headers: { 'transfer-encoding': 'chunked', 'content-type': 'image/jpeg', 'X-WX-OPENID': 'persona-family' },
      },
      (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.write(JPEG);
    for (let i = 0; i < 40; i++) req.write(Buffer.alloc(64 * 1024));
    req.end();
  });
  expect(status).toBe(413);
  expect(await storage().read('retirement-photos/big.jpg')).toBeNull();
  expect(await storage().read('retirement-photos/big2.jpg')).toBeNull();
  // exactly at the limit is accepted
  const edge = Buffer.concat([JPEG, Buffer.alloc(MAX_UPLOAD_BYTES - JPEG.length)]);
  expect((await upload('retirement-photos/edge.jpg', edge)).status).toBe(200);
  expect((await fetch(`${emu.url}/health`)).status).toBe(200);
});

test('a cloud path outside the bucket or malformed is refused (400)', async () => {
  for (const p of [
    null,
    '',
    '/etc/x.jpg',
    '../x.jpg',
    'retirement-photos/../../x.jpg',
    'a//b.jpg',
    'a\\b.jpg',
    'x'.repeat(201),
  ]) {
    const res = await upload(p, JPEG);
    expect([p, res.status]).toEqual([p, 400]);
  }
  expect(fs.existsSync(path.join(dataDir, 'x.jpg'))).toBe(false);
  expect(fs.existsSync(path.join(os.tmpdir(), 'x.jpg'))).toBe(false);
});

test('a path already taken is refused (409), by anyone, and the file there stays as it was', async () => {
  expect((await upload('retirement-photos/k1/2026-01/mine.jpg', JPEG)).status).toBe(200);
  for (const [body, type, openid] of [
    [PNG, 'image/png', 'persona-worker'],
    [JPEG, 'image/jpeg', 'persona-family'],
  ] as const) {
    const res = await upload('retirement-photos/k1/2026-01/mine.jpg', body, type, openid);
    expect([openid, res.status]).toEqual([openid, 409]);
    expect(await res.json()).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('照片'),
    });
  }
  expect(fs.readFileSync(path.join(dataDir, 'local/files/retirement-photos/k1/2026-01/mine.jpg'))).toEqual(JPEG);

  // Two uploads to one new path at the same instant: one stores, the other is refused.
  const both = await Promise.all([
    upload('retirement-photos/k1/2026-01/race.png', PNG, 'image/png', 'persona-worker'),
    upload('retirement-photos/k1/2026-01/race.png', Buffer.concat([PNG, PNG]), 'image/png', 'persona-family'),
  ]);
  expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  const kept = fs.readFileSync(path.join(dataDir, 'local/files/retirement-photos/k1/2026-01/race.png'));
  expect([PNG.length, PNG.length * 2]).toContain(kept.length);
});

test('storage create never overwrites, on disk or in memory, even for two at once', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-create-'));
  try {
    for (const store of [new Bucket(dir), new Bucket()]) {
      const made = await Promise.all([
        store.create('retirement-photos/k/a.jpg', JPEG),
        store.create('retirement-photos/k/a.jpg', PNG),
      ]);
      expect(made.filter((ok) => ok)).toHaveLength(1);
      expect(made.filter((ok) => !ok)).toHaveLength(1);
      const bytes = await store.read('retirement-photos/k/a.jpg');
      expect([JPEG, PNG].some((b) => bytes?.equals(b))).toBe(true);
      expect(await store.create('retirement-photos/k/a.jpg', JPEG)).toBe(false);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('uploads go under retirement-photos/ only (403 elsewhere), nothing stored', async () => {
  for (const p of [
    'other/x.jpg',
    'x.jpg',
    'avatars/persona-family.png',
    'retirement-photosX/a.jpg',
    'Retirement-photos/a.jpg',
  ]) {
    const res = await upload(p, JPEG);
    expect([p, res.status]).toEqual([p, 403]);
    expect(await res.json()).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await storage().read(p)).toBeNull();
  }
});

test('getTempFileURL links to GET /file on this server; a tampered or expired link is refused; deleted files are gone', async () => {
  const { fileID } = await (await upload('retirement-photos/link.jpg', JPEG)).json();
  const { fileList } = await getTempFileURL({ fileList: [fileID, `${FILE_ID_PREFIX}retirement-photos/none.jpg`] });
  expect(fileList[0]).toMatchObject({ fileID, status: 0 });
  // The real SDK's answer for a missing file: STORAGE_FILE_NONEXIST as status -503003.
  expect(fileList[1]).toMatchObject({ status: -503003, errMsg: 'storage file not exists', tempFileURL: '' });
  const url = new URL(fileList[0].tempFileURL);
  expect(url.origin).toBe(emu.url);

  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/jpeg');
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  expect(Buffer.from(await res.arrayBuffer())).toEqual(JPEG);

  // knowing the path is not enough
  expect((await fetch(`${emu.url}/file/retirement-photos/link.jpg`)).status).toBe(403);
  const tampered = new URL(url);
  tampered.pathname = '/file/retirement-photos/2026-01/abc.jpg';
  expect((await fetch(tampered)).status).toBe(403);
  const forged = new URL(url);
  forged.searchParams.set('t', String(Number(url.searchParams.get('t')) + 3600));
  expect((await fetch(forged)).status).toBe(403);
  // a properly signed link whose time has passed
  const expired = tempFileURL(emu.url, LOCAL_ENV, 'retirement-photos/link.jpg', -10);
  expect(new URL(expired).origin).toBe(emu.url);
  expect((await fetch(expired)).status).toBe(403);
  expect((await fetch(tempFileURL(emu.url, LOCAL_ENV, 'retirement-photos/link.jpg', 60))).status).toBe(200);
  // Another environment's bucket does not hold it.
  expect((await fetch(tempFileURL(emu.url, 'elsewhere', 'retirement-photos/link.jpg', 60))).status).toBe(404);

  const del = await deleteFile({ fileList: [fileID, `${FILE_ID_PREFIX}retirement-photos/none.jpg`] });
  expect(del.fileList).toEqual([
    { fileID, status: 0, errMsg: 'ok' },
    expect.objectContaining({ status: -503003, errMsg: 'storage file not exists' }),
  ]);
  expect(fs.existsSync(path.join(dataDir, 'local/files/retirement-photos/link.jpg'))).toBe(false);
  expect((await fetch(url)).status).toBe(404);
});

test('CORS preflight for an upload allows the headers it sends', async () => {
  const res = await fetch(`${emu.url}/upload?cloudPath=x.jpg`, {
    method: 'OPTIONS',
    headers: {
      Origin: 'http://127.0.0.1:10086',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type,x-wx-openid',
    },
  });
  expect(res.status).toBe(204);
  expect(res.headers.get('access-control-allow-headers')).toMatch(/x-wx-openid/);
});
