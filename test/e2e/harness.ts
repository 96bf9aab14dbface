/**
 * Browser tests of the H5 build (dist-h5/, from `taro build --type h5`) in Chromium (CHROMIUM_PATH, a system one,
 * or the one inside @sparticuz/chromium: see findChromium), against the local emulator. One emulator (fresh
 * data: `--reset`), one static server and one browser per test file. Chinese renders from the Noto Sans SC web
 * font of @fontsource/noto-sans-sc that every page gets (see addWebFont), not from system fonts.
 *
 *   import { setupE2E } from './harness';
 *   const e2e = setupE2E();                                   // registers beforeAll/afterAll
 *
 *   test('a rider claims a gift pack', async () => {
 *     const page = await e2e.newPage({ persona: 'o-rider-01', path: '/gifts/pages/campaign/index?id=cny' });
 *     await page.getByText('领取礼包').click();
 *     await page.getByText('领取成功').waitFor();               // playwright auto-waits; jest's expect has no toBeVisible
 *     await e2e.screenshot(page, 'gift-claimed');               // -> test-results/screenshots/gift-claimed.png
 *   });
 *
 * API (setupE2E(options) returns an object whose fields are valid inside tests):
 * - appUrl: the static server's URL (e.g. http://127.0.0.1:41234/); emulatorUrl: http://127.0.0.1:<port>.
 * - newPage({ persona?, path = '/pages/home/index', viewport = 375x812, waitForApp = true }) -> playwright Page,
 *   opened at `${appUrl}#${path}` (hash router). Before any app script runs it sets window.__EMULATOR_URL__ and
 *   storage 'emulator-url' to this file's emulator, and storage 'persona' = persona (an OPENID from the seed) when
 *   given; storage entries are written as Taro.setStorageSync does on H5 (localStorage[key] = '{"data":value}'),
 *   so the app reads them with Taro.getStorageSync. Each newPage is a fresh browser context (own localStorage).
 * - screenshot(page, name) -> path of test-results/screenshots/<name>.png (full page), taken once the page has
 *   settled (see settle), so a page caught mid slide-in never shows shifted and cut off.
 * - settle(page, { toast = false }): waits until every shown `.taro_page` sits at x = 0 with no transition or
 *   animation running on it and web fonts are loaded; with toast, also until Taro's toast has gone.
 * - saveImage(name, dataUrl) -> path of test-results/screenshots/<name>.png holding a `data:image/png` URL
 *   (e.g. a canvas's toDataURL()), to look at what was drawn.
 * - pageErrors: uncaught errors from every page (assert it stays empty); consoleErrors likewise for console.error.
 * - callRaw(openid, fn, event) -> the emulator's envelope for a cloud call made as that persona (setup and checks
 *   beside the browser); callAs(...) -> its data, throwing `fn.action: CODE message` on an error envelope.
 * - emulatorLog(): everything the emulator printed so far (for debugging a failure).
 * - setupE2E({ emulator: false }) skips the emulator (pages that never call the cloud layer).
 * - setupE2E({ empty: true }) starts the emulator on an EMPTY database (`--empty`: no seed, no personas' roles),
 *   as a union's first day; setupCode() then answers the 超级管理员设置码 the emulator printed.
 * - setupE2E({ browser: 'bundled' }) drives the Chromium inside @sparticuz/chromium even where another is found
 *   (as E2E_BROWSER=bundled does for every file); browserSource says which one runs.
 * Runs serially (jest --selectProjects e2e uses maxWorkers 1); timeout 120 s per test.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const DIST_H5 = path.join(ROOT, 'dist-h5');
const SHOTS = path.join(ROOT, 'test-results/screenshots');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The browser: CHROMIUM_PATH, else a system Chromium, else the one inside @sparticuz/chromium (unpacked on first
 * use); E2E_BROWSER=bundled goes straight to the package. scripts/lib/chromium.mjs decides; it is ESM, so it runs
 * in its own node process and answers in JSON.
 */
