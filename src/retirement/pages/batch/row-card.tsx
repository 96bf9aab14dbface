import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import type { FormOptions } from '@contract/api/retirement';
import { StatusTag, type Tone } from '../../../components/status-tag';
import { formatDay } from '../../components/status';
import { maskId, refusalHint, type BatchRow, type RowState } from './rows';

const STATE: Record<RowState, { text: string; tone: Tone }> = {
  draft: { text: '待提交', tone: 'info' },
  accepted: { text: '已受理', tone: 'success' },
  refused: { text: '未通过', tone: 'danger' },
};

interface RowCardProps {
  row: BatchRow;
  index: number;
  options: FormOptions;
  busy: boolean;
  onEdit: () => void;
  onRemove: () => void;
}

/** One person of the list: who, the work facts, how the plaque goes, and what became of it. */
export function RowCard({ row, index, options, busy, onEdit, onRemove }: RowCardProps) {
  const f = row.form;
  const place = options.places.find((p) => p.id === f.pickupStationId);
  const state = STATE[row.state];
  return (
    <View className={`card retirement-batch-row retirement-batch-row--${row.state}`}>
      <View className="retirement-batch-row__head">
        <View className="retirement-batch-row__name">
          {index + 1}. {f.name}
        </View>
        <StatusTag text={state.text} tone={state.tone} />
      </View>
      <View className="retirement-batch-row__line">身份证 {maskId(f.idNumber)}</View>
      <View className="retirement-batch-row__line">
        {f.position} · 工龄{f.years}年 · {f.retirementDate ? `${formatDay(f.retirementDate)}退休` : ''}
      </View>
      <View className="retirement-batch-row__line">
        {f.deliveryMethod === 'post' ? `邮寄：${f.postAddress}` : `现场领取：${place?.name ?? ''}`}
        {f.callbackRequested ? ` · 需电话回访（${f.callbackTime ?? ''}）` : ''}
      </View>
      {row.state === 'refused' ? (
        <View className="retirement-batch-row__refusal" role="alert">
          <View className="retirement-batch-row__reason">{row.message}</View>
          <View className="retirement-batch-row__hint">{refusalHint(row.code)}</View>
        </View>
      ) : null}
      {row.state === 'accepted' ? (
        <View className="retirement-batch-row__line">已生成申请，等待本单位核实、区总工会审批</View>
      ) : (
        <View className="row-actions retirement-batch-row__actions">
          <Button
            variant="outline"
            className="retirement-batch-row__edit"
            aria-label={`修改第${index + 1}位 ${f.name}`}
            disabled={busy}
            onClick={busy ? undefined : onEdit}
          >
            修改
          </Button>
          <Button
            variant="outline"
            className="retirement-batch-row__remove"
            aria-label={`删除第${index + 1}位 ${f.name}`}
            disabled={busy}
            onClick={busy ? undefined : onRemove}
          >
            删除
          </Button>
        </View>
      )}
    </View>
  );
}
