import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useRouter } from '@tarojs/taro';
import type { Voucher } from '@contract/api/gift';
import { PageShell, QrCode, StateView, StatusTag, useAsync, useRefreshingCode } from '../../../components';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { VOUCHER_TONE } from '../../status';
import './index.scss';

/** The voucher: a QR that refreshes every minute (a screenshot stops working), where and until when. */
export default function VoucherPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const voucher = useAsync<Voucher>(
    () => (id ? api.gift.getVoucher({ voucherId: id }) : Promise.reject(new Error('没有找到这张礼包券'))),
    [id],
  );
  const v = voucher.data;
  const live = v?.status === 'claimed';
  const code = useRefreshingCode(() => api.gift.voucherCode({ voucherId: id }), !!live);
  const cancelling = useWrite(api.gift.cancelClaim, { report: false });

  const cancel = async () => {
    if (!v) return;
    const ok = await Taro.showModal({
      title: '取消领取',
      content: `取消后礼包退回${v.stationName}，您可以重新选择驿站领取。确定取消吗？`,
      confirmText: '确定取消',
      cancelText: '再想想',
    });
    if (!ok.confirm) return;
    try {
      const cancelled = await cancelling.run({ voucherId: v.id });
      if (!cancelled) return;
      voucher.setData(cancelled);
      await Taro.showToast({ title: '已取消', icon: 'success' });
    } catch (e) {
      await Taro.showModal({
        title: '未能取消',
        content: e instanceof Error ? e.message : '请稍后再试',
        showCancel: false,
      });
      void voucher.reload();
    }
  };

  return (
    <PageShell className="gift-voucher">
      <StateView loading={voucher.loading && !v} error={v ? null : voucher.error} onRetry={voucher.reload}>
        {v ? (
          <>
            <View className="card gift-voucher__card">
              <View className="gift-voucher__title">{v.campaignName}</View>
              <StatusTag text={v.statusText} tone={VOUCHER_TONE[v.status]} />
              {live ? (
                <View className="gift-voucher__qr">
                  <StateView
                    loading={!code.code && !code.error}
                    error={code.code ? null : code.error}
                    onRetry={() => void code.refresh()}
                  >
                    {code.code ? <QrCode value={code.code.token} size={240} label="礼包券二维码" /> : null}
                  </StateView>
                  <View className="muted">请向驿站工作人员出示此码，二维码每分钟自动刷新</View>
                </View>
              ) : null}
              {v.status === 'redeemed' ? (
                <View className="gift-voucher__done">
                  礼包已在{v.redeemedPlace ?? v.stationName}领取，祝您新春快乐！
                </View>
              ) : null}
              {v.status === 'expired' ? <View className="gift-voucher__done">礼包券已过期，礼包已退回驿站</View> : null}
              {v.status === 'cancelled' ? (
                <View className="gift-voucher__done">已取消领取，可回到活动页重新选择驿站</View>
              ) : null}
            </View>
            <View className="card">
              <View className="gift-voucher__row">礼包内容：{v.items.join('、')}</View>
              <View className="gift-voucher__row">
                领取驿站：{v.stationName}
                {v.anyStation ? '（任一驿站均可核销）' : ''}
              </View>
              <View className="gift-voucher__row">地址：{v.stationAddress}</View>
              <View className="gift-voucher__row">开放时间：{v.stationHours}</View>
              <View className="gift-voucher__row">有效期至：{v.validUntilText}</View>
            </View>
            {live ? (
              <Button variant="outline" onClick={() => void cancel()}>
                取消领取
              </Button>
            ) : (
              <Button variant="outline" onClick={() => Taro.redirectTo({ url: '/gifts/pages/campaign/index' })}>
                返回活动页
              </Button>
            )}
          </>
        ) : null}
      </StateView>
    </PageShell>
  );
}
