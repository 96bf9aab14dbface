/**
 * The stand-in's cloud storage for one environment: what the server behind the `storage.*` actions
 * and the COS bucket do. Files live in memory, or under a directory (the emulator:
 * `<data dir>/<env>/files/`). Temporary links point at the stand-in's `GET /file/<cloudPath>` and
 * carry an expiry and a signature, so knowing a fileID is not enough to read the file: like on
 * WeChat Cloud, a function hands out the link.
 *
 * ASSUMED / simplified: fileIDs are `cloud://local.emulator/<cloudPath>` in every environment (a
 * real one names the env and its bucket); each environment still has its own files.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, promises as fs } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/** Every fileID of the stand-in's storage starts with this. */
export const FILE_ID_PREFIX = 'cloud://local.emulator/';
/** The real default lifetime of a temporary link: one day. */
export const DEFAULT_MAX_AGE_S = 86400;

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

function linkSign(cloudPath: string, expires: number): string {
  return createHmac('sha256', LINK_KEY).update(`${cloudPath}\n${expires}`).digest('base64url');
}

/** `<base>/file/<path>?t=&sign=&env=`: the env picks the bucket, the signature covers path and expiry. */
export function tempFileURL(base: string, env: string, cloudPath: string, maxAgeS: number, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + maxAgeS;
  const path = cloudPath.split('/').map(encodeURIComponent).join('/');
  return `${base}/file/${path}?t=${expires}&sign=${linkSign(cloudPath, expires)}&env=${encodeURIComponent(env)}`;
}

/** True when `sign` was made by tempFileURL for this path and `t` (epoch s) has not passed. */
export function checkTempFileLink(cloudPath: string, t: string | null, sign: string | null, now = Date.now()): boolean {
  const expires = Number(t);
  if (!Number.isInteger(expires) || expires * 1000 < now || !sign) return false;
  const want = Buffer.from(linkSign(cloudPath, expires));
  const got = Buffer.from(sign);
  return want.length === got.length && timingSafeEqual(want, got);
}

// ---------------------------------------------------------------- the bucket

export class Bucket {
  private readonly memory = new Map<string, Buffer>();
  private readonly root?: string;

  constructor(dir?: string) {
    if (dir) {
      this.root = resolve(dir);
      mkdirSync(this.root, { recursive: true });
    }
  }

  private fileOf(cloudPath: string): string {
    const file = resolve(this.root!, ...cloudPath.split('/'));
    // isValidCloudPath already refuses `..`; this keeps any surprise inside the directory.
    if (!file.startsWith(this.root! + sep)) throw new Error('storage: path outside the bucket');
    return file;
  }

  async read(cloudPath: string): Promise<Buffer | null> {
    if (!isValidCloudPath(cloudPath)) return null;
    if (!this.root) return this.memory.get(cloudPath) ?? null;
    try {
      return await fs.readFile(this.fileOf(cloudPath));
    } catch {
      return null;
    }
  }

  /** Stores (or overwrites, as COS PUT does) the file at `cloudPath`. */
  async put(cloudPath: string, data: Buffer): Promise<void> {
    if (!this.root) return void this.memory.set(cloudPath, data);
    const file = this.fileOf(cloudPath);
    await fs.mkdir(dirname(file), { recursive: true });
    await fs.writeFile(file, data);
  }

  /** Writes only a new file: false (nothing written) when the path is taken. Atomic. */
  async create(cloudPath: string, data: Buffer): Promise<boolean> {
    if (!this.root) {
      if (this.memory.has(cloudPath)) return false;
      this.memory.set(cloudPath, data);
      return true;
    }
    const file = this.fileOf(cloudPath);
    await fs.mkdir(dirname(file), { recursive: true });
    try {
      await fs.writeFile(file, data, { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  }

  async remove(cloudPath: string): Promise<boolean> {
    if (!isValidCloudPath(cloudPath)) return false;
    if (!this.root) return this.memory.delete(cloudPath);
    try {
      await fs.unlink(this.fileOf(cloudPath));
      return true;
    } catch {
      return false;
    }
  }

  /** Cloud paths held now, sorted. */
  async list(): Promise<string[]> {
    if (!this.root) return [...this.memory.keys()].sort();
    const walk = async (dir: string, prefix: string): Promise<string[]> => {
      const out: string[] = [];
      for (const entry of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
        const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.isDirectory()) out.push(...(await walk(join(dir, entry.name), rel)));
        else out.push(rel);
      }
      return out;
    };
    return (await walk(this.root, '')).sort();
  }
}
