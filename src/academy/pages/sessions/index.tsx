import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import type { Session } from '@contract/api/academy';
import { PageShell, StateView, useAsync } from '../../../components';
import { api } from '../../../services/api';
import { AcademyLinks } from '../../components/links';
import { SessionCard } from '../../components/session-card';
import './index.scss';

/** 劳模工匠学院: the sessions the caller may book now, and the doors to 点单 and 我的预约. */
export default function SessionsPage() {
  const list = useAsync<Session[]>(() => api.academy.upcomingSessions(), []);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void list.reload();
    shown.current = true;
  });
  return (
    <PageShell title="劳模工匠学院">
      <View className="muted academy-intro">劳模当讲师、车间做课堂：免学费，按时参加可申领培训补贴。</View>
      <AcademyLinks />
      <View className="academy-section-title">近期可预约课程</View>
      <StateView
        of={list}
        empty={list.data?.length === 0}
        emptyText="近期暂无可预约的课程，可以先看看课程目录，或为班组点一门课"
      >
        {(list.data ?? []).map((s) => (
          <SessionCard key={s.id} session={s} />
        ))}
      </StateView>
    </PageShell>
  );
}
