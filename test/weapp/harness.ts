/**
 * Loads pages of the compiled weapp build (dist/, from `taro build --type weapp`) in miniprogram-simulate, with the
 * real WeChat template compiler (wcc), so a test sees what a phone would render.
 *
 *   import { loadPage, wxMock, cloud } from './harness';
 *
 *   test('claims a gift', async () => {
 *     cloud.handle((name, data) => (name === 'gift' && data.action === 'claim' ? { ok: true, data: {...} } : undefined));
 *     const page = await loadPage('gifts/pages/campaign/index', { query: { id: 'cny2025' } });
 *     await page.waitForText('春节礼包');
 *     await page.tap('.claim-button');            // CSS selector (Taro className) or a DOM element
 *     await page.waitFor(() => wxMock.showToast.mock.calls.length > 0);
 *     expect(cloud.calls).toContainEqual({ name: 'gift', data: expect.objectContaining({ action: 'claim' }) });
 *   });
 *
 * API
 * - loadPage(path, { query? }) -> Promise<PageHandle>: path as in app.json ('pages/home/index'); resolves once the
 *   page has rendered something (Taro mounts asynchronously). A page may be loaded several times in one file (each
 *   load is a new page instance, as when navigating to it again; module-level state in the page is shared).
 *   unload() the previous instance first if the page keeps timers running.
 * - PageHandle: dom (HTMLElement), text() (whitespace-collapsed textContent), $(sel), $$(sel),
 *   tap(target), input(target, value), trigger(target, eventName, detail), waitFor(pred), waitForText(text),
 *   show()/hide() (page lifetimes), unload(), data (the page's setData state), instance (the page `this`).
 *   Selectors are DOM selectors over the rendered tree: Taro classNames are kept (`.page-title`), tags are
 *   `wx-view`, `wx-text`, `wx-button`, `wx-input`, ... (element ids are not written to the DOM: use classes).
 * - waitFor(pred, { timeout = 5000, interval = 20 }): polls until pred() is truthy (or doesn't throw); never sleep.
 * - cloud: wx.cloud.callFunction stub. cloud.handle((name, data) => result) programs it (the returned value becomes
 *   `res.result`; return undefined to fall through to the next handler; throw to reject); cloud.calls records
 *   { name, data }; cloud.reset() clears both. Unhandled calls answer { ok: false, code: 'INTERNAL' }.
 * - wxMock: jest.fn stubs merged over miniprogram-simulate's `wx` (showToast, showModal -> confirm,
 *   showActionSheet -> tapIndex 0, navigateTo/redirectTo/switchTab/navigateBack/reLaunch, scanCode -> '' result,
 *   request -> 200 {}, storage backed by wxMock.storage, getAppBaseInfo/getSystemInfoSync, login, chooseImage -> one
 *   wxfile://tmp/photo.jpg, cloud.uploadFile -> fileID cloud://test-env.bucket/<cloudPath>).
 *   Reprogram with e.g. wxMock.scanCode.mockImplementationOnce(opts => opts.success({ result: 'T1.abc' })).
 *   resetWx() clears calls, overrides and storage (call it in beforeEach if a file has several tests).
 * - Globals shimmed for the dist code: Page (as a Component: onLoad/onShow on attached, onReady on ready,
 *   onUnload on detached; pageLifetimes show/hide), App, getApp, getCurrentPages.
 */
import fs from 'node:fs';
import path from 'node:path';

jest.setTimeout(60_000);

const simulate = require('miniprogram-simulate');
const exparser = require('miniprogram-exparser');

type AnyFn = (...args: any[]) => any;
type Query = Record<string, string>;

export const DIST = path.resolve(__dirname, '../../dist');
const g = globalThis as any;

// ---------------------------------------------------------------- wx stubs
const storage = new Map<string, unknown>();
const defaults = new Map<jest.Mock, AnyFn>();
function stub(impl: AnyFn): jest.Mock {
  const m = jest.fn(impl);
  defaults.set(m, impl);
  return m;
}
/** A wx async API that succeeds with `res` (callbacks and promise style). */
const ok = (res: Record<string, unknown> = {}) =>
  stub((opts: any = {}) => {
    const r = { errMsg: 'ok', ...res };
    opts.success?.(r);
    opts.complete?.(r);
    return Promise.resolve(r);
  });

type CloudHandler = (name: string, data: any) => unknown;
const handlers: CloudHandler[] = [];
export const cloud = {
  calls: [] as { name: string; data: any }[],
  handle(h: CloudHandler) {
    handlers.unshift(h);
  },
  reset() {
    handlers.length = 0;
    cloud.calls.length = 0;
  },
};

const callFunction = stub(
  async (opts: { name: string; data?: any; success?: AnyFn; fail?: AnyFn; complete?: AnyFn }) => {
    const data = opts.data ?? {};
    cloud.calls.push({ name: opts.name, data });
    try {
      let result: unknown;
      for (const h of handlers) {
        result = await h(opts.name, data);
        if (result !== undefined) break;
      }
      const res = {
        errMsg: 'cloud.callFunction:ok',
        result: result ?? { ok: false, code: 'INTERNAL', message: `no test handler for ${opts.name}` },
      };
      opts.success?.(res);
      opts.complete?.(res);
      return res;
    } catch (err) {
      const e = { errMsg: `cloud.callFunction:fail ${(err as Error).message}` };
      opts.fail?.(e);
      opts.complete?.(e);
      if (!opts.success && !opts.fail) throw e;
      return undefined;
    }
  },
);

