import { View } from '@tarojs/components';
import { PickerField } from '../../components/form-field';

export interface SessionTime {
  date: string;
  start: string;
  end: string;
}

/** A session's day and its start and end time (scheduling a session and moving one). */
export function SessionTimeFields({
  value,
  onChange,
  error,
  earliest,
}: {
  value: SessionTime;
  onChange: (key: keyof SessionTime) => (v: string) => void;
  error: (field: string) => string | undefined;
  /** The first day the date picker offers. */
  earliest?: string;
}) {
  return (
    <>
      <PickerField
        label="上课日期"
        mode="date"
        value={value.date}
        start={earliest}
        onChange={onChange('date')}
        error={error('startAt')}
      />
      <View className="row-actions">
        <PickerField label="开始" ariaLabel="开始时间" mode="time" value={value.start} onChange={onChange('start')} />
        <PickerField
          label="结束"
          ariaLabel="结束时间"
          mode="time"
          value={value.end}
          onChange={onChange('end')}
          error={error('endAt')}
        />
      </View>
    </>
  );
}
