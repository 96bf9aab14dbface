import Taro from '@tarojs/taro';
import type { Envelope } from '@contract/envelope';
import { imageTypeOf, UploadError, type LocalFile } from './files';
import { NETWORK_ERROR, asEnvelope } from './network-error';
import { emulatorUrl, getPersona } from './persona';

/** POST /functions/<name> on the local emulator, the persona's OPENID in X-WX-OPENID. */
export async function httpTransport(name: string, data: Record<string, unknown>): Promise<Envelope<unknown>> {
  try {
    const res = await Taro.request({
      url: `${emulatorUrl()}/functions/${name}`,
      method: 'POST',
      data,
      header: { 'content-type': 'application/json', 'X-WX-OPENID': getPersona() },
      timeout: 15000,
    });
    return asEnvelope(res.data) ?? (res.data as Envelope<unknown>);
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
    if (process.env.TARO_ENV === 'h5') {
      const blob = await (await fetch(file.path)).blob();
      const res = await fetch(url, { method: 'POST', body: blob, headers: header });
      body = await res.json();
    } else {
      const data = Taro.getFileSystemManager().readFileSync(file.path) as ArrayBuffer;
      body = (await Taro.request({ url, method: 'POST', data, header, timeout: 30000 })).data;
    }
  } catch {
    throw new UploadError();
  }
  return fileIdOf(body);
}
