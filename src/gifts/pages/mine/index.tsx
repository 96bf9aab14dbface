import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import type { Voucher } from '@contract/api/gift';
import { PageShell, StateView, StatusTag, useAsync } from '../../../components';
import { api } from '../../../services/api';
import { VOUCHER_TONE } from '../../status';
import { PageLink } from '../../../components/page-link';
import './index.scss';

/** Every voucher the worker has claimed, newest first, with its status. */
export default function MyVouchersPage() {
  const list = useAsync<Voucher[]>(() => api.gift.myVouchers(), []);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void list.reload();
    shown.current = true;
  });

  return (
    <PageShell title="我的礼包券">
      <StateView
        of={list}
        empty={list.data?.length === 0}
        emptyText="您还没有领取礼包"
        emptyAction={
          <Button onClick={() => Taro.navigateTo({ url: '/gifts/pages/campaign/index' })}>去看看春节礼包</Button>
        }
      >
        {(list.data ?? []).map((v) => (
          <PageLink key={v.id} url={`/gifts/pages/voucher/index?id=${v.id}`} className="card gift-mine__item">
            <View className="gift-mine__head">
              <View className="gift-mine__name">{v.campaignName}</View>
              <StatusTag text={v.statusText} tone={VOUCHER_TONE[v.status]} />
            </View>
            <View className="muted">
              {v.stationName} · {v.items.join('、')}
            </View>
            <View className="muted">
              {v.status === 'claimed' ? `请在 ${v.validUntilText} 前领取` : `有效期至 ${v.validUntilText}`}
            </View>
          </PageLink>
        ))}
      </StateView>
    </PageShell>
  );
}
