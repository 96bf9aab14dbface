import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ContestPhase } from '@contract/api/contest';
import { PageShell, StateView, StatusTag, useAsync } from '../../../components';
import { api } from '../../../services/api';
import { hasAnyRole, useMe } from '../../../stores/me';
import { formatTime } from '../../../utils/format';
import { PHASE_TEXT, PHASE_TONE } from '../../components/status';
import { PageLink } from '../../../components/page-link';
import './index.scss';

const TABS: ContestPhase[] = ['open', 'upcoming', 'closed'];

/** 技能比武: the district's contests, open first. */
export default function ContestListPage() {
  const [phase, setPhase] = useState<ContestPhase>('open');
  const list = useAsync(() => api.contest.listContests({ phase }), [phase]);
  const me = useMe();
  const isAdmin = hasAnyRole(me.data, 'admin', 'admin:contests');

  return (
    <PageShell title="职工技能比武">
      <View className="tabs" role="tablist">
        {TABS.map((t) => (
          <View
            key={t}
            role="tab"
            aria-selected={t === phase}
            className={`tabs__item ${t === phase ? 'tabs__item--active' : ''}`}
            onClick={() => setPhase(t)}
          >
            {PHASE_TEXT[t]}
          </View>
        ))}
      </View>
      <StateView
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={!list.data?.length}
        emptyText={phase === 'open' ? '暂时没有正在报名的比武，可以看看“即将开始”' : '暂无比武'}
      >
        {list.data?.map((c) => (
          <PageLink key={c.id} url={`/contest/pages/detail/index?id=${c.id}`} className="card contest-card">
            <View className="contest-card__head">
              <View className="contest-card__title">{c.title}</View>
              <StatusTag text={PHASE_TEXT[c.phase]} tone={PHASE_TONE[c.phase]} />
            </View>
            <View className="muted">项目：{c.tradeNames.join('、')}</View>
            <View className="muted">地点：{c.venue}</View>
            {c.phase === 'upcoming' ? <View>报名开始：{formatTime(c.registrationOpensAt)}</View> : null}
            {c.phase === 'open' ? (
              <View>
                报名截止：{formatTime(c.registrationClosesAt)} · 剩余名额 {c.placesLeft}
              </View>
            ) : null}
            {c.phase === 'closed' ? <View>比赛时间：{formatTime(c.contestStartsAt)}</View> : null}
            {c.resultsPublished ? <StatusTag text="成绩已公布" tone="info" /> : null}
          </PageLink>
        ))}
      </StateView>
      <View className="row-actions">
        <Button variant="outline" onClick={() => Taro.navigateTo({ url: '/contest/pages/mine/index' })}>
          我的报名
        </Button>
        {isAdmin ? (
          <Button variant="outline" onClick={() => Taro.navigateTo({ url: '/contest/pages/review/index' })}>
            报名审核
          </Button>
        ) : null}
      </View>
    </PageShell>
  );
}
