import { Image, View } from '@tarojs/components';
import { REQUESTER_LABELS, type FormOptions } from '@contract/api/retirement';
import { formatDay } from '../../components/status';
import type { RequestForm, Step } from './form-state';

/** Shows the identity number as the server will keep it: 前3后4. */
function masked(id: string): string {
  return id.length > 7 ? `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}` : id;
}

interface SummaryProps {
  form: RequestForm;
  options: FormOptions;
  idMasked?: string;
  onEdit: (step: Step) => void;
}

/** Everything on one screen, in plain words, each part with a 修改 link back to its screen. */
export function Summary({ form, options, idMasked, onEdit }: SummaryProps) {
  const place = options.places.find((p) => p.id === form.pickupStationId);
  const sections: { step: Step; title: string; rows: [string, string][] }[] = [
    {
      step: 'who',
      title: '申请人',
      rows: [
        ['申请方式', form.requesterKind ? REQUESTER_LABELS[form.requesterKind] : '本人申请'],
        ...(form.relation ? [['关系', form.relation] as [string, string]] : []),
      ],
    },
    {
      step: 'person',
      title: '退休职工',
      rows: [
        ['姓名', form.name],
        ['身份证号', idMasked ?? masked(form.idNumber.toUpperCase())],
      ],
    },
    {
      step: 'work',
      title: '工作情况',
      rows: [
        ['原工作单位', form.employer],
        ['岗位或工种', form.position],
        ['工龄', `${form.years}年`],
        ['退休日期', form.retirementDate ? formatDay(form.retirementDate) : ''],
      ],
    },
    {
      step: 'contact',
      title: '联系与领取',
      rows: [
        ['联系电话', form.phone],
        ['纪念牌', form.deliveryMethod === 'post' ? `邮寄到：${form.postAddress}` : `到${place?.name ?? ''}现场领取`],
        ['电话回访', form.callbackRequested ? `需要（${form.callbackTime ?? ''}）` : '不需要'],
      ],
    },
  ];
  return (
    <View className="retirement-summary">
      <View className="retirement-wizard__question">请核对以下信息，无误后点「确认提交」</View>
      {sections.map((s) => (
        <View key={s.step} className={`card retirement-summary__section retirement-summary--${s.step}`}>
          <View className="retirement-summary__head">
            <View className="retirement-summary__title">{s.title}</View>
            <View className="retirement-summary__edit" role="button" onClick={() => onEdit(s.step)}>
              修改
            </View>
          </View>
          {s.rows.map(([k, v]) => (
            <View key={k} className="retirement-summary__row">
              <View className="retirement-summary__key">{k}</View>
              <View className="retirement-summary__value">{v}</View>
            </View>
          ))}
        </View>
      ))}
      <View className="card retirement-summary__section retirement-summary--photo">
        <View className="retirement-summary__head">
          <View className="retirement-summary__title">照片（可选）</View>
          <View className="retirement-summary__edit" role="button" onClick={() => onEdit('photo')}>
            修改
          </View>
        </View>
        {form.photo ? (
          <Image className="retirement-summary__photo" src={form.photo.path} mode="aspectFill" aria-label="证书照片" />
        ) : (
          <View className="retirement-summary__row">
            <View className="retirement-summary__value">不加照片</View>
          </View>
        )}
      </View>
    </View>
  );
}
