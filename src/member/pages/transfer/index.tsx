import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { DISTRICTS, transferInput } from '@contract/api/member';
import { SelectField, TextField } from '../../../components/form-field';
import { PageShell } from '../../../components/page-shell';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';

/** 转会: a member who changes employer keeps their membership and number. */
export default function TransferPage() {
  const [newEmployer, setEmployer] = useState('');
  const [district, setDistrict] = useState<(typeof DISTRICTS)[number]>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const { run, busy } = useWrite((typed: { newEmployer: string; district?: string; reason: string }, requestId) => {
    const parsed = transferInput.parse({ ...typed, reason: typed.reason.trim() || undefined });
    if (!parsed.ok) {
      setError({ field: parsed.issue.path, message: parsed.issue.message });
      return Promise.reject(new Error(parsed.issue.message));
    }
    setError(null);
    return api.member.transferMembership(parsed.value, requestId);
  });

  const send = async () => {
    if (await run({ newEmployer, district, reason })) {
      await Taro.showToast({ title: '转会完成', icon: 'success' });
      setTimeout(() => Taro.navigateBack().catch(() => undefined), 600);
    }
  };

  return (
    <PageShell title="转会">
      <View className="card muted">更换工作单位后，在这里把会员关系转到新单位工会，会员号不变。</View>
      <TextField
        label="新工作单位"
        value={newEmployer}
        onInput={setEmployer}
        error={error?.field === 'newEmployer' ? error.message : undefined}
      />
      <SelectField
        label="所在区县"
        value={district}
        options={DISTRICTS}
        onChange={setDistrict}
        error={error?.field === 'district' ? error.message : undefined}
      />
      <TextField label="转会原因（选填）" value={reason} onInput={setReason} />
      <Button className="btn btn-primary" loading={busy} disabled={busy || undefined} onClick={send}>
        确认转会
      </Button>
    </PageShell>
  );
}
