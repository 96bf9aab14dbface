import { View } from '@tarojs/components';
import { Button } from '../button';

export interface FormActionsProps {
  /** The confirming button's words: 保存修改, 合并, 生成邀请... */
  label: string;
  /** The confirming button's page-prefixed class, by which tests find it. */
  className: string;
  busy: boolean;
  onSave: () => void;
  onCancel: () => void;
}

/** The foot of a form shown in place of a list: 取消, then the form's action on the right, as everywhere. */
export function FormActions({ label, className, busy, onSave, onCancel }: FormActionsProps) {
  return (
    <View className="row-actions">
      <Button variant="outline" onClick={onCancel}>
        取消
      </Button>
      <Button className={className} busy={busy} onClick={onSave}>
        {label}
      </Button>
    </View>
  );
}