const baseInfo = { SDKVersion: '3.6.0', language: 'zh_CN', version: '8.0.50', theme: 'light', fontSizeSetting: 16 };
const systemInfo = {
  ...baseInfo,
  brand: 'devtools',
  model: 'iPhone 12',
  platform: 'devtools',
  system: 'iOS 16',
  pixelRatio: 2,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 812,
  statusBarHeight: 44,
};

export const wxMock = {
  storage,
  cloud: {
    init: stub(() => undefined),
    callFunction,
    uploadFile: stub((opts: { cloudPath: string; filePath: string; success?: AnyFn; complete?: AnyFn }) => {
      const res = {
        fileID: `cloud://test-env.bucket/${opts.cloudPath}`,
        statusCode: 200,
        errMsg: 'cloud.uploadFile:ok',
      };
      opts.success?.(res);
      opts.complete?.(res);
      return Promise.resolve(res);
    }),
  },
  chooseImage: ok({
    tempFilePaths: ['wxfile://tmp/photo.jpg'],
    tempFiles: [{ path: 'wxfile://tmp/photo.jpg', size: 120000 }],
  }),
  showToast: ok(),
  hideToast: ok(),
  showLoading: ok(),
  hideLoading: ok(),
  showModal: ok({ confirm: true, cancel: false }),
  showActionSheet: ok({ tapIndex: 0 }),
  navigateTo: ok(),
  redirectTo: ok(),
  navigateBack: ok(),
  switchTab: ok(),
  reLaunch: ok(),
  setNavigationBarTitle: ok(),
  stopPullDownRefresh: ok(),
  makePhoneCall: ok(),
  setClipboardData: ok(),
  vibrateShort: ok(),
  login: ok({ code: 'test-code' }),
  scanCode: ok({ result: '', scanType: 'QR_CODE' }),
  request: ok({ statusCode: 200, data: {}, header: {} }),
  getStorageSync: stub((k: string) => (storage.has(k) ? storage.get(k) : '')),
  setStorageSync: stub((k: string, v: unknown) => void storage.set(k, v)),
  removeStorageSync: stub((k: string) => void storage.delete(k)),
  getStorage: stub((o: any) =>
    storage.has(o.key) ? o.success?.({ data: storage.get(o.key) }) : o.fail?.({ errMsg: 'not found' }),
  ),
  setStorage: stub((o: any) => (storage.set(o.key, o.data), o.success?.({ errMsg: 'ok' }))),
  getAppBaseInfo: stub(() => ({ ...baseInfo })),
  getSystemInfoSync: stub(() => ({ ...systemInfo })),
  getWindowInfo: stub(() => ({ ...systemInfo })),
};

export function resetWx() {
  storage.clear();
  cloud.reset();
  for (const [m, impl] of defaults) m.mockReset().mockImplementation(impl);
}

Object.assign(g.wx, wxMock); // g.wx was created by miniprogram-simulate (selector queries, canvas, nextTick...)

// ---------------------------------------------------------------- App / Page shims
// Keep Taro classNames as written (miniprogram-simulate would prefix them with the tag name: `main--page`).
const simulateComponent = g.Component;
let lastDefinition: any;
g.Component = (def: any) => {
  lastDefinition = def;
  simulateComponent({ ...def, options: { ...def.options, classPrefix: '' } });
};

// miniprogram-simulate runs each page/component file with require(); jest (and webpack's own module cache) run a file
// only once, so a second load of the same page would register nothing. Replay the definition the first run produced.
const simulateUtils = require('miniprogram-simulate/src/utils');
const runJs = simulateUtils.runJs;
const definitions = new Map<string, any>();
simulateUtils.runJs = (file: string) => {
  lastDefinition = undefined;
  runJs(file);
  if (lastDefinition) definitions.set(file, lastDefinition);
  else if (definitions.has(file)) g.Component(definitions.get(file));
};

let appInstance: any = null;
const pageStack: any[] = [];
let pending: { route: string; query: Query } = { route: '', query: {} };

g.App = (options: any) => {
  appInstance = options;
};
g.getApp = () => appInstance;
g.getCurrentPages = () => [...pageStack];

const call = (self: any, name: string, ...args: unknown[]) =>
  typeof self[name] === 'function' ? self[name](...args) : undefined;

