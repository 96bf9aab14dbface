import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import type { StationAdminView } from '@contract/api/admin';
import { PageShell, StateView, StatusTag, useAsync } from '../../../components';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { AdminTable } from '../../components/admin-table';
import { useDirectory } from '../../hooks/use-directory';
import { ClosureForm } from './closure-form';
import { StationEditor } from './station-editor';
import '../../components/admin.scss';
// Last: the desk layout overrides the phone's.
import '../../components/desk.scss';

type Op = { op: 'reopen'; stationId: string } | { op: 'active'; stationId: string; active: boolean };

type Mode = { kind: 'new' } | { kind: 'edit' | 'close'; station: StationAdminView };

function stateOf(s: StationAdminView) {
  if (!s.active) return <StatusTag text="已停用" tone="muted" />;
  if (s.closure?.now) return <StatusTag text={`暂停中（至 ${s.closure.text}）`} tone="warning" />;
  if (s.closure) return <StatusTag text={`将于 ${s.closure.text} 前暂停`} tone="info" />;
  return <StatusTag text="开放" tone="success" />;
}

/** 驿站管理: every station (closed and retired too), 新增 / 修改, 临时暂停 / 恢复, 停用 / 启用. */
export default function StationsPage() {
  const loaded = useAsync(() => api.admin.listStationsAdmin(), []);
  const { list: stations, mode, open, toList, replace } = useDirectory<StationAdminView, Mode>(loaded);
  // One write per intent: reopen a station, or retire / restore it.
  const write = useWrite(
    (op: Op, id: string) =>
      op.op === 'reopen'
        ? api.admin.reopenStation({ stationId: op.stationId }, id)
        : api.admin.setStationActive({ stationId: op.stationId, active: op.active }, id),
    { report: '未能完成' },
  );

  const act = async (op: Op, label: string) => {
    const s = await write.run(op);
    if (!s) return;
    await Taro.showToast({ title: label, icon: 'success' });
    replace(s);
  };
  const retire = async (s: StationAdminView) => {
    const ok = await Taro.showModal({
      title: '停用驿站',
      content: `停用后${s.name}不再出现在职工的驿站列表和礼包活动里。以后可以重新启用。`,
    });
    if (ok.confirm) await act({ op: 'active', stationId: s.id, active: false }, '已停用');
  };

  return (
    <PageShell title="驿站管理" className="admin-page">
      <StateView of={loaded}>
        {mode.kind === 'new' || mode.kind === 'edit' ? (
          <StationEditor
            key={mode.kind === 'edit' ? mode.station.id : 'new'}
            station={mode.kind === 'edit' ? mode.station : undefined}
            onSaved={replace}
            onCancel={toList}
          />
        ) : mode.kind === 'close' ? (
          <ClosureForm station={mode.station} onSaved={replace} onCancel={toList} />
        ) : (
          <>
            <View className="admin__toolbar">
              <Button className="admin-stations__add" onClick={() => open({ kind: 'new' })}>
                新增驿站
              </Button>
            </View>
            <AdminTable
              label="驿站"
              rows={stations}
              emptyText="还没有驿站。点“新增驿站”添加第一个，礼包活动和退休纪念牌领取都要用到。"
              rowKey={(s) => s.id}
              muted={(s) => !s.active}
              columns={[
                { key: 'name', title: '驿站', primary: true, render: (s) => s.name },
                { key: 'town', title: '镇街', render: (s) => s.town },
                { key: 'address', title: '地址', render: (s) => s.address },
                { key: 'hours', title: '开放时间', render: (s) => s.hours },
                { key: 'phone', title: '电话', render: (s) => s.phone },
                {
                  key: 'staff',
                  title: '工作人员',
                  render: (s) => s.staff.map((x) => x.name).join('、') || '暂无，请到“邀请与授权”邀请',
                },
                { key: 'state', title: '状态', render: stateOf },
              ]}
              actions={(s) =>
                s.active
                  ? [
                      { label: '修改', onClick: () => open({ kind: 'edit', station: s }) },
                      s.closure
                        ? {
                            label: '恢复开放',
                            onClick: () => void act({ op: 'reopen', stationId: s.id }, '已恢复开放'),
                          }
                        : { label: '临时暂停', onClick: () => open({ kind: 'close', station: s }) },
                      { label: '停用', onClick: () => void retire(s) },
                    ]
                  : [
                      {
                        label: '重新启用',
                        onClick: () => void act({ op: 'active', stationId: s.id, active: true }, '已重新启用'),
                      },
                    ]
              }
            />
          </>
        )}
      </StateView>
    </PageShell>
  );
}
