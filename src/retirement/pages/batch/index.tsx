import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { FormOptions } from '@contract/api/retirement';
import type { MyProfile } from '@contract/api/member';
import { PageShell } from '../../../components/page-shell';
import { StateView } from '../../../components/state-view';
import { useAsync } from '../../../hooks/use-async';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { hasConsented, recordConsent } from '../../../stores/consent';
import { hasAnyRole, useMe } from '../../../stores/me';
import { Choices } from '../../components/choices';
import type { RequestForm } from '../request/form-state';
import { RowCard } from './row-card';
import { RowEditor } from './row-editor';
import {
  applyFieldError,
  applyResults,
  blankForm,
  MAX_ROWS,
  newRow,
  pendingRows,
  rowPayload,
  summarize,
  type BatchRow,
  type Employer,
} from './rows';
import '../request/index.scss';
import './index.scss';

/** The employers this contact may act for: its employer scopes (an admin: every registered one). */
function employersOf(me: MyProfile | undefined, options: FormOptions | undefined): Employer[] {
  if (!me || !options) return [];
  if (hasAnyRole(me, 'admin', 'admin:retirement')) return options.employers;
  return me.scopes
    .filter((s) => s.kind === 'employer')
    .map((s) => ({ id: s.id, name: options.employers.find((e) => e.id === s.id)?.name ?? s.id }));
}

