import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CampaignView, StationOption, Voucher } from '@contract/api/gift';
import { PageShell, StateView, StatusTag, useAsync } from '../../../components';
import { useWrite } from '../../../hooks/use-write';
import { ServiceError } from '../../../services/call';
import { api } from '../../../services/api';
import { distanceMetres, formatDistance, locate } from '../../distance';
import { EligibilityCard } from './eligibility-card';
import './index.scss';
import { askSubscription } from '../../../utils/subscribe';

type Here = { lat: number; lng: number } | null;

const voucherUrl = (id: string) => `/gifts/pages/voucher/index?id=${id}`;

/** What to tell the worker after a refused claim, and where the confirm button leads. */
async function explain(e: unknown, reload: () => void): Promise<void> {
  if (!(e instanceof ServiceError)) {
    await Taro.showModal({ title: '未能领取', content: '网络不太好，请稍后再试', showCancel: false });
    return;
  }
  const go = async (confirmText: string, url: string) => {
    const r = await Taro.showModal({ title: '未能领取', content: e.message, confirmText, cancelText: '知道了' });
    if (r.confirm) await Taro.navigateTo({ url });
  };
  if (e.code === 'PROFILE_INCOMPLETE') return go('去完善', '/member/pages/profile/index');
  if (e.code === 'NOT_MEMBER') return go('去入会', '/member/pages/apply/index');
  if (e.code === 'ALREADY_CLAIMED' && typeof e.details?.voucherId === 'string')
    return go('查看礼包券', voucherUrl(e.details.voucherId));
  await Taro.showModal({
    title: e.code === 'OUT_OF_STOCK' ? '本站已领完' : '未能领取',
    content: e.message,
    showCancel: false,
  });
  if (e.code === 'OUT_OF_STOCK' || e.code === 'CAMPAIGN_PAUSED') reload();
}

export default function CampaignPage() {
  const { params } = useRouter();
  const campaign = useAsync<CampaignView>(
    () => api.gift.getCampaign(params.id ? { campaignId: params.id } : {}),
    [params.id],
  );
  const [here, setHere] = useState<Here>(null);
  const [claimed, setClaimed] = useState<Voucher | null>(null);
  const [busy, setBusy] = useState('');
  const shown = useRef(false);

  useDidShow(() => {
    // Coming back from the voucher page (or after cancelling): stock and status may have changed.
    if (shown.current) void campaign.reload();
    shown.current = true;
  });

  useEffect(() => {
    // Distance is a nicety: without permission the list is simply not sorted by it.
    void locate().then(setHere);
  }, []);

  const stations = useMemo(() => {
    const list = (campaign.data?.stations ?? []).map((s) => ({ ...s, metres: here ? distanceMetres(here, s) : null }));
    return here ? list.sort((a, b) => (a.metres ?? 0) - (b.metres ?? 0)) : list;
  }, [campaign.data, here]);

  // The intent is the claim's input (ids only: a reloaded stock count is still the same intent). The
  // confirmation is part of it, so a double tap opens one dialog and makes one claim.
  const claiming = useWrite(
    async (at: { campaignId: string; stationId: string; names: string }, requestId) => {
      const ok = await Taro.showModal({
        title: '确认领取',
        content: `在${at.names}？每人限领一份，领取后请在有效期内到站出示礼包券。`,
        confirmText: '确认领取',
      });
      if (!ok.confirm) return null;
      // Right on the 确认领取 tap: the subscription for the voucher's expiry reminder.
      askSubscription('giftClaim');
      setBusy(at.stationId);
      try {
        return await api.gift.claim({ campaignId: at.campaignId, stationId: at.stationId }, requestId);
      } finally {
        setBusy('');
      }
    },
    { report: false },
  );

  const claimAt = async (station: StationOption) => {
    const c = campaign.data;
    if (!c) return;
    try {
      const names = `${station.name}领取${c.name}`;
      const voucher = await claiming.run({ campaignId: c.id, stationId: station.stationId, names });
      if (!voucher) return;
      setClaimed(voucher);
      void campaign.reload(); // the stations' stock left has changed
      await Taro.showToast({ title: '领取成功', icon: 'success' });
    } catch (e) {
      await explain(e, () => void campaign.reload());
    }
  };

  const c = campaign.data;
  const voucher = claimed ?? c?.myVoucher ?? null;
  return (
    <PageShell className="gift-campaign">
      <StateView loading={campaign.loading && !c} error={c ? null : campaign.error} onRetry={campaign.reload}>
        {c ? (
          <>
            <View className="card gift-campaign__head">
              <View className="gift-campaign__title">{c.name}</View>
              <StatusTag
                text={c.statusText}
                tone={c.status === 'open' ? 'success' : c.status === 'paused' ? 'warning' : 'muted'}
              />
              <View className="gift-campaign__line">领取时间：{c.windowText}</View>
              <View className="gift-campaign__line">礼包内容：{c.items.join('、')}</View>
              <View className="gift-campaign__line">发放对象：{c.groupsText}</View>
              <View className="gift-campaign__line">
                领取后{c.validDays}天内到所选驿站核销（含当天）{c.anyStation ? '，任一驿站均可核销' : ''}
              </View>
              {c.description ? <View className="muted">{c.description}</View> : null}
            </View>

            {voucher ? (
              <View className="card gift-campaign__claimed" role="status">
                <View className="gift-campaign__claimed-title">您已领取：{voucher.stationName}</View>
                <View className="muted">
                  请在 {voucher.validUntilText} 前到站出示礼包券 · {voucher.statusText}
                </View>
                <Button
                  className="gift-campaign__open-voucher"
                  onClick={() => Taro.navigateTo({ url: voucherUrl(voucher.id) })}
                >
                  查看礼包券
                </Button>
              </View>
            ) : (
              <EligibilityCard eligibility={c.eligibility} />
            )}

            <View className="gift-campaign__section">
              领取驿站（共剩 {c.totalLeft} 份）{here ? ' · 按距离排序' : ''}
            </View>
            <StateView empty={stations.length === 0} emptyText="本次活动没有设置领取驿站">
              {stations.map((s) => (
                <View key={s.stationId} className="card gift-station">
                  <View className="gift-station__name">
                    {s.name}
                    {s.metres !== null ? (
                      <View className="gift-station__distance">{formatDistance(s.metres)}</View>
                    ) : null}
                  </View>
                  <View className="muted">{s.address}</View>
                  <View className="muted">开放时间：{s.hours}</View>
                  {s.closed ? (
                    // Closed for a while: said in words (why, until when), and no claim there meanwhile.
                    <View className="gift-station__left gift-station__left--none" role="status">
                      {s.closed}
                    </View>
                  ) : (
                    <View className={s.left > 0 ? 'gift-station__left' : 'gift-station__left gift-station__left--none'}>
                      {s.left > 0 ? `剩余 ${s.left} 份` : '本站已领完'}
                    </View>
                  )}
                  {!voucher && c.eligibility.eligible ? (
                    <Button
                      className="gift-station__claim"
                      disabled={s.left <= 0 || !!s.closed || !!busy}
                      busy={busy === s.stationId}
                      onClick={() => void claimAt(s)}
                    >
                      {s.closed ? '暂停服务' : s.left > 0 ? '在此领取' : '已领完'}
                    </Button>
                  ) : null}
                </View>
              ))}
            </StateView>
            <Button variant="outline" onClick={() => Taro.navigateTo({ url: '/gifts/pages/mine/index' })}>
              我的礼包券
            </Button>
          </>
        ) : null}
      </StateView>
    </PageShell>
  );
}
