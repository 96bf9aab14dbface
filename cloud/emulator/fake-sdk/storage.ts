/**
 * Cloud storage for the fake SDK: `uploadFile`, `downloadFile`, `getTempFileURL` and `deleteFile` with
 * the real SDK's shapes (per-file `status` / `errMsg`, a file that is not there is a status, not a
 * throw). Files are kept in memory, or under a directory (the emulator: `<data dir>/files/`).
 * Temporary URLs point at the emulator's `GET /file/<cloudPath>` and carry an expiry and a signature,
 * so knowing a fileID is not enough to read the file: like on WeChat Cloud, a function hands out the link.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, promises as fs } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { CloudSDKError } from './errors';

/** Every fileID of the emulator's storage starts with this (a real one names the env and its bucket). */
export const FILE_ID_PREFIX = 'cloud://local.emulator/';
/** The real default lifetime of a temporary link: one day. */
export const DEFAULT_MAX_AGE_S = 86400;
const MISSING = 'STORAGE_FILE_NONEXIST';

export interface UploadFileParam {
  cloudPath: string;
  fileContent: Buffer | Readable;
}
export interface UploadFileResult {
  fileID: string;
  statusCode: number;
  errMsg: string;
}
export interface DownloadFileResult {
  fileContent: Buffer;
  statusCode: number;
  errMsg: string;
}
export interface TempFileURLItem {
  fileID: string;
  tempFileURL: string;
  maxAge: number;
  status: number;
  errMsg: string;
}
export interface DeleteFileItem {
  fileID: string;
  status: number;
  errMsg: string;
}

export interface FakeStorage {
  uploadFile(param: UploadFileParam): Promise<UploadFileResult>;
  downloadFile(param: { fileID: string }): Promise<DownloadFileResult>;
  getTempFileURL(param: {
    fileList: (string | { fileID: string; maxAge?: number })[];
  }): Promise<{ fileList: TempFileURLItem[]; errMsg: string }>;
  deleteFile(param: { fileList: string[] }): Promise<{ fileList: DeleteFileItem[]; errMsg: string }>;
  /**
   * Stores a new file at `cloudPath` and answers its fileID, or null without writing when a file is
   * there already (the emulator's POST /upload: nobody overwrites a file, as 仅创建者可读写 would
   * refuse another user's). Atomic: of two uploads to one path at once, one gets null.
   */
  createFile(cloudPath: string, data: Buffer): Promise<string | null>;
  /** The bytes at a cloud path, or null (the emulator's GET /file). */
  read(cloudPath: string): Promise<Buffer | null>;
  /** Cloud paths held now, sorted (tests). */
  list(): Promise<string[]>;
  /** Forgets every file (and deletes the directory's files). */
  drop(): Promise<void>;
}

/** A cloud path as storage accepts it: relative, no `..`, no backslash or control characters. */
export function isValidCloudPath(path: unknown): path is string {
  return (
    typeof path === 'string' &&
    path.length > 0 &&
    path.length <= 850 &&
    !path.startsWith('/') &&
    !path.includes('\\') &&
    !Array.from(path).some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) &&
    !path.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')
  );
}

/** The cloud path of one of our fileIDs, or null for anything else. */
export function cloudPathOf(fileID: unknown): string | null {
  if (typeof fileID !== 'string' || !fileID.startsWith(FILE_ID_PREFIX)) return null;
  const path = fileID.slice(FILE_ID_PREFIX.length);
  return isValidCloudPath(path) ? path : null;
}

// ---------------------------------------------------------------- temporary links

/** Per process: links from an earlier run stop working, as expired links would. */
const LINK_KEY = randomBytes(32);
let urlBase = 'http://127.0.0.1:9870';

/** Where GET /file is served (the emulator server sets this once it listens). */
export function setFileUrlBase(url: string): void {
  urlBase = url.replace(/\/$/, '');
}

function linkSign(cloudPath: string, expires: number): string {
  return createHmac('sha256', LINK_KEY).update(`${cloudPath}\n${expires}`).digest('base64url');
}

export function tempFileURL(cloudPath: string, maxAgeS: number, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + maxAgeS;
  const path = cloudPath.split('/').map(encodeURIComponent).join('/');
  return `${urlBase}/file/${path}?t=${expires}&sign=${linkSign(cloudPath, expires)}`;
}

/** True when `sign` was made by tempFileURL for this path and `t` (epoch s) has not passed. */
export function checkTempFileLink(cloudPath: string, t: string | null, sign: string | null, now = Date.now()): boolean {
  const expires = Number(t);
  if (!Number.isInteger(expires) || expires * 1000 < now || !sign) return false;
  const want = Buffer.from(linkSign(cloudPath, expires));
  const got = Buffer.from(sign);
  return want.length === got.length && timingSafeEqual(want, got);
}

// ---------------------------------------------------------------- the store