export function findChromium(bundled = false): { executablePath: string; env: Record<string, string>; source: string } {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/lib/chromium.mjs')], {
    cwd: ROOT,
    env: bundled ? { ...process.env, E2E_BROWSER: 'bundled' } : process.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out);
}

/**
 * Chinese text renders from a font package, not from whatever fonts the machine has (the bundled Chromium sees
 * none): Noto Sans SC from @fontsource/noto-sans-sc, regular and bold, as a web font, then Noto Sans Symbols 2
 * from @fontsource/noto-sans-symbols-2 for the marks the app draws as text that Noto Sans SC lacks (☐ ☑).
 * Their files are answered from node_modules by a route on every page's context under FONT_PATH; the browser
 * fetches only the subsets a page uses (unicode-range).
 */
const FONT_PACKAGES = ['noto-sans-sc', 'noto-sans-symbols-2'];
const FONT_PATH = '/__e2e-fonts/';
export const FONT_FAMILY = 'Noto Sans SC';
let fontCss: string | undefined;
function webFontCss(): string {
  if (fontCss) return fontCss;
  // Regular and bold where the package has them (Noto Sans Symbols 2 comes in regular only).
  const faces = FONT_PACKAGES.flatMap((pkg) =>
    ['400.css', '700.css']
      .map((f) => path.join(ROOT, 'node_modules/@fontsource', pkg, f))
      .filter((file) => fs.existsSync(file))
      .map((file) => fs.readFileSync(file, 'utf8').replace(/url\(\.\/files\//g, `url(${FONT_PATH}${pkg}/`)),
  ).join('\n');
  // Taro's H5 styles set body's font (-apple-system-font, Helvetica Neue, sans-serif): put the web fonts first.
  // Form controls do not inherit fonts by default: they take the page's too.
  fontCss = `${faces}
html body { font-family: '${FONT_FAMILY}', 'Noto Sans Symbols 2', -apple-system-font, 'Helvetica Neue', sans-serif; }
html body input, html body textarea, html body button { font-family: inherit; }`;
  return fontCss;
}

async function addWebFont(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.pathname.startsWith(FONT_PATH),
    (route) => {
      const [pkg = '', name = ''] = new URL(route.request().url()).pathname.slice(FONT_PATH.length).split('/');
      const file = path.join(ROOT, 'node_modules/@fontsource', pkg, 'files', name);
      if (!FONT_PACKAGES.includes(pkg) || !/^[\w.-]+\.woff2?$/.test(name) || !fs.existsSync(file))
        return route.fulfill({ status: 404 });
      return route.fulfill({
        path: file,
        contentType: name.endsWith('.woff2') ? 'font/woff2' : 'font/woff',
        headers: { 'cache-control': 'max-age=3600', 'access-control-allow-origin': '*' },
      });
    },
  );
  await context.addInitScript((css) => {
    const add = () => {
      const style = document.createElement('style');
      style.dataset.e2eFont = '';
      style.textContent = css;
      (document.head ?? document.documentElement).appendChild(style);
    };
    if (document.documentElement) add();
    else document.addEventListener('readystatechange', add, { once: true });
  }, webFontCss());
}

export function freePort(): Promise<number> {
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

interface Proc {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Spawns `node args...` and resolves once a line of its stdout matches `ready` (rejects on exit/timeout). */
function startNode(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  timeoutMs = 30_000,
): Promise<Proc & { match: RegExpMatchArray }> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`node ${args.join(' ')} not ready after ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output: () => out, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node ${args.join(' ')} exited (${code}) before it was ready:\n${out}`));
    });
  });
}

export interface NewPageOptions {
  persona?: string;
  path?: string;
  viewport?: { width: number; height: number };
  waitForApp?: boolean;
}

export interface Envelope {
  ok: boolean;
  data?: any;
  code?: string;
  message?: string;
}

