import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import type { StationAdminView } from '@contract/api/admin';
import type { RetirementSettingsView } from '@contract/api/retirement';
import { ChecksField, PageShell, StateView, SwitchField, TextField, useAsync } from '../../../components';
import { useForm } from '../../../hooks/use-form';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { WallTimeField } from '../../components/fields';
import { serialPreview, settingsDraftOf, toSaveSettingsInput } from '../../forms/retirement';
import '../../components/admin.scss';
// Last: the desk layout overrides the phone's.
import '../../components/desk.scss';

interface Loaded {
  settings: RetirementSettingsView;
  stations: StationAdminView[];
}

/** The settings once loaded: a form over them, reset to what the server kept after each save. */
function SettingsForm({ data, onSaved }: { data: Loaded; onSaved: (settings: RetirementSettingsView) => void }) {
  const send = useWrite(api.retirement.saveSettings);
  const form = useForm(() => settingsDraftOf(data.settings), toSaveSettingsInput, send);
  form.load(data.settings, settingsDraftOf);
  const { draft, set } = form;

  const save = async () => {
    const saved = await form.submit(send.run);
    if (!saved) return;
    await Taro.showToast({ title: '已保存', icon: 'success' });
    onSaved(saved);
  };

  const stations = data.stations.filter((s) => s.active || draft.pickupStationIds.includes(s.id));
  const nameOf = (id: string) => stations.find((s) => s.id === id)?.name ?? id;
  return (
    <>
      {!data.settings.configured ? (
        <View className="card admin__notice" role="status">
          还没有保存过设置，下面是建议的默认值。保存并打开“开放申请”后，退休职工才能申请。
        </View>
      ) : null}
      <View className="card">
        <SwitchField
          className="admin__switch"
          label="开放申请"
          hint="关闭后职工看到“暂未开放”，已提交的申请照常办理"
          checked={draft.open}
          onChange={set('open')}
        />
        <TextField label="活动名称" {...form.text('title')} maxlength={40} />
        <TextField label="年度" type="number" {...form.text('year')} maxlength={4} />
        <WallTimeField label="申请开始" {...form.pick('opensAt')} />
        <WallTimeField label="申请截止" {...form.pick('closesAt')} />
        <TextField
          label="可提前申请天数"
          type="number"
          {...form.text('futureDays')}
          hint="退休日期在今天之后多少天内，也可以先申请"
          maxlength={3}
        />
        <TextField
          label="可追溯天数"
          type="number"
          {...form.text('pastDays')}
          hint="多久以前退休的职工还能申请"
          maxlength={4}
        />
      </View>
      <View className="card">
        <View className="admin__section-title">荣誉证书</View>
        <TextField
          multiline
          label="证书正文"
          {...form.text('certificateText')}
          hint="空一行分段；{name} 姓名、{employer} 单位、{position} 岗位、{years} 工龄会自动填入"
          maxlength={600}
        />
        <TextField label="颁发单位" {...form.text('issuer')} maxlength={40} />
        <TextField
          label="证书编号前缀"
          {...form.text('serialPrefix')}
          hint={`下一张证书编号：${serialPreview(draft, data.settings.issuedThisYear)}`}
          maxlength={10}
        />
      </View>
      <View className="card">
        {stations.length ? (
          <ChecksField
            label="纪念牌领取地点"
            options={stations.map((s) => s.id)}
            text={nameOf}
            {...form.pick('pickupStationIds')}
            hint="不选则只能邮寄"
          />
        ) : (
          <View className="muted">还没有驿站：纪念牌只能邮寄。可先到“驿站管理”添加驿站。</View>
        )}
      </View>
      <Button className="admin-retirement__save" busy={send.busy} onClick={() => void save()}>
        保存设置
      </Button>
    </>
  );
}

/** 光荣退休 settings: the window, the certificate's text and issuer, its serial prefix, where plaques are picked up. */
export default function RetirementSettingsPage() {
  const loaded = useAsync<Loaded>(async () => {
    const [settings, stations] = await Promise.all([api.retirement.getSettings(), api.admin.listStationsAdmin()]);
    return { settings, stations };
  }, []);
  const data = loaded.data;
  return (
    <PageShell title="光荣退休设置" className="admin-page">
      <StateView of={loaded}>
        {data ? <SettingsForm data={data} onSaved={(settings) => loaded.setData({ ...data, settings })} /> : null}
      </StateView>
    </PageShell>
  );
}
