import { View } from '@tarojs/components';
import { Button } from '../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CourseOrder, OrderStatus } from '@contract/api/academy';
import type { Page } from '@contract/api/common';
import { can, ORDER_FLOW } from '@contract/flows';
import { StateView, useAsync } from '../../components';
import { TextField } from '../../components/form-field';
import { useWrite } from '../../hooks/use-write';
import { api } from '../../services/api';
import { OrderReport } from './order-report';
import { OrderSummary } from './order-summary';
import { ScheduleForm } from './schedule-form';
import { SessionAdminLinks } from './session-admin-links';

const TABS: { text: string; status?: OrderStatus }[] = [
  { text: '待受理', status: 'submitted' },
  { text: '待排课', status: 'accepted' },
  { text: '已排课', status: 'scheduled' },
  { text: '全部' },
];

/** The academy's queue: accept or decline (with a reason) new orders, schedule accepted ones. */
export function AdminQueue() {
  const [tab, setTab] = useState(0);
  const list = useAsync<Page<CourseOrder>>(
    () => api.academy.listOrders({ status: TABS[tab].status, limit: 50 }),
    [tab],
  );
  return (
    <View>
      <View className="tabs" role="tablist">
        {TABS.map((t, i) => (
          <View
            key={t.text}
            role="tab"
            aria-selected={i === tab}
            className={`tabs__item ${i === tab ? 'tabs__item--active' : ''}`}
            onClick={() => setTab(i)}
          >
            {t.text}
          </View>
        ))}
      </View>
      <StateView of={list} empty={list.data?.items.length === 0} emptyText="这里没有点单">
        {(list.data?.items ?? []).map((o) => (
          <QueueItem key={o.id} order={o} onChanged={() => void list.reload()} />
        ))}
      </StateView>
    </View>
  );
}

function QueueItem({ order, onChanged }: { order: CourseOrder; onChanged: () => void }) {
  const [mode, setMode] = useState<'none' | 'decline' | 'schedule' | 'report' | 'sessions'>('none');
  const [reason, setReason] = useState('');
  const accept = useWrite(api.academy.acceptOrder);
  const decline = useWrite(api.academy.declineOrder);
  const done = async (title: string) => {
    await Taro.showToast({ title, icon: 'none' });
    setMode('none');
    onChanged();
  };
  return (
    <View className="card">
      <OrderSummary order={order} />
      {/* Plain actions first, the primary one last (on the right), on every tab alike. */}
      <View className="row-actions">
        {can(ORDER_FLOW.decline, order.status) ? (
          <Button variant="outline" onClick={() => setMode(mode === 'decline' ? 'none' : 'decline')}>
            婉拒
          </Button>
        ) : null}
        {order.sessionIds.length ? (
          <Button variant="outline" onClick={() => setMode(mode === 'sessions' ? 'none' : 'sessions')}>
            管理场次
          </Button>
        ) : null}
        {order.sessionIds.length ? (
          <Button variant="outline" onClick={() => setMode(mode === 'report' ? 'none' : 'report')}>
            出勤与评价
          </Button>
        ) : null}
        {can(ORDER_FLOW.accept, order.status) ? (
          <Button
            busy={accept.busy}
            onClick={async () => (await accept.run({ orderId: order.id })) && (await done('已受理'))}
          >
            受理
          </Button>
        ) : null}
        {can(ORDER_FLOW.schedule, order.status) ? (
          <Button onClick={() => setMode(mode === 'schedule' ? 'none' : 'schedule')}>
            {order.status === 'scheduled' ? '再排一场' : '排课'}
          </Button>
        ) : null}
      </View>
      {mode === 'decline' ? (
        <View>
          <TextField
            label="婉拒原因"
            value={reason}
            onInput={setReason}
            error={decline.fieldError?.message}
            placeholder="点单人会看到这段话"
            maxlength={200}
          />
          <Button
            busy={decline.busy}
            onClick={async () => (await decline.run({ orderId: order.id, reason })) && (await done('已婉拒'))}
          >
            确认婉拒
          </Button>
        </View>
      ) : null}
      {mode === 'schedule' ? <ScheduleForm order={order} onDone={() => void done('已排课')} /> : null}
      {mode === 'report' ? <OrderReport orderId={order.id} /> : null}
      {mode === 'sessions' ? <SessionAdminLinks orderId={order.id} /> : null}
    </View>
  );
}
