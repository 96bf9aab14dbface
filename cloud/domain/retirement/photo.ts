/**
 * The optional certificate photo: the app uploads it to cloud storage under the caller's own folder,
 * `PHOTO_FOLDER/<uploader key>/<yyyy-mm>/<random>.<ext>` (the key is a keyed hash of the caller's
 * OPENID, handed out by formOptions), and sends its fileID with the request. Only a photo the caller
 * uploaded, really stored and held by no other request, is accepted; reviewers and the certificate get
 * a temporary link; the file goes when the request no longer holds it, unless another request does.
 */
import { PHOTO_FOLDER } from '../../../types/api/retirement';
import type { Ctx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { deleteFiles, fileHeldElsewhere, imagePathOf, requireStoredImage, tempFileUrls } from '../../lib/files';
import { keyedHash } from '../../lib/ids';
import { hashKeyOf, REQUESTS, type RetirementDoc } from './model';

/**
 * The caller's folder name under PHOTO_FOLDER: a keyed hash of their OPENID (32 hex characters), so a
 * photo's path, which reviewers see in its temporary link, tells who uploaded it without naming them.
 */
export function photoUploaderKey(ctx: Ctx): string {
  return keyedHash(hashKeyOf(ctx), `retirement-photo-uploader\n${ctx.openid}`).slice(0, 32);
}

const NOT_FOUND = '照片：没有找到上传的照片，请重新选择';

/**
 * INVALID_INPUT (field photoFileId), before anything is written, unless the photo is one the caller
 * uploaded (under their own key), is stored, and no request but `requestId` holds it. `current`, the
 * photo the request holds already (kept on resubmit), needs only to be still there.
 */
export async function checkPhoto(
  ctx: Ctx,
  fileID: string | undefined,
  own: { requestId: string; current?: string },
): Promise<void> {
  if (fileID === undefined) return;
  if (fileID !== own.current) {
    // Someone else's photo (its path is in every link reviewers see) reads as not found.
    const segments = imagePathOf(fileID, PHOTO_FOLDER);
    if (!segments || segments.length < 3 || segments[1] !== photoUploaderKey(ctx))
      fail('INVALID_INPUT', NOT_FOUND, { field: 'photoFileId' });
    if (await fileHeldElsewhere(ctx, REQUESTS, 'photoFileId', fileID, own.requestId))
      fail('INVALID_INPUT', '照片：这张照片已用在另一份申请上，请为这位退休职工另选一张', { field: 'photoFileId' });
  }
  await requireStoredImage(ctx, fileID, PHOTO_FOLDER, 'photoFileId');
}

/** A temporary link to the request's photo, if it has one still in storage. */
export async function photoUrlOf(ctx: Ctx, doc: RetirementDoc): Promise<string | undefined> {
  if (!doc.photoFileId) return undefined;
  return (await tempFileUrls(ctx, [doc.photoFileId])).get(doc.photoFileId);
}

/** Adds `photoUrl` to the views of requests with a photo (one storage call per 50). */
export async function withPhotoUrls<T extends { id: string }>(
  ctx: Ctx,
  docs: RetirementDoc[],
  items: T[],
): Promise<Array<T & { photoUrl?: string }>> {
  const fileOf = new Map(docs.filter((d) => d.photoFileId).map((d) => [d._id, d.photoFileId as string]));
  if (!fileOf.size) return items;
  const urls = await tempFileUrls(ctx, [...fileOf.values()]);
  return items.map((item) => {
    const url = urls.get(fileOf.get(item.id) ?? '');
    return url ? { ...item, photoUrl: url } : item;
  });
}

/**
 * A photo the request no longer holds (replaced or removed on resubmit): deleted, unless a request
 * still holds it. Best effort, logged: answers whether it is dealt with (deleted, gone, or kept for the
 * request holding it), false when storage refused.
 */
export async function discardPhoto(ctx: Ctx, fileID: string | undefined): Promise<boolean> {
  if (!fileID) return true;
  try {
    if (!(await fileHeldElsewhere(ctx, REQUESTS, 'photoFileId', fileID))) await deleteFiles(ctx, [fileID]);
    return true;
  } catch (e) {
    console.error('[retirement] could not delete a replaced photo', fileID, e);
    return false;
  }
}
