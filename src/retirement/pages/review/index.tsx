import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import { useState } from 'react';
import type { ReviewItem } from '@contract/api/retirement';
import { can, RETIREMENT_FLOW } from '@contract/flows';
import { CheckMark } from '../../../components/check-mark';
import { PageShell } from '../../../components/page-shell';
import { ReasonSheet, type Props as ReasonSheetProps } from '../../../components/reason-sheet';
import { StateView } from '../../../components/state-view';
import { StatusTag } from '../../../components/status-tag';
import { useAsync } from '../../../hooks/use-async';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { hasAnyRole, useMe } from '../../../stores/me';
import { formatDay, STATUS_TONE } from '../../components/status';
import { Callback } from './callback';
import { ADMIN_QUEUES, ENTERPRISE_QUEUES, reportBatch, showError, type Queue } from './actions';
import { ReviewPhoto } from './photo';
import './index.scss';

type Ask = 'return' | 'post' | 'revoke';
type AskFor = Omit<ReasonSheetProps, 'onConfirm' | 'onCancel'> & {
  run: (text: string, requestId: string) => Promise<unknown>;
};

function Item({
  item,
  selected,
  onToggle,
  admin,
  onDone,
}: {
  item: ReviewItem;
  selected: boolean;
  onToggle?: () => void;
  admin: boolean;
  onDone: () => void;
}) {
  const [asking, setAsking] = useState<Ask | null>(null);
  /** One request per intent (this action on this request with this text): a double tap or a retry replays it. */
  const acting = useWrite((x: { ask: Ask; text: string }, requestId) => asks[x.ask].run(x.text, requestId), {
    report: '未能完成',
  });
  const act = async (ask: Ask, text: string) => {
    if ((await acting.run({ ask, text })) === undefined) return; // refused (shown), or a second tap
    setAsking(null);
    onDone();
  };
  /** What each action asks for before it runs; the answer is typed into the card (ReasonSheet). */
  const asks: Record<Ask, AskFor> = {
    return: {
      title: '退回原因',
      placeholder: '如：工龄与单位记录不符',
      hint: '申请人会看到这段话，请写清要改什么',
      confirmText: '确认退回',
      run: (reason, requestId) =>
        admin
          ? api.retirement.returnRequest({ id: item.id, reason }, requestId)
          : api.retirement.verifyEmployment({ ids: [item.id], decision: 'return', reason }, requestId),
    },
    post: {
      title: '寄出单号',
      placeholder: '快递公司和单号，如：中国邮政 9812345678901',
      minLength: 4,
      maxLength: 100,
      confirmText: '确认寄出',
      run: (note, requestId) => api.retirement.postPlaque({ id: item.id, trackingNote: note }, requestId),
    },
    revoke: {
      title: '撤销原因',
      placeholder: '为什么撤销这张证书',
      hint: '撤销后扫码验证会显示「已撤销」',
      confirmText: '确认撤销',
      run: (reason, requestId) => api.retirement.revoke({ id: item.id, reason }, requestId),
    },
  };
  // The buttons follow the same state machine as the server's guards.
  const canReturn = can(admin ? RETIREMENT_FLOW.return : RETIREMENT_FLOW.employerReturn, item.status);
  const canPost = admin && can(RETIREMENT_FLOW.postPlaque, item.status);
  const canRevoke = admin && can(RETIREMENT_FLOW.revoke, item.status);
  return (
    <View className={`card retirement-review-item ${selected ? 'retirement-review-item--selected' : ''}`}>
      <View
        className="retirement-review-item__head"
        onClick={onToggle}
        role={onToggle ? 'checkbox' : undefined}
        aria-checked={selected}
      >
        {onToggle ? <CheckMark on={selected} /> : null}
        <View className="retirement-review-item__name">{item.name}</View>
        <StatusTag text={item.statusLabel} tone={STATUS_TONE[item.status]} />
      </View>
      <View className="retirement-review-item__line">
        {item.employer} · {item.position} · 工龄{item.yearsOfService}年
      </View>
      <View className="retirement-review-item__line">
        退休 {formatDay(item.retirementDate)} · 身份证 {item.idMasked} · 电话 {item.phoneMasked}
      </View>
      <View className="retirement-review-item__line">
        {item.requesterKind === 'family'
          ? `家属代办（${item.relation ?? ''}）`
          : item.requesterKind === 'employer'
            ? '单位代办'
            : '本人申请'}{' '}
        ·{' '}
        {item.delivery.method === 'pickup'
          ? `现场领取：${item.delivery.stationName}`
          : `邮寄：${item.delivery.address}`}
      </View>
      <Callback item={item} admin={admin} onDone={onDone} />
      {item.serial ? <View className="retirement-review-item__line">证书编号：{item.serial}</View> : null}
      {item.returnReason ? <View className="retirement-review-item__line">退回原因：{item.returnReason}</View> : null}
      <ReviewPhoto item={item} />
      {asking ? (
        <ReasonSheet
          key={asking}
          {...asks[asking]}
          onConfirm={(text) => act(asking, text)}
          onCancel={() => setAsking(null)}
        />
      ) : (
        <View className="retirement-review-item__actions">
          {canReturn ? (
            <Button variant="outline" className="retirement-review-item__return" onClick={() => setAsking('return')}>
              退回
            </Button>
          ) : null}
          {canPost ? (
            <Button variant="outline" className="retirement-review-item__post" onClick={() => setAsking('post')}>
              寄出
            </Button>
          ) : null}
          {canRevoke ? (
            <Button variant="outline" className="retirement-review-item__revoke" onClick={() => setAsking('revoke')}>
              撤销证书
            </Button>
          ) : null}
        </View>
      )}
    </View>
  );
}

