import { View } from '@tarojs/components';
import { FormActions } from '../../../components/form-actions';
import {
  ADMIN_DOMAIN_TEXT,
  ADMIN_DOMAINS,
  GRANT_KIND_TEXT,
  type GrantKind,
  type InvitationView,
} from '@contract/api/admin';
import { SelectField, StateView, TextField, useAsync } from '../../../components';
import { useForm } from '../../../hooks/use-form';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { emptyInviteDraft, SCOPE_LABEL, SCOPE_OF, toInvitationInput, type InviteDraft } from '../../forms/invite';

interface Option {
  id: string;
  name: string;
}

/** The places a kind of invitation can be scoped to, fetched when that kind is chosen. */
async function scopeOptions(kind: GrantKind | undefined): Promise<Option[]> {
  const scope = kind ? SCOPE_OF[kind] : null;
  if (scope === 'station') return (await api.admin.listStationsAdmin()).filter((s) => s.active);
  if (scope === 'contest')
    return (await api.contest.adminContests())
      .filter((c) => c.status !== 'closed')
      .map((c) => ({ id: c.id, name: c.title }));
  if (scope === 'employer') return (await api.admin.listEmployers()).filter((e) => e.active);
  if (scope === 'domain') return ADMIN_DOMAINS.map((d) => ({ id: d, name: ADMIN_DOMAIN_TEXT[d] }));
  return [];
}

export function InviteForm(props: {
  kinds: GrantKind[];
  onCreated: (inv: InvitationView) => void;
  onCancel: () => void;
}) {
  const send = useWrite(api.admin.createInvitation);
  const form = useForm((): InviteDraft => ({ ...emptyInviteDraft(), kind: props.kinds[0] }), toInvitationInput, send);
  const { draft, error: err } = form;
  const options = useAsync(() => scopeOptions(draft.kind), [draft.kind]);
  const scope = draft.kind ? SCOPE_OF[draft.kind] : null;
  const list = options.data ?? [];
  const chosen = list.find((o) => o.id === (scope === 'domain' ? draft.domain : draft.scopeId));

  const create = async () => {
    const inv = await form.submit(send.run);
    if (inv) props.onCreated(inv);
  };

  return (
    <View className="card admin-roles__form">
      <View className="admin__lead" role="heading" aria-level={2}>
        新建邀请
      </View>
      <SelectField
        label="邀请身份"
        value={draft.kind ? GRANT_KIND_TEXT[draft.kind] : undefined}
        options={props.kinds.map((k) => GRANT_KIND_TEXT[k])}
        onChange={(text) => {
          const kind = props.kinds.find((k) => GRANT_KIND_TEXT[k] === text);
          form.patch({ kind, scopeId: undefined, domain: undefined });
        }}
        error={err('kind')}
      />
      {scope ? (
        <StateView loading={options.loading} error={options.error} onRetry={options.reload}>
          {list.length === 0 ? (
            <View className="admin__error" role="alert">
              还没有可选的{SCOPE_LABEL[scope]}，请先在管理后台添加。
            </View>
          ) : (
            <SelectField
              label={scope === 'domain' ? '管理业务' : `所属${SCOPE_LABEL[scope]}`}
              value={chosen?.name}
              options={list.map((o) => o.name)}
              onChange={(name) => {
                const id = list.find((o) => o.name === name)?.id;
                form.patch(scope === 'domain' ? { domain: id as InviteDraft['domain'] } : { scopeId: id });
              }}
              error={err(scope === 'domain' ? 'domain' : 'scopeId')}
            />
          )}
        </StateView>
      ) : null}
      <TextField
        label="有效天数"
        type="number"
        {...form.text('validDays')}
        hint="1到30天，过期后二维码失效"
        maxlength={2}
      />
      <TextField
        label="可用人数"
        type="number"
        {...form.text('maxUses')}
        hint="几个人可以用这个邀请，1到50"
        maxlength={2}
      />
      <TextField label="备注（选填）" {...form.text('note')} placeholder="如：给新城汇驿站张站长" maxlength={40} />
      <FormActions
        label="生成邀请"
        className="admin-roles__create"
        busy={send.busy}
        onSave={() => void create()}
        onCancel={props.onCancel}
      />
    </View>
  );
}
