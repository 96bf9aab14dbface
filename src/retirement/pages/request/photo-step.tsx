import { Image, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import { PHOTO_MAX_BYTES } from '@contract/api/retirement';
import { ensureConsent } from '../../../stores/consent';
import { keepPhoto } from './draft';
import type { RequestForm } from './form-state';
import type { StepProps } from './steps';

/**
 * Asks for photo consent (once), then lets the user pick one picture. Answers the form's new photo,
 * or null when nothing was chosen (declined, cancelled, or too big: the user is told why).
 */
export async function choosePhoto(): Promise<RequestForm['photo'] | null> {
  if (!(await ensureConsent('photo'))) return null;
  let res: Taro.chooseImage.SuccessCallbackResult;
  try {
    res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  } catch {
    return null; // cancelled
  }
  const file = res.tempFiles?.[0];
  const path = file?.path ?? res.tempFilePaths?.[0];
  if (!path) return null;
  if (file?.size && file.size > PHOTO_MAX_BYTES) {
    await Taro.showModal({
      title: '照片太大了',
      content: `请换一张不超过${PHOTO_MAX_BYTES / 1024 / 1024}MB的照片，或者不加照片直接下一步。`,
      showCancel: false,
    });
    return null;
  }
  return { path, ...(file?.type ? { type: file.type } : {}), ...(file?.size ? { size: file.size } : {}) };
}

/** 照片（可选）: one picture of the retiree for the certificate; big buttons, a preview, and a way out. */
export function PhotoStep({ form, errors, set }: StepProps) {
  const pick = async () => {
    const photo = await choosePhoto();
    // Kept beyond this visit (saved file / inline data), so the draft holds the photo too.
    if (photo) set({ photo: await keepPhoto(photo) });
  };
  return (
    <View className="retirement-photo-step">
      <View className="retirement-wizard__question">照片（可选）</View>
      <View className="retirement-photo-step__hint">
        可以上传一张退休职工本人的照片，印在电子证书上。没有合适的照片也没关系，直接点「下一步」。
      </View>
      {form.photo ? (
        <View className="retirement-photo-step__chosen">
          <Image
            className="retirement-photo-step__preview"
            src={form.photo.path}
            mode="aspectFill"
            aria-label="已选择的照片"
          />
          <View className="row-actions">
            <Button variant="outline" className="retirement-photo-step__change" onClick={pick}>
              换一张
            </Button>
            <Button
              variant="outline"
              className="retirement-photo-step__remove"
              onClick={() => set({ photo: undefined })}
            >
              不要照片
            </Button>
          </View>
        </View>
      ) : (
        <Button variant="outline" className="retirement-photo-step__choose" onClick={pick}>
          ＋ 选择照片
        </Button>
      )}
      {errors.photo ? (
        <View className="retirement-photo-step__error" role="alert">
          {errors.photo}
        </View>
      ) : null}
    </View>
  );
}
