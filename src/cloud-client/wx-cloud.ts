import Taro from '@tarojs/taro';
import type { Envelope } from '@contract/envelope';
import { UploadError, type LocalFile } from './files';
import { NETWORK_ERROR, asEnvelope } from './network-error';

let initialised = false;

function ensureInit(): void {
  if (!initialised) {
    Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV, traceUser: true });
    initialised = true;
  }
}

export async function wxCloudTransport(name: string, data: Record<string, unknown>): Promise<Envelope<unknown>> {
  ensureInit();
  try {
    const res = await Taro.cloud.callFunction({ name, data });
    return asEnvelope(res.result) ?? (res.result as Envelope<unknown>);
  } catch {
    return NETWORK_ERROR;
  }
}

/** `wx.cloud.uploadFile`: the chosen temp file straight to the environment's storage. */
export async function wxCloudUpload(file: LocalFile, cloudPath: string): Promise<string> {
  ensureInit();
  let fileID = '';
  try {
    fileID = (await Taro.cloud.uploadFile({ cloudPath, filePath: file.path })).fileID;
  } catch {
    throw new UploadError();
  }
  if (!fileID) throw new UploadError();
  return fileID;
}
