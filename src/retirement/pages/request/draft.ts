/**
 * The request wizard's draft, kept on this phone until it is submitted, so a reload, a back swipe or a
 * phone call does not lose what an elderly user typed. One draft per user: the storage key carries the
 * user's photo folder key (a keyed hash of their OPENID from formOptions), so a family member signed
 * in on the same browser never sees another person's draft, and the OPENID itself is never stored.
 *
 * The identity number is deliberately NOT kept: it is the one field whose leak from a shared phone
 * would hurt, and it is quick to type again. The photo is: a weapp temp file is moved to the
 * mini-program's saved files, an H5 blob: link (gone on reload) is turned into a data: URL.
 */
import Taro from '@tarojs/taro';
import { emptyForm, type RequestForm } from './form-state';

const PREFIX = 'retirement-draft';
/** An H5 data: URL bigger than this is not kept (localStorage holds about 5 MB for the whole app). */
const MAX_INLINE_PHOTO = 3 * 1024 * 1024;

export interface Draft {
  form: RequestForm;
  index: number;
  savedAt: number;
}

export function draftKey(userKey: string, requestId?: string): string {
  return `${PREFIX}:${userKey}:${requestId ?? 'new'}`;
}

/** True once the user has put anything in the form (a new request or a correction of one). */
export function isFilled(form: RequestForm, start: RequestForm = emptyForm): boolean {
  return (Object.keys(form) as Array<keyof RequestForm>).some(
    (k) => JSON.stringify(form[k] ?? null) !== JSON.stringify(start[k] ?? null),
  );
}

export function loadDraft(key: string): Draft | null {
  try {
    const raw = Taro.getStorageSync(key) as Draft | '';
    if (!raw || typeof raw !== 'object' || !raw.form) return null;
    return { ...raw, form: { ...emptyForm, ...raw.form, idNumber: '' } };
  } catch {
    return null;
  }
}

export function saveDraft(key: string, form: RequestForm, index: number): void {
  const { idNumber: _never, ...rest } = form;
  const draft: Draft = { form: { ...rest, idNumber: '' }, index, savedAt: Date.now() };
  try {
    Taro.setStorageSync(key, draft);
  } catch {
    // Storage full: keep the words, drop the photo (it can be chosen again).
    try {
      Taro.setStorageSync(key, { ...draft, form: { ...draft.form, photo: undefined } });
    } catch {
      // Nothing more to do: the form on screen is still there.
    }
  }
}

export function clearDraft(key: string, photo?: RequestForm['photo']): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Already gone.
  }
  // A photo we moved into saved files is ours to remove once submitted.
  if (photo?.path && /^(wxfile|http:\/\/usr)/.test(photo.path) && process.env.TARO_ENV === 'weapp') {
    try {
      Taro.getFileSystemManager().removeSavedFile({ filePath: photo.path, fail: () => undefined });
    } catch {
      // Not a saved file (a temp one): WeChat cleans those itself.
    }
  }
}

function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/**
 * The chosen photo made to outlive the page: weapp moves the temp file into saved files; H5 inlines a
 * blob: link as a data: URL. Whatever fails leaves the photo as it was (kept for this visit only).
 */
export async function keepPhoto(photo: NonNullable<RequestForm['photo']>): Promise<NonNullable<RequestForm['photo']>> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const saved = await new Promise<string>((resolve, reject) =>
        Taro.getFileSystemManager().saveFile({
          tempFilePath: photo.path,
          success: (r) => resolve(r.savedFilePath),
          fail: reject,
        }),
      );
      // No path back (an old base library): the temp file still serves this visit.
      return saved ? { ...photo, path: saved } : photo;
    }
    if (photo.path.startsWith('blob:')) {
      const blob = await (await fetch(photo.path)).blob();
      if (blob.size > MAX_INLINE_PHOTO) return photo;
      return { ...photo, path: await blobToDataUrl(blob) };
    }
  } catch {
    // Kept for this visit only.
  }
  return photo;
}
