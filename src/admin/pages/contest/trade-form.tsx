import { View } from '@tarojs/components';
import { FormActions } from '../../../components/form-actions';
import Taro from '@tarojs/taro';
import type { ContestAdminView, TradeAdminView } from '@contract/api/contest';
import { TextField } from '../../../components';
import { EmployerPlaces } from './employer-places';
import { useForm } from '../../../hooks/use-form';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { toSaveTradeInput, tradeDraftOf } from '../../forms/contest';

/** 添加 / 修改 a trade: name, rules, quota, places per employer. A quota below the places taken is refused. */
export function TradeForm(props: {
  contestId: string;
  trade?: TradeAdminView;
  onSaved: (c: ContestAdminView) => void;
  onCancel: () => void;
}) {
  const { trade } = props;
  const send = useWrite(api.contest.saveTrade);
  const form = useForm(
    () => tradeDraftOf(trade),
    (d) => toSaveTradeInput(props.contestId, d, trade),
    send,
  );
  const save = async () => {
    const saved = await form.submit(send.run);
    if (!saved) return;
    await Taro.showToast({ title: trade ? '项目已保存' : '项目已添加', icon: 'success' });
    props.onSaved(saved);
  };
  return (
    <View className="card admin-contest__trade-form">
      <View className="admin__lead" role="heading" aria-level={2}>
        {trade ? `修改项目：${trade.name}` : '添加比赛项目'}
      </View>
      <TextField label="项目名称" {...form.text('name')} maxlength={20} placeholder="如：数控铣工" />
      <TextField multiline label="项目规则" {...form.text('rules')} hint="考什么、怎么考，一两句话" maxlength={300} />
      <TextField
        label="名额"
        type="number"
        {...form.text('quota')}
        hint={trade ? `已报名 ${trade.taken} 人，名额不能少于这个数` : '这个项目最多报名的人数'}
        maxlength={5}
      />
      <TextField
        label="每单位名额（选填）"
        type="number"
        {...form.text('employerQuota')}
        hint="同一单位最多报名几人；下面单独设定的单位除外；不填则不限"
        maxlength={5}
      />
      <EmployerPlaces
        rows={form.draft.employerPlaces ?? []}
        onChange={form.set('employerPlaces')}
        trade={trade}
        error={form.error('employerPlaces')}
      />
      <FormActions
        label={trade ? '保存项目' : '添加项目'}
        className="admin-contest__trade-save"
        busy={send.busy}
        onSave={() => void save()}
        onCancel={props.onCancel}
      />
    </View>
  );
}
