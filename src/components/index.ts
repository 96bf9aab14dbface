export { PageShell, type PageShellProps } from './page-shell';
export { StateView, type StateViewProps } from './state-view';
export { StatusTag, type StatusTagProps, type Tone } from './status-tag';
export { QrCode, type QrCodeProps } from './qr-code';
export { ChecksField, FormField, TextField, SelectField, SwitchField } from './form-field';
export { useAsync } from '../hooks/use-async';
export { useRefreshingCode } from '../hooks/use-refreshing-code';
export { Button, type ButtonProps, type ButtonVariant } from './button';
export { CheckMark } from './check-mark';