/** 「待提交2人 · 已受理1人」: only the counts there are. */
const counted = (parts: [string, number][]) =>
  parts
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label}${n}人`)
    .join(' · ');

function Consent({ onAgree }: { onAgree: () => void }) {
  return (
    <View className="card retirement-batch-consent">
      <View className="retirement-batch__heading">代办前请阅读隐私说明</View>
      <View className="retirement-batch-consent__text">
        为本单位退休职工代办「光荣退休」纪念证书和纪念牌，需要填写他们的姓名、身份证号、岗位、工龄、退休日期和联系电话。请先告知本人，征得同意后再填写。
      </View>
      <View className="retirement-batch-consent__text">
        身份证号只用于核对身份、防止重复发证，系统只保存加密后的校验值和前3后4位；电话只用于通知领取。信息仅区总工会和本单位工会审核时使用。
      </View>
      <Button className="retirement-batch-consent__agree" onClick={onAgree}>
        已告知本人并同意，开始填写
      </Button>
    </View>
  );
}

/** 单位批量申报: the enterprise union's contact lists its retirees, sends them at once, fixes the refused. */
export default function RetirementBatchPage() {
  const me = useMe();
  const options = useAsync(() => api.retirement.formOptions(), []);
  const allowed = hasAnyRole(me.data, 'enterprise', 'admin', 'admin:retirement');
  const employers = employersOf(me.data, options.data);
  const [employerId, setEmployerId] = useState<string>();
  const employer = employers.find((e) => e.id === employerId) ?? (employers.length === 1 ? employers[0] : undefined);
  const [consented, setConsented] = useState(() => hasConsented('retirementBatch'));
  const [rows, setRows] = useState<BatchRow[]>([]);
  const [editing, setEditing] = useState<{ key?: string } | null>(null);
  const [last, setLast] = useState<{ sent: number; done: number } | null>(null);
  const sent = useRef<string[]>([]);

  const pending = pendingRows(rows);
  const { run, busy, fieldError } = useWrite(api.retirement.submitBatch);

  // A whole list refused for one row's field: mark that row, so the clerk knows where to look.
  useEffect(() => {
    if (fieldError) setRows((rs) => applyFieldError(rs, sent.current, fieldError.field, fieldError.message));
  }, [fieldError]);

  const top = () => void Taro.pageScrollTo?.({ scrollTop: 0, duration: 0 });
  const started = rows.some((r) => r.state !== 'draft');
  const s = summarize(rows);
  const editingRow = rows.find((r) => r.key === editing?.key);

  const save = (form: RequestForm) => {
    if (editingRow) {
      setRows((rs) => rs.map((r) => (r.key === editingRow.key ? { key: r.key, form, state: 'draft' } : r)));
    } else {
      setRows((rs) => [...rs, newRow(form)]);
    }
    setEditing(null);
    void Taro.showToast({ title: editingRow ? '已保存修改' : '已加入名单', icon: 'success' });
  };

  const remove = async (row: BatchRow) => {
    const res = await Taro.showModal({
      title: `从名单中删除${row.form.name}？`,
      content: '删除后不会为这个人提交申请。',
      confirmText: '删除',
      cancelText: '保留',
    });
    if (res.confirm) setRows((rs) => rs.filter((r) => r.key !== row.key));
  };

  const add = () => {
    if (!employer) {
      void Taro.showToast({ title: '请先选择代办的单位', icon: 'none' });
      return;
    }
    setEditing({});
    top();
  };

  const send = async () => {
    if (!employer || !pending.length || busy) return;
    sent.current = pending.map((r) => r.key);
    const result = await run({
      consent: true,
      employerId: employer?.id ?? '',
      retirees: pending.map((r) => rowPayload(r.form)),
    });
    if (!result) return;
    setRows((rs) => applyResults(rs, sent.current, result));
    setLast({ sent: sent.current.length, done: result.done });
    top();
  };

  const restart = () => {
    setRows([]);
    setLast(null);
  };

  const loadError = me.error ?? options.error;
  const ready = allowed && options.data?.open && employers.length > 0;

  return (
    <PageShell className="retirement-batch" title="单位批量申报光荣退休">
      <StateView
        loading={(me.loading && !me.data) || (options.loading && !options.data)}
        error={loadError}
        onRetry={() => (me.error ? me.reload() : options.reload())}
      >
        {me.data && !allowed ? (
          <View className="card retirement-batch__notice">
            此页面供单位工会为本单位退休职工批量申报使用。个人申请请到「光荣退休」申请页面填写。
          </View>
        ) : null}
        {allowed && options.data && !options.data.open ? (
          <View className="card retirement-batch__notice">本年度光荣退休申请暂未开放，请留意工会通知。</View>
        ) : null}
        {allowed && options.data?.open && !employers.length ? (
          <View className="card retirement-batch__notice">
            您的账号还没有关联单位，请联系区总工会管理员开通后再申报。
          </View>
        ) : null}
        {ready && !consented ? (
          <Consent onAgree={() => (recordConsent('retirementBatch'), setConsented(true))} />
        ) : null}
        {ready && consented && editing && options.data ? (
          <RowEditor
            title={
              editingRow
                ? `修改第${rows.indexOf(editingRow) + 1}位：${editingRow.form.name}`
                : `添加第${rows.length + 1}位退休职工`
            }
            initial={editingRow?.form ?? blankForm(employer)}
            rows={rows}
            editingKey={editingRow?.key}
            refusal={editingRow?.state === 'refused' ? editingRow.message : undefined}
            options={options.data}
            onSave={save}
            onCancel={() => setEditing(null)}
          />
        ) : null}
        {ready && consented && !editing && options.data ? (
          <View>
            {employers.length > 1 && !started ? (
              <View>
                <View className="retirement-batch__heading">为哪个单位申报？</View>
                <Choices
                  name="batch-employer"
                  value={employer?.id}
                  onSelect={setEmployerId}
                  options={employers.map((e) => ({ value: e.id, label: e.name }))}
                />
              </View>
            ) : (
              <View className="card retirement-batch__employer">代办单位：{employer?.name}</View>
            )}
            {last ? (
              <View
                className={`card retirement-batch__result ${last.done < last.sent ? 'retirement-batch__result--partly' : ''}`}
                role="status"
              >
                <View className="retirement-batch__result-title">
                  本次提交{last.sent}人：已受理{last.done}人
                  {last.done < last.sent ? `，未通过${last.sent - last.done}人` : ''}
                </View>
                {s.refused > 0 ? (
                  <View>未通过的人下面标了原因：改正后点「重新提交」，已有申请的人删除即可。</View>
                ) : null}
              </View>
            ) : null}
            {rows.length ? (
              <View className="card retirement-batch__summary">
                <View className="retirement-batch__summary-total">名单共{s.total}人</View>
                <View className="retirement-batch__summary-line">
                  {counted([
                    ['待提交', s.draft],
                    ['已受理', s.accepted],
                    ['未通过', s.refused],
                  ])}
                </View>
                <View className="retirement-batch__summary-line">
                  {counted([
                    ['现场领取', s.pickup],
                    ['邮寄', s.post],
                    ['需电话回访', s.callback],
                  ])}
                </View>
              </View>
            ) : (
              <View className="card retirement-batch__empty">
                <View className="retirement-batch__heading">名单还是空的</View>
                <View className="retirement-batch-consent__text">
                  点下面「添加一位退休职工」，一个一个填写；全部填好、核对无误后一次提交。每次最多{MAX_ROWS}人。
                </View>
              </View>
            )}
            {rows.map((row, i) => (
              <RowCard
                key={row.key}
                row={row}
                index={i}
                options={options.data!}
                busy={busy}
                onEdit={() => (setEditing({ key: row.key }), top())}
                onRemove={() => void remove(row)}
              />
            ))}
            {rows.length && !pending.length ? (
              <View className="card retirement-batch__done">
                <View className="retirement-batch__result-title">名单上的{s.accepted}人都已受理</View>
                <View>请到「光荣退休审核」核实本单位职工的申请，之后由区总工会审批、签发证书。</View>
                <View className="row-actions">
                  <Button variant="outline" className="retirement-batch__again" onClick={restart}>
                    再报一批
                  </Button>
                  <Button
                    className="retirement-batch__to-review"
                    onClick={() => Taro.navigateTo({ url: '/retirement/pages/review/index' })}
                  >
                    去核实
                  </Button>
                </View>
              </View>
            ) : (
              <View className="retirement-batch__actions">
                {pending.length < MAX_ROWS ? (
                  <Button variant="outline" className="retirement-batch__add" onClick={add}>
                    ＋ 添加一位退休职工
                  </Button>
                ) : (
                  <View className="retirement-batch__limit">每次最多提交{MAX_ROWS}人，请先提交这一批</View>
                )}
                {pending.length ? (
                  <Button className="retirement-batch__submit" busy={busy} onClick={send}>
                    {busy
                      ? '正在提交…'
                      : started
                        ? `重新提交（${pending.length}人）`
                        : `提交名单（${pending.length}人）`}
                  </Button>
                ) : null}
              </View>
            )}
          </View>
        ) : null}
      </StateView>
    </PageShell>
  );
}
