import { View } from '@tarojs/components';
import { FORMAT_LABELS, type Session } from '@contract/api/academy';
import { StatusTag } from '../../components';
import { BOOKING_TONE, span } from '../format';
import { PageLink } from '../../components/page-link';
import './session-card.scss';

/** One session in a list: what, who, when, where, seats; tap for the detail. */
export function SessionCard({
  session: s,
}: {
  session: Omit<Session, 'myBooking'> & { myBooking?: Session['myBooking'] };
}) {
  const full = s.booked >= s.capacity;
  return (
    <PageLink url={`/academy/pages/session/index?id=${s.id}`} className="card academy-session">
      <View className="academy-session__head">
        <View className="academy-session__title">{s.title}</View>
        {s.myBooking ? <StatusTag text={s.myBooking.statusLabel} tone={BOOKING_TONE[s.myBooking.status]} /> : null}
      </View>
      <View className="muted">
        授课：{s.teacherName} · {FORMAT_LABELS[s.format]}
      </View>
      <View>{span(s.startAt, s.endAt)}</View>
      <View className="muted">{s.venue ?? '线上直播'}</View>
      <View className={full ? 'academy-session__seats academy-session__seats--full' : 'academy-session__seats'}>
        {full ? `名额已满，可排队候补（${s.waiting}人候补）` : `剩余名额 ${s.capacity - s.booked} / ${s.capacity}`}
        {s.audience === 'employer' ? ` · 仅限${s.employerName ?? '本企业'}职工` : ''}
      </View>
    </PageLink>
  );
}
