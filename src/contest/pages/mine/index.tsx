import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useDidShow } from '@tarojs/taro';
import type { Registration } from '@contract/api/contest';
import { can, REGISTRATION_FLOW } from '@contract/flows';
import { PageShell, StateView, StatusTag, useAsync } from '../../../components';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { formatTime } from '../../../utils/format';
import { STATUS_TONE, statusText } from '../../components/status';
import './index.scss';

/** 我的报名: status of each registration, and what can be done with it now. */
export default function MyRegistrationsPage() {
  const list = useAsync(() => api.contest.myRegistrations(), []);
  useDidShow(() => {
    if (!list.loading) void list.reload();
  });

  const cancelling = useWrite(api.contest.cancel, { report: '未能取消' });
  const cancel = async (r: Registration) => {
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: `确定取消${r.tradeName}的报名吗？取消后名额会让给其他职工。`,
      confirmText: '确定取消',
      cancelText: '再想想',
    });
    if (!confirm) return;
    if (!(await cancelling.run({ registrationId: r.id }))) return;
    await Taro.showToast({ title: '已取消报名', icon: 'success' });
    void list.reload();
  };

  return (
    <PageShell title="我的报名">
      <StateView
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={!list.data?.length}
        emptyText="您还没有报名技能比武"
        emptyAction={
          <Button onClick={() => Taro.navigateTo({ url: '/contest/pages/list/index' })}>去看看正在报名的比武</Button>
        }
      >
        {list.data?.map((r) => {
          const open = Date.now() <= r.registrationClosesAt;
          return (
            <View key={r.id} className="card contest-mine__item">
              <View className="contest-mine__head">
                <View className="contest-mine__trade">{r.tradeName}</View>
                <StatusTag text={statusText(r.status)} tone={STATUS_TONE[r.status]} />
              </View>
              <View className="muted">{r.contestTitle}</View>
              <View className="muted">
                {r.employer} · {r.jobTitle} · {r.skillLevel}
              </View>
              <View className="muted">
                比赛时间：{formatTime(r.contestStartsAt)}，{r.venue}
              </View>
              {r.status === 'returned' ? (
                <View className="contest-mine__reason">退回原因：{r.returnReason ?? '未说明'}</View>
              ) : null}
              {r.checkedInAt ? <View>签到时间：{formatTime(r.checkedInAt)}</View> : null}
              {r.result ? (
                <View className="contest-mine__result">
                  成绩：第{r.result.rank}名{r.result.award ? ` · ${r.result.award}` : ''}
                </View>
              ) : null}
              <View className="row-actions">
                {r.status === 'approved' || r.status === 'checked_in' ? (
                  <Button
                    className="contest-mine__ticket"
                    onClick={() => Taro.navigateTo({ url: `/contest/pages/ticket/index?id=${r.id}` })}
                  >
                    入场码
                  </Button>
                ) : null}
                {can(REGISTRATION_FLOW.resubmit, r.status) && open ? (
                  <Button
                    onClick={() => Taro.navigateTo({ url: `/contest/pages/register/index?registrationId=${r.id}` })}
                  >
                    修改后重新提交
                  </Button>
                ) : null}
                {r.result ? (
                  <Button
                    variant="outline"
                    onClick={() => Taro.navigateTo({ url: `/contest/pages/results/index?id=${r.contestId}` })}
                  >
                    成绩公示
                  </Button>
                ) : null}
                {can(REGISTRATION_FLOW.cancel, r.status) && open ? (
                  <Button variant="outline" className="contest-mine__cancel" onClick={() => cancel(r)}>
                    取消报名
                  </Button>
                ) : null}
              </View>
            </View>
          );
        })}
      </StateView>
    </PageShell>
  );
}
