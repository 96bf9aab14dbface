import { Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { markCallbackDoneInput, type ReviewItem } from '@contract/api/retirement';
import { FormField } from '../../../components/form-field';
import { useSubmit } from '../../../hooks/use-submit';
import { retirementService } from '../../../services/retirement';
import { dayTime } from '../../../utils/format';

interface CallbackProps {
  item: ReviewItem;
  admin: boolean;
  onDone: () => void;
}

/**
 * The phone call-back a retiree asked for: the admin calls, then taps 已电话回访 and notes what was
 * said (an inline field, not a modal: editable modals do not exist on every platform).
 */
export function Callback({ item, admin, onDone }: CallbackProps) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const { submit, busy } = useSubmit((requestId) =>
    retirementService.markCallbackDone(item.id, note.trim(), requestId),
  );
  if (!item.callbackRequested) return null;

  const confirm = async () => {
    const parsed = markCallbackDoneInput.parse({ id: item.id, note });
    if (!parsed.ok) {
      setError(parsed.issue.message);
      return;
    }
    const done = await submit();
    if (!done) return;
    setOpen(false);
    void Taro.showToast({ title: '已记录回访', icon: 'success' });
    onDone();
  };

  return (
    <View className="review-callback">
      <View className="review-item__callback">
        ☎ 需电话回访（{item.callbackTime}）{item.callbackDone ? ' · 已回访' : ''}
      </View>
      {item.callbackDone ? (
        <View className="review-item__line review-callback__note">
          {item.callbackDoneAt ? `${dayTime(item.callbackDoneAt)} ` : ''}
          {item.callbackNote ?? ''}
        </View>
      ) : null}
      {admin && !item.callbackDone && !open ? (
        <View className="btn btn-plain review-callback__open" role="button" onClick={() => setOpen(true)}>
          已电话回访
        </View>
      ) : null}
      {admin && !item.callbackDone && open ? (
        <View className="review-callback__form">
          <FormField label="回访情况" error={error} hint="打完电话后简单记一下，如：已与本人通话，信息无误">
            <Input
              className="form-field__input review-callback__input"
              value={note}
              maxlength={200}
              placeholder="说了什么、有什么要跟进"
              aria-label="回访情况"
              onInput={(e) => (setNote(e.detail.value), setError(undefined))}
            />
          </FormField>
          <View className="row-actions">
            <View className="btn btn-plain review-callback__cancel" role="button" onClick={() => setOpen(false)}>
              取消
            </View>
            <View
              className={`btn btn-primary review-callback__confirm ${busy ? 'btn--disabled' : ''}`}
              role="button"
              aria-disabled={busy}
              onClick={confirm}
            >
              {busy ? '正在保存…' : '确认已回访'}
            </View>
          </View>
        </View>
      ) : null}
    </View>
  );
}
