/**
 * Journeys in the compiled weapp against the real cloud functions: one emulator per test file (fresh seeded data,
 * `scripts/emulator.mjs --reset`, the functions on the real wx-server-sdk against the stand-in), and the compiled
 * app's wx.cloud.callFunction answered by it as the persona the test chose.
 *
 *   const emu = setupEmulator();                 // registers beforeAll/afterAll; links harness `cloud` to it
 *   emu.as('persona-rider');                   // the compiled app now calls the cloud as the rider
 *   const page = await loadPage('gifts/pages/campaign/index');
 *   const data = await emu.callAs('persona-admin', 'gift', { action: 'stationStock', ... }); // setup and checks
 *
 * Each member-facing step goes through a compiled page; `callAs`/`callRaw` are for setup and for reading the state.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { cloud } from './harness';

const ROOT = path.resolve(__dirname, '../..');

export interface Envelope {
  ok: boolean;
  data?: any;
  code?: string;
  message?: string;
}

export interface Emulator {
  url: string;
  /** The OPENID the compiled app's cloud calls run as from now on. */
  as(openid: string): void;
  callRaw(openid: string, fn: string, event: Record<string, unknown>): Promise<Envelope>;
  /** callRaw that throws on a refusal and answers the data. */
  callAs(openid: string, fn: string, event: Record<string, unknown>): Promise<any>;
  log(): string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

// Node's http, not fetch: the weapp project runs in jsdom, which has no fetch.
function post(url: string, openid: string, body: unknown): Promise<Envelope> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': payload.length, 'x-wx-openid': openid },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export function setupEmulator(): Emulator {
  let child: ChildProcess | undefined;
  let out = '';
  let dataDir = '';
  let persona = '';
  const emu: Emulator = {
    url: '',
    as(openid) {
      persona = openid;
    },
    callRaw: (openid, fn, event) => post(`${emu.url}/functions/${fn}`, openid, event),
    async callAs(openid, fn, event) {
      const res = await emu.callRaw(openid, fn, event);
      if (!res.ok) throw new Error(`${fn}.${String(event.action)}: ${res.code} ${res.message}`);
      return res.data;
    },
    log: () => out,
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-weapp-'));
    const port = await freePort();
    child = spawn(process.execPath, ['scripts/emulator.mjs', '--reset'], {
      cwd: ROOT,
      env: { ...process.env, EMULATOR_PORT: String(port), EMULATOR_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    emu.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`emulator not ready after 90 s:\n${out}`)), 90_000);
      child!.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /Emulator ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child!.stderr!.on('data', (c: Buffer) => (out += c.toString()));
      child!.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`emulator exited (${code}) before it was ready:\n${out}`));
      });
    });
    // The compiled app's wx.cloud.callFunction goes to the emulator as the chosen persona. Tests may still put
    // their own handlers in front (cloud.handle) for a fault they want to see.
    cloud.handle((name, data) => {
      if (!persona) throw new Error('emulator: call emu.as(openid) before loading a page');
      return post(`${emu.url}/functions/${name}`, persona, data);
    });
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        const kill = setTimeout(() => child!.kill('SIGKILL'), 5000);
        child!.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child!.kill('SIGTERM');
      });
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  return emu;
}
