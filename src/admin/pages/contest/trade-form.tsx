import { Textarea, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ContestAdminView, TradeAdminView } from '@contract/api/contest';
import { FormField, TextField } from '../../../components';
import { useWrite } from '../../../hooks/use-write';
import { adminService } from '../../../services/admin';
import { toSaveTradeInput, tradeDraftOf, type EmployerPlacesRow, type TradeDraft } from '../../forms/contest';

/** 添加 / 修改 a trade: name, rules, quota, places per employer. A quota below the places taken is refused. */
export function TradeForm(props: {
  contestId: string;
  trade?: TradeAdminView;
  onSaved: (c: ContestAdminView) => void;
  onCancel: () => void;
}) {
  const { trade } = props;
  const [draft, setDraft] = useState<TradeDraft>(() => tradeDraftOf(trade));
  const [issue, setIssue] = useState<{ field: string; message: string } | null>(null);
  const send = useWrite(adminService.saveTrade);
  const err = (f: string) => send.messageFor(f, issue);
  const set = (k: 'name' | 'rules' | 'quota' | 'employerQuota') => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const rows = draft.employerPlaces ?? [];
  const setRow = (i: number, k: keyof EmployerPlacesRow) => (v: string) =>
    setDraft((d) => ({ ...d, employerPlaces: rows.map((r, j) => (j === i ? { ...r, [k]: v } : r)) }));
  const addRow = () => setDraft((d) => ({ ...d, employerPlaces: [...rows, { employer: '', places: '' }] }));
  const dropRow = (i: number) => setDraft((d) => ({ ...d, employerPlaces: rows.filter((_, j) => j !== i) }));
  const save = async () => {
    const built = toSaveTradeInput(props.contestId, draft, trade);
    if (!built.ok) return setIssue({ field: built.issue.path, message: built.issue.message });
    setIssue(null);
    const saved = await send.run(built.value);
    if (!saved) return;
    await Taro.showToast({ title: trade ? '项目已保存' : '项目已添加', icon: 'success' });
    props.onSaved(saved);
  };
  return (
    <View className="card admin-contest__trade-form">
      <View className="admin__lead" role="heading" aria-level={2}>
        {trade ? `修改项目：${trade.name}` : '添加比赛项目'}
      </View>
      <TextField
        label="项目名称"
        value={draft.name}
        onInput={set('name')}
        error={err('name')}
        maxlength={20}
        placeholder="如：数控铣工"
      />
      <FormField label="项目规则" error={err('rules')} hint="考什么、怎么考，一两句话">
        <Textarea
          className="form-field__input form-field__input--multiline"
          value={draft.rules}
          maxlength={300}
          autoHeight
          aria-label="项目规则"
          nativeProps={{ 'aria-label': '项目规则' }}
          onInput={(e) => set('rules')(e.detail.value)}
        />
      </FormField>
      <TextField
        label="名额"
        type="number"
        value={draft.quota}
        onInput={set('quota')}
        error={err('quota')}
        hint={trade ? `已报名 ${trade.taken} 人，名额不能少于这个数` : '这个项目最多报名的人数'}
        maxlength={5}
      />
      <TextField
        label="每单位名额（选填）"
        type="number"
        value={draft.employerQuota}
        onInput={set('employerQuota')}
        error={err('employerQuota')}
        hint="同一单位最多报名几人；下面单独设定的单位除外；不填则不限"
        maxlength={5}
      />
      <FormField
        label="单独设定名额的单位（选填）"
        error={err('employerPlaces')}
        hint="如：嘉兴纺织有限公司 3 人。单位名称要和职工报名时填的一致"
      >
        <View className="admin-contest__employer-places" role="group" aria-label="单独设定名额的单位">
          {rows.length === 0 ? <View className="muted">还没有单独设定的单位，其他单位都按上面的每单位名额</View> : null}
          {rows.map((r, i) => {
            const held = props.trade?.employerPlaces?.find((e) => e.employer === r.employer)?.taken;
            return (
              <View key={i} className="admin-contest__employer-row">
                <TextField
                  label={`单位${i + 1}名称`}
                  value={r.employer}
                  onInput={setRow(i, 'employer')}
                  maxlength={60}
                  placeholder="如：嘉兴纺织有限公司"
                />
                <TextField
                  label={`单位${i + 1}名额`}
                  type="number"
                  value={r.places}
                  onInput={setRow(i, 'places')}
                  maxlength={5}
                  hint={held ? `已报名 ${held} 人，不能少于这个数` : undefined}
                />
                <Button variant="text" size="small" onClick={() => dropRow(i)}>
                  {`删除单位${i + 1}`}
                </Button>
              </View>
            );
          })}
          <Button variant="outline" size="small" className="admin-contest__employer-add" onClick={addRow}>
            添加单位名额
          </Button>
        </View>
      </FormField>
      <View className="row-actions">
        <Button variant="outline" onClick={props.onCancel}>
          取消
        </Button>
        <Button className="admin-contest__trade-save" busy={send.busy} onClick={() => void save()}>
          {trade ? '保存项目' : '添加项目'}
        </Button>
      </View>
    </View>
  );
}
