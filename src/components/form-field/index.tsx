import { Input, Label, Picker, Switch, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { CheckMark } from '../check-mark';
import './index.scss';

export interface FormFieldProps {
  label: string;
  /** The field's validation message, shown under it. */
  error?: string;
  hint?: string;
  children: ReactNode;
}

/** A labelled field: the label above, the message below, never a placeholder-only label. */
export function FormField({ label, error, hint, children }: FormFieldProps) {
  return (
    <View className={`form-field ${error ? 'form-field--error' : ''}`}>
      <View className="form-field__label">{label}</View>
      {children}
      {hint && !error ? <View className="form-field__hint">{hint}</View> : null}
      {error ? (
        <View className="form-field__error" role="alert">
          {error}
        </View>
      ) : null}
    </View>
  );
}

export interface TextFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  hint?: string;
  placeholder?: string;
  type?: 'text' | 'number' | 'idcard' | 'digit';
  maxlength?: number;
  /** Also a class on the input, `field-<name>`, by which tests and the steps of a wizard find it. */
  name?: string;
  /** Several lines, growing with what is typed. */
  multiline?: boolean;
}

export function TextField({
  label,
  value,
  onInput,
  error,
  hint,
  placeholder,
  type = 'text',
  maxlength = 140,
  name,
  multiline,
}: TextFieldProps) {
  const input = name ? `form-field__input field-${name}` : 'form-field__input';
  return (
    <FormField label={label} error={error} hint={hint}>
      {multiline ? (
        <Textarea
          className={`${input} form-field__input--multiline`}
          name={name}
          value={value}
          maxlength={maxlength}
          placeholder={placeholder}
          autoHeight
          aria-label={label}
          // H5 renders a custom element around the native textarea: the label must reach the textarea itself.
          nativeProps={{ 'aria-label': label }}
          onInput={(e) => onInput(e.detail.value)}
        />
      ) : (
        <Input
          className={input}
          name={name}
          value={value}
          type={type}
          maxlength={maxlength}
          placeholder={placeholder}
          aria-label={label}
          onInput={(e) => onInput(e.detail.value)}
        />
      )}
    </FormField>
  );
}

export interface SwitchFieldProps {
  label: string;
  /** A line under the label on what the switch changes. */
  hint?: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  /** The page's own class for the row (spacing, and what tests find it by). */
  className?: string;
}

/** An on/off setting: the words on the left, the switch on the right, the whole row one tap target. */
export function SwitchField({ label, hint, checked, onChange, className }: SwitchFieldProps) {
  return (
    <Label className={`form-field__switch ${className ?? ''}`}>
      {hint ? (
        <View>
          <View>{label}</View>
          <View className="muted">{hint}</View>
        </View>
      ) : (
        <View>{label}</View>
      )}
      <Switch checked={checked} aria-label={label} color="#c8161d" onChange={(e) => onChange(e.detail.value)} />
    </Label>
  );
}

export interface ChecksFieldProps<T extends string> {
  label: string;
  options: readonly T[];
  value: readonly T[];
  /** The choices ticked, in the order they were ticked. */
  onChange: (v: T[]) => void;
  text?: (v: T) => string;
  error?: string;
  hint?: string;
  /** What the group is read out as, when the label says more (授课方式（可多选） → 授课方式). */
  groupLabel?: string;
}

/** Several choices as big rows rather than tiny boxes (长辈模式). */
export function ChecksField<T extends string>(props: ChecksFieldProps<T>) {
  const toggle = (o: T) =>
    props.onChange(props.value.includes(o) ? props.value.filter((x) => x !== o) : [...props.value, o]);
  return (
    <FormField label={props.label} error={props.error} hint={props.hint}>
      <View className="form-field__checks" role="group" aria-label={props.groupLabel ?? props.label}>
        {props.options.map((o) => {
          const on = props.value.includes(o);
          return (
            <View
              key={o}
              role="checkbox"
              aria-checked={on}
              className={`form-field__check ${on ? 'form-field__check--on' : ''}`}
              onClick={() => toggle(o)}
            >
              <CheckMark on={on} /> {props.text ? props.text(o) : o}
            </View>
          );
        })}
      </View>
    </FormField>
  );
}

export interface SelectFieldProps<T extends string> {
  label: string;
  value: T | undefined;
  options: readonly T[];
  onChange: (value: T) => void;
  error?: string;
  placeholder?: string;
}

/** A native Picker: the platform's own selector, nothing added to the package. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  error,
  placeholder = '请选择',
}: SelectFieldProps<T>) {
  return (
    <FormField label={label} error={error}>
      <Picker
        mode="selector"
        range={options as unknown as string[]}
        value={value ? options.indexOf(value) : 0}
        onChange={(e) => onChange(options[Number(e.detail.value)])}
      >
        <View className="form-field__input form-field__picker" aria-label={label}>
          {value ?? <View className="form-field__placeholder">{placeholder}</View>}
        </View>
      </Picker>
    </FormField>
  );
}

export interface PickerFieldProps {
  label: string;
  mode: 'date' | 'time';
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  /** The name the picker is read by, when the label is short (开始 → 开始时间). */
  ariaLabel?: string;
  start?: string;
  end?: string;
  placeholder?: string;
  /** How the value reads in the box (a date as 12月17日（周四）). */
  display?: (value: string) => string;
}

/** A native date or time Picker in the field's box. */
export function PickerField({
  label,
  mode,
  value,
  onChange,
  error,
  hint,
  ariaLabel,
  start,
  end,
  placeholder = '请选择',
  display = (v) => v,
}: PickerFieldProps) {
  return (
    <FormField label={label} error={error} hint={hint}>
      <Picker mode={mode} value={value} start={start} end={end} onChange={(e) => onChange(e.detail.value)}>
        <View className="form-field__input form-field__picker" aria-label={ariaLabel ?? label}>
          {value ? display(value) : <View className="form-field__placeholder">{placeholder}</View>}
        </View>
      </Picker>
    </FormField>
  );
}
