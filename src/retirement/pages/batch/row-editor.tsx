import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import type { FormOptions } from '@contract/api/retirement';
import type { RequestForm } from '../request/form-state';
import { useForm } from '../../../hooks/use-form';
import { ContactStep, PersonStep, WorkStep } from '../request/steps';
import { validateRow, type BatchRow } from './rows';

interface RowEditorProps {
  title: string;
  initial: RequestForm;
  rows: BatchRow[];
  /** The row being changed; undefined when adding one. */
  editingKey?: string;
  /** The server's refusal of this row, shown until it is changed. */
  refusal?: string;
  options: FormOptions;
  onSave: (form: RequestForm) => void;
  onCancel: () => void;
}

/** One retiree of the list: the request wizard's screens on one page, the employer left out. */
export function RowEditor({ title, initial, rows, editingKey, refusal, options, onSave, onCancel }: RowEditorProps) {
  const { draft: form, errors, setErrors, patch: set } = useForm<RequestForm>(initial);

  const save = () => {
    const found = validateRow(form, rows, editingKey);
    setErrors(found);
    if (Object.keys(found).length) {
      void Taro.showToast({ title: '请按红字提示修改', icon: 'none' });
      return;
    }
    onSave(form);
  };

  const stepProps = { form, errors, set, options, fixedEmployer: true };
  return (
    <View className="retirement-batch-editor">
      <View className="retirement-batch__heading" role="heading" aria-level={2}>
        {title}
      </View>
      {refusal ? (
        <View className="card retirement-batch-editor__refusal" role="alert">
          上次未通过：{refusal}
        </View>
      ) : null}
      <View className="card">
        <PersonStep {...stepProps} />
      </View>
      <View className="card">
        <WorkStep {...stepProps} />
      </View>
      <View className="card">
        <ContactStep {...stepProps} />
      </View>
      <View className="row-actions retirement-batch-editor__actions">
        <Button variant="outline" className="retirement-batch-editor__cancel" onClick={onCancel}>
          取消
        </Button>
        <Button className="retirement-batch-editor__save" onClick={save}>
          保存这一位
        </Button>
      </View>
    </View>
  );
}