export default function RetirementReviewPage() {
  const me = useMe();
  const admin = hasAnyRole(me.data, 'admin', 'admin:retirement');
  const queues: Queue[] = admin ? ADMIN_QUEUES : ENTERPRISE_QUEUES;
  const [tab, setTab] = useState(0);
  const queue = queues[Math.min(tab, queues.length - 1)];
  const [selected, setSelected] = useState<string[]>([]);
  const list = useAsync(async () => {
    if (!me.data) return null;
    const pages = await Promise.all(
      [queue.status, ...(queue.also ?? [])].map((status) => api.retirement.reviewQueue({ status, limit: 100 })),
    );
    return { items: pages.flatMap((p) => p.items), total: pages.reduce((n, p) => n + p.total, 0) };
  }, [me.data?.openid, queue.status]);
  const items = list.data?.items ?? [];
  const allowed = me.data && hasAnyRole(me.data, 'admin', 'admin:retirement', 'enterprise');

  const refresh = () => {
    setSelected([]);
    void list.reload();
  };
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  // One request per intent (this queue's action on these requests): a double tap or a retry replays it.
  const batching = useWrite((x: { status: string; ids: string[] }, requestId) => queue.batch!.run(x.ids, requestId), {
    report: false,
  });
  const runBatch = async () => {
    const batch = queue.batch;
    if (!batch || !selected.length) return;
    try {
      const result = await batching.run({ status: queue.status, ids: [...selected].sort() });
      if (!result) return; // a second tap while the first runs: the first one answers
      await reportBatch(batch.label, result);
    } catch (e) {
      await showError(e);
    }
    refresh();
  };

  return (
    <PageShell className="retirement-review" title={admin ? '光荣退休审批' : '本单位退休申请核实'}>
      <StateView loading={me.loading && !me.data} error={me.error} onRetry={me.reload}>
        {me.data && !allowed ? <View className="card">此页面仅供区总工会和单位工会使用。</View> : null}
        {allowed ? (
          <View>
            {/* Every tab on screen: they wrap onto a second row rather than scroll out of sight. */}
            <View className="retirement-review__tabs-wrap">
              <View className="tabs retirement-review__tabs">
                {queues.map((q, i) => (
                  <View
                    key={q.status}
                    className={`tabs__item retirement-review__tab retirement-review__tab--${q.status} ${i === tab ? 'tabs__item--active' : ''}`}
                    role="tab"
                    onClick={() => (setTab(i), setSelected([]))}
                  >
                    {q.title}
                  </View>
                ))}
              </View>
            </View>
            {queue.batch && items.length ? (
              <View className="row-actions retirement-review__batch">
                <Button
                  variant="outline"
                  className="retirement-review__select-all"
                  onClick={() => setSelected(selected.length === items.length ? [] : items.map((i) => i.id))}
                >
                  {selected.length === items.length ? '取消全选' : '全选'}
                </Button>
                <Button
                  className={`retirement-review__run ${selected.length ? '' : 'btn--disabled'}`}
                  disabled={!selected.length}
                  onClick={runBatch}
                >
                  {queue.batch.label}（{selected.length}）
                </Button>
              </View>
            ) : null}
            <StateView
              loading={list.loading}
              error={list.error}
              onRetry={list.reload}
              empty={!items.length}
              emptyText={`「${queue.title}」里没有申请`}
            >
              {items.map((item) => (
                <Item
                  key={item.id}
                  item={item}
                  admin={admin}
                  selected={selected.includes(item.id)}
                  onToggle={queue.batch ? () => toggle(item.id) : undefined}
                  onDone={refresh}
                />
              ))}
            </StateView>
          </View>
        ) : null}
      </StateView>
    </PageShell>
  );
}
