import { View } from '@tarojs/components';
import { Button } from '../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import {
  COURSE_FORMATS,
  FORMAT_LABELS,
  scheduleSessionInput,
  type AcademyActions,
  type CourseOrder,
  type Teacher,
} from '@contract/api/academy';
import { StateView, useAsync } from '../../components';
import { SelectField } from '../../components/form-field';
import { SessionPlaceFields, SessionTimeFields } from './session-time-fields';
import { useForm } from '../../hooks/use-form';
import { useWrite } from '../../hooks/use-write';
import { api } from '../../services/api';
import { dateOf, toEpoch } from '../format';
import './schedule.scss';

const DAY = 24 * 3600_000;
const FORMAT_NAMES = COURSE_FORMATS.map((f) => FORMAT_LABELS[f]);
const AUDIENCES = ['所有职工均可预约', '仅限点单企业职工'];
const DEADLINES = ['开课前24小时', '开课前12小时', '开课前2小时'];
const DEADLINE_HOURS = [24, 12, 2];

interface ScheduleDraft {
  teacher?: string;
  date: string;
  start: string;
  end: string;
  format?: string;
  venue: string;
  liveLink: string;
  capacity: string;
  audience?: string;
  deadline?: string;
}
type ScheduleInput = AcademyActions['scheduleSession']['input'];

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
  const send = useWrite(api.academy.scheduleSession, { inline: true });
  const list = teachers.data ?? [];
  const build = (d: ScheduleDraft) => {
    const teacherName = d.teacher ?? (list.find((t) => t.openid === courseTeacher.data) ?? list[0])?.name;
    const live = d.format === FORMAT_LABELS.live;
    const startAt = toEpoch(d.date, d.start);
    return {
      orderId: order.id,
      teacherOpenid: list.find((t) => t.name === teacherName)?.openid ?? '',
      startAt,
      endAt: toEpoch(d.date, d.end),
      format: COURSE_FORMATS[Math.max(0, FORMAT_NAMES.indexOf(d.format ?? ''))],
      venue: live ? undefined : d.venue,
      liveLink: live ? d.liveLink : undefined,
      capacity: /^\d+$/.test(d.capacity.trim()) ? Number(d.capacity) : NaN,
      audience: (d.audience === AUDIENCES[1] ? 'employer' : 'open') as 'open' | 'employer',
      // Booking opens at once and stays open until the start; the cancel deadline is chosen.
      bookingOpensAt: opensAt,
      bookingClosesAt: startAt,
      cancelDeadline: startAt - DEADLINE_HOURS[Math.max(0, DEADLINES.indexOf(d.deadline ?? ''))] * 3600_000,
    };
  };
  const {
    draft,
    set,
    error: err,
    validate,
  } = useForm<ScheduleDraft, ScheduleInput>(
    {
      teacher: undefined,
      date: wanted,
      start: '14:00',
      end: '16:00',
      format: FORMAT_LABELS[order.format],
      venue: order.place,
      liveLink: '',
      capacity: String(order.headcount),
      audience: AUDIENCES[0],
      deadline: DEADLINES[0],
    },
    (d) => scheduleSessionInput.parse(build(d)),
    send,
  );
  const teacherName = draft.teacher ?? (list.find((t) => t.openid === courseTeacher.data) ?? list[0])?.name;
  const live = draft.format === FORMAT_LABELS.live;

  const submit = async () => {
    const payload = validate();
    if (!payload) return;
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
          onChange={set('teacher')}
          error={err('teacherOpenid')}
        />
        <SessionTimeFields value={draft} onChange={set} error={err} earliest={tomorrow} />
        <SelectField label="授课方式" value={draft.format} options={FORMAT_NAMES} onChange={set('format')} />
        <SessionPlaceFields live={live} value={draft} onChange={set} error={err} />
        <SelectField
          label="预约范围"
          value={draft.audience}
          options={order.employerId ? AUDIENCES : AUDIENCES.slice(0, 1)}
          onChange={set('audience')}
          error={err('audience')}
        />
        <SelectField
          label="取消截止"
          value={draft.deadline}
          options={DEADLINES}
          onChange={set('deadline')}
          error={err('cancelDeadline')}
        />
        <Button busy={send.busy} onClick={() => void submit()}>
          确认排课
        </Button>
      </View>
    </StateView>
  );
}
