import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useRouter } from '@tarojs/taro';
import { PageShell, StateView, StatusTag, useAsync } from '../../../components';
import { api } from '../../../services/api';
import { formatTime } from '../../../utils/format';
import { PHASE_TEXT, PHASE_TONE } from '../../components/status';
import './index.scss';

/** One contest: window, venue, schedule, rules, awards and each trade with its places left. */
export default function ContestDetailPage() {
  const { params } = useRouter();
  // A poster's 小程序码 opens this page with the contest id as `scene`.
  const id = params.id ?? (params.scene ? decodeURIComponent(params.scene) : '');
  const detail = useAsync(() => api.contest.getContest({ contestId: id }), [id]);
  const c = detail.data;

  return (
    <PageShell>
      <StateView loading={detail.loading} error={detail.error} onRetry={detail.reload}>
        {c ? (
          <>
            <View className="card">
              <View className="contest-detail__title">{c.title}</View>
              <StatusTag text={PHASE_TEXT[c.phase]} tone={PHASE_TONE[c.phase]} />
              <View className="contest-detail__summary">{c.summary}</View>
              <View>
                报名时间：{formatTime(c.registrationOpensAt)} 至 {formatTime(c.registrationClosesAt)}
              </View>
              <View className="contest-detail__deadline">报名截止：{formatTime(c.registrationClosesAt)}</View>
              <View>
                比赛时间：{formatTime(c.contestStartsAt)} 至 {formatTime(c.contestEndsAt)}
              </View>
              <View>
                比赛地点：{c.venue}（{c.venueAddress}）
              </View>
            </View>

            <View className="contest-detail__section">比赛项目</View>
            {c.trades.map((t) => (
              <View key={t.id} className="card contest-trade">
                <View className="contest-trade__head">
                  <View className="contest-trade__name">{t.name}</View>
                  <View
                    className={t.left > 0 ? 'contest-trade__left' : 'contest-trade__left contest-trade__left--full'}
                  >
                    {t.left > 0 ? `剩余 ${t.left} / ${t.quota} 个名额` : '名额已满'}
                  </View>
                </View>
                <View className="muted">{t.rules}</View>
                {t.employerQuota ? (
                  <View className="muted">
                    {t.employerPlaces?.length ? '其他单位' : '每个单位'}限报 {t.employerQuota} 人
                  </View>
                ) : null}
                {(t.employerPlaces ?? []).map((e) => (
                  <View key={e.employer} className="muted">
                    {e.employer}限报 {e.places} 人
                  </View>
                ))}
                {c.phase === 'open' && t.left > 0 ? (
                  <Button
                    className="contest-trade__apply"
                    onClick={() =>
                      Taro.navigateTo({ url: `/contest/pages/register/index?contestId=${c.id}&tradeId=${t.id}` })
                    }
                  >
                    报名{t.name}
                  </Button>
                ) : null}
              </View>
            ))}

            <View className="contest-detail__section">赛程安排</View>
            <View className="card">
              {c.schedule.map((s) => (
                <View key={`${s.at}-${s.text}`} className="contest-schedule__item">
                  <View className="muted">{formatTime(s.at)}</View>
                  <View>{s.text}</View>
                </View>
              ))}
            </View>

            <View className="contest-detail__section">参赛须知</View>
            <View className="card">
              {c.rules.map((r, i) => (
                <View key={r} className="contest-rule">
                  {i + 1}. {r}
                </View>
              ))}
            </View>

            <View className="contest-detail__section">奖励办法</View>
            <View className="card">{c.awards}</View>

            <View className="row-actions">
              {c.resultsPublished ? (
                <Button
                  variant="outline"
                  onClick={() => Taro.navigateTo({ url: `/contest/pages/results/index?id=${c.id}` })}
                >
                  查看成绩
                </Button>
              ) : null}
              <Button variant="outline" onClick={() => Taro.navigateTo({ url: '/contest/pages/mine/index' })}>
                我的报名
              </Button>
            </View>
          </>
        ) : null}
      </StateView>
    </PageShell>
  );
}
