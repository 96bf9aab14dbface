import { Input, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useRouter } from '@tarojs/taro';
import type { CampaignView } from '@contract/api/gift';
import type { Station } from '@contract/api/portal';
import { ChecksField, PageShell, StateView, SwitchField, TextField, useAsync } from '../../../components';
import { ALL_MEMBERS_TEXT } from '@contract/api/gift';
import { GIG_GROUPS } from '@contract/api/member';
import { useForm } from '../../../hooks/use-form';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { dateOf, timeOf } from '../../../utils/format';

const DAY = 24 * 3600_000;
import {
  draftFrom,
  emptyDraft,
  toCreateInput,
  toUpdateInput,
  type CampaignDraft,
  type FormResult,
} from './campaign-form';
import { DateTimeField } from './fields';
import './index.scss';

function valid<T>(r: FormResult<T>): T {
  if (!r.ok) throw new Error(r.issue.message);
  return r.value;
}

interface Loaded {
  campaign: CampaignView | null;
  stations: Station[];
}

/** Admin: a new 春节礼包 campaign (with its stock per 驿站), or an existing one's name, window and rules. */
export default function EditCampaignPage() {
  const id = useRouter().params.id;
  const loaded = useAsync<Loaded>(async () => {
    if (id) return { campaign: await api.gift.getCampaign({ campaignId: id }), stations: [] };
    return { campaign: null, stations: await api.portal.listStations() };
  }, [id]);
  // Built again at send time from the draft that save() just checked; the draft is the intent.
  const send = useWrite(
    async (d: CampaignDraft, requestId) => {
      if (id) return api.gift.updateCampaign(valid(toUpdateInput(id, d)), requestId);
      return api.gift.createCampaign(valid(toCreateInput(d)), requestId);
    },
    { inline: true },
  );
  const form = useForm<CampaignDraft, unknown>(
    () => {
      const now = Date.now();
      return emptyDraft(dateOf(now), { startTime: `${timeOf(now).slice(0, 2)}:00`, endDate: dateOf(now + 14 * DAY) });
    },
    (d) => (id ? toUpdateInput(id, d) : toCreateInput(d)),
    send,
  );
  const { draft, set, error: err } = form;

  form.load(loaded.data?.campaign, draftFrom);

  const save = async () => {
    if (!form.validate()) return;
    const view = await send.run(draft);
    if (!view) return;
    await Taro.showToast({ title: id ? '已保存' : '活动已创建', icon: 'success' });
    await Taro.navigateBack();
  };

  const c = loaded.data?.campaign;
  return (
    <PageShell title={id ? '修改礼包活动' : '新建礼包活动'}>
      <StateView of={loaded}>
        <View className="card">
          <TextField
            label="活动名称"
            value={draft.name}
            onInput={set('name')}
            error={err('name')}
            maxlength={40}
            placeholder="如：2026年新春送温暖礼包"
          />
          <TextField
            label="礼包内容"
            value={draft.items}
            onInput={set('items')}
            error={err('items')}
            hint="用顿号隔开，如：春联、福字、大米、食用油"
          />
          <TextField
            label="活动说明（选填）"
            value={draft.description}
            onInput={set('description')}
            error={err('description')}
            maxlength={300}
          />
          <DateTimeField
            label="开始时间"
            date={draft.startDate}
            time={draft.startTime}
            onDate={set('startDate')}
            onTime={set('startTime')}
            error={err('startAt')}
          />
          <DateTimeField
            label="结束时间"
            date={draft.endDate}
            time={draft.endTime}
            onDate={set('endDate')}
            onTime={set('endTime')}
            error={err('endAt')}
          />
          <ChecksField
            label="发放对象"
            options={GIG_GROUPS}
            value={draft.groups}
            onChange={set('groups')}
            error={err('groups')}
            hint={draft.groups.length ? `仅限：${draft.groups.join('、')}` : `都不勾选 = ${ALL_MEMBERS_TEXT}`}
          />
          <TextField
            label="核销有效天数"
            type="number"
            value={draft.validDays}
            onInput={set('validDays')}
            error={err('validDays')}
            maxlength={2}
            hint="领取当天算第1天，最晚到活动结束"
          />
          <SwitchField
            className="gift-edit__switch"
            label="可在任一驿站核销"
            checked={draft.anyStation}
            onChange={set('anyStation')}
          />
        </View>
        {id ? (
          <View className="card muted">
            各驿站库存：{c?.stations.map((s) => `${s.name} 剩${s.left}份`).join('；') || '无'}
            。调整库存请回到管理页用“调拨库存”。
          </View>
        ) : (
          <View className="card">
            <View className="gift-edit__subtitle">各驿站礼包数量（不参与的驿站留空）</View>
            {(loaded.data?.stations ?? []).map((st) => (
              <View key={st.id} className="gift-edit__station">
                <View className="gift-edit__station-name">{st.name}</View>
                <Input
                  className="form-field__input"
                  type="number"
                  maxlength={6}
                  aria-label={`${st.name}礼包数量`}
                  placeholder="份数"
                  value={draft.stock[st.id] ?? ''}
                  onInput={(e) => set('stock')({ ...draft.stock, [st.id]: e.detail.value })}
                />
              </View>
            ))}
            {err('stock') ? (
              <View className="gift-edit__error" role="alert">
                {err('stock')}
              </View>
            ) : null}
          </View>
        )}
        <Button className="gift-edit__save" busy={send.busy} onClick={() => void save()}>
          {id ? '保存修改' : '创建活动'}
        </Button>
      </StateView>
    </PageShell>
  );
}
