import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { ContestAdminView, TradeAdminView } from '@contract/api/contest';
import { PageShell, StateView, StatusTag, useAsync } from '../../../components';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { AdminTable } from '../../components/admin-table';
import { ContestForm } from './contest-form';
import { TitlesCard } from './titles';
import { TradeForm } from './trade-form';
import '../../components/admin.scss';
// Last: the desk layout overrides the phone's.
import '../../components/desk.scss';

type TradeMode = null | { trade?: TradeAdminView };

/** 新建 / 修改 one contest, then its trades (name, rules, quota, per-employer places), then 发布. */
export default function ContestEditPage() {
  const id = useRouter().params.id;
  const loaded = useAsync<ContestAdminView | null>(
    () => (id ? api.contest.adminContest({ contestId: id }) : Promise.resolve(null)),
    [id],
  );
  const [tradeMode, setTradeMode] = useState<TradeMode>(null);
  const remove = useWrite(api.contest.removeTrade, { report: '不能删除' });
  const publishWrite = useWrite((contestId: string, rid: string) => api.contest.publishContest({ contestId }, rid), {
    report: '不能发布',
  });
  const contest = loaded.data ?? undefined;

  const update = (c: ContestAdminView) => {
    loaded.setData(c);
    setTradeMode(null);
  };
  const removeTrade = async (t: TradeAdminView) => {
    const ok = await Taro.showModal({ title: '删除项目', content: `删除“${t.name}”？只有还没人报名的项目可以删除。` });
    if (!ok.confirm || !contest) return;
    const c = await remove.run({ contestId: contest.id, tradeId: t.id });
    if (c) update(c);
  };
  const publish = async () => {
    if (!contest) return;
    const c = await publishWrite.run(contest.id);
    if (!c) return;
    update(c);
    await Taro.showToast({ title: '已发布', icon: 'success' });
  };

  return (
    <PageShell title={contest ? contest.title : '新建比武'} className="admin-page">
      <StateView
        loading={loaded.loading && loaded.data === undefined}
        error={loaded.data === undefined ? loaded.error : null}
        onRetry={loaded.reload}
      >
        {contest ? (
          <View className="card admin-contest__state">
            <StatusTag
              text={contest.statusText}
              tone={contest.status === 'published' ? 'success' : contest.status === 'draft' ? 'warning' : 'muted'}
            />
            <View className="muted">
              {contest.status === 'draft'
                ? '草稿只有管理员看得到。添加至少一个比赛项目后即可发布。'
                : contest.status === 'published'
                  ? '已发布：修改会立即生效。名额不能改得比已报名人数少。'
                  : '已关闭：不能再报名。'}
            </View>
          </View>
        ) : null}
        <ContestForm key={contest?.id ?? 'new'} contest={contest} onSaved={update} />
        {contest ? (
          <>
            <View className="admin__section-title">比赛项目</View>
            {tradeMode ? (
              <TradeForm
                key={tradeMode.trade?.id ?? 'new'}
                contestId={contest.id}
                trade={tradeMode.trade}
                onSaved={update}
                onCancel={() => setTradeMode(null)}
              />
            ) : (
              <>
                <AdminTable
                  label="比赛项目"
                  rows={contest.trades}
                  emptyText="还没有比赛项目。"
                  rowKey={(t) => t.id}
                  columns={[
                    { key: 'name', title: '项目', primary: true, render: (t) => t.name },
                    { key: 'quota', title: '名额', render: (t) => `已报 ${t.taken} / 共 ${t.quota}` },
                    {
                      key: 'employer',
                      title: '每单位',
                      render: (t) =>
                        [
                          t.employerQuota ? `${t.employerQuota} 人` : '不限',
                          ...(t.employerPlaces ?? []).map(
                            (e) => `${e.employer} ${e.places} 人（已报 ${e.taken ?? 0}）`,
                          ),
                        ].join('；'),
                    },
                    { key: 'rules', title: '规则', render: (t) => t.rules },
                  ]}
                  actions={(t) => [
                    { label: '修改', onClick: () => setTradeMode({ trade: t }) },
                    t.registrations === 0 && { label: '删除', onClick: () => void removeTrade(t) },
                  ]}
                />
                <View className="admin__toolbar">
                  <Button variant="outline" className="admin-contest__add-trade" onClick={() => setTradeMode({})}>
                    添加比赛项目
                  </Button>
                  {contest.status === 'draft' ? (
                    <Button className="admin-contest__publish" onClick={() => void publish()}>
                      发布比武
                    </Button>
                  ) : null}
                </View>
              </>
            )}
            <TitlesCard contestId={contest.id} />
          </>
        ) : null}
      </StateView>
    </PageShell>
  );
}
