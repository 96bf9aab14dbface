import type { Envelope } from '@contract/envelope';
import type { FileUploader, LocalFile } from './files';
import { httpTransport, httpUpload } from './http';
import { wxCloudTransport, wxCloudUpload } from './wx-cloud';

export { UploadError, type FileUploader, type LocalFile } from './files';

/** Carries one call `{ action, ...payload }` to a cloud function and answers its envelope. */
export type Transport = (name: string, data: Record<string, unknown>) => Promise<Envelope<unknown>>;

/**
 * weapp talks to WeChat Cloud (`wx.cloud.callFunction`); H5 talks to the local emulator over HTTP;
 * tests install an in-process transport. `TARO_APP_TRANSPORT` overrides the default.
 */
function defaultTransport(): Transport {
  const chosen = process.env.TARO_APP_TRANSPORT || (process.env.TARO_ENV === 'h5' ? 'http' : 'wx-cloud');
  return chosen === 'http' ? httpTransport : wxCloudTransport;
}

let current: Transport | null = null;

export function setTransport(transport: Transport | null): void {
  current = transport;
}

export function callFunction(name: string, data: Record<string, unknown>): Promise<Envelope<unknown>> {
  current ??= defaultTransport();
  return current(name, data);
}

/** True where the persona switcher may appear: builds that talk to the emulator, never production. */
export function isEmulatorBuild(): boolean {
  return (process.env.TARO_APP_TRANSPORT || (process.env.TARO_ENV === 'h5' ? 'http' : 'wx-cloud')) === 'http';
}

let uploader: FileUploader | null = null;

/** Tests install an in-memory uploader (see memory-files.ts); null restores the platform's. */
export function setFileUploader(next: FileUploader | null): void {
  uploader = next;
}

/**
 * Uploads a chosen file to cloud storage at `cloudPath` and answers its fileID: wx.cloud.uploadFile on
 * weapp, the emulator's POST /upload on H5. Throws UploadError with a Chinese message.
 */
export function uploadFile(file: LocalFile, cloudPath: string): Promise<string> {
  uploader ??= isEmulatorBuild() ? httpUpload : wxCloudUpload;
  return uploader(file, cloudPath);
}
