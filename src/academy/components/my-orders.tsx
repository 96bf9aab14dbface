import { View } from '@tarojs/components';
import { Button } from '../../components/button';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { CourseOrder } from '@contract/api/academy';
import { can, ORDER_FLOW } from '@contract/flows';
import { StateView, useAsync } from '../../components';
import { useWrite } from '../../hooks/use-write';
import { api } from '../../services/api';
import { OrderReport } from './order-report';
import { OrderSummary } from './order-summary';

/** The orderer's (and their enterprise contact's) orders: progress, withdraw, sessions with attendance and ratings. */
export function MyOrders() {
  const list = useAsync<CourseOrder[]>(() => api.academy.myOrders(), []);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void list.reload();
    shown.current = true;
  });
  const [open, setOpen] = useState<string | null>(null);

  const withdrawing = useWrite(api.academy.withdrawOrder, { report: '未能撤回' });
  const withdraw = async (o: CourseOrder) => {
    const ok = await Taro.showModal({
      title: '撤回点单',
      content: `确定撤回「${o.title}」的点单吗？`,
      confirmText: '撤回',
      cancelText: '再想想',
    });
    if (!ok.confirm) return;
    if (await withdrawing.run({ orderId: o.id })) await Taro.showToast({ title: '已撤回', icon: 'none' });
    void list.reload();
  };

  return (
    <StateView
      of={list}
      empty={list.data?.length === 0}
      emptyText="还没有点单"
      emptyAction={<Button onClick={() => Taro.navigateTo({ url: '/academy/pages/order/index' })}>我要点单</Button>}
    >
      {(list.data ?? []).map((o) => (
        <View key={o.id} className="card">
          <OrderSummary order={o} />
          <View className="row-actions">
            {can(ORDER_FLOW.withdraw, o.status) ? (
              <Button variant="outline" onClick={() => void withdraw(o)}>
                撤回点单
              </Button>
            ) : null}
            {o.sessionIds.length ? (
              <Button variant="outline" onClick={() => setOpen(open === o.id ? null : o.id)}>
                课程安排与出勤
              </Button>
            ) : null}
          </View>
          {open === o.id ? <OrderReport orderId={o.id} /> : null}
        </View>
      ))}
    </StateView>
  );
}
