import { Picker, View } from '@tarojs/components';
import type { MyScope } from '@contract/api/checkin';
import { SCOPE_KIND_LABEL } from '../scope';
import './scope-picker.scss';

/** Where I am working now: one tap to change when a staff member covers several places. */
export function ScopePicker({
  list,
  current,
  onChoose,
}: {
  list: MyScope[];
  current: MyScope;
  onChoose: (index: number) => void;
}) {
  const labels = list.map((s) => `${SCOPE_KIND_LABEL[s.kind]} · ${s.name}`);
  const index = Math.max(0, list.indexOf(current));
  return (
    <Picker
      mode="selector"
      range={labels}
      value={index}
      onChange={(e) => onChoose(Number(e.detail.value))}
      disabled={list.length < 2 || undefined}
    >
      <View className="staff-scope-picker">
        <View className="staff-scope-picker__label">当前场地</View>
        <View className="staff-scope-picker__name">{labels[index]}</View>
        {list.length > 1 ? <View className="staff-scope-picker__change">切换</View> : null}
      </View>
    </Picker>
  );
}