/** A mini-program Page definition as a Component definition (miniprogram-simulate only knows Component). */
g.Page = (options: Record<string, any>) => {
  const methods: Record<string, AnyFn> = {};
  for (const [k, v] of Object.entries(options)) if (typeof v === 'function') methods[k] = v;
  g.Component({
    data: options.data ?? {},
    methods,
    lifetimes: {
      attached(this: any) {
        this.route = pending.route;
        this.options = pending.query;
        pageStack.push(this);
        call(this, 'onLoad', { ...pending.query });
        call(this, 'onShow');
      },
      ready(this: any) {
        call(this, 'onReady');
      },
      detached(this: any) {
        call(this, 'onUnload');
        pageStack.splice(pageStack.indexOf(this), 1);
      },
    },
    pageLifetimes: {
      show(this: any) {
        call(this, 'onShow');
      },
      hide(this: any) {
        call(this, 'onHide');
      },
    },
  });
};

function ensureApp(route: string, query: Query) {
  if (appInstance) return;
  if (!fs.existsSync(path.join(DIST, 'app.js')))
    throw new Error(`${DIST}/app.js missing: run \`npx taro build --type weapp\``);
  require(path.join(DIST, 'app.js')); // vendors, taro runtime, then App(...)
  if (!appInstance) throw new Error('dist/app.js did not call App()');
  const launch = { path: route, query, scene: 1001, referrerInfo: {} };
  call(appInstance, 'onLaunch', launch);
  call(appInstance, 'onShow', launch);
}

// ---------------------------------------------------------------- polling
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  {
    timeout = 5000,
    interval = 20,
    message = 'condition',
  }: { timeout?: number; interval?: number; message?: string } = {},
): Promise<T> {
  const start = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const v = await predicate();
      if (v) return v;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() - start > timeout) {
      throw new Error(
        `waitFor: ${message} not met after ${timeout} ms${lastError ? `: ${(lastError as Error).message}` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

// ---------------------------------------------------------------- pages
export interface PageHandle {
  /** The j-component root (escape hatch). */
  comp: any;
  dom: HTMLElement;
  /** The page `this` (route, options, setData...). */
  instance: any;
  data: any;
  text(): string;
  $(selector: string): HTMLElement | null;
  $$(selector: string): HTMLElement[];
  tap(target: string | Element, detail?: Record<string, unknown>): Promise<void>;
  input(target: string | Element, value: string): Promise<void>;
  trigger(target: string | Element, eventName: string, detail?: Record<string, unknown>): Promise<void>;
  waitFor<T>(predicate: () => T | Promise<T>, opts?: { timeout?: number; message?: string }): Promise<T>;
  waitForText(text: string | RegExp, opts?: { timeout?: number }): Promise<void>;
  show(): void;
  hide(): void;
  unload(): void;
}

export async function loadPage(route: string, { query = {} }: { query?: Query } = {}): Promise<PageHandle> {
  route = route.replace(/^\//, '');
  if (!fs.existsSync(path.join(DIST, `${route}.json`))) throw new Error(`no page ${route} in ${DIST}`);
  ensureApp(route, query);
  const id = simulate.load(path.join(DIST, route), { rootPath: DIST });
  const comp = simulate.render(id);
  const parent = document.createElement('parent-wrapper');
  document.body.appendChild(parent);
  pending = { route, query };
  comp.attach(parent);

  const dom: HTMLElement = comp.dom;
  const resolve = (t: string | Element) => {
    const el = typeof t === 'string' ? dom.querySelector(t) : t;
    if (!el) throw new Error(`no element matches ${String(t)}; page text: ${handle.text().slice(0, 300)}`);
    return el as any;
  };
  const trigger = async (t: string | Element, eventName: string, detail: Record<string, unknown> = {}) => {
    const el = resolve(t);
    const node = el.__wxElement ?? el;
    const event = exparser.Event.create(eventName, detail, {
      bubbles: true,
      capturePhase: true,
      composed: true,
      extraFields: { touches: [], changedTouches: [] },
    });
    exparser.Event.dispatchEvent(node, event);
    await new Promise((r) => setTimeout(r, 0)); // let Taro's setData batch flush
  };
  const handle: PageHandle = {
    comp,
    dom,
    get instance() {
      return comp.instance;
    },
    get data() {
      return comp.data;
    },
    text: () => (dom.textContent ?? '').replace(/\s+/g, ' ').trim(),
    $: (sel) => dom.querySelector(sel),
    $$: (sel) => Array.from(dom.querySelectorAll(sel)),
    trigger,
    tap: (t, detail = { x: 0, y: 0 }) => trigger(t, 'tap', detail),
    input: async (t, value) => {
      const el = resolve(t);
      if (el.__wxElement && 'value' in el.__wxElement) el.__wxElement.value = value;
      await trigger(el, 'input', { value, cursor: value.length, keyCode: 0 });
    },
    waitFor: (p, opts) => waitFor(p, opts),
    waitForText: async (text, opts) => {
      await waitFor(() => (typeof text === 'string' ? handle.text().includes(text) : text.test(handle.text())), {
        ...opts,
        message: `text ${String(text)} (page text: ${handle.text().slice(0, 200) || '<empty>'})`,
      });
    },
    show: () => comp.triggerPageLifeTime('show'),
    hide: () => comp.triggerPageLifeTime('hide'),
    unload: () => comp.detach(),
  };
  await waitFor(() => comp.data?.root?.cn?.length && dom.firstElementChild, { message: `${route} to render` });
  return handle;
}
