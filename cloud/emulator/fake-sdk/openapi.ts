/**
 * `cloud.openapi` for the emulator: subscribe messages are recorded (nothing is sent), and
 * `wxacode.getUnlimited` answers a real, scannable PNG QR code standing in for a 小程序码.
 */
import qrcode from 'qrcode-generator';
import { PNG } from 'pngjs';
import { getWXContext } from './context';
import { CloudSDKError } from './errors';

export interface OpenapiCall {
  api: 'subscribeMessage.send' | 'wxacode.getUnlimited';
  params: Record<string, any>;
  /** OPENID of the cloud function call that made it ('' outside one). */
  caller: string;
  at: number;
}

/** Every openapi call made since the last clear, oldest first (read it in tests and the emulator). */
export const openapiCalls: OpenapiCall[] = [];

export function clearOpenapiCalls(): void {
  openapiCalls.length = 0;
}

function record(api: OpenapiCall['api'], params: Record<string, any>): void {
  openapiCalls.push({
    api,
    params: JSON.parse(JSON.stringify(params ?? {})),
    caller: getWXContext().OPENID,
    at: Date.now(),
  });
}

function fail(api: string, errCode: number, reason: string): CloudSDKError {
  return new CloudSDKError(errCode, `openapi.${api}:fail ${reason}`);
}

export interface SubscribeMessageParams {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  lang?: string;
}

async function send(params: SubscribeMessageParams) {
  const api = 'subscribeMessage.send';
  if (!params?.touser) throw fail(api, 40003, 'invalid openid');
  if (!params.templateId) throw fail(api, 40037, 'invalid template_id');
  if (!params.data || typeof params.data !== 'object') throw fail(api, 47003, 'argument invalid! data is empty');
  record(api, params);
  return { errCode: 0, errMsg: `openapi.${api}:ok` };
}

export interface GetUnlimitedParams {
  scene: string;
  page?: string;
  width?: number;
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
}

/** Characters WeChat allows in a scene (besides letters and digits). */
const SCENE_RE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/** The text our stand-in 小程序码 encodes; a real one opens `page` with `scene` in the mini-program. */
export function wxacodeText(page: string, scene: string): string {
  return `https://union.example/wxacode?page=${encodeURIComponent(page)}&scene=${encodeURIComponent(scene)}`;
}

async function getUnlimited(params: GetUnlimitedParams) {
  const api = 'wxacode.getUnlimited';
  const scene = params?.scene;
  if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32)
    throw fail(api, 40169, 'invalid length for scene');
  if (!SCENE_RE.test(scene)) throw fail(api, 40097, 'invalid args: scene has characters WeChat does not allow');
  const page = params.page ?? 'pages/index/index';
  if (page.startsWith('/')) throw fail(api, 41030, 'invalid page');
  record(api, params);
  const width = Math.min(1280, Math.max(280, Math.round(params.width ?? 430)));
  return {
    contentType: 'image/png',
    buffer: renderQrPng(wxacodeText(page, scene), width),
    errCode: 0,
    errMsg: `openapi.${api}:ok`,
  };
}

/** Draws `text` as a black-on-white QR PNG about `width` px wide, with the 4-module quiet zone. */
export function renderQrPng(text: string, width: number): Buffer {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const modules = qr.getModuleCount();
  const quiet = 4;
  const scale = Math.max(1, Math.floor(width / (modules + 2 * quiet)));
  const size = (modules + 2 * quiet) * scale;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.floor(y / scale) - quiet;
      const c = Math.floor(x / scale) - quiet;
      const dark = r >= 0 && c >= 0 && r < modules && c < modules && qr.isDark(r, c);
      const i = (y * size + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = dark ? 0 : 255;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

const apis = {
  subscribeMessage: { send },
  wxacode: { getUnlimited },
};

/** Like the real one, callable as `cloud.openapi({ appid })` (another account); the fake has just one. */
export type FakeOpenapi = typeof apis & ((options?: { appid?: string }) => FakeOpenapi);
export const openapi: FakeOpenapi = Object.assign((): FakeOpenapi => openapi, apis);
