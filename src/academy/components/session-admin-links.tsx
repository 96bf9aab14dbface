import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AcademyActions } from '@contract/api/academy';
import { StateView, useAsync } from '../../components';
import { api } from '../../services/api';
import { span } from '../format';

type OrderDetail = AcademyActions['getOrder']['output'];

/** An order's sessions, each opening the admin's page to change, remind or close it. */
export function SessionAdminLinks({ orderId }: { orderId: string }) {
  const detail = useAsync<OrderDetail>(() => api.academy.getOrder({ orderId }), [orderId]);
  return (
    <StateView of={detail} empty={detail.data?.sessions.length === 0} emptyText="还没有排课">
      {(detail.data?.sessions ?? []).map((s) => (
        <View
          key={s.id}
          className="academy-report academy-session-admin-link"
          onClick={() => Taro.navigateTo({ url: `/academy/pages/session-admin/index?id=${s.id}` })}
        >
          <View>
            {span(s.startAt, s.endAt)} · {s.status === 'delivered' ? '已结束' : '待开课'}
          </View>
          <View className="muted">
            已约 {s.booked}/{s.capacity}
            {s.waiting ? ` · ${s.waiting}人候补` : ''} · 点此改时间、地点、名额或结束本场 ›
          </View>
        </View>
      ))}
    </StateView>
  );
}
