import { Button, Picker, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  COURSE_FORMATS,
  FORMAT_LABELS,
  scheduleSessionInput,
  type CourseOrder,
  type Teacher,
} from '@contract/api/academy';
import { StateView, useAsync } from '../../components';
import { FormField, SelectField, TextField } from '../../components/form-field';
import { useWrite } from '../../hooks/use-write';
import { api } from '../../services/api';
import { dateOf, toEpoch } from '../format';
import './schedule.scss';

const DAY = 24 * 3600_000;
const FORMAT_NAMES = COURSE_FORMATS.map((f) => FORMAT_LABELS[f]);
const AUDIENCES = ['所有职工均可预约', '仅限点单企业职工'];
const DEADLINES = ['开课前24小时', '开课前12小时', '开课前2小时'];
const DEADLINE_HOURS = [24, 12, 2];

/** 下单: the academy schedules a session for an accepted order (teacher, time, place, seats, who may book). */
export function ScheduleForm({ order, onDone }: { order: CourseOrder; onDone: () => void }) {
  const teachers = useAsync<Teacher[]>(() => api.academy.listTeachers(), []);
  // The course's own teacher comes first to mind; the academy may still send another.
  const courseTeacher = useAsync<string | undefined>(async () => {
    if (!order.courseId) return undefined;
    const courses = await api.academy.listAllCourses();
    return courses.find((c) => c.id === order.courseId)?.teacherOpenid;
  }, [order.courseId]);
  const tomorrow = dateOf(Date.now() + DAY);
  // Two days' lead by default, so workers have time to book and the cancel deadline is ahead.
  const lead = dateOf(Date.now() + 2 * DAY);
  const wanted = order.preferredDates.find((d) => d >= lead) ?? lead;
  // Fixed when the form opens: the payload is the intent, so a retry must send the same one.
  const [opensAt] = useState(() => Date.now() - 60_000);
  const [teacher, setTeacher] = useState<string | undefined>();
  const [date, setDate] = useState(wanted);
  const [start, setStart] = useState('14:00');
  const [end, setEnd] = useState('16:00');
  const [format, setFormat] = useState<string | undefined>(FORMAT_LABELS[order.format]);
  const [venue, setVenue] = useState(order.place);
  const [liveLink, setLiveLink] = useState('');
  const [capacity, setCapacity] = useState(String(order.headcount));
  const [audience, setAudience] = useState<string | undefined>(AUDIENCES[0]);
  const [deadline, setDeadline] = useState<string | undefined>(DEADLINES[0]);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);

  const list = teachers.data ?? [];
  const teacherName = teacher ?? (list.find((t) => t.openid === courseTeacher.data) ?? list[0])?.name;
  const live = format === FORMAT_LABELS.live;
  const startAt = toEpoch(date, start);
  const payload = {
    orderId: order.id,
    teacherOpenid: list.find((t) => t.name === teacherName)?.openid ?? '',
    startAt,
    endAt: toEpoch(date, end),
    format: COURSE_FORMATS[Math.max(0, FORMAT_NAMES.indexOf(format ?? ''))],
    venue: live ? undefined : venue,
    liveLink: live ? liveLink : undefined,
    capacity: Number(capacity) || 0,
    audience: (audience === AUDIENCES[1] ? 'employer' : 'open') as 'open' | 'employer',
    // Booking opens at once and stays open until the start; the cancel deadline is chosen.
    bookingOpensAt: opensAt,
    bookingClosesAt: startAt,
    cancelDeadline: startAt - DEADLINE_HOURS[Math.max(0, DEADLINES.indexOf(deadline ?? ''))] * 3600_000,
  };
  const send = useWrite(api.academy.scheduleSession);
  const err = (f: string) => send.messageFor(f, error);

  const submit = async () => {
    const parsed = scheduleSessionInput.parse(payload);
    if (!parsed.ok) return setError({ field: parsed.issue.path, message: parsed.issue.message });
    setError(null);
    const s = await send.run(payload);
    if (!s) return;
    await Taro.showToast({ title: '已排课并通知点单人', icon: 'none' });
    onDone();
  };

  return (
    <StateView
      loading={(teachers.loading && !teachers.data) || (courseTeacher.loading && !courseTeacher.data)}
      error={teachers.data ? null : teachers.error}
      onRetry={teachers.reload}
    >
      <View className="academy-schedule">
        <SelectField
          label="授课老师"
          value={teacherName}
          options={list.map((t) => t.name)}
          onChange={setTeacher}
          error={err('teacherOpenid')}
        />
        <FormField label="上课日期" error={err('startAt')}>
          <Picker mode="date" value={date} start={tomorrow} onChange={(e) => setDate(e.detail.value)}>
            <View className="form-field__input form-field__picker" aria-label="上课日期">
              {date}
            </View>
          </Picker>
        </FormField>
        <View className="row-actions">
          <FormField label="开始">
            <Picker mode="time" value={start} onChange={(e) => setStart(e.detail.value)}>
              <View className="form-field__input form-field__picker" aria-label="开始时间">
                {start}
              </View>
            </Picker>
          </FormField>
          <FormField label="结束" error={err('endAt')}>
            <Picker mode="time" value={end} onChange={(e) => setEnd(e.detail.value)}>
              <View className="form-field__input form-field__picker" aria-label="结束时间">
                {end}
              </View>
            </Picker>
          </FormField>
        </View>
        <SelectField label="授课方式" value={format} options={FORMAT_NAMES} onChange={setFormat} />
        {live ? (
          <TextField
            label="直播链接"
            value={liveLink}
            onInput={setLiveLink}
            error={err('liveLink')}
            placeholder="https://"
            maxlength={200}
          />
        ) : (
          <TextField label="上课地点" value={venue} onInput={setVenue} error={err('venue')} maxlength={80} />
        )}
        <TextField
          label="名额"
          type="number"
          value={capacity}
          onInput={setCapacity}
          error={err('capacity')}
          maxlength={3}
        />
        <SelectField
          label="预约范围"
          value={audience}
          options={order.employerId ? AUDIENCES : AUDIENCES.slice(0, 1)}
          onChange={setAudience}
          error={err('audience')}
        />
        <SelectField
          label="取消截止"
          value={deadline}
          options={DEADLINES}
          onChange={setDeadline}
          error={err('cancelDeadline')}
        />
        <Button className="btn btn-primary" loading={send.busy} onClick={() => void submit()}>
          确认排课
        </Button>
      </View>
    </StateView>
  );
}
