/**
 * `@tarojs/taro` for the `app` jest project (jsdom). Every API is a jest.fn with a sensible default; program it
 * per test with e.g. `jest.mocked(Taro.request).mockResolvedValueOnce(...)`, or through `taroMock` below:
 *
 *   import Taro from '@tarojs/taro';
 *   import { taroMock } from '../mocks/taro'; // the same module instance jest maps @tarojs/taro to
 *   beforeEach(() => taroMock.reset());
 *   taroMock.cloudCall.mockResolvedValue({ result: { ok: true, data: {...} } });
 *   taroMock.setRouterParams({ id: 'c1' });
 *   expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '报名成功' }));
 *
 * Lifecycle hooks (useLoad, useDidShow, useReady) run once after mount; useDidHide/useUnload on unmount.
 */
import { useEffect, useRef } from 'react';

type Fn = (...args: any[]) => any;

// Every mock with its default implementation, so reset() can undo per-test overrides.
const defaults = new Map<jest.Mock, Fn>();
function fn<T extends Fn>(impl: T = (() => undefined) as T): jest.Mock<ReturnType<T>, Parameters<T>> {
  const m = jest.fn(impl) as unknown as jest.Mock<ReturnType<T>, Parameters<T>>;
  defaults.set(m, impl);
  return m;
}

const storage = new Map<string, unknown>();
let routerParams: Record<string, string> = {};
let routerPath = '/pages/home/index';

const ok = (extra: Record<string, unknown> = {}) =>
  fn(async (opts?: any) => {
    const res = { errMsg: 'ok', ...extra };
    opts?.success?.(res);
    opts?.complete?.(res);
    return res;
  });

const cloudCall = fn(async (_opts: { name: string; data?: unknown }): Promise<any> => ({
  result: { ok: true, data: null },
}));

function selectorQuery() {
  const q: any = {
    select: () => q,
    selectAll: () => q,
    selectViewport: () => q,
    in: () => q,
    boundingClientRect: (cb?: Fn) => (cb?.({ width: 300, height: 300, top: 0, left: 0 }), q),
    scrollOffset: (cb?: Fn) => (cb?.({ scrollTop: 0, scrollLeft: 0 }), q),
    fields: (_f: unknown, cb?: Fn) => (cb?.({ node: null, width: 300, height: 300 }), q),
    node: (cb?: Fn) => (cb?.({ node: null }), q),
    exec: (cb?: Fn) => {
      const res = [{ node: null, width: 300, height: 300 }];
      cb?.(res);
      return res;
    },
  };
  return q;
}

const baseInfo = () => ({
  SDKVersion: '3.0.0',
  language: 'zh_CN',
  version: '8.0.50',
  theme: 'light',
  fontSizeSetting: 16,
});
const systemInfo = () => ({
  ...baseInfo(),
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
  safeArea: { top: 44, bottom: 812, left: 0, right: 375, width: 375, height: 768 },
});

function useOnMount(cb: Fn) {
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => {
    ref.current();
  }, []);
}
function useOnUnmount(cb: Fn) {
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => () => ref.current(), []);
}

const Taro = {
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  getEnv: fn(() => 'WEB'),
  request: fn(async (opts: any): Promise<any> => ({
    statusCode: 200,
    data: { ok: true, data: null },
    header: {},
    opts,
  })),
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
  pageScrollTo: ok(),
  previewImage: ok(),
  vibrateShort: ok(),
  login: ok({ code: 'test-code' }),
  scanCode: ok({ result: '', scanType: 'QR_CODE' }),
  canvasToTempFilePath: ok({ tempFilePath: 'wxfile://tmp/canvas.png' }),
  // One compressed photo, as weapp answers (H5 adds `type`).
  chooseImage: ok({
    tempFilePaths: ['wxfile://tmp/photo.jpg'],
    tempFiles: [{ path: 'wxfile://tmp/photo.jpg', size: 120_000 }],
  }),
  saveImageToPhotosAlbum: ok(),
  // The user allowed every template asked for (a test overrides it to refuse).
  requestSubscribeMessage: fn(async (opts: { tmplIds: string[] }): Promise<any> => ({
    errMsg: 'requestSubscribeMessage:ok',
    ...Object.fromEntries(opts.tmplIds.map((id) => [id, 'accept'])),
  })),
  getStorageSync: fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: fn((key: string) => void storage.delete(key)),
  clearStorageSync: fn(() => storage.clear()),
  getAppBaseInfo: fn(baseInfo),
  getSystemInfoSync: fn(systemInfo),
  getWindowInfo: fn(systemInfo),
  createSelectorQuery: fn(selectorQuery),
  pxTransform: fn((px: number) => `${px / 2}px`),
  cloud: {
    init: fn(),
    callFunction: cloudCall,
    uploadFile: fn(async (opts: { cloudPath: string; filePath: string }): Promise<any> => ({
      fileID: `cloud://test-env.bucket/${opts.cloudPath}`,
      statusCode: 200,
      errMsg: 'cloud.uploadFile:ok',
    })),
  },
  getCurrentInstance: fn(() => ({ router: { path: routerPath, params: routerParams }, page: {} })),
  getCurrentPages: fn(() => [{ route: routerPath.replace(/^\//, ''), options: routerParams }]),
  eventCenter: { on: fn(), off: fn(), trigger: fn() },
  useRouter: () => ({ path: routerPath, params: routerParams }),
  useLoad: (cb: Fn) => useOnMount(() => cb(routerParams)),
  useReady: useOnMount,
  useDidShow: useOnMount,
  useDidHide: useOnUnmount,
  useUnload: useOnUnmount,
  usePullDownRefresh: (_cb: Fn) => undefined,
  useReachBottom: (_cb: Fn) => undefined,
  useShareAppMessage: (_cb: Fn) => undefined,
  useLaunch: useOnMount,
};

/** Test helpers (not part of Taro). */
export const taroMock = {
  storage,
  cloudCall,
  setRouterParams(params: Record<string, string>, path = routerPath) {
    routerParams = params;
    routerPath = path;
  },
  /** Clears storage and router params; every mock forgets its calls and per-test overrides. */
  reset() {
    storage.clear();
    routerParams = {};
    routerPath = '/pages/home/index';
    for (const [m, impl] of defaults) m.mockReset().mockImplementation(impl);
  },
};

export const {
  ENV_TYPE,
  getEnv,
  request,
  showToast,
  hideToast,
  showLoading,
  hideLoading,
  showModal,
  showActionSheet,
  navigateTo,
  redirectTo,
  navigateBack,
  switchTab,
  reLaunch,
  setNavigationBarTitle,
  stopPullDownRefresh,
  makePhoneCall,
  setClipboardData,
  pageScrollTo,
  previewImage,
  vibrateShort,
  login,
  scanCode,
  canvasToTempFilePath,
  chooseImage,
  saveImageToPhotosAlbum,
  requestSubscribeMessage,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  getAppBaseInfo,
  getSystemInfoSync,
  getWindowInfo,
  createSelectorQuery,
  pxTransform,
  cloud,
  getCurrentInstance,
  getCurrentPages,
  eventCenter,
  useRouter,
  useLoad,
  useReady,
  useDidShow,
  useDidHide,
  useUnload,
  usePullDownRefresh,
  useReachBottom,
  useShareAppMessage,
  useLaunch,
} = Taro;

export default Taro;
