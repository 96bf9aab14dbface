/** Cloud storage uploads: a file the user chose on the phone goes to the cloud and comes back as a fileID. */

/** A file chosen with Taro.chooseImage: its local path (weapp temp file, H5 blob: URL), type and size. */
export interface LocalFile {
  path: string;
  /** MIME type when the platform tells it (H5); else guessed from the path. */
  type?: string;
  size?: number;
}

/** Puts `file` at `cloudPath` of the cloud storage; answers the fileID (`cloud://...`). */
export type FileUploader = (file: LocalFile, cloudPath: string) => Promise<string>;

/** An upload that did not go through; `message` is Chinese, fit to show as it is. */
export class UploadError extends Error {
  constructor(message = '照片没能上传，请检查网络后重试') {
    super(message);
    this.name = 'UploadError';
  }
}

const TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** The image type of a chosen file: as declared, or by the extension of its path. */
export function imageTypeOf(file: LocalFile): string {
  if (file.type) return file.type;
  const ext = /\.([A-Za-z0-9]+)(?:[?#].*)?$/.exec(file.path)?.[1]?.toLowerCase() ?? '';
  return TYPES[ext] ?? 'image/jpeg';
}

/** The extension to store it under. */
export function extensionOf(file: LocalFile): string {
  const type = imageTypeOf(file);
  return type === 'image/png' ? 'png' : type === 'image/webp' ? 'webp' : 'jpg';
}
