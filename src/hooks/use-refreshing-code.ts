import { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface RefreshingCode {
  token: string;
  expiresAt: number;
}

export const REFRESH_MS = 60_000;

/**
 * Fetches a signed code and fetches a fresh one every minute while the page is visible, so a
 * screenshot of the code stops working soon after it is taken.
 */
export function useRefreshingCode<T extends RefreshingCode>(fetcher: () => Promise<T>, enabled = true) {
  const [code, setCode] = useState<T | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const fetchRef = useRef(fetcher);
  fetchRef.current = fetcher;

  const refresh = useCallback(async () => {
    try {
      setCode(await fetchRef.current());
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  }, []);

  const stop = useCallback(() => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  }, []);

  const start = useCallback(() => {
    stop();
    if (!enabled) return;
    void refresh();
    timer.current = setInterval(() => void refresh(), REFRESH_MS);
  }, [enabled, refresh, stop]);

  useEffect(() => {
    start();
    return stop;
  }, [start, stop]);
  useDidShow(() => {
    if (!timer.current) start();
  });
  useDidHide(stop);

  return { code, error, refresh };
}
