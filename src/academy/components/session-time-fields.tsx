import { View } from '@tarojs/components';
import { PickerField, TextField } from '../../components/form-field';
import { formatDay } from '../../utils/format';

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
        display={formatDay}
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

export interface SessionPlace {
  venue: string;
  liveLink: string;
  capacity: string;
}

/** Where a session is (a place, or a live link) and its seats (scheduling a session and changing one). */
export function SessionPlaceFields({
  live,
  value,
  onChange,
  error,
  capacityHint,
}: {
  live: boolean;
  value: SessionPlace;
  onChange: (key: keyof SessionPlace) => (v: string) => void;
  error: (field: string) => string | undefined;
  capacityHint?: string;
}) {
  return (
    <>
      {live ? (
        <TextField
          label="直播链接"
          value={value.liveLink}
          onInput={onChange('liveLink')}
          error={error('liveLink')}
          placeholder="https://"
          maxlength={200}
        />
      ) : (
        <TextField
          label="上课地点"
          value={value.venue}
          onInput={onChange('venue')}
          error={error('venue')}
          maxlength={80}
        />
      )}
      <TextField
        label="名额"
        type="number"
        value={value.capacity}
        onInput={onChange('capacity')}
        error={error('capacity')}
        hint={capacityHint}
        maxlength={3}
      />
    </>
  );
}
