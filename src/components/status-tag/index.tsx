import { Text } from '@tarojs/components';
import './index.scss';

export type Tone = 'success' | 'warning' | 'danger' | 'info' | 'muted';

export interface StatusTagProps {
  text: string;
  tone?: Tone;
}

const MARKS: Record<Tone, string> = { success: '✓', warning: '!', danger: '✕', info: '•', muted: '–' };

/** A status in words with a mark: never told by colour alone. */
export function StatusTag({ text, tone = 'info' }: StatusTagProps) {
  return (
    <Text className={`status-tag status-tag--${tone}`}>
      {MARKS[tone]} {text}
    </Text>
  );
}
