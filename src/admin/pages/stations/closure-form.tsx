import { View } from '@tarojs/components';
import { FormActions } from '../../../components/form-actions';
import Taro from '@tarojs/taro';
import type { StationAdminView } from '@contract/api/admin';
import { TextField } from '../../../components';
import { useForm } from '../../../hooks/use-form';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { dateOf, timeOf } from '../../../utils/format';
import { WallTimeField } from '../../components/fields';
import { toCloseInput, type ClosureDraft } from '../../forms/station';

/** 临时暂停: from when until when, and why (workers see it when they try to claim there). */
export function ClosureForm(props: {
  station: StationAdminView;
  onSaved: (s: StationAdminView) => void;
  onCancel: () => void;
}) {
  const send = useWrite(api.admin.closeStation);
  const form = useForm(
    (): ClosureDraft => {
      const now = Date.now();
      return { from: `${dateOf(now)} ${timeOf(now)}`, until: `${dateOf(now + 24 * 3600_000)} 18:00`, reason: '' };
    },
    (d) => toCloseInput(props.station.id, d),
    send,
  );
  const save = async () => {
    const saved = await form.submit(send.run);
    if (!saved) return;
    await Taro.showToast({ title: '已暂停', icon: 'success' });
    props.onSaved(saved);
  };
  return (
    <View className="card admin-stations__closure">
      <View className="admin__lead" role="heading" aria-level={2}>
        暂停 {props.station.name}
      </View>
      <View className="muted">暂停期间，职工不能在这里领取或核销礼包，会看到暂停原因并被引导到其他驿站。</View>
      <WallTimeField label="暂停开始" {...form.pick('from')} />
      <WallTimeField label="恢复时间" {...form.pick('until')} />
      <TextField label="暂停原因" {...form.text('reason')} placeholder="如：设备检修" maxlength={60} />
      <FormActions
        label="确认暂停"
        className="admin-stations__close-save"
        busy={send.busy}
        onSave={() => void save()}
        onCancel={props.onCancel}
      />
    </View>
  );
}