async function bytesOf(content: Buffer | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(content)) return content;
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export function createStorage(options: { dir?: string } = {}): FakeStorage {
  const memory = new Map<string, Buffer>();
  const root = options.dir ? resolve(options.dir) : undefined;
  if (root) mkdirSync(root, { recursive: true });

  const fileOf = (cloudPath: string) => {
    const file = resolve(root!, ...cloudPath.split('/'));
    // isValidCloudPath already refuses `..`; this keeps any surprise inside the directory.
    if (!file.startsWith(root! + sep)) throw new CloudSDKError(-503003, 'storage: path outside the bucket');
    return file;
  };
  const read = async (cloudPath: string): Promise<Buffer | null> => {
    if (!isValidCloudPath(cloudPath)) return null;
    if (!root) return memory.get(cloudPath) ?? null;
    try {
      return await fs.readFile(fileOf(cloudPath));
    } catch {
      return null;
    }
  };
  const write = async (cloudPath: string, data: Buffer) => {
    if (!root) return void memory.set(cloudPath, data);
    const file = fileOf(cloudPath);
    await fs.mkdir(dirname(file), { recursive: true });
    await fs.writeFile(file, data);
  };
  /** Writes only a new file: false (nothing written) when the path is taken. */
  const create = async (cloudPath: string, data: Buffer): Promise<boolean> => {
    if (!root) {
      if (memory.has(cloudPath)) return false;
      memory.set(cloudPath, data);
      return true;
    }
    const file = fileOf(cloudPath);
    await fs.mkdir(dirname(file), { recursive: true });
    try {
      await fs.writeFile(file, data, { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  };
  const remove = async (cloudPath: string): Promise<boolean> => {
    if (!root) return memory.delete(cloudPath);
    try {
      await fs.unlink(fileOf(cloudPath));
      return true;
    } catch {
      return false;
    }
  };
  const walk = async (dir: string, prefix: string): Promise<string[]> => {
    const out: string[] = [];
    for (const entry of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) out.push(...(await walk(join(dir, entry.name), rel)));
      else out.push(rel);
    }
    return out;
  };

  return {
    async uploadFile({ cloudPath, fileContent }) {
      if (!isValidCloudPath(cloudPath)) throw new CloudSDKError(-503003, 'uploadFile:fail invalid cloudPath');
      if (!fileContent) throw new CloudSDKError(-501007, 'uploadFile:fail fileContent must be a Buffer or a stream');
      await write(cloudPath, await bytesOf(fileContent));
      return { fileID: FILE_ID_PREFIX + cloudPath, statusCode: 200, errMsg: 'uploadFile:ok' };
    },
    async downloadFile({ fileID }) {
      const path = cloudPathOf(fileID);
      const data = path ? await read(path) : null;
      if (!data) throw new CloudSDKError(-503003, `downloadFile:fail ${MISSING}`);
      return { fileContent: data, statusCode: 200, errMsg: 'downloadFile:ok' };
    },
    async getTempFileURL({ fileList }) {
      if (!Array.isArray(fileList) || fileList.length > 50)
        throw new CloudSDKError(-501007, 'getTempFileURL:fail fileList must be an array of at most 50');
      const items: TempFileURLItem[] = [];
      for (const entry of fileList) {
        const fileID = typeof entry === 'string' ? entry : entry?.fileID;
        const maxAge = (typeof entry === 'object' && entry?.maxAge) || DEFAULT_MAX_AGE_S;
        const path = cloudPathOf(fileID);
        const there = path ? (await read(path)) !== null : false;
        items.push(
          there && path
            ? { fileID, tempFileURL: tempFileURL(path, maxAge), maxAge, status: 0, errMsg: 'ok' }
            : { fileID: String(fileID), tempFileURL: '', maxAge, status: -1, errMsg: MISSING },
        );
      }
      return { fileList: items, errMsg: 'getTempFileURL:ok' };
    },
    async deleteFile({ fileList }) {
      if (!Array.isArray(fileList) || fileList.length > 50)
        throw new CloudSDKError(-501007, 'deleteFile:fail fileList must be an array of at most 50');
      const items: DeleteFileItem[] = [];
      for (const fileID of fileList) {
        const path = cloudPathOf(fileID);
        const gone = path ? await remove(path) : false;
        items.push({ fileID: String(fileID), status: gone ? 0 : -1, errMsg: gone ? 'ok' : MISSING });
      }
      return { fileList: items, errMsg: 'deleteFile:ok' };
    },
    async createFile(cloudPath, data) {
      if (!isValidCloudPath(cloudPath)) throw new CloudSDKError(-503003, 'uploadFile:fail invalid cloudPath');
      return (await create(cloudPath, data)) ? FILE_ID_PREFIX + cloudPath : null;
    },
    read,
    async list() {
      const all = root ? await walk(root, '') : [...memory.keys()];
      return all.sort();
    },
    async drop() {
      memory.clear();
      if (root) {
        await fs.rm(root, { recursive: true, force: true });
        mkdirSync(root, { recursive: true });
      }
    },
  };
}
