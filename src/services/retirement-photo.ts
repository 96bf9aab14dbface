import { PHOTO_FOLDER } from '@contract/api/retirement';
import { uploadFile, UploadError, type LocalFile } from '../cloud-client';
import { extensionOf } from '../cloud-client/files';

/** 16 random characters and the time: a photo's name must not be guessable from another's. */
function randomName(): string {
  const bytes = new Uint8Array(16);
  // H5 has Web Crypto; the weapp JS engine has no `crypto` global.
  if (typeof crypto !== 'undefined' && crypto.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  const abc = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(bytes, (b) => abc[b % abc.length]).join('') + Date.now().toString(36);
}

/**
 * `retirement-photos/<uploaderKey>/2026-01/<random>.jpg`: where the server expects the certificate
 * photo. `uploaderKey` is the caller's own folder, from formOptions (`photoUploaderKey`): the server
 * accepts only photos under the caller's key.
 */
export function photoCloudPath(file: LocalFile, uploaderKey: string, now = Date.now()): string {
  const month = new Date(now).toISOString().slice(0, 7);
  return `${PHOTO_FOLDER}/${uploaderKey}/${month}/${randomName()}.${extensionOf(file)}`;
}

/** Uploads the chosen certificate photo; answers the fileID to send with the request (UploadError if not). */
export function uploadRetirementPhoto(file: LocalFile, uploaderKey: string | undefined): Promise<string> {
  // Without the caller's key (an older server) the photo would be refused: say so before uploading.
  if (!uploaderKey || !/^[A-Za-z0-9_-]+$/.test(uploaderKey))
    return Promise.reject(new UploadError('暂时不能上传照片，请稍后再试'));
  return uploadFile(file, photoCloudPath(file, uploaderKey));
}
