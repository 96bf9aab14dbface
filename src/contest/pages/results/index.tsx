import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { PublishedResult } from '@contract/api/contest';
import { PageShell, StateView, useAsync } from '../../../components';
import { api } from '../../../services/api';
import './index.scss';

/** 成绩公示: each trade's ranking; names partly hidden. */
export default function ResultsPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const data = useAsync(async () => {
    const [contest, rows] = await Promise.all([
      api.contest.getContest({ contestId: id }),
      api.contest.results({ contestId: id }),
    ]);
    const byTrade = new Map<string, PublishedResult[]>();
    for (const r of rows) byTrade.set(r.tradeName, [...(byTrade.get(r.tradeName) ?? []), r]);
    return { contest, byTrade: [...byTrade.entries()] };
  }, [id]);

  return (
    <PageShell title={data.data ? `${data.data.contest.title} 成绩公示` : '成绩公示'}>
      <StateView
        loading={data.loading}
        error={data.error}
        onRetry={data.reload}
        empty={!data.data?.byTrade.length}
        emptyText="成绩尚未公布，公布后会通过消息通知参赛选手"
      >
        {data.data?.byTrade.map(([trade, rows]) => (
          <View key={trade} className="card">
            <View className="contest-results__trade">{trade}</View>
            {rows.map((r) => (
              <View key={`${r.rank}-${r.name}`} className="contest-results__row">
                <View className="contest-results__rank">第{r.rank}名</View>
                <View className="contest-results__who">
                  <View>{r.name}</View>
                  <View className="muted">{r.employer}</View>
                </View>
                <View className={r.award ? 'contest-results__award' : 'contest-results__award muted'}>
                  {r.award ?? ''}
                </View>
              </View>
            ))}
          </View>
        ))}
      </StateView>
    </PageShell>
  );
}
