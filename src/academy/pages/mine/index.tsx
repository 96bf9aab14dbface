import { Button } from '../../../components/button';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import type { BookingListItem } from '@contract/api/academy';
import { PageShell, StateView, useAsync } from '../../../components';
import { api } from '../../../services/api';
import { SessionCard } from '../../components/session-card';

/** 我的预约: every booking with its state (已预约, 候补中(n), 已签到, 缺席, 已取消). */
export default function MyBookingsPage() {
  const list = useAsync<BookingListItem[]>(() => api.academy.myBookings(), []);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void list.reload();
    shown.current = true;
  });
  return (
    <PageShell title="我的预约">
      <StateView
        of={list}
        empty={list.data?.length === 0}
        emptyText="您还没有预约课程"
        emptyAction={
          <Button onClick={() => Taro.navigateTo({ url: '/academy/pages/sessions/index' })}>去看看近期课程</Button>
        }
      >
        {(list.data ?? []).map(({ session, ...booking }) => (
          <SessionCard key={booking.id} session={{ ...session, myBooking: booking }} />
        ))}
      </StateView>
    </PageShell>
  );
}
