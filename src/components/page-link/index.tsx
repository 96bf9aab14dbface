import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';

export interface PageLinkProps {
  /** The page it opens: `/contest/pages/detail/index?id=…`. */
  url: string;
  className: string;
  /** Read out as a button with this name (a tile whose content is not its name). */
  label?: string;
  children: ReactNode;
}

/** A card or tile that opens a page when tapped. */
export function PageLink({ url, className, label, children }: PageLinkProps) {
  return (
    <View
      className={className}
      role={label ? 'button' : undefined}
      aria-label={label}
      onClick={() => void Taro.navigateTo({ url })}
    >
      {children}
    </View>
  );
}
