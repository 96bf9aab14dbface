import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import type { GrantView, InvitationView, MyAccess } from '@contract/api/admin';
import { PageShell, StateView, StatusTag, useAsync } from '../../../components';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { formatTime } from '../../../utils/format';
import { AdminTable } from '../../components/admin-table';
import { invitableKinds } from '../../forms/invite';
import { InvitationCard } from './invitation-card';
import { InviteForm } from './invite-form';
import '../../components/admin.scss';
// Last: the desk layout overrides the phone's.
import '../../components/desk.scss';

interface Loaded {
  access: MyAccess;
  grants: GrantView[];
  invitations: InvitationView[];
}

const VIA_TEXT: Record<GrantView['via'], string> = { invitation: '邀请', setup: '初始设置', seed: '演示数据' };

type Tab = 'grants' | 'invitations';

/** 邀请与授权: who holds which role, the invitations out there, and a new one (QR + share card). */
export default function RolesPage() {
  const loaded = useAsync<Loaded>(async () => {
    const [access, grants, invitations] = await Promise.all([
      api.admin.myAccess(),
      api.admin.listGrants(),
      api.admin.listInvitations(),
    ]);
    return { access, grants, invitations };
  }, []);
  const [tab, setTab] = useState<Tab>('grants');
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<InvitationView | null>(null);
  const revokeInv = useWrite((invitationId: string, id: string) => api.admin.revokeInvitation({ invitationId }, id), {
    report: '未能撤销',
  });
  const revokeHeld = useWrite(api.admin.revokeGrant, { report: '未能撤销' });

  // The weapp share card opens the invite page with the token (never someone else's page).
  useShareAppMessage(() =>
    shown
      ? { title: `区总工会邀请您成为${shown.roleText}`, path: `/${shown.path}` }
      : { title: '职工服务', path: '/pages/home/index' },
  );

  const data = loaded.data;
  const kinds = data ? invitableKinds(data.access) : [];

  const revokeInvitation = async (inv: InvitationView) => {
    const ok = await Taro.showModal({ title: '撤销邀请', content: `撤销后这个二维码不能再用。已接受的人不受影响。` });
    if (!ok.confirm) return;
    if (!(await revokeInv.run(inv.id))) return;
    await Taro.showToast({ title: '已撤销', icon: 'success' });
    await loaded.reload();
  };

  const revokeGrant = async (g: GrantView) => {
    const ok = await Taro.showModal({
      title: '撤销授权',
      content: `撤销${g.holderName}的“${g.roleText}”身份？撤销后他立即不能再使用相关功能，操作会记录在案。`,
    });
    if (!ok.confirm) return;
    if (!(await revokeHeld.run({ grantId: g.id }))) return;
    await Taro.showToast({ title: '已撤销', icon: 'success' });
    await loaded.reload();
  };

  return (
    <PageShell title="邀请与授权" className="admin-page">
      <StateView of={loaded}>
        {shown ? (
          <InvitationCard inv={shown} onClose={() => setShown(null)} />
        ) : creating && data ? (
          <InviteForm
            kinds={kinds}
            onCancel={() => setCreating(false)}
            onCreated={(inv) => {
              setCreating(false);
              setShown(inv);
              setTab('invitations');
              void loaded.reload();
            }}
          />
        ) : (
          <>
            <View className="muted admin-roles__intro">
              工作人员、讲师、企业联系人和业务管理员都通过邀请获得身份：生成邀请二维码，对方扫码接受即可，不需要填写任何编号。
            </View>
            <View className="admin__toolbar">
              {kinds.length ? (
                <Button className="admin-roles__new" onClick={() => setCreating(true)}>
                  新建邀请
                </Button>
              ) : null}
            </View>
            <View className="tabs" role="tablist">
              <View
                role="tab"
                aria-selected={tab === 'grants'}
                className={`tabs__item ${tab === 'grants' ? 'tabs__item--active' : ''}`}
                onClick={() => setTab('grants')}
              >
                已授权（{data?.grants.filter((g) => g.active).length ?? 0}）
              </View>
              <View
                role="tab"
                aria-selected={tab === 'invitations'}
                className={`tabs__item ${tab === 'invitations' ? 'tabs__item--active' : ''}`}
                onClick={() => setTab('invitations')}
              >
                邀请记录（{data?.invitations.length ?? 0}）
              </View>
            </View>
            {tab === 'grants' ? (
              <AdminTable
                label="已授权"
                rows={data?.grants ?? []}
                emptyText="还没有授权记录。点“新建邀请”邀请第一位工作人员。"
                rowKey={(g) => g.id}
                muted={(g) => !g.active}
                columns={[
                  { key: 'name', title: '姓名', primary: true, render: (g) => g.holderName },
                  { key: 'phone', title: '手机', render: (g) => g.holderPhone || '—' },
                  // roleText names the scope already: 新城汇驿站 驿站工作人员.
                  { key: 'role', title: '身份', render: (g) => g.roleText },
                  { key: 'via', title: '来源', render: (g) => `${VIA_TEXT[g.via]} · ${formatTime(g.grantedAt)}` },
                  {
                    key: 'state',
                    title: '状态',
                    render: (g) =>
                      g.active ? (
                        <StatusTag text="有效" tone="success" />
                      ) : (
                        <StatusTag text={`已撤销${g.revokeReason ? `：${g.revokeReason}` : ''}`} tone="muted" />
                      ),
                  },
                ]}
                actions={(g) => [g.active && { label: '撤销', onClick: () => void revokeGrant(g) }]}
              />
            ) : (
              <AdminTable
                label="邀请记录"
                rows={data?.invitations ?? []}
                emptyText="还没有发出过邀请。"
                rowKey={(i) => i.id}
                muted={(i) => i.status !== 'active'}
                columns={[
                  { key: 'role', title: '邀请身份', primary: true, render: (i) => i.roleText },
                  {
                    key: 'state',
                    title: '状态',
                    render: (i) => <StatusTag text={i.statusText} tone={i.status === 'active' ? 'success' : 'muted'} />,
                  },
                  { key: 'uses', title: '已用', render: (i) => `${i.used} / ${i.maxUses} 人` },
                  { key: 'expires', title: '有效期至', render: (i) => i.expiresText },
                  { key: 'by', title: '邀请人', render: (i) => `${i.createdBy}${i.note ? `（${i.note}）` : ''}` },
                ]}
                actions={(i) =>
                  i.status === 'active'
                    ? [
                        { label: '二维码', onClick: () => setShown(i) },
                        { label: '撤销', onClick: () => void revokeInvitation(i) },
                      ]
                    : []
                }
              />
            )}
          </>
        )}
      </StateView>
    </PageShell>
  );
}
