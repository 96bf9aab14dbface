/**
 * The stand-in's WeChat openapi (`wx.openApi` action): wx-server-sdk sends the call as a protobuf
 * `CommApiData` (the parameters as snake_case key / JSON value pairs) in a multipart form and reads
 * back a protobuf `CommOpenApiResp` { respData, contentType, errorCode }. Subscribe messages are
 * recorded (nothing is sent); `wxacode.getUnlimited` answers a real, scannable PNG QR code standing in
 * for a 小程序码. Errors are WeChat's JSON `{ errcode, errmsg }`, which the SDK throws as errCode.
 */
import qrcode from 'qrcode-generator';
import { PNG } from 'pngjs';

export interface OpenapiCall {
  api: string;
  /** The parameters as WeChat receives them (snake_case). */
  params: Record<string, any>;
  env: string;
  at: number;
}

// ---------------------------------------------------------------- a little protobuf

function readVarint(buf: Buffer, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [result, pos];
    shift += 7;
  }
}

/** Fields of one message: number → list of raw values (varint as number, length-delimited as Buffer). */
function fields(buf: Buffer): Map<number, Array<number | Buffer>> {
  const out = new Map<number, Array<number | Buffer>>();
  let pos = 0;
  while (pos < buf.length) {
    let tag: number;
    [tag, pos] = readVarint(buf, pos);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    let value: number | Buffer;
    if (wire === 0) [value, pos] = readVarint(buf, pos);
    else if (wire === 2) {
      let len: number;
      [len, pos] = readVarint(buf, pos);
      value = buf.subarray(pos, pos + len);
      pos += len;
    } else if (wire === 5) {
      value = buf.readUInt32LE(pos);
      pos += 4;
    } else if (wire === 1) {
      value = Number(buf.readBigUInt64LE(pos));
      pos += 8;
    } else throw new Error(`protobuf: wire type ${wire}`);
    const list = out.get(field) ?? [];
    list.push(value);
    out.set(field, list);
  }
  return out;
}

function varint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n >>> 0 === n ? n : n < 0 ? 2 ** 32 + n : n;
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) b |= 0x80;
    bytes.push(b);
  } while (v > 0);
  return Buffer.from(bytes);
}

const lenField = (field: number, data: Buffer) => Buffer.concat([varint(field * 8 + 2), varint(data.length), data]);
const intField = (field: number, n: number) => Buffer.concat([varint(field * 8), varint(n)]);

/** CommApiData { apiType = 1; OpenApiData openapiData = 2 { repeated KeyValuePair pairs = 1 { key = 1; value = 2 } } }. */
export function decodeOpenapiParams(requestData: Buffer): Record<string, any> {
  const params: Record<string, any> = {};
  const openapiData = fields(requestData).get(2)?.[0];
  if (!Buffer.isBuffer(openapiData)) return params;
  for (const pair of fields(openapiData).get(1) ?? []) {
    if (!Buffer.isBuffer(pair)) continue;
    const f = fields(pair);
    const k = f.get(1)?.[0];
    const v = f.get(2)?.[0];
    if (!Buffer.isBuffer(k)) continue;
    const text = Buffer.isBuffer(v) ? v.toString('utf8') : '';
    try {
      params[k.toString('utf8')] = JSON.parse(text);
    } catch {
      params[k.toString('utf8')] = text;
    }
  }
  return params;
}

/** CommOpenApiResp { bytes respData = 1; string contentType = 2; int32 errorCode = 3 }. */
export function encodeOpenapiResp(respData: Buffer, contentType: string): Buffer {
  return Buffer.concat([lenField(1, respData), lenField(2, Buffer.from(contentType)), intField(3, 0)]);
}

// ---------------------------------------------------------------- the two APIs used

export interface WxAnswer {
  body: Buffer;
  contentType: string;
}

const json = (v: unknown): WxAnswer => ({
  body: Buffer.from(JSON.stringify(v)),
  contentType: 'application/json; charset=utf-8',
});
const wxError = (errcode: number, errmsg: string) => json({ errcode, errmsg });

/** Characters WeChat allows in a scene (besides letters and digits). */
const SCENE_RE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/** The text our stand-in 小程序码 encodes; a real one opens `page` with `scene` in the mini-program. */
export function wxacodeText(page: string, scene: string): string {
  return `https://union.example/wxacode?page=${encodeURIComponent(page)}&scene=${encodeURIComponent(scene)}`;
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

/** Answers one openapi call (params in WeChat's snake_case); `record` is called for accepted calls. */
export function answerOpenapi(api: string, params: Record<string, any>, record: () => void): WxAnswer {
  if (api === 'subscribeMessage.send') {
    if (!params.touser) return wxError(40003, 'invalid openid');
    if (!params.template_id) return wxError(40037, 'invalid template_id');
    if (!params.data || typeof params.data !== 'object') return wxError(47003, 'argument invalid! data is empty');
    record();
    return json({ errcode: 0, errmsg: 'ok' });
  }
  if (api === 'wxacode.getUnlimited') {
    const scene = params.scene;
    if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32)
      return wxError(40169, 'invalid length for scene');
    if (!SCENE_RE.test(scene)) return wxError(40097, 'invalid args: scene has characters WeChat does not allow');
    const page = typeof params.page === 'string' ? params.page : 'pages/index/index';
    if (page.startsWith('/')) return wxError(41030, 'invalid page');
    record();
    const width = Math.min(1280, Math.max(280, Math.round(Number(params.width) || 430)));
    return { body: renderQrPng(wxacodeText(page, scene), width), contentType: 'image/png' };
  }
  return wxError(-604100, `API not found: ${api}`);
}
