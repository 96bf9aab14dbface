import { View } from '@tarojs/components';
import { FormActions } from '../../../components/form-actions';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { StationAdminView } from '@contract/api/admin';
import { TextField } from '../../../components';
import { useWrite } from '../../../hooks/use-write';
import { adminService } from '../../../services/admin';
import { dateOf, timeOf } from '../../../utils/format';
import { WallTimeField } from '../../components/fields';
import { toCloseInput, type ClosureDraft } from '../../forms/station';

/** 临时暂停: from when until when, and why (workers see it when they try to claim there). */
export function ClosureForm(props: {
  station: StationAdminView;
  onSaved: (s: StationAdminView) => void;
  onCancel: () => void;
}) {
  const now = Date.now();
  const [draft, setDraft] = useState<ClosureDraft>({
    from: `${dateOf(now)} ${timeOf(now)}`,
    until: `${dateOf(now + 24 * 3600_000)} 18:00`,
    reason: '',
  });
  const [issue, setIssue] = useState<{ field: string; message: string } | null>(null);
  const send = useWrite(adminService.closeStation);
  const err = (f: string) => send.messageFor(f, issue);
  const save = async () => {
    const built = toCloseInput(props.station.id, draft);
    if (!built.ok) return setIssue({ field: built.issue.path, message: built.issue.message });
    setIssue(null);
    const saved = await send.run(built.value);
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
      <WallTimeField
        label="暂停开始"
        value={draft.from}
        onChange={(v) => setDraft((d) => ({ ...d, from: v }))}
        error={err('from')}
      />
      <WallTimeField
        label="恢复时间"
        value={draft.until}
        onChange={(v) => setDraft((d) => ({ ...d, until: v }))}
        error={err('until')}
      />
      <TextField
        label="暂停原因"
        value={draft.reason}
        onInput={(v) => setDraft((d) => ({ ...d, reason: v }))}
        error={err('reason')}
        placeholder="如：设备检修"
        maxlength={60}
      />
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
