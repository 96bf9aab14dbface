import { View } from '@tarojs/components';
import { Button } from '../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { PageShell } from '../../components/page-shell';
import { StateView } from '../../components/state-view';
import { useAsync } from '../../hooks/use-async';
import { api } from '../../services/api';
import { ensureConsent } from '../../stores/consent';
import { SERVICE_ENTRIES } from '../services/entries';
import { StationCard } from './station-card';
import { PageLink } from '../../components/page-link';
import './index.scss';

export default function HomePage() {
  const [located, setLocated] = useState<{ latitude: number; longitude: number }>();
  // Micro-degrees: integers keep the payload exact.
  const at = located ? { lat: Math.round(located.latitude * 1e6), lng: Math.round(located.longitude * 1e6) } : {};
  const stations = useAsync(() => api.portal.listStations(at), [located?.latitude, located?.longitude]);

  const locate = async () => {
    // Location is personal data: say why before the first request, and do without it if declined.
    if (!(await ensureConsent('location'))) return;
    try {
      const at = await Taro.getLocation({ type: 'gcj02' });
      setLocated({ latitude: at.latitude, longitude: at.longitude });
    } catch {
      Taro.showToast({ title: '未获得位置，按名称排列', icon: 'none' });
    }
  };

  return (
    <PageShell className="home">
      <View className="home__hero">
        <View className="home__hero-title">秀洲区总工会 · 职工之家</View>
        <View className="home__hero-sub">技能比武报名、工匠学院点课、光荣退休、春节礼包，都在这里办</View>
      </View>

      <View className="home__grid">
        {SERVICE_ENTRIES.map((entry) => (
          <PageLink key={entry.key} url={entry.url} className="home__entry" label={entry.title}>
            <View className="home__entry-icon" style={{ background: entry.color }}>
              {entry.mark}
            </View>
            <View className="home__entry-title">{entry.title}</View>
            <View className="home__entry-desc">{entry.season}</View>
          </PageLink>
        ))}
      </View>

      <View className="home__section-head">
        <View className="home__section-title">户外劳动者驿站</View>
        <Button variant="outline" className="home__locate" onClick={locate}>
          {located ? '已按距离排序' : '离我最近'}
        </Button>
      </View>
      <StateView
        loading={stations.loading}
        error={stations.error}
        empty={stations.data?.length === 0}
        emptyText="附近暂无驿站信息"
        onRetry={stations.reload}
      >
        {stations.data?.map((st) => (
          <StationCard key={st.id} station={st} />
        ))}
      </StateView>
    </PageShell>
  );
}
