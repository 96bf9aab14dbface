/**
 * `@tarojs/components` for the `app` jest project: plain DOM elements, so @testing-library queries work.
 * Taro-only props (hoverClass, scrollY, mode, openType...) are dropped; handlers get Taro-shaped events:
 * Input/Textarea onInput/onConfirm/onBlur -> { detail: { value } }, Switch/Checkbox/Radio groups and Picker
 * onChange -> { detail: { value } }. A selector Picker renders a <select> (fireEvent.change(select, { target:
 * { value: '2' } }) picks index 2); a date/time Picker renders an <input type="date|time">.
 */
import { createElement, Fragment, type ChangeEvent, type ReactNode } from 'react';

type Props = Record<string, any> & { children?: ReactNode };

const PASS = new Set([
  'className',
  'id',
  'role',
  'title',
  'hidden',
  'onClick',
  'onTouchStart',
  'onTouchEnd',
  'onLongPress',
]);

function styleObject(style: unknown) {
  if (typeof style !== 'string') return style;
  const out: Record<string, string> = {};
  for (const decl of style.split(';')) {
    const i = decl.indexOf(':');
    if (i > 0)
      out[
        decl
          .slice(0, i)
          .trim()
          .replace(/-([a-z])/g, (_, c) => c.toUpperCase())
      ] = decl.slice(i + 1).trim();
  }
  return out;
}

/** Keeps DOM-safe props (className, id, onClick, data-*, aria-*, style). */
function domProps(props: Props) {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) {
    if (PASS.has(k) || k.startsWith('data-') || k.startsWith('aria-')) out[k] = k === 'onLongPress' ? undefined : v;
  }
  if (props.style !== undefined) out.style = styleObject(props.style);
  return out;
}

const host = (tag: string) =>
  function Host({ children, ...props }: Props) {
    return createElement(tag, domProps(props), children);
  };

const detail = (value: unknown) => ({ detail: { value }, target: { value }, currentTarget: { value } });

export const View = host('div');
export const CoverView = host('div');
export const ScrollView = host('div');
export const Swiper = host('div');
export const SwiperItem = host('div');
export const Label = host('label');
export const Icon = host('i');
export const Text = host('span');
export const Block = ({ children }: Props) => createElement(Fragment, null, children);
export const Navigator = ({ url, children, ...p }: Props) =>
  createElement('a', { ...domProps(p), href: url }, children);
export const RichText = ({ nodes, ...p }: Props) =>
  createElement('div', { ...domProps(p), dangerouslySetInnerHTML: { __html: typeof nodes === 'string' ? nodes : '' } });
export const Image = ({ src, ...p }: Props) =>
  createElement('img', { ...domProps(p), src, alt: p['aria-label'] ?? '' });
export const CoverImage = Image;
export const Canvas = ({ canvasId, type, ...p }: Props) =>
  createElement('canvas', { ...domProps(p), 'data-canvas-id': canvasId, 'data-type': type, width: 300, height: 300 });
export const Progress = ({ percent, ...p }: Props) =>
  createElement('progress', { ...domProps(p), max: 100, value: percent });

export const Button = ({ children, disabled, loading, formType, ...p }: Props) =>
  createElement(
    'button',
    { ...domProps(p), disabled: disabled || loading, type: formType === 'submit' ? 'submit' : 'button' },
    children,
  );

function field(tag: 'input' | 'textarea') {
  return function Field({
    value,
    placeholder,
    disabled,
    maxlength,
    type,
    password,
    onInput,
    onConfirm,
    onBlur,
    onFocus,
    ...p
  }: Props) {
    return createElement(tag, {
      ...domProps(p),
      value: value ?? undefined,
      placeholder,
      disabled,
      maxLength: maxlength,
      type:
        tag === 'input'
          ? password
            ? 'password'
            : type === 'number' || type === 'digit'
              ? 'text'
              : type || 'text'
          : undefined,
      inputMode: type === 'number' || type === 'idcard' ? 'numeric' : type === 'digit' ? 'decimal' : undefined,
      onChange: (e: ChangeEvent<HTMLInputElement>) => onInput?.(detail(e.target.value)),
      onBlur: (e: ChangeEvent<HTMLInputElement>) => onBlur?.(detail(e.target.value)),
      onFocus: (e: ChangeEvent<HTMLInputElement>) => onFocus?.(detail(e.target.value)),
      onKeyDown: (e: any) => e.key === 'Enter' && onConfirm?.(detail(e.currentTarget.value)),
    });
  };
}
export const Input = field('input');
export const Textarea = field('textarea');

export const Switch = ({ checked, disabled, onChange, ...p }: Props) =>
  createElement('input', {
    ...domProps(p),
    type: 'checkbox',
    role: 'switch',
    checked: !!checked,
    disabled,
    onChange: (e: ChangeEvent<HTMLInputElement>) => onChange?.(detail(e.target.checked)),
  });

export const Checkbox = ({ value, checked, disabled, children, ...p }: Props) =>
  createElement(
    'label',
    domProps(p),
    createElement('input', { type: 'checkbox', value, defaultChecked: checked, disabled }),
    children,
  );
export const Radio = ({ value, checked, disabled, children, ...p }: Props) =>
  createElement(
    'label',
    domProps(p),
    createElement('input', { type: 'radio', value, defaultChecked: checked, disabled }),
    children,
  );

export const CheckboxGroup = ({ onChange, children, ...p }: Props) =>
  createElement(
    'div',
    {
      ...domProps(p),
      role: 'group',
      onChange: (e: ChangeEvent<HTMLElement>) => {
        const boxes = e.currentTarget.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked');
        onChange?.(detail(Array.from(boxes, (b) => b.value)));
      },
    },
    children,
  );
export const RadioGroup = ({ onChange, children, ...p }: Props) =>
  createElement(
    'div',
    {
      ...domProps(p),
      role: 'radiogroup',
      onChange: (e: ChangeEvent<HTMLInputElement>) => {
        e.currentTarget
          .querySelectorAll<HTMLInputElement>('input[type=radio]')
          .forEach((r) => (r.checked = r === e.target));
        onChange?.(detail(e.target.value));
      },
    },
    children,
  );

export const Picker = ({
  mode = 'selector',
  range = [],
  rangeKey,
  value,
  disabled,
  onChange,
  children,
  start,
  end,
  ...p
}: Props) => {
  const control =
    mode === 'date' || mode === 'time'
      ? createElement('input', {
          type: mode,
          value: value ?? '',
          // Taro's start/end bound what can be picked: the input's min/max, so tests can read them.
          min: start,
          max: end,
          disabled,
          onChange: (e: ChangeEvent<HTMLInputElement>) => onChange?.(detail(e.target.value)),
        })
      : createElement(
          'select',
          {
            value: value ?? 0,
            disabled,
            onChange: (e: ChangeEvent<HTMLSelectElement>) => onChange?.(detail(Number(e.target.value))),
          },
          (range as any[]).map((item, i) =>
            createElement('option', { key: i, value: i }, String(rangeKey && item ? item[rangeKey] : item)),
          ),
        );
  return createElement('div', { ...domProps(p), 'data-picker': mode }, control, children);
};

export const Form = ({ onSubmit, children, ...p }: Props) =>
  createElement(
    'form',
    {
      ...domProps(p),
      onSubmit: (e: any) => {
        e.preventDefault();
        const value: Record<string, unknown> = {};
        new FormData(e.currentTarget).forEach((v, k) => (value[k] = v));
        onSubmit?.({ detail: { value } });
      },
    },
    children,
  );
