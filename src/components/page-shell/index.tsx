import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useElderMode } from '../../stores/elder-mode';
import '../../styles/tokens.scss';
import './index.scss';

export interface PageShellProps {
  /** Optional heading shown at the top of the page. */
  title?: string;
  className?: string;
  children?: ReactNode;
}

/** The root of every page: carries the design tokens and the 长辈模式 switch. */
export function PageShell({ title, className, children }: PageShellProps) {
  const [elder] = useElderMode();
  return (
    <View className={['page', elder ? 'elder' : '', className ?? ''].join(' ').trim()}>
      {title ? (
        <View className="page-shell__title" role="heading" aria-level={1}>
          {title}
        </View>
      ) : null}
      {children}
    </View>
  );
}
