import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { StationAdminView } from '@contract/api/admin';
import { PageShell, StateView, StatusTag, useAsync } from '../../../components';
import { useWrite } from '../../../hooks/use-write';
import { adminService } from '../../../services/admin';
import { AdminTable } from '../../components/admin-table';
import { ClosureForm } from './closure-form';
import { StationEditor } from './station-editor';
import '../../components/admin.scss';
// Last: the desk layout overrides the phone's.
import '../../components/desk.scss';

type Op = { op: 'reopen'; stationId: string } | { op: 'active'; stationId: string; active: boolean };

type Mode = { kind: 'list' } | { kind: 'new' } | { kind: 'edit' | 'close'; station: StationAdminView };

function stateOf(s: StationAdminView) {
  if (!s.active) return <StatusTag text="已停用" tone="muted" />;
  if (s.closure?.now) return <StatusTag text={`暂停中（至 ${s.closure.text}）`} tone="warning" />;
  if (s.closure) return <StatusTag text={`将于 ${s.closure.text} 前暂停`} tone="info" />;
  return <StatusTag text="开放" tone="success" />;
}

/** 驿站管理: every station (closed and retired too), 新增 / 修改, 临时暂停 / 恢复, 停用 / 启用. */
export default function StationsPage() {
  const loaded = useAsync(() => adminService.listStations(), []);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  // One write per intent: reopen a station, or retire / restore it.
  const write = useWrite(
    (op: Op, id: string) =>
      op.op === 'reopen'
        ? adminService.reopenStation(op.stationId, id)
        : adminService.setStationActive(op.stationId, op.active, id),
    { report: '未能完成' },
  );
  const stations = loaded.data ?? [];

  const open = (next: Mode) => {
    setMode(next);
    void Taro.pageScrollTo?.({ scrollTop: 0, duration: 0 });
  };
  const replace = (s: StationAdminView) => {
    const known = stations.some((x) => x.id === s.id);
    loaded.setData(known ? stations.map((x) => (x.id === s.id ? s : x)) : [...stations, s]);
    open({ kind: 'list' });
  };

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
      <StateView
        loading={loaded.loading && !loaded.data}
        error={loaded.data ? null : loaded.error}
        onRetry={loaded.reload}
      >
        {mode.kind === 'new' || mode.kind === 'edit' ? (
          <StationEditor
            key={mode.kind === 'edit' ? mode.station.id : 'new'}
            station={mode.kind === 'edit' ? mode.station : undefined}
            onSaved={replace}
            onCancel={() => open({ kind: 'list' })}
          />
        ) : mode.kind === 'close' ? (
          <ClosureForm station={mode.station} onSaved={replace} onCancel={() => open({ kind: 'list' })} />
        ) : (
          <>
            <View className="admin__toolbar">
              <Button className="admin-stations__add" onClick={() => open({ kind: 'new' })}>
                新增驿站
              </Button>
            </View>
            <StateView
              empty={stations.length === 0}
              emptyText="还没有驿站。点“新增驿站”添加第一个，礼包活动和退休纪念牌领取都要用到。"
            >
              <AdminTable
                label="驿站"
                rows={stations}
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
                  s.active ? (
                    <>
                      <Button
                        variant="outline"
                        className="admin__small-btn"
                        onClick={() => open({ kind: 'edit', station: s })}
                      >
                        修改
                      </Button>
                      {s.closure ? (
                        <Button
                          variant="outline"
                          className="admin__small-btn"
                          onClick={() => void act({ op: 'reopen', stationId: s.id }, '已恢复开放')}
                        >
                          恢复开放
                        </Button>
                      ) : (
                        <Button
                          variant="outline"
                          className="admin__small-btn"
                          onClick={() => open({ kind: 'close', station: s })}
                        >
                          临时暂停
                        </Button>
                      )}
                      <Button variant="outline" className="admin__small-btn" onClick={() => void retire(s)}>
                        停用
                      </Button>
                    </>
                  ) : (
                    <Button
                      variant="outline"
                      className="admin__small-btn"
                      onClick={() => void act({ op: 'active', stationId: s.id, active: true }, '已重新启用')}
                    >
                      重新启用
                    </Button>
                  )
                }
              />
            </StateView>
          </>
        )}
      </StateView>
    </PageShell>
  );
}
