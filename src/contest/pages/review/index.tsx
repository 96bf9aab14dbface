import { Picker, Textarea, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { RegistrationStatus } from '@contract/api/contest';
import { PageShell, StateView, StatusTag, useAsync } from '../../../components';
import { CheckMark } from '../../../components/check-mark';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { AdminTools } from '../../components/admin-tools';
import { ResultsForm } from '../../components/results-form';
import { STATUS_TONE, statusText } from '../../components/status';
import './index.scss';

const FILTERS: { status: RegistrationStatus; text: string }[] = [
  { status: 'submitted', text: '待审核' },
  { status: 'approved', text: '已通过' },
  { status: 'returned', text: '已退回' },
  { status: 'checked_in', text: '已签到' },
  { status: 'awarded', text: '获奖' },
];

/** The first contest (of ids, newest first) with entries waiting for review, else with any entries, else the first. */
async function contestWithWork(ids: string[]): Promise<string> {
  const total = async (contestId: string, status?: RegistrationStatus) => {
    try {
      return (await api.contest.reviewQueue({ contestId, ...(status ? { status } : {}), limit: 1 })).total;
    } catch {
      return 0;
    }
  };
  const pending = await Promise.all(ids.map((id) => total(id, 'submitted')));
  const withPending = ids.find((_, i) => pending[i] > 0);
  if (withPending) return withPending;
  const any = await Promise.all(ids.map((id) => total(id)));
  return ids.find((_, i) => any[i] > 0) ?? ids[0] ?? '';
}

/** 报名审核 (admin): the queue per contest and trade, approve / return in batches, results, tools. */
export default function ReviewPage() {
  const { params } = useRouter();
  const contests = useAsync(() => api.contest.listContests(), []);
  const [contestId, setContestId] = useState(params.id ?? '');
  // Without a contest in the link: the latest one with entries waiting, else the latest with any entries
  // (the list is newest first), so the page never opens on an empty queue while others have work.
  const opening = useAsync(
    async () => (params.id || !contests.data ? '' : await contestWithWork(contests.data.map((c) => c.id))),
    [contests.data],
  );
  const chosenId = contestId || opening.data || '';
  const current = chosenId ? (contests.data?.find((c) => c.id === chosenId) ?? contests.data?.[0]) : undefined;
  const detail = useAsync(
    async () => (current ? api.contest.getContest({ contestId: current.id }) : null),
    [current?.id],
  );
  const [tradeId, setTradeId] = useState<string>(params.tradeId ?? '');
  const [status, setStatus] = useState<RegistrationStatus>(
    FILTERS.find((f) => f.status === params.status)?.status ?? 'submitted',
  );
  const queue = useAsync(
    async () =>
      current
        ? api.contest.reviewQueue({ contestId: current.id, tradeId: tradeId || undefined, status, limit: 100 })
        : { items: [], total: 0 },
    [current?.id, tradeId, status],
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  /** 退回 opens the reason in the bar; the bar stays small (and sticky) until then. */
  const [returning, setReturning] = useState(false);
  const reviewing = useWrite(api.contest.review, { report: '操作未完成' });
  const busy = reviewing.busy;

  const trades = detail.data?.trades ?? [];
  const tradeNames = ['全部项目', ...trades.map((t) => t.name)];
  const items = queue.data?.items ?? [];
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const reload = () => {
    setSelected([]);
    void queue.reload();
    void detail.reload();
  };

  const decide = async (decision: 'approve' | 'return') => {
    if (!selected.length) return;
    if (decision === 'return' && reason.trim().length < 2) {
      await Taro.showModal({
        title: '请填写退回原因',
        content: '退回原因会发给职工，请写明需要修改的地方',
        showCancel: false,
      });
      return;
    }
    const out = await reviewing.run({
      registrationIds: selected,
      decision,
      ...(decision === 'return' ? { reason: reason.trim() } : {}),
    });
    if (out) {
      const done = out.filter((o) => o.ok).length;
      await Taro.showToast({
        title: `${decision === 'approve' ? '已通过' : '已退回'}${done}人${done < out.length ? `，${out.length - done}人状态已变化` : ''}`,
        icon: 'none',
      });
      setReason('');
      setReturning(false);
      reload();
    }
  };

  const reviewable = status === 'submitted' || status === 'approved';
  return (
    <PageShell title="报名审核">
      <StateView
        loading={contests.loading || (!!contests.data?.length && !current && !opening.error)}
        error={contests.error}
        onRetry={contests.reload}
        empty={!contests.data?.length}
        emptyText="还没有比武"
      >
        <View className="card contest-review__filters">
          <Picker
            mode="selector"
            range={(contests.data ?? []).map((c) => c.title)}
            value={Math.max(
              0,
              (contests.data ?? []).findIndex((c) => c.id === current?.id),
            )}
            onChange={(e) => {
              setContestId(contests.data?.[Number(e.detail.value)]?.id ?? '');
              setTradeId('');
            }}
          >
            <View className="contest-review__picker" aria-label="选择比武">
              <View className="contest-review__picker-label">比武</View>
              <View className="contest-review__picker-value">{current?.title}</View>
              <View className="contest-review__picker-arrow" aria-hidden>
                ▾
              </View>
            </View>
          </Picker>
          <Picker
            mode="selector"
            range={tradeNames}
            value={Math.max(0, trades.findIndex((t) => t.id === tradeId) + 1)}
            onChange={(e) => setTradeId(trades[Number(e.detail.value) - 1]?.id ?? '')}
          >
            <View className="contest-review__picker" aria-label="选择项目">
              <View className="contest-review__picker-label">项目</View>
              <View className="contest-review__picker-value">
                {tradeNames[trades.findIndex((t) => t.id === tradeId) + 1]}
              </View>
              <View className="contest-review__picker-arrow" aria-hidden>
                ▾
              </View>
            </View>
          </Picker>
        </View>
        <View className="tabs contest-review__tabs">
          {FILTERS.map((f) => (
            <View
              key={f.status}
              className={`tabs__item ${f.status === status ? 'tabs__item--active' : ''}`}
              onClick={() => {
                setStatus(f.status);
                setSelected([]);
                setReturning(false);
              }}
            >
              {f.text}
            </View>
          ))}
        </View>
        <StateView
          loading={queue.loading}
          error={queue.error}
          onRetry={queue.reload}
          empty={!items.length}
          emptyText={`没有${FILTERS.find((f) => f.status === status)?.text ?? ''}的报名`}
        >
          <View className="muted contest-review__total">共 {queue.data?.total ?? 0} 人</View>
          {items.map((r) => (
            <View key={r.id} className="card contest-review__item" onClick={() => reviewable && toggle(r.id)}>
              <View className="contest-review__item-head">
                {reviewable ? (
                  <View
                    className="contest-review__pick"
                    role="checkbox"
                    aria-checked={selected.includes(r.id)}
                    aria-label={`选择${r.name}`}
                  >
                    <CheckMark on={selected.includes(r.id)} />
                  </View>
                ) : null}
                <View className="contest-review__name">{r.name}</View>
                <StatusTag text={statusText(r.status)} tone={STATUS_TONE[r.status]} />
              </View>
              <View>
                {r.tradeName} · {r.jobTitle} · {r.skillLevel} · 从业{r.yearsInTrade}年
              </View>
              <View className="muted">
                {r.employer} · {r.phone}
              </View>
              {r.returnReason ? <View className="muted">退回原因：{r.returnReason}</View> : null}
              {r.result ? (
                <View>
                  第{r.result.rank}名 {r.result.award ?? ''}
                </View>
              ) : null}
            </View>
          ))}
          {reviewable && items.length ? (
            <View className="contest-review__batch">
              {returning ? (
                <Textarea
                  className="contest-review__reason"
                  value={reason}
                  maxlength={200}
                  focus
                  placeholder="退回原因，例如：工作单位请填写全称"
                  aria-label="退回原因"
                  onInput={(e) => setReason(e.detail.value)}
                />
              ) : null}
              {/* The primary action last (right), as everywhere in the app. */}
              <View className="contest-review__batch-row">
                {returning ? (
                  <Button variant="outline" onClick={() => setReturning(false)}>
                    取消
                  </Button>
                ) : (
                  <Button
                    variant="outline"
                    onClick={() => setSelected(selected.length === items.length ? [] : items.map((i) => i.id))}
                  >
                    {selected.length === items.length ? '取消全选' : '全选'}
                  </Button>
                )}
                <Button
                  className={`${returning ? 'btn-primary' : 'btn-plain'} contest-review__return`}
                  disabled={busy || !selected.length}
                  onClick={() => (returning ? decide('return') : setReturning(true))}
                >
                  {returning ? '确认退回' : '退回所选'}（{selected.length}）
                </Button>
                {status === 'submitted' && !returning ? (
                  <Button
                    className="contest-review__approve"
                    disabled={busy || !selected.length}
                    onClick={() => decide('approve')}
                  >
                    通过所选（{selected.length}）
                  </Button>
                ) : null}
              </View>
            </View>
          ) : null}
          {status === 'checked_in' && tradeId && items.length ? (
            <ResultsForm
              key={`${tradeId}-${items.length}`}
              contestId={current?.id ?? ''}
              tradeId={tradeId}
              people={items}
              onDone={reload}
            />
          ) : null}
          {status === 'checked_in' && !tradeId && items.length ? (
            <View className="muted">选择一个项目后可登记并发布成绩</View>
          ) : null}
        </StateView>
        {current ? <AdminTools contestId={current.id} tradeId={tradeId || undefined} /> : null}
      </StateView>
    </PageShell>
  );
}
