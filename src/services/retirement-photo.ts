import { PHOTO_FOLDER } from '@contract/api/retirement';
import { uploadFile, type LocalFile } from '../cloud-client';
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

/** `retirement-photos/2026-01/<random>.jpg`: where the server expects the certificate photo. */
export function photoCloudPath(file: LocalFile, now = Date.now()): string {
  const month = new Date(now).toISOString().slice(0, 7);
  return `${PHOTO_FOLDER}/${month}/${randomName()}.${extensionOf(file)}`;
}

/** Uploads the chosen certificate photo; answers the fileID to send with the request (UploadError if not). */
export function uploadRetirementPhoto(file: LocalFile): Promise<string> {
  return uploadFile(file, photoCloudPath(file));
}
