import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AsyncState } from '../../hooks/use-async';

/**
 * A directory page (驿站, 单位) shows its list or one form in its place. A form opens at the top of the
 * page (the list may be scrolled far down), and a saved row replaces its old self, or joins the list,
 * without reloading it.
 */
export function useDirectory<T extends { id: string }, M extends { kind: string }>(loaded: AsyncState<T[]>) {
  const [mode, setMode] = useState<M | { kind: 'list' }>({ kind: 'list' });
  const list = loaded.data ?? [];
  const open = (next: M | { kind: 'list' }) => {
    setMode(next);
    void Taro.pageScrollTo?.({ scrollTop: 0, duration: 0 });
  };
  const toList = () => open({ kind: 'list' });
  const replace = (row: T) => {
    const known = list.some((x) => x.id === row.id);
    loaded.setData(known ? list.map((x) => (x.id === row.id ? row : x)) : [...list, row]);
    toList();
  };
  return { list, mode, open, toList, replace };
}
