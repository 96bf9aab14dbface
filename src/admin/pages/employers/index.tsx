import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import { FormActions } from '../../../components/form-actions';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { EmployerView } from '@contract/api/admin';
import { PageShell, SelectField, StateView, StatusTag, TextField, useAsync } from '../../../components';
import { useForm } from '../../../hooks/use-form';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { AdminTable } from '../../components/admin-table';
import { useDirectory } from '../../hooks/use-directory';
import { employerDraftOf, likelyDuplicates, toSaveEmployerInput } from '../../forms/employer';
import '../../components/admin.scss';
// Last: the desk layout overrides the phone's.
import '../../components/desk.scss';

type Mode = { kind: 'new' } | { kind: 'edit' | 'merge'; employer: EmployerView };

function EmployerEditor(props: { employer?: EmployerView; onSaved: (e: EmployerView) => void; onCancel: () => void }) {
  const { employer } = props;
  const send = useWrite(api.admin.saveEmployer);
  const form = useForm(
    () => employerDraftOf(employer),
    (d) => toSaveEmployerInput(d, employer?.id),
    send,
  );
  const save = async () => {
    const saved = await form.submit(send.run);
    if (!saved) return;
    await Taro.showToast({ title: employer ? '已保存' : '已新增单位', icon: 'success' });
    props.onSaved(saved);
  };
  return (
    <View className="card admin-employers__form">
      <View className="admin__lead" role="heading" aria-level={2}>
        {employer ? `修改 ${employer.name}` : '新增单位'}
      </View>
      <TextField
        label="单位名称"
        {...form.text('name')}
        maxlength={60}
        hint="改名后，转会、点单和退休核实里都显示新名称"
      />
      <TextField label="联系人（选填）" {...form.text('contactName')} maxlength={20} />
      <TextField
        label="联系人手机（选填）"
        type="number"
        {...form.text('contactPhone')}
        maxlength={11}
        hint={employer?.contactPhone ? `现为 ${employer.contactPhone}，不改请留空` : undefined}
      />
      <View className="muted">负责退休核实和点单的企业工会联系人，请在“邀请与授权”里发邀请，由本人扫码接受。</View>
      <FormActions
        label={employer ? '保存修改' : '新增单位'}
        className="admin-employers__save"
        busy={send.busy}
        onSave={() => void save()}
        onCancel={props.onCancel}
      />
    </View>
  );
}

function MergeForm(props: { drop: EmployerView; list: EmployerView[]; onMerged: () => void; onCancel: () => void }) {
  const candidates = props.list.filter((e) => e.id !== props.drop.id && e.active);
  const suggested = likelyDuplicates(props.list, props.drop);
  const [keepId, setKeepId] = useState<string | undefined>(suggested[0]?.id);
  const keep = candidates.find((e) => e.id === keepId);
  const send = useWrite(api.admin.mergeEmployers);
  const merge = async () => {
    if (!keep) return void Taro.showToast({ title: '请选择保留的单位', icon: 'none' });
    const ok = await Taro.showModal({
      title: '确认合并',
      content: `把“${props.drop.name}”并入“${keep.name}”：会员、报名、点单、退休申请和联系人都改到“${keep.name}”名下，“${props.drop.name}”从名录中去掉。合并后不能撤回。`,
    });
    if (!ok.confirm) return;
    const result = await send.run({ keepId: keep.id, dropId: props.drop.id });
    if (!result) return;
    const m = result.moved;
    await Taro.showModal({
      title: '已合并',
      content: `已改到“${result.kept.name}”名下：会员 ${m.users} 人，比武报名 ${m.registrations} 条，点单 ${m.orders} 条，退休申请 ${m.retirementRequests} 条，联系人 ${m.grants} 人。`,
      showCancel: false,
    });
    props.onMerged();
  };
  return (
    <View className="card admin-employers__merge">
      <View className="admin__lead" role="heading" aria-level={2}>
        合并重复单位
      </View>
      <View>要去掉的：{props.drop.name}</View>
      {suggested.length ? <View className="muted">名称相近的：{suggested.map((e) => e.name).join('、')}</View> : null}
      <SelectField
        label="并入（保留的单位）"
        value={keep?.name}
        options={candidates.map((e) => e.name)}
        onChange={(name) => setKeepId(candidates.find((e) => e.name === name)?.id)}
      />
      <FormActions
        label="合并"
        className="admin-employers__merge-save"
        busy={send.busy}
        onSave={() => void merge()}
        onCancel={props.onCancel}
      />
    </View>
  );
}

/** 单位名录: the list 转会, enterprise orders and retirement verification choose from. */
export default function EmployersPage() {
  const loaded = useAsync(() => api.admin.listEmployers(), []);
  const { list, mode, open, toList, replace } = useDirectory<EmployerView, Mode>(loaded);
  const activate = useWrite(api.admin.setEmployerActive, { report: '未能完成' });
  const setActive = async (e: EmployerView, active: boolean) => {
    if (!active) {
      const ok = await Taro.showModal({
        title: '停用单位',
        content: `停用后“${e.name}”不再出现在各表单的单位选项里，已有记录不变。`,
      });
      if (!ok.confirm) return;
    }
    const saved = await activate.run({ employerId: e.id, active });
    if (saved) replace(saved);
  };

  return (
    <PageShell title="单位名录" className="admin-page">
      <StateView of={loaded}>
        {mode.kind === 'new' || mode.kind === 'edit' ? (
          <EmployerEditor
            key={mode.kind === 'edit' ? mode.employer.id : 'new'}
            employer={mode.kind === 'edit' ? mode.employer : undefined}
            onSaved={replace}
            onCancel={toList}
          />
        ) : mode.kind === 'merge' ? (
          <MergeForm
            drop={mode.employer}
            list={list}
            onCancel={toList}
            onMerged={() => {
              toList();
              void loaded.reload();
            }}
          />
        ) : (
          <>
            <View className="admin__toolbar">
              <Button className="admin-employers__add" onClick={() => open({ kind: 'new' })}>
                新增单位
              </Button>
            </View>
            <AdminTable
              label="单位"
              rows={list}
              emptyText="单位名录还是空的。点“新增单位”添加。"
              rowKey={(e) => e.id}
              muted={(e) => !e.active}
              columns={[
                { key: 'name', title: '单位', primary: true, render: (e) => e.name },
                {
                  key: 'contact',
                  title: '联系人',
                  render: (e) => (e.contactName ? `${e.contactName} ${e.contactPhone ?? ''}` : '—'),
                },
                {
                  key: 'verifiers',
                  title: '核实人',
                  render: (e) => e.verifiers.map((v) => v.name).join('、') || '暂无，请到“邀请与授权”邀请',
                },
                {
                  key: 'state',
                  title: '状态',
                  render: (e) => (
                    <StatusTag text={e.active ? '在用' : '已停用'} tone={e.active ? 'success' : 'muted'} />
                  ),
                },
              ]}
              actions={(e) =>
                e.active
                  ? [
                      { label: '修改', onClick: () => open({ kind: 'edit', employer: e }) },
                      { label: '合并', onClick: () => open({ kind: 'merge', employer: e }) },
                      { label: '停用', onClick: () => void setActive(e, false) },
                    ]
                  : [{ label: '重新启用', onClick: () => void setActive(e, true) }]
              }
            />
          </>
        )}
      </StateView>
    </PageShell>
  );
}
