import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { TitleAdminView } from '@contract/api/contest';
import { StateView, useAsync } from '../../../components';
import { ReasonSheet } from '../../../components/reason-sheet';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { AdminTable } from '../../components/admin-table';

/**
 * 已获称号: who holds a 技术能手 title in this contest's trades (which bars them from that trade),
 * and 撤销 with a reason. Titles are granted by a first prize in 公布成绩, so there is no "add" here.
 */
export function TitlesCard(props: { contestId: string }) {
  const loaded = useAsync(() => api.contest.adminTitles({ contestId: props.contestId }), [props.contestId]);
  const [withdrawing, setWithdrawing] = useState<TitleAdminView | null>(null);
  const send = useWrite(api.contest.withdrawTitle, { report: '未能撤销' });
  const confirm = async (reason: string) => {
    if (!withdrawing) return;
    const done = await send.run({ contestId: props.contestId, titleId: withdrawing.id, reason });
    if (!done) return;
    setWithdrawing(null);
    loaded.setData((loaded.data ?? []).filter((t) => t.id !== withdrawing.id));
    await Taro.showToast({ title: '称号已撤销', icon: 'success' });
  };
  return (
    <>
      <View className="admin__section-title">已获称号</View>
      <View className="muted">一等奖获得者得到“技术能手”称号，按规则不能再报同一项目。称号有误可以撤销。</View>
      {withdrawing ? (
        <ReasonSheet
          title="撤销原因"
          hint={`撤销 ${withdrawing.holderName} 的「${withdrawing.title}」，本人会收到通知`}
          placeholder="如：成绩复核有误"
          confirmText="确认撤销"
          busyText="正在撤销…"
          onConfirm={confirm}
          onCancel={() => setWithdrawing(null)}
        />
      ) : null}
      <StateView of={loaded}>
        <AdminTable
          label="已获称号"
          rows={loaded.data ?? []}
          emptyText="本场比武的项目里还没有人获得称号。"
          rowKey={(t) => t.id}
          columns={[
            { key: 'title', title: '称号', primary: true, render: (t) => t.title },
            { key: 'holder', title: '获得者', render: (t) => `${t.holderName} ${t.holderPhone}`.trim() },
            { key: 'year', title: '年份', render: (t) => `${t.year}年` },
          ]}
          actions={(t) => [{ label: '撤销称号', onClick: () => setWithdrawing(t) }]}
        />
      </StateView>
    </>
  );
}
