import { Picker, View } from '@tarojs/components';
import { GIG_GROUPS, type GigGroup } from '@contract/api/member';
import { ALL_MEMBERS_TEXT } from '@contract/api/gift';
import { FormField } from '../../../components/form-field';
import { CheckMark } from '../../../components/check-mark';
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

/** 发放对象: none ticked means every union member. Big rows rather than tiny boxes (长辈模式). */
export function GroupsField(props: { value: GigGroup[]; onToggle: (g: GigGroup) => void; error?: string }) {
  return (
    <FormField
      label="发放对象"
      error={props.error}
      hint={props.value.length ? `仅限：${props.value.join('、')}` : `都不勾选 = ${ALL_MEMBERS_TEXT}`}
    >
      <View className="gift-edit__groups" role="group" aria-label="发放对象">
        {GIG_GROUPS.map((g) => {
          const on = props.value.includes(g);
          return (
            <View
              key={g}
              role="checkbox"
              aria-checked={on}
              className={`gift-edit__group ${on ? 'gift-edit__group--on' : ''}`}
              onClick={() => props.onToggle(g)}
            >
              <CheckMark on={on} />
              {g}
            </View>
          );
        })}
      </View>
    </FormField>
  );
}
