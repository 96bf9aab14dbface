import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ReviewItem } from '@contract/api/retirement';
import { ReasonSheet } from '../../../components/reason-sheet';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { dayTime } from '../../../utils/format';

interface CallbackProps {
  item: ReviewItem;
  admin: boolean;
  onDone: () => void;
}

/**
 * The phone call-back a retiree asked for: the admin calls, then taps 已电话回访 and notes what was
 * said in the card (ReasonSheet, as every other reason on this page).
 */
export function Callback({ item, admin, onDone }: CallbackProps) {
  const [open, setOpen] = useState(false);
  const { run } = useWrite(api.retirement.markCallbackDone);
  if (!item.callbackRequested) return null;

  const confirm = async (text: string) => {
    const done = await run({ id: item.id, note: text });
    if (!done) return;
    setOpen(false);
    void Taro.showToast({ title: '已记录回访', icon: 'success' });
    onDone();
  };

  return (
    <View className="retirement-review-callback">
      <View className="retirement-review-item__callback">
        ☎ 需电话回访（{item.callbackTime}）{item.callbackDone ? ' · 已回访' : ''}
      </View>
      {item.callbackDone ? (
        <View className="retirement-review-item__line retirement-review-callback__note">
          {item.callbackDoneAt ? `${dayTime(item.callbackDoneAt)} ` : ''}
          {item.callbackNote ?? ''}
        </View>
      ) : null}
      {admin && !item.callbackDone && !open ? (
        <Button variant="outline" className="retirement-review-callback__open" onClick={() => setOpen(true)}>
          已电话回访
        </Button>
      ) : null}
      {admin && !item.callbackDone && open ? (
        <ReasonSheet
          title="回访情况"
          placeholder="说了什么、有什么要跟进"
          hint="打完电话后简单记一下，如：已与本人通话，信息无误"
          confirmText="确认已回访"
          busyText="正在保存…"
          onConfirm={confirm}
          onCancel={() => setOpen(false)}
        />
      ) : null}
    </View>
  );
}
