import { Picker, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useRouter } from '@tarojs/taro';
import {
  COURSE_FORMATS,
  FORMAT_LABELS,
  ORDER_LEAD_DAYS,
  placeOrderInput,
  type AcademyActions,
  type Course,
} from '@contract/api/academy';
import { PageShell, StateView, useAsync } from '../../../components';
import { FormField, SelectField, TextField } from '../../../components/form-field';
import { useForm } from '../../../hooks/use-form';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { withIssues } from '@contract/schema';
import { useMe } from '../../../stores/me';
import { formatDay } from '../../../utils/format';
import { dateOf } from '../../format';
import './index.scss';
import { askSubscription } from '../../../utils/subscribe';

const OWN_TOPIC = '其他主题（自拟）';
type PlaceOrderInput = AcademyActions['placeOrder']['input'];
const FORMAT_NAMES = COURSE_FORMATS.map((f) => FORMAT_LABELS[f]);

interface OrderDraft {
  courseTitle?: string;
  topic: string;
  headcount: string;
  date: string;
  place: string;
  format?: string;
  note: string;
}

/** The first day an order may ask for (China date): the academy needs the lead time to find a teacher. */
const earliestDay = () => dateOf(Date.now() + ORDER_LEAD_DAYS * 24 * 3600_000);

/**
 * 点单: the enterprise union contact asks the academy for a course for their employer, with headcount,
 * date (at least ORDER_LEAD_DAYS ahead), place. Anyone else is told whom to ask instead of a form the
 * server would refuse.
 */
export default function OrderPage() {
  const { params } = useRouter();
  const me = useMe();
  const courses = useAsync<Course[]>(() => api.academy.listCourses(), []);
  const list = courses.data ?? [];
  const preset = list.find((c) => c.id === params.courseId);
  // Opened from an old link to a course the academy has since withdrawn.
  const gone = !!params.courseId && !!courses.data && !preset;
  const send = useWrite(api.academy.placeOrder, { inline: true });
  const form = useForm<OrderDraft, PlaceOrderInput>(
    { courseTitle: undefined, topic: '', headcount: '', date: '', place: '', format: FORMAT_NAMES[0], note: '' },
    (d) => {
      const title = d.courseTitle ?? preset?.title;
      const chosen = list.find((c) => c.title === title);
      const parsed = placeOrderInput.parse({
        courseId: chosen?.id,
        topic: title === OWN_TOPIC ? d.topic : undefined,
        // A typed number that is not a whole number fails the schema instead of turning into 0.
        headcount: d.headcount.trim() === '' ? undefined : /^\d+$/.test(d.headcount.trim()) ? Number(d.headcount) : NaN,
        preferredDates: d.date ? [d.date] : [],
        place: d.place,
        format: COURSE_FORMATS[Math.max(0, FORMAT_NAMES.indexOf(d.format ?? ''))],
        note: d.note.trim() || undefined,
      });
      return withIssues(
        parsed,
        !!d.date &&
          d.date < earliestDay() && {
            path: 'preferredDates',
            message: `需提前${ORDER_LEAD_DAYS}天点单：希望日期最早可选${formatDay(earliestDay())}`,
          },
        !chosen &&
          !(title === OWN_TOPIC && d.topic.trim()) && {
            path: 'courseId',
            message: '请选择课程，或选“其他主题”并填写主题',
          },
      );
    },
    send,
  );
  const { draft, set, error: err } = form;
  const chosenTitle = draft.courseTitle ?? preset?.title;
  const chosen = list.find((c) => c.title === chosenTitle);

  const submit = async () => {
    const payload = form.validate();
    if (!payload) return;
    askSubscription('courseOrder');
    const order = await send.run(payload);
    if (!order) return;
    await Taro.showToast({ title: '点单已提交', icon: 'success' });
    await Taro.redirectTo({ url: '/academy/pages/orders/index' });
  };

  const contact =
    !!me.data && me.data.roles.includes('enterprise') && me.data.scopes.some((x) => x.kind === 'employer');
  if (me.data && !contact) {
    const employer = me.data.profile?.employer;
    return (
      <PageShell title="我要点单">
        <View className="card academy-order__not-contact" role="status">
          <View className="academy-order__not-contact-title">课程点单由单位工会联系人办理</View>
          <View>
            请联系{employer ? `${employer}的` : '您所在单位的'}
            工会，由他们为单位向学院点课。学院排课后，您可以在「近期课程」中预约参加。
          </View>
          <Button
            className="btn btn-primary academy-order__to-sessions"
            onClick={() => Taro.redirectTo({ url: '/academy/pages/sessions/index' })}
          >
            查看近期课程
          </Button>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell title="我要点单">
      <View className="muted academy-order__intro">
        告诉学院您想学什么、多少人、什么时候、在哪里上课，学院受理后安排劳模工匠老师送课上门。请至少提前
        {ORDER_LEAD_DAYS}天点单。
      </View>
      <StateView
        loading={(courses.loading && !courses.data) || (me.loading && !me.data)}
        error={courses.data ? (me.data ? null : me.error) : courses.error}
        onRetry={courses.data ? me.reload : courses.reload}
      >
        {gone ? (
          <View className="card academy-order__gone" role="alert">
            这门课程已下架，请从目录中另选一门，或选“其他主题（自拟）”写下想学的内容。
          </View>
        ) : null}
        <View className="card">
          <SelectField
            label="课程"
            value={chosenTitle}
            options={[...list.map((c) => c.title), OWN_TOPIC]}
            onChange={set('courseTitle')}
            error={err('courseId')}
            placeholder="从课程目录中选择"
          />
          {chosenTitle === OWN_TOPIC ? (
            <TextField
              label="希望的课程主题"
              value={draft.topic}
              onInput={set('topic')}
              error={err('topic')}
              placeholder="例如：五轴加工中心操作"
              maxlength={60}
            />
          ) : null}
          {chosen ? (
            <View className="muted academy-order__teacher">
              讲师：{chosen.teacherName}（{chosen.teacherTitle}）
            </View>
          ) : null}
          <TextField
            label="参训人数"
            type="number"
            value={draft.headcount}
            onInput={set('headcount')}
            error={err('headcount')}
            placeholder="例如：30"
            maxlength={3}
          />
          <FormField label="希望日期" error={err('preferredDates')}>
            <Picker
              mode="date"
              value={draft.date || earliestDay()}
              start={earliestDay()}
              onChange={(e) => set('date')(e.detail.value)}
            >
              <View className="form-field__input form-field__picker" aria-label="希望日期">
                {draft.date ? (
                  formatDay(draft.date)
                ) : (
                  <View className="form-field__placeholder">请选择日期（最早{formatDay(earliestDay())}）</View>
                )}
              </View>
            </Picker>
          </FormField>
          <TextField
            label="上课地点"
            value={draft.place}
            onInput={set('place')}
            error={err('place')}
            placeholder="例如：本公司职工之家"
            maxlength={80}
          />
          <SelectField
            label="授课方式"
            value={draft.format}
            options={FORMAT_NAMES}
            onChange={set('format')}
            error={err('format')}
          />
          <TextField
            label="补充说明（选填）"
            value={draft.note}
            onInput={set('note')}
            error={err('note')}
            placeholder="例如：新员工较多，希望多安排实操"
            maxlength={200}
          />
        </View>
        <Button busy={send.busy} onClick={() => void submit()}>
          提交点单
        </Button>
      </StateView>
    </PageShell>
  );
}
