import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import { FormActions } from '../../../components/form-actions';
import Taro from '@tarojs/taro';
import { STATION_SERVICES, type StationAdminView } from '@contract/api/admin';
import { ChecksField, TextField } from '../../../components';
import { useForm } from '../../../hooks/use-form';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { emptyStationDraft, stationDraftOf, toSaveStationInput } from '../../forms/station';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** 新增 / 修改 a 驿站; its place is picked on WeChat's map in the weapp, typed as degrees in H5. */
export function StationEditor(props: {
  station?: StationAdminView;
  onSaved: (s: StationAdminView) => void;
  onCancel: () => void;
}) {
  const { station } = props;
  const send = useWrite(api.admin.saveStation);
  const form = useForm(
    () => (station ? stationDraftOf(station) : emptyStationDraft()),
    (d) => toSaveStationInput(d, station?.id),
    send,
  );
  const { draft, set, error: err } = form;

  const pickOnMap = async () => {
    try {
      const lat = Number(draft.lat);
      const lng = Number(draft.lng);
      const at = await Taro.chooseLocation(draft.lat && draft.lng ? { latitude: lat, longitude: lng } : {});
      form.update((d) => ({
        ...d,
        lat: at.latitude.toFixed(6),
        lng: at.longitude.toFixed(6),
        address: d.address || at.address || '',
      }));
    } catch {
      // Cancelled, or no permission: the typed fields stay as they were.
    }
  };

  const save = async () => {
    const saved = await form.submit(send.run);
    if (!saved) return;
    await Taro.showToast({ title: station ? '已保存' : '已新增驿站', icon: 'success' });
    props.onSaved(saved);
  };

  const locationError = err('latE6') ?? err('lngE6');
  return (
    <View className="card admin-stations__form">
      <View className="admin__lead" role="heading" aria-level={2}>
        {station ? `修改 ${station.name}` : '新增驿站'}
      </View>
      <TextField label="驿站名称" {...form.text('name')} maxlength={30} placeholder="如：新城汇驿站" />
      <TextField label="所在镇街" {...form.text('town')} maxlength={20} placeholder="如：新城街道" />
      <TextField label="地址" {...form.text('address')} maxlength={80} />
      <TextField label="开放时间" {...form.text('hours')} maxlength={40} />
      <TextField label="联系电话" {...form.text('phone')} maxlength={20} placeholder="如：0573-82220001" />
      <ChecksField label="服务项目" options={STATION_SERVICES} {...form.pick('services')} />
      <View className="admin__section-title">位置</View>
      {isWeapp ? (
        <Button variant="outline" className="admin-stations__map" onClick={() => void pickOnMap()}>
          {draft.lat ? '在地图上重新选点' : '在地图上选点'}
        </Button>
      ) : null}
      <View className="admin__when">
        <View className="admin__part">
          <TextField
            label="纬度"
            value={draft.lat}
            onInput={set('lat')}
            type="digit"
            maxlength={12}
            placeholder="30.7712"
          />
        </View>
        <View className="admin__part">
          <TextField
            label="经度"
            value={draft.lng}
            onInput={set('lng')}
            type="digit"
            maxlength={12}
            placeholder="120.7345"
          />
        </View>
      </View>
      {locationError ? (
        <View className="admin__error" role="alert">
          {locationError}
        </View>
      ) : (
        <View className="muted">
          {isWeapp ? '点上面的按钮在地图上选点，会自动填好。' : '可在地图网站上查到坐标后填写（北纬、东经，度）。'}
        </View>
      )}
      <FormActions
        label={station ? '保存修改' : '新增驿站'}
        className="admin-stations__save"
        busy={send.busy}
        onSave={() => void save()}
        onCancel={props.onCancel}
      />
    </View>
  );
}
