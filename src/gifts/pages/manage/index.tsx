import { Input, Picker, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { CampaignAdminView } from '@contract/api/gift';
import { PageShell, StateView, StatusTag, useAsync } from '../../../components';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { StockTable } from './stock-table';
import './index.scss';

/** Admin: each campaign's stock per station, move stock, pause, run the expiry sweep. */
export default function ManageGiftsPage() {
  const list = useAsync<CampaignAdminView[]>(() => api.gift.listCampaigns(), []);
  const [pick, setPick] = useState(0);
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(1);
  const [amount, setAmount] = useState('');
  const c = list.data?.[pick];
  const shown = useRef(false);
  useDidShow(() => {
    // Back from the campaign form: a new or changed campaign must show.
    if (shown.current) void list.reload();
    shown.current = true;
  });
  const openForm = (id?: string) =>
    Taro.navigateTo({ url: id ? `/gifts/pages/edit/index?id=${id}` : '/gifts/pages/edit/index' });

  const replace = (view: CampaignAdminView) =>
    list.setData((list.data ?? []).map((x) => (x.id === view.id ? view : x)));
  const pause = useWrite(api.gift.setPaused);
  const move = useWrite(api.gift.moveStock);
  const sweep = useWrite(api.gift.expireSweep);

  const togglePause = async () => {
    const view = await pause.run({ campaignId: c!.id, paused: !c!.paused });
    if (view) replace(view);
  };
  const doMove = async () => {
    const n = Number(amount);
    const rows = c!.stations;
    const view = await move.run({
      campaignId: c!.id,
      fromStationId: rows[from]?.stationId ?? '',
      toStationId: rows[to]?.stationId ?? '',
      amount: Number.isInteger(n) ? n : 0,
    });
    if (view) {
      replace(view);
      setAmount('');
      await Taro.showToast({ title: '已调拨', icon: 'success' });
    }
  };
  const runSweep = async () => {
    const r = await sweep.run({});
    if (r) {
      await Taro.showModal({
        title: '过期清理完成',
        content: `${r.expired} 张礼包券过期，礼包已退回驿站；提醒 ${r.reminded} 人尽快领取。`,
        showCancel: false,
      });
      void list.reload();
    }
  };

  const names = c?.stations.map((s) => s.stationName) ?? [];
  return (
    <PageShell title="礼包活动管理">
      <Button className="gift-manage__new" onClick={() => void openForm()}>
        新建礼包活动
      </Button>
      <StateView of={list} empty={list.data?.length === 0} emptyText="还没有礼包活动">
        {c ? (
          <>
            <Picker
              mode="selector"
              range={(list.data ?? []).map((x) => x.name)}
              value={pick}
              onChange={(e) => setPick(Number(e.detail.value))}
            >
              <View className="card gift-manage__pick">{c.name} ▾</View>
            </Picker>
            <View className="card">
              <StatusTag
                text={c.statusText}
                tone={c.status === 'open' ? 'success' : c.status === 'paused' ? 'warning' : 'muted'}
              />
              <View className="muted">
                {c.windowText} · {c.groupsText} · 核销有效{c.validDays}天
              </View>
              <View className="gift-manage__totals">
                总数 {c.total} · 剩余 {c.left} · 已领 {c.claimed} · 已核销 {c.redeemed}
              </View>
              <StockTable rows={c.stations} />
              <View className="row-actions">
                <Button variant="outline" busy={pause.busy} onClick={() => void togglePause()}>
                  {c.paused ? '恢复发放' : '暂停发放'}
                </Button>
                <Button variant="outline" className="gift-manage__edit" onClick={() => void openForm(c.id)}>
                  修改活动
                </Button>
                <Button variant="outline" busy={sweep.busy} onClick={() => void runSweep()}>
                  运行过期清理
                </Button>
              </View>
            </View>
            {names.length >= 2 ? (
              <View className="card">
                <View className="gift-manage__subtitle">调拨库存（只能调出未被领取的礼包，总数不变）</View>
                <Picker mode="selector" range={names} value={from} onChange={(e) => setFrom(Number(e.detail.value))}>
                  <View className="gift-manage__field">调出：{names[from]}</View>
                </Picker>
                <Picker mode="selector" range={names} value={to} onChange={(e) => setTo(Number(e.detail.value))}>
                  <View className="gift-manage__field">调入：{names[to]}</View>
                </Picker>
                <Input
                  className="gift-manage__field"
                  type="number"
                  placeholder="调拨数量"
                  value={amount}
                  onInput={(e) => setAmount(e.detail.value)}
                />
                {move.fieldError ? <View className="gift-manage__error">{move.fieldError.message}</View> : null}
                <Button busy={move.busy} onClick={() => void doMove()}>
                  确认调拨
                </Button>
              </View>
            ) : null}
          </>
        ) : null}
      </StateView>
    </PageShell>
  );
}