export interface E2E {
  appUrl: string;
  emulatorUrl: string;
  browser: Browser;
  /** Where the browser came from: 'CHROMIUM_PATH', 'system' or '@sparticuz/chromium <version>'. */
  browserSource: string;
  pageErrors: string[];
  consoleErrors: string[];
  newPage(opts?: NewPageOptions): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  settle(page: Page, opts?: { toast?: boolean }): Promise<void>;
  saveImage(name: string, dataUrl: string): string;
  callRaw(openid: string, fn: string, event: Record<string, unknown>): Promise<Envelope>;
  callAs(openid: string, fn: string, event: Record<string, unknown>): Promise<any>;
  emulatorLog(): string;
  /** The one-time setup code the emulator printed (setupE2E({ empty: true }) only). */
  setupCode(): string;
}

export function setupE2E({
  emulator = true,
  empty = false,
  browser = 'found',
}: { emulator?: boolean; empty?: boolean; browser?: 'found' | 'bundled' } = {}): E2E {
  const procs: Proc[] = [];
  let dataDir = '';
  const ctx = { pageErrors: [], consoleErrors: [] } as unknown as E2E & { stopAll(): Promise<void> };
  let emulatorProc: Proc | undefined;

  ctx.emulatorLog = () => emulatorProc?.output() ?? '';
  ctx.setupCode = () => {
    const m = /设置码[^:：\n]*[:：]\s*([A-Za-z0-9-]{6,})/.exec(ctx.emulatorLog());
    if (!m) throw new Error(`no setup code in the emulator's output:\n${ctx.emulatorLog()}`);
    return m[1];
  };
  ctx.newPage = async ({
    persona,
    path: route = '/pages/home/index',
    viewport = { width: 375, height: 812 },
    waitForApp = true,
  } = {}) => {
    const context = await ctx.browser.newContext({
      viewport,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      deviceScaleFactor: 2,
    });
    await addWebFont(context);
    await context.addInitScript(
      ({ emulatorUrl, persona }) => {
        // Stored the way Taro.setStorageSync does on H5, so Taro.getStorageSync reads it back.
        const put = (key: string, value: string) => localStorage.setItem(key, JSON.stringify({ data: value }));
        if (emulatorUrl) {
          (window as any).__EMULATOR_URL__ = emulatorUrl;
          put('emulator-url', emulatorUrl);
        }
        if (persona) put('persona', persona);
      },
      { emulatorUrl: ctx.emulatorUrl, persona: persona ?? '' },
    );
    const page = await context.newPage();
    page.on('pageerror', (err) => ctx.pageErrors.push(`${route}: ${err.message}`));
    page.on('console', (msg) => msg.type() === 'error' && ctx.consoleErrors.push(`${route}: ${msg.text()}`));
    await page.goto(`${ctx.appUrl}#${route.startsWith('/') ? route : `/${route}`}`);
    // Taro H5 mounts each page into a `.taro_page` element.
    if (waitForApp) await page.waitForSelector('.taro_page', { timeout: 30_000 });
    return page;
  };
  ctx.settle = async (page, { toast = false } = {}) => {
    await page.waitForFunction(
      (toast) => {
        // Taro's router slides a new page in from the right (a transform transition on .taro_page).
        const moving = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).some((p) => {
          if (getComputedStyle(p).display === 'none') return false;
          return Math.abs(p.getBoundingClientRect().left) >= 1 || p.getAnimations().length > 0;
        });
        // The toast is a zero-size wrapper (playwright calls it hidden even when shown); it ends display: none.
        const shown = document.querySelector<HTMLElement>('.taro__toast');
        const toasting = toast && !!shown && shown.style.display !== 'none';
        return !moving && !toasting && document.fonts.status === 'loaded';
      },
      toast,
      { timeout: 15_000 },
    );
  };
  const shotFile = (name: string) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    return path.join(SHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  };
  ctx.screenshot = async (page, name) => {
    const file = shotFile(name);
    await ctx.settle(page);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
  ctx.saveImage = (name, dataUrl) => {
    const match = /^data:image\/png;base64,(.+)$/.exec(dataUrl);
    if (!match) throw new Error(`saveImage(${name}): not a PNG data URL`);
    const file = shotFile(name);
    fs.writeFileSync(file, Buffer.from(match[1], 'base64'));
    return file;
  };

  ctx.callRaw = async (openid, fn, event) => {
    const res = await fetch(`${ctx.emulatorUrl}/functions/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify(event),
    });
    return (await res.json()) as Envelope;
  };
  ctx.callAs = async (openid, fn, event) => {
    const body = await ctx.callRaw(openid, fn, event);
    if (!body.ok) throw new Error(`${fn}.${String(event.action)}: ${body.code} ${body.message}`);
    return body.data;
  };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST_H5, 'index.html')))
      throw new Error('dist-h5/index.html missing: run `npx taro build --type h5`');
    const staticPort = await freePort();
    const [web, emu] = await Promise.all([
      startNode(['scripts/lib/static-server.mjs', DIST_H5, String(staticPort)], {}, /Serving .* at (http:\S+)/),
      emulator ? startEmulator() : Promise.resolve(undefined),
    ]);
    procs.push(web);
    ctx.appUrl = web.match[1];
    if (emu) {
      procs.push(emu);
      emulatorProc = emu;
      ctx.emulatorUrl = emu.match[1];
    } else {
      ctx.emulatorUrl = '';
    }
    const found = findChromium(browser === 'bundled');
    ctx.browserSource = found.source;
    ctx.browser = await chromium.launch({
      executablePath: found.executablePath,
      env: { ...process.env, ...found.env } as Record<string, string>,
      args: CHROMIUM_ARGS,
    });
  });

  afterAll(async () => {
    await ctx.browser?.close();
    await Promise.all(procs.map((p) => p.stop()));
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function startEmulator() {
    if (!fs.existsSync(path.join(ROOT, 'scripts/emulator.mjs'))) throw new Error('scripts/emulator.mjs missing');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-e2e-'));
    const port = await freePort();
    return startNode(
      ['scripts/emulator.mjs', empty ? '--empty' : '--reset'],
      { EMULATOR_PORT: String(port), EMULATOR_DATA_DIR: dataDir },
      /Emulator ready at (http:\/\/127\.0\.0\.1:\d+)/,
      60_000,
    );
  }

  return ctx;
}

/**
 * Opens a native picker (H5: Taro's weui sheet) of the form field labelled `label`, drags its column
 * from the option shown now to `option` and confirms.
 */
export async function pickOption(page: Page, label: string, option: string) {
  const picker = page.locator('.form-field').filter({ hasText: label }).locator('.form-field__picker');
  const shown = (await picker.innerText()).trim();
  await picker.click();
  const group = page.locator('.weui-picker__group:visible').first();
  await group.waitFor();
  // The sheet slides up from below the screen: drag only once it has arrived.
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.weui-picker__group')).some((g) => {
      const r = g.getBoundingClientRect();
      return r.height > 0 && Math.abs(r.bottom - window.innerHeight) < 1;
    }),
  );
  const items = await group.locator('.weui-picker__item').allInnerTexts();
  const index = items.indexOf(option);
  expect(index).toBeGreaterThanOrEqual(0);
  // A placeholder (nothing chosen yet) leaves the column at its first option.
  const from = Math.max(0, items.indexOf(shown));
  const box = (await group.boundingBox())!;
  // The column follows the mouse only while it stays over the column, and moves one option per
  // 34 px (LINE_HEIGHT in @tarojs/components): drag three options at a time, up from near its
  // bottom to go down the list, down from near its top to go back up.
  const x = box.x + box.width / 2;
  const up = index > from;
  const startY = up ? box.y + box.height - 8 : box.y + 8;
  for (let left = Math.abs(index - from); left > 0; left -= 3) {
    const dy = (up ? -34 : 34) * Math.min(left, 3);
    await page.mouse.move(x, startY);
    await page.mouse.down();
    await page.mouse.move(x, startY + dy / 2, { steps: 4 });
    await page.mouse.move(x, startY + dy, { steps: 4 });
    await page.mouse.up();
  }
  await page.locator('.weui-picker__action:visible').filter({ hasText: '确定' }).click();
  await page.locator('.weui-picker__action:visible').first().waitFor({ state: 'hidden' });
  await picker.filter({ hasText: option }).waitFor();
}
