import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { MembershipApplication } from '@contract/api/member';
import { PageShell } from '../../../components/page-shell';
import { ReasonSheet } from '../../../components/reason-sheet';
import { StateView } from '../../../components/state-view';
import { StatusTag } from '../../../components/status-tag';
import { useAsync } from '../../../hooks/use-async';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { formatTime } from '../../../utils/format';
import './index.scss';

const TABS = [
  { key: 'pending', title: '待审核' },
  { key: 'approved', title: '已通过' },
  { key: 'returned', title: '已退回' },
] as const;

/** The union admin's 入会 queue: approve (a member number is issued) or return with a reason. */
export default function ApplicationsPage() {
  const [tab, setTab] = useState<(typeof TABS)[number]['key']>('pending');
  const list = useAsync(() => api.member.listApplications({ status: tab, limit: 50 }), [tab]);

  /** The application being returned: its reason is typed into its card. */
  const [returning, setReturning] = useState<string | null>(null);

  const reviewing = useWrite(api.member.reviewApplication, { report: '操作未完成' });
  const review = async (app: MembershipApplication, decision: 'approve' | 'return', reason?: string) => {
    if (decision === 'approve') {
      // Approving issues a member number and cannot be taken back from here: asked first.
      const sure = await Taro.showModal({
        title: '通过入会申请？',
        content: `${app.name}（${app.employer}）将成为工会会员，并获得会员编号。`,
        confirmText: '确认通过',
        cancelText: '再看看',
      });
      if (!sure.confirm) return;
    }
    if ((await reviewing.run({ applicationId: app.id, decision, reason })) === undefined) return;
    setReturning(null);
    await Taro.showToast({ title: decision === 'approve' ? '已通过' : '已退回', icon: 'success' });
    void list.reload();
  };

  return (
    <PageShell title="入会审核">
      <View className="tabs">
        {TABS.map((t) => (
          <View
            key={t.key}
            className={`tabs__item ${tab === t.key ? 'tabs__item--active' : ''}`}
            role="tab"
            aria-selected={tab === t.key}
            onClick={() => (setTab(t.key), setReturning(null))}
          >
            {t.title}
          </View>
        ))}
      </View>
      <StateView
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        empty={list.data?.items.length === 0}
        emptyText="暂无申请"
      >
        {list.data?.items.map((app) => (
          <View key={app.id} className="card">
            <View style={{ fontWeight: 600 }}>
              {app.name}{' '}
              <StatusTag
                text={TABS.find((t) => t.key === app.status)?.title ?? app.status}
                tone={app.status === 'approved' ? 'success' : app.status === 'returned' ? 'danger' : 'warning'}
              />
            </View>
            <View>
              {app.employer}（{app.district}） · {app.category}
              {app.group ? ` · ${app.group}` : ''}
              {app.platform ? ` · ${app.platform}` : ''}
            </View>
            {app.attempt > 1 ? <View className="muted">第 {app.attempt} 次申请（曾被退回后重新提交）</View> : null}
            <View className="member-applications__note">
              <View className="member-applications__note-label">申请人备注</View>
              <View>{app.reason ? app.reason : '（未填写）'}</View>
            </View>
            <View className="muted">
              手机 {app.phone} · 提交于 {formatTime(app.submittedAt)}
            </View>
            {app.memberNo ? <View>会员号 {app.memberNo}</View> : null}
            {app.returnReason ? <View>退回原因：{app.returnReason}</View> : null}
            {app.status === 'pending' && returning !== app.id ? (
              <View className="row-actions">
                <Button variant="outline" className="member-applications__return" onClick={() => setReturning(app.id)}>
                  退回
                </Button>
                <Button className="member-applications__approve" onClick={() => review(app, 'approve')}>
                  通过
                </Button>
              </View>
            ) : null}
            {app.status === 'pending' && returning === app.id ? (
              <ReasonSheet
                title="退回原因"
                placeholder="如：工作单位信息不完整"
                hint="申请人会看到这段话，请写清要补充什么"
                confirmText="确认退回"
                onConfirm={(reason) => review(app, 'return', reason)}
                onCancel={() => setReturning(null)}
              />
            ) : null}
          </View>
        ))}
      </StateView>
    </PageShell>
  );
}
