import { Picker, Textarea, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { RegistrationStatus } from '@contract/api/contest';
import { PageShell, StateView, StatusTag, useAsync } from '../../../components';
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

/** 报名审核 (admin): the queue per contest and trade, approve / return in batches, results, tools. */
export default function ReviewPage() {
  const { params } = useRouter();
  const contests = useAsync(() => api.contest.listContests(), []);
  const [contestId, setContestId] = useState(params.id ?? '');
  const current = contests.data?.find((c) => c.id === contestId) ?? contests.data?.[0];
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
      reload();
    }
  };

  const reviewable = status === 'submitted' || status === 'approved';
  return (
    <PageShell title="报名审核">
      <StateView
        loading={contests.loading}
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
            <View className="contest-review__picker">比武：{current?.title}</View>
          </Picker>
          <Picker
            mode="selector"
            range={tradeNames}
            value={Math.max(0, trades.findIndex((t) => t.id === tradeId) + 1)}
            onChange={(e) => setTradeId(trades[Number(e.detail.value) - 1]?.id ?? '')}
          >
            <View className="contest-review__picker">
              项目：{tradeNames[trades.findIndex((t) => t.id === tradeId) + 1]}
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
          emptyText="这里没有报名记录"
        >
          <View className="muted contest-review__total">共 {queue.data?.total ?? 0} 人</View>
          {items.map((r) => (
            <View key={r.id} className="card contest-review__item" onClick={() => reviewable && toggle(r.id)}>
              <View className="contest-review__item-head">
                {reviewable ? (
                  <View
                    className={`contest-review__pick ${selected.includes(r.id) ? 'contest-review__pick--on' : ''}`}
                    role="checkbox"
                    aria-checked={selected.includes(r.id)}
                    aria-label={`选择${r.name}`}
                  >
                    {selected.includes(r.id) ? '✓' : ''}
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
            <View className="card contest-review__batch">
              <View className="row-actions">
                <Button
                  variant="outline"
                  onClick={() => setSelected(selected.length === items.length ? [] : items.map((i) => i.id))}
                >
                  {selected.length === items.length ? '取消全选' : '全选'}
                </Button>
                {status === 'submitted' ? (
                  <Button
                    className="contest-review__approve"
                    disabled={busy || !selected.length}
                    onClick={() => decide('approve')}
                  >
                    通过所选（{selected.length}）
                  </Button>
                ) : null}
              </View>
              <Textarea
                className="contest-review__reason"
                value={reason}
                maxlength={200}
                placeholder="退回原因，例如：工作单位请填写全称"
                aria-label="退回原因"
                onInput={(e) => setReason(e.detail.value)}
              />
              <Button
                variant="outline"
                className="contest-review__return"
                disabled={busy || !selected.length}
                onClick={() => decide('return')}
              >
                退回所选（{selected.length}）
              </Button>
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
