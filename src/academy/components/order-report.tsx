import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { OrderReport as Report } from '@contract/api/academy';
import { StateView, useAsync } from '../../components';
import { api } from '../../services/api';
import { when } from '../format';
import './report.scss';

/** The ordering enterprise's view of what was delivered: sessions, attendance, ratings and comments. */
export function OrderReport({ orderId }: { orderId: string }) {
  const report = useAsync<Report>(() => api.academy.orderReport({ orderId }), [orderId]);
  return (
    <StateView of={report} empty={report.data?.sessions.length === 0} emptyText="还没有排课">
      {(report.data?.sessions ?? []).map((s) => (
        <View
          key={s.sessionId}
          className="academy-report"
          onClick={() => Taro.navigateTo({ url: `/academy/pages/session/index?id=${s.sessionId}` })}
        >
          <View>
            {when(s.startAt)} · {s.title}
          </View>
          <View className="muted">
            预约 {s.booked}/{s.capacity} · 签到 {s.attended} · 缺席 {s.absent} ·{' '}
            {s.ratingAverage === null ? '暂无评分' : `评分 ${s.ratingAverage}（${s.ratingCount}人）`}
          </View>
          {s.comments.map((c, i) => (
            <View key={i} className="muted">
              “{c}”
            </View>
          ))}
        </View>
      ))}
    </StateView>
  );
}
