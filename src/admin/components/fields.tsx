import { Input, Picker, View } from '@tarojs/components';
import { FormField } from '../../components/form-field';

/**
 * A Shanghai wall time 'YYYY-MM-DD HH:mm': two native pickers (date, then time) on a phone; typed in
 * the H5 build, which staff use at a desk with a keyboard.
 */
export function WallTimeField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: string;
}) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <FormField label={props.label} error={props.error} hint={props.hint ?? '北京时间，按 年-月-日 时:分 填写'}>
        <Input
          className="form-field__input"
          value={props.value}
          maxlength={16}
          placeholder="2026-05-16 08:30"
          aria-label={props.label}
          onInput={(e) => props.onChange(e.detail.value)}
        />
      </FormField>
    );
  }
  const [date = '', time = ''] = props.value.split(' ');
  return (
    <FormField label={props.label} error={props.error} hint={props.hint ?? '北京时间'}>
      <View className="admin__when">
        <Picker
          className="admin__part"
          mode="date"
          value={date}
          onChange={(e) => props.onChange(`${e.detail.value} ${time || '09:00'}`)}
        >
          <View className="form-field__input form-field__picker" aria-label={`${props.label}日期`}>
            {date || '选择日期'}
          </View>
        </Picker>
        <Picker
          className="admin__part"
          mode="time"
          value={time}
          onChange={(e) => props.onChange(`${date} ${e.detail.value}`)}
        >
          <View className="form-field__input form-field__picker" aria-label={`${props.label}时刻`}>
            {time || '选择时间'}
          </View>
        </Picker>
      </View>
    </FormField>
  );
}
