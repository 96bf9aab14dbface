import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

const KEY = 'elder-mode';
type Listener = (on: boolean) => void;
const listeners = new Set<Listener>();

/** WeChat's own font setting (standard is 16-17): a user who enlarged it gets 长辈模式 by default. */
function defaultFromSystem(): boolean {
  // A browser has no such setting (Taro's H5 answers NaN), and asking would load its platform sniffer (16 KB).
  // if, not an early return: webpack drops a constant condition's dead branch, with its imports.
  if (process.env.TARO_ENV !== 'h5') {
    try {
      const info = (Taro.getAppBaseInfo?.() ?? Taro.getSystemInfoSync()) as {
        fontSizeSetting?: number;
        fontSizeScaleFactor?: number;
      };
      return (info.fontSizeSetting ?? 16) >= 20 || (info.fontSizeScaleFactor ?? 1) >= 1.25;
    } catch {
      return false;
    }
  }
  return false;
}

export function isElderMode(): boolean {
  let stored = '';
  try {
    stored = String(Taro.getStorageSync(KEY) ?? '');
  } catch {
    stored = '';
  }
  return stored === '1' ? true : stored === '0' ? false : defaultFromSystem();
}

/** Remembered across launches; every mounted page re-renders. */
export function setElderMode(on: boolean): void {
  Taro.setStorageSync(KEY, on ? '1' : '0');
  listeners.forEach((l) => l(on));
}

export function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(isElderMode);
  useEffect(() => {
    listeners.add(setOn);
    return () => {
      listeners.delete(setOn);
    };
  }, []);
  return [on, setElderMode];
}
