import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import { DISTRICTS, transferInput } from '@contract/api/member';
import { SelectField, TextField } from '../../../components/form-field';
import { PageShell } from '../../../components/page-shell';
import { useForm } from '../../../hooks/use-form';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';

/** 转会: a member who changes employer keeps their membership and number. */
export default function TransferPage() {
  const write = useWrite(api.member.transferMembership, { inline: true });
  const { draft, set, error, validate } = useForm(
    { newEmployer: '', district: undefined as (typeof DISTRICTS)[number] | undefined, reason: '' },
    (d) => transferInput.parse({ ...d, reason: d.reason.trim() || undefined }),
    write,
  );

  const send = async () => {
    const input = validate();
    if (input && (await write.run(input))) {
      await Taro.showToast({ title: '转会完成', icon: 'success' });
      setTimeout(() => Taro.navigateBack().catch(() => undefined), 600);
    }
  };

  return (
    <PageShell title="转会">
      <View className="card muted">更换工作单位后，在这里把会员关系转到新单位工会，会员号不变。</View>
      <TextField
        label="新工作单位"
        value={draft.newEmployer}
        onInput={set('newEmployer')}
        error={error('newEmployer')}
      />
      <SelectField
        label="所在区县"
        value={draft.district}
        options={DISTRICTS}
        onChange={set('district')}
        error={error('district')}
      />
      <TextField label="转会原因（选填）" value={draft.reason} onInput={set('reason')} error={error('reason')} />
      <Button busy={write.busy} disabled={write.busy} onClick={send}>
        确认转会
      </Button>
    </PageShell>
  );
}
