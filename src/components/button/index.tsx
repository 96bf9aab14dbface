import { Button as TaroButton, type ButtonProps as TaroButtonProps } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

export type ButtonVariant = 'primary' | 'secondary' | 'outline' | 'danger' | 'text';

export interface ButtonProps {
  /** primary: the page's one main action; outline: a second action; secondary: neutral; danger: destructive; text: a link-like one. */
  variant?: ButtonVariant;
  /** small: less padding and a smaller font, never a smaller tap target (≥ 60 px in 长辈模式 stays). */
  size?: 'normal' | 'small';
  /** A call is running: shows the spinner and refuses taps. */
  busy?: boolean;
  disabled?: boolean;
  className?: string;
  onClick?: () => unknown;
  'aria-label'?: string;
  /** WeChat's own actions (share, contact…): the tap goes to WeChat. */
  openType?: TaroButtonProps['openType'];
  children?: ReactNode;
}

// H5: Taro's button is a custom element; the role makes it a button to assistive tech and selectors
// (Taro's Button props do not list `role`, so it is spread).
const BUTTON_ROLE = { role: 'button' };

// `btn-plain` stays the outline's class name: other rules and tests select it.
const VARIANT_CLASS: Record<ButtonVariant, string> = {
  primary: 'btn-primary',
  secondary: 'btn-secondary',
  outline: 'btn-plain',
  danger: 'btn-danger',
  text: 'btn-text',
};

/**
 * The app's one button: a native button (its semantics, its spinner) in one of five looks.
 * - H5: Taro's button treats `disabled={false}` as disabled, so only `true` is ever passed.
 * - weapp: the native button draws its own hairline border in `::after` (a second border on the
 *   right and bottom of an outline button); the stylesheet removes it, so one border is drawn.
 */
export function Button({
  variant = 'primary',
  size = 'normal',
  busy = false,
  disabled = false,
  className,
  onClick,
  openType,
  children,
  ...aria
}: ButtonProps) {
  const off = disabled || busy;
  const classes = ['btn', VARIANT_CLASS[variant], size === 'small' ? 'btn--small' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <TaroButton
      className={classes}
      {...BUTTON_ROLE}
      loading={busy || undefined}
      disabled={off || undefined}
      aria-disabled={off ? 'true' : 'false'}
      aria-busy={busy || undefined}
      aria-label={aria['aria-label']}
      openType={openType}
      onClick={off ? undefined : () => void onClick?.()}
    >
      {children}
    </TaroButton>
  );
}
