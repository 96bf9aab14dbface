import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useRouter } from '@tarojs/taro';
import { FORMAT_LABELS, type Session } from '@contract/api/academy';
import { PageShell, QrCode, StateView, StatusTag, useAsync, useRefreshingCode } from '../../../components';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { RateForm } from '../../components/rate-form';
import { BOOKING_TONE, span, when } from '../../format';
import './index.scss';
import { askSubscription } from '../../../utils/subscribe';

/** One session: details, book / join the waitlist / cancel, the seat QR once booked, rating after attending. */
export default function SessionPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const session = useAsync<Session>(
    () => (id ? api.academy.getSession({ sessionId: id }) : Promise.reject(new Error('没有找到这场课程'))),
    [id],
  );
  const s = session.data;
  const mine = s?.myBooking ?? null;
  const seated = mine?.status === 'booked';
  const code = useRefreshingCode(() => api.academy.seatCode({ sessionId: id }), seated);
  const booking = useWrite(api.academy.book);
  const cancelling = useWrite(api.academy.cancelBooking);

  const book = async () => {
    askSubscription('courseBooking');
    const next = await booking.run({ sessionId: id });
    if (!next) return void session.reload();
    session.setData(next);
    const waiting = next.myBooking?.status === 'waitlisted';
    await Taro.showToast({
      title: waiting ? `已加入候补，第${next.myBooking?.waitPosition ?? ''}位` : '预约成功',
      icon: waiting ? 'none' : 'success',
    });
  };

  const cancel = async () => {
    if (!s || !mine) return;
    const late = Date.now() > s.cancelDeadline;
    const content =
      mine.status === 'waitlisted'
        ? '退出后不再为您保留候补位置，确定退出吗？'
        : late
          ? `已过取消截止时间（${when(s.cancelDeadline)}），现在取消将记为逾期取消，名额不再递补。确定取消吗？`
          : '取消后名额将自动让给候补的职工。确定取消吗？';
    const ok = await Taro.showModal({
      title: mine.status === 'waitlisted' ? '退出候补' : '取消预约',
      content,
      confirmText: '确定',
      cancelText: '再想想',
    });
    if (!ok.confirm) return;
    const next = await cancelling.run({ sessionId: id });
    if (next) session.setData(next);
    else void session.reload();
  };

  const canBook = !!s && s.status === 'scheduled' && (!mine || (mine.status === 'cancelled' && !mine.late));
  const full = !!s && s.booked >= s.capacity;
  const now = Date.now();

  return (
    <PageShell className="academy-detail">
      <StateView loading={session.loading && !s} error={s ? null : session.error} onRetry={session.reload}>
        {s ? (
          <>
            <View className="card">
              <View className="academy-detail__title">{s.title}</View>
              {mine ? <StatusTag text={mine.statusLabel} tone={BOOKING_TONE[mine.status]} /> : null}
              <View className="academy-detail__row">时间：{span(s.startAt, s.endAt)}</View>
              <View className="academy-detail__row">
                授课：{s.teacherName}（{FORMAT_LABELS[s.format]}）
              </View>
              <View className="academy-detail__row">地点：{s.venue ?? '线上直播'}</View>
              {s.liveLink && mine?.status === 'booked' ? (
                <View className="academy-detail__row">直播链接：{s.liveLink}</View>
              ) : null}
              <View className="academy-detail__row">
                名额：已约 {Math.min(s.booked, s.capacity)} / {s.capacity}
                {s.waiting > 0 ? `，${s.waiting}人候补` : ''}
              </View>
              <View className="muted">
                预约截止 {when(s.bookingClosesAt)}；{when(s.cancelDeadline)} 前可取消，之后取消记为逾期
              </View>
              {s.ratingAverage !== null ? (
                <View className="muted">
                  学员评分 {s.ratingAverage} 分（{s.ratingCount}人评价）
                </View>
              ) : null}
            </View>

            {seated ? (
              <View className="card academy-detail__qr">
                <View className="academy-detail__qr-title">入场签到码</View>
                <StateView
                  loading={!code.code && !code.error}
                  error={code.code ? null : code.error}
                  onRetry={() => void code.refresh()}
                >
                  {code.code ? <QrCode value={code.code.token} size={240} label="课程签到码" /> : null}
                </StateView>
                <View className="muted">开课前30分钟起向老师或工作人员出示，二维码每分钟自动刷新</View>
              </View>
            ) : null}
            {mine?.status === 'waitlisted' ? (
              <View className="card academy-detail__note">
                您在候补第 {mine.waitPosition ?? '-'} 位。有人取消时会按顺序自动为您预约，并通过消息通知您。
              </View>
            ) : null}
            {mine?.status === 'attended' && !mine.rated ? (
              <RateForm sessionId={s.id} onRated={session.setData} />
            ) : null}
            {mine?.status === 'attended' && mine.rated ? (
              <View className="card academy-detail__note">您已评价，感谢反馈！</View>
            ) : null}
            {mine?.status === 'absent' ? (
              <View className="card academy-detail__note">本场未签到，记为缺席。欢迎预约下一场。</View>
            ) : null}

            {canBook ? (
              now < s.bookingOpensAt ? (
                <View className="card academy-detail__note">{when(s.bookingOpensAt)} 开放预约</View>
              ) : now >= s.bookingClosesAt || now >= s.startAt ? (
                <View className="card academy-detail__note">本场已截止预约</View>
              ) : (
                <Button className="academy-detail__book" busy={booking.busy} onClick={() => void book()}>
                  {full ? '排队候补' : '预约'}
                </Button>
              )
            ) : null}
            {mine && (mine.status === 'booked' || mine.status === 'waitlisted') && now < s.startAt ? (
              <Button
                variant="outline"
                className="academy-detail__cancel"
                busy={cancelling.busy}
                onClick={() => void cancel()}
              >
                {mine.status === 'waitlisted' ? '退出候补' : '取消预约'}
              </Button>
            ) : null}
          </>
        ) : null}
      </StateView>
    </PageShell>
  );
}
