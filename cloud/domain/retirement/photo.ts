/**
 * The optional certificate photo: the app uploads it to cloud storage (PHOTO_FOLDER) and sends its
 * fileID with the request. Only a file of ours that is really there is accepted; reviewers and the
 * certificate get a temporary link; the file goes when the request no longer holds it.
 */
import { PHOTO_FOLDER } from '../../../types/api/retirement';
import type { Ctx } from '../../lib/context';
import { deleteFiles, requireStoredImage, tempFileUrls } from '../../lib/files';
import type { RetirementDoc } from './model';

/** INVALID_INPUT (field photoFileId), before anything is written, unless the photo is ours and stored. */
export async function checkPhoto(ctx: Ctx, fileID: string | undefined): Promise<void> {
  if (fileID !== undefined) await requireStoredImage(ctx, fileID, PHOTO_FOLDER, 'photoFileId');
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

/** A photo the request no longer holds (replaced or removed on resubmit): best effort, logged. */
export async function discardPhoto(ctx: Ctx, fileID: string | undefined): Promise<void> {
  if (!fileID) return;
  try {
    await deleteFiles(ctx, [fileID]);
  } catch (e) {
    console.error('[retirement] could not delete a replaced photo', fileID, e);
  }
}
