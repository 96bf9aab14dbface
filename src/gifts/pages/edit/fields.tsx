import { Picker, View } from '@tarojs/components';
import { FormField } from '../../../components/form-field';
import { formatDay } from '../../../utils/format';

/** A Shanghai wall time as two native pickers: date, then time. */
export function DateTimeField(props: {
  label: string;
  date: string;
  time: string;
  onDate: (v: string) => void;
  onTime: (v: string) => void;
  error?: string;
}) {
  return (
    <FormField label={props.label} error={props.error} hint="北京时间">
      <View className="gift-edit__when">
        <Picker
          className="gift-edit__part"
          mode="date"
          value={props.date}
          onChange={(e) => props.onDate(e.detail.value)}
        >
          <View className="form-field__input form-field__picker" aria-label={`${props.label}日期`}>
            {formatDay(props.date)}
          </View>
        </Picker>
        <Picker
          className="gift-edit__part"
          mode="time"
          value={props.time}
          onChange={(e) => props.onTime(e.detail.value)}
        >
          <View className="form-field__input form-field__picker" aria-label={`${props.label}时刻`}>
            {props.time}
          </View>
        </Picker>
      </View>
    </FormField>
  );
}
