/**
 * Files in the function's cloud storage that records point at (a photo uploaded by the app): checking a
 * fileID the client sends, temporary links to show them, and deleting them with the record.
 */
import type { Ctx } from './context';
import { fail } from './errors';

/** The SDK takes at most 50 files a call. */
const BATCH = 50;

/**
 * The segments of the path inside the bucket of an image fileID of our storage in `folder`:
 * `cloud://<env>.<bucket>/<folder>/…/<name>.jpg` (or .jpeg/.png/.webp), made only of safe characters,
 * with no `.` or `..` segments; null for anything else.
 */
export function imagePathOf(fileID: unknown, folder: string): string[] | null {
  if (typeof fileID !== 'string' || fileID.length > 300) return null;
  const m = /^cloud:\/\/[A-Za-z0-9][A-Za-z0-9._-]*\/([A-Za-z0-9_./-]+)$/.exec(fileID);
  if (!m) return null;
  const segments = m[1].split('/');
  if (segments.some((seg) => seg === '' || seg === '.' || seg === '..')) return null;
  return segments[0] === folder && segments.length >= 2 && /\.(jpe?g|png|webp)$/i.test(m[1]) ? segments : null;
}

/** A fileID of our own storage for an image in `folder` (see imagePathOf). */
export function isOwnImageFileId(fileID: unknown, folder: string): fileID is string {
  return imagePathOf(fileID, folder) !== null;
}

/**
 * Whether a record of `collection` other than `exceptId` names `fileID` in `field` (or in any of
 * `fields`): such a file is not one record's alone to accept or delete.
 */
export async function fileHeldElsewhere(
  ctx: Ctx,
  collection: string,
  fields: string | string[],
  fileID: string,
  exceptId?: string,
): Promise<boolean> {
  const _ = ctx.db.command;
  const names = typeof fields === 'string' ? [fields] : fields;
  if (!names.length) return false;
  const holds = names.length === 1 ? { [names[0]]: fileID } : _.or(names.map((f) => ({ [f]: fileID })));
  const where = exceptId === undefined ? holds : _.and([{ _id: _.neq(exceptId) }, holds]);
  return (await ctx.db.collection(collection).where(where).limit(1).get()).data.length > 0;
}

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += BATCH) out.push(list.slice(i, i + BATCH));
  return out;
}

/**
 * Refuses (INVALID_INPUT naming `field`) a fileID that is not an image of ours in `folder` or whose
 * file is not in storage (never uploaded, another environment's, or deleted).
 */
export async function requireStoredImage(ctx: Ctx, fileID: string, folder: string, field: string): Promise<void> {
  const bad = () => fail('INVALID_INPUT', '照片：没有找到上传的照片，请重新选择', { field });
  if (!isOwnImageFileId(fileID, folder)) bad();
  const res = await ctx.files.getTempFileURL({ fileList: [fileID] });
  if (res.fileList?.[0]?.status !== 0) bad();
}

/** Temporary links (valid for a day on WeChat Cloud) by fileID; files not found are left out. */
export async function tempFileUrls(ctx: Ctx, fileIDs: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks([...new Set(fileIDs)])) {
    const res = await ctx.files.getTempFileURL({ fileList: part });
    for (const item of res.fileList ?? [])
      if (item.status === 0 && item.tempFileURL) out.set(item.fileID, item.tempFileURL);
  }
  return out;
}

const GONE = /NONEXIST|not\s*exist|not\s*found/i;

/**
 * Deletes the files; one already gone counts as deleted. Any other refusal throws, so the caller keeps
 * its reference and a retry can finish the job.
 */
export async function deleteFiles(ctx: Ctx, fileIDs: string[]): Promise<number> {
  let deleted = 0;
  for (const part of chunks([...new Set(fileIDs.filter(Boolean))])) {
    const res = await ctx.files.deleteFile({ fileList: part });
    for (const item of res.fileList ?? []) {
      if (item.status === 0) deleted += 1;
      else if (!GONE.test(item.errMsg ?? ''))
        throw new Error(`deleteFile ${item.fileID}: ${item.errMsg ?? item.status}`);
    }
  }
  return deleted;
}
