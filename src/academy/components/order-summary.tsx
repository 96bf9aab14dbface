import { View } from '@tarojs/components';
import { FORMAT_LABELS, type CourseOrder } from '@contract/api/academy';
import { StatusTag } from '../../components';
import { ORDER_TONE, when } from '../format';
import './order-summary.scss';
import { formatDay } from '../../utils/format';

/** What was ordered, by whom, and where it stands (shared by the orderer's and the academy's views). */
export function OrderSummary({ order: o }: { order: CourseOrder }) {
  return (
    <View className="academy-order-summary">
      <View className="academy-order-summary__head">
        <View className="academy-order-summary__title">{o.title}</View>
        <StatusTag text={o.statusLabel} tone={ORDER_TONE[o.status]} />
      </View>
      <View className="muted">
        {o.employerName} · {o.ordererName} · {when(o.createdAt)} 点单
      </View>
      <View>
        {o.headcount}人 · {FORMAT_LABELS[o.format]} · 希望 {o.preferredDates.map((d) => formatDay(d)).join('、')}
      </View>
      <View>地点：{o.place}</View>
      {o.note ? <View className="muted">说明：{o.note}</View> : null}
      {o.acceptNote && o.status === 'accepted' ? (
        <View className="academy-order-summary__ok">学院：{o.acceptNote}</View>
      ) : null}
      {o.declineReason ? <View className="academy-order-summary__no">婉拒原因：{o.declineReason}</View> : null}
    </View>
  );
}
