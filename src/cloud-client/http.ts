import Taro from '@tarojs/taro';
import type { Envelope } from '@contract/envelope';
import { imageTypeOf, UploadError, type LocalFile } from './files';
import { NETWORK_ERROR, asEnvelope } from './network-error';
import { emulatorUrl, getPersona } from './persona';

/**
 * One POST to the emulator, its body parsed. H5 uses the browser's fetch: `Taro.request` would put its own
 * fetch, AbortController and JSONP polyfills (~25 KB) into the first download of every page.
 */
async function post(url: string, data: unknown, header: Record<string, string>, timeout: number): Promise<unknown> {
  // if/else, not an early return: webpack drops a constant condition's dead branch, with its imports.
  if (process.env.TARO_ENV === 'h5') {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeout);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: header,
        body: data instanceof Blob ? data : JSON.stringify(data),
        signal: abort.signal,
      });
      return await res.json();
    } finally {
      clearTimeout(timer);
    }
  } else {
    return (await Taro.request({ url, method: 'POST', data: data as never, header, timeout })).data;
  }
}

/** POST /functions/<name> on the local emulator, the persona's OPENID in X-WX-OPENID. */
export async function httpTransport(name: string, data: Record<string, unknown>): Promise<Envelope<unknown>> {
  try {
    const body = await post(
      `${emulatorUrl()}/functions/${name}`,
      data,
      { 'content-type': 'application/json', 'X-WX-OPENID': getPersona() },
      15000,
    );
    return asEnvelope(body) ?? (body as Envelope<unknown>);
  } catch {
    return NETWORK_ERROR;
  }
}

/** The emulator's answer to an upload: `{ fileID }`, or a refusal with a Chinese message. */
function fileIdOf(body: unknown): string {
  const b = (body ?? {}) as { fileID?: unknown; message?: unknown };
  if (typeof b.fileID === 'string' && b.fileID.startsWith('cloud://')) return b.fileID;
  throw new UploadError(typeof b.message === 'string' && b.message ? b.message : undefined);
}

/**
 * `POST /upload?cloudPath=…` on the emulator with the image as the body (its stand-in for
 * wx.cloud.uploadFile). H5 reads the chosen blob: URL; a weapp build pointed at the emulator reads the temp file.
 */
export async function httpUpload(file: LocalFile, cloudPath: string): Promise<string> {
  const url = `${emulatorUrl()}/upload?cloudPath=${encodeURIComponent(cloudPath)}`;
  const header = { 'content-type': imageTypeOf(file), 'X-WX-OPENID': getPersona() };
  let body: unknown;
  try {
    const data =
      process.env.TARO_ENV === 'h5'
        ? await (await fetch(file.path)).blob()
        : (Taro.getFileSystemManager().readFileSync(file.path) as ArrayBuffer);
    body = await post(url, data, header, 30000);
  } catch {
    throw new UploadError();
  }
  return fileIdOf(body);
}
