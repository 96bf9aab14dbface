import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useRouter } from '@tarojs/taro';
import { FORMAT_LABELS, type Session } from '@contract/api/academy';
import { PageShell, StateView, StatusTag, useAsync } from '../../../components';
import { SessionPlaceFields, SessionTimeFields } from '../../components/session-time-fields';
import { useForm } from '../../../hooks/use-form';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { span, toEpoch, when } from '../../format';
import { changeOf, draftOf, type SessionDraft } from './session-change';
import './index.scss';

/** How far the draft moves the start: the booking deadline and cancel window move with it (server rule). */
function shiftOf(s: Session, d: SessionDraft): number {
  const start = toEpoch(d.date, d.start);
  return Number.isFinite(start) ? start - s.startAt : 0;
}

/** The academy admin's tools for one session: change time, place or seats; send reminders; close it. */
export default function SessionAdminPage() {
  const id = useRouter().params.id ?? '';
  const session = useAsync<Session>(
    () => (id ? api.academy.getSession({ sessionId: id }) : Promise.reject(new Error('没有找到这场课程'))),
    [id],
  );
  const s = session.data;
  const save = useWrite(
    (d: SessionDraft, requestId) => {
      const c = changeOf(s!, d);
      if (!c.ok) throw new Error(c.issue.message);
      return api.academy.updateSession(c.value, requestId);
    },
    { inline: true },
  );
  // The draft exists once the session is loaded (reset below); until then nothing is shown.
  const form = useForm<SessionDraft, ReturnType<typeof changeOf> & { ok: true }>(
    { date: '', start: '', end: '', venue: '', liveLink: '', capacity: '' },
    (d) => {
      const c = changeOf(s!, d);
      return c.ok ? { ok: true, value: c } : c;
    },
    save,
  );
  const { set, error: err } = form;
  form.load(s, draftOf);
  const draft = s ? form.draft : null;
  const close = useWrite(api.academy.closeSession);
  const remind = useWrite(api.academy.sendReminders);

  const onSave = async () => {
    if (!s || !draft) return;
    const c = form.validate();
    if (!c) return;
    if (!c.changed) return void Taro.showToast({ title: '没有改动', icon: 'none' });
    const next = await save.run(draft);
    if (!next) return;
    session.setData(next);
    await Taro.showToast({ title: '已保存并通知学员', icon: 'none' });
  };

  const onClose = async () => {
    const ok = await Taro.showModal({
      title: '结束本场课程',
      content: '结束后，已预约但未签到的学员记为缺席，签到的学员可以评价。确定结束吗？',
      confirmText: '结束课程',
      cancelText: '再想想',
    });
    if (!ok.confirm) return;
    const next = await close.run({ sessionId: id });
    if (next) {
      session.setData(next);
      await Taro.showToast({ title: '本场已结束', icon: 'none' });
    }
  };

  const onRemind = async () => {
    const r = await remind.run({});
    if (r) {
      await Taro.showModal({
        title: '提醒已发送',
        content: r.reminded ? `已提醒 ${r.reminded} 位学员按时参加。` : '24小时内开课的场次，学员都已提醒过了。',
        showCancel: false,
      });
    }
  };

  const open = s?.status === 'scheduled';
  return (
    <PageShell title="场次管理">
      <StateView loading={session.loading && !s} error={s ? null : session.error} onRetry={session.reload}>
        {s && draft ? (
          <>
            <View className="card">
              <View className="academy-admin__title">{s.title}</View>
              <StatusTag text={open ? '待开课' : '已结束'} tone={open ? 'info' : 'muted'} />
              <View>{span(s.startAt, s.endAt)}</View>
              <View className="muted">
                {s.teacherName} · {FORMAT_LABELS[s.format]} · 已约 {s.booked}/{s.capacity}
                {s.waiting ? ` · ${s.waiting}人候补` : ''}
              </View>
            </View>
            {open ? (
              <View className="card">
                <View className="academy-admin__subtitle">调整安排（保存后通知已预约和候补的学员）</View>
                <SessionTimeFields value={draft} onChange={set} error={err} />
                <View className="muted academy-admin__deadlines">
                  预约截止 {when(s.bookingClosesAt + shiftOf(s, draft))}，取消截止{' '}
                  {when(s.cancelDeadline + shiftOf(s, draft))}（随开课时间一起调整）
                </View>
                <SessionPlaceFields
                  live={s.format === 'live'}
                  value={draft}
                  onChange={set}
                  error={err}
                  capacityHint="加名额会按顺序为候补学员自动预约"
                />
                <Button className="academy-admin__save" busy={save.busy} onClick={() => void onSave()}>
                  保存修改
                </Button>
              </View>
            ) : (
              <View className="card muted">本场已结束，不能再修改。出勤与评价可在点单受理页查看。</View>
            )}
            <View className="card">
              <View className="academy-admin__subtitle">课前提醒</View>
              <View className="muted">给24小时内开课的所有场次中还没提醒过的学员发消息，每人只提醒一次。</View>
              <Button
                variant="outline"
                className="academy-admin__remind"
                busy={remind.busy}
                onClick={() => void onRemind()}
              >
                发送提醒
              </Button>
            </View>
            {open && Date.now() < s.startAt ? (
              <View className="muted academy-admin__later">开课后可在这里结束本场。</View>
            ) : null}
            {open && Date.now() >= s.startAt ? (
              <Button
                variant="outline"
                className="academy-admin__close"
                busy={close.busy}
                onClick={() => void onClose()}
              >
                结束本场（未签到记缺席）
              </Button>
            ) : null}
          </>
        ) : null}
      </StateView>
    </PageShell>
  );
}
