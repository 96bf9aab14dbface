import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useDidShow } from '@tarojs/taro';
import type { RetirementRequestView } from '@contract/api/retirement';
import { can, RETIREMENT_FLOW } from '@contract/flows';
import { PageShell } from '../../../components/page-shell';
import { StateView } from '../../../components/state-view';
import { StatusTag } from '../../../components/status-tag';
import { useAsync } from '../../../hooks/use-async';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { NEXT_STEP, STATUS_TONE } from '../../components/status';
import { Timeline } from '../../components/timeline';
import './index.scss';

const HAS_CERTIFICATE = ['issued', 'plaque_pending', 'plaque_posted', 'collected'];
const go = (url: string) => Taro.navigateTo({ url });

function RequestCard({ r, onChanged }: { r: RetirementRequestView; onChanged: () => void }) {
  const receiving = useWrite(api.retirement.confirmReceipt, { report: '未能确认' });
  const confirm = async () => {
    const ok = await Taro.showModal({ title: '确认收到纪念牌？', content: '收到邮寄的纪念牌后再确认。' });
    if (!ok.confirm) return;
    if (!(await receiving.run({ id: r.id }))) return;
    void Taro.showToast({ title: '已确认收到', icon: 'success' });
    onChanged();
  };
  return (
    <View className="card retirement-mine-request">
      <View className="retirement-mine-request__head">
        <View className="retirement-mine-request__name">{r.name}</View>
        <StatusTag text={r.statusLabel} tone={STATUS_TONE[r.status]} />
      </View>
      <View className="retirement-mine-request__meta">
        {r.employer} · 身份证 {r.idMasked}
      </View>
      <View className="retirement-mine-request__next">{NEXT_STEP[r.status]}</View>
      {r.status === 'returned' && r.returnReason ? (
        <View className="retirement-mine-request__reason">退回原因：{r.returnReason}</View>
      ) : null}
      {r.status === 'plaque_pending' && r.delivery.stationName ? (
        <View className="retirement-mine-request__place">
          领取地点：{r.delivery.stationName}（{r.delivery.stationAddress}）
        </View>
      ) : null}
      {r.trackingNote ? <View className="retirement-mine-request__place">快递：{r.trackingNote}</View> : null}
      {r.serial ? <View className="retirement-mine-request__meta">证书编号：{r.serial}</View> : null}
      <Timeline entries={r.timeline} />
      <View className="retirement-mine-request__actions">
        {HAS_CERTIFICATE.includes(r.status) ? (
          <Button
            className="retirement-mine-request__certificate"
            onClick={() => go(`/retirement/pages/certificate/index?id=${r.id}`)}
          >
            查看电子证书
          </Button>
        ) : null}
        {can(RETIREMENT_FLOW.resubmit, r.status) && r.mine ? (
          <Button
            className="retirement-mine-request__resubmit"
            onClick={() => go(`/retirement/pages/request/index?id=${r.id}`)}
          >
            修改后重新提交
          </Button>
        ) : null}
        {can(RETIREMENT_FLOW.confirmReceipt, r.status) && r.mine ? (
          <Button variant="outline" className="retirement-mine-request__received" onClick={confirm}>
            确认收到纪念牌
          </Button>
        ) : null}
      </View>
    </View>
  );
}

export default function RetirementMinePage() {
  const list = useAsync(() => api.retirement.myRequests(), []);
  useDidShow(() => {
    if (list.data) void list.reload();
  });
  const newRequest = (
    <Button className="retirement-mine__new" onClick={() => go('/retirement/pages/request/index')}>
      申请光荣退休证书
    </Button>
  );
  return (
    <PageShell className="retirement-mine" title="我的光荣退休申请">
      <StateView
        loading={list.loading && !list.data}
        error={list.error}
        onRetry={list.reload}
        empty={list.data?.length === 0}
        emptyText="还没有申请记录。本人、家属或单位工会都可以申请。"
        emptyAction={newRequest}
      >
        {list.data?.map((r) => (
          <RequestCard key={r.id} r={r} onChanged={() => void list.reload()} />
        ))}
        {list.data?.length ? (
          <Button
            variant="outline"
            className="retirement-mine__new"
            onClick={() => go('/retirement/pages/request/index')}
          >
            为其他人申请
          </Button>
        ) : null}
      </StateView>
    </PageShell>
  );
}
