import { View } from '@tarojs/components';
import { Button } from '../button';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { isEmulatorBuild } from '../../cloud-client';
import './index.scss';

export interface StateViewProps {
  loading?: boolean;
  /** An error from a service call: its message is the contract's Chinese message. */
  error?: { message: string; code?: string } | null;
  /** True when there is nothing to show. */
  empty?: boolean;
  emptyText?: string;
  /** A way forward below the empty text (e.g. a button to the form). */
  emptyAction?: ReactNode;
  onRetry?: () => void;
  /**
   * A loaded value (useAsync): loading until its first data, its error only while there is no data to
   * show, retry by reloading. A reload over shown data keeps the data on screen.
   */
  of?: { loading: boolean; data?: unknown; error?: StateViewProps['error']; reload: () => unknown };
  children?: ReactNode;
}

/** Contract messages are Chinese and fit to show; anything else (a crash, a stack) is not. */
function readable(error: { message: string }): string {
  return /[\u4e00-\u9fa5]/.test(error.message) ? error.message : '出了点问题，请稍后重试';
}

/** Trying again cannot help with these: the thing is not there, or not this person's to see. */
const FINAL_CODES = new Set(['NOT_FOUND', 'FORBIDDEN', 'INVALID_INPUT']);

function goBack() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: '/pages/home/index' });
}

/** Loading, error and empty states, the same on every page; children render when there is data. */
export function StateView({ of, empty, emptyText, emptyAction, children, ...own }: StateViewProps) {
  const loading = own.loading ?? (of ? of.loading && !of.data : false);
  const error = own.error ?? (of && !of.data ? of.error : null);
  const onRetry = own.onRetry ?? (of ? () => void of.reload() : undefined);
  if (loading) {
    return (
      <View className="state-view" aria-busy="true">
        <View className="state-view__spinner" />
        <View className="state-view__text">正在加载…</View>
      </View>
    );
  }
  if (error?.code === 'UNAUTHENTICATED' && isEmulatorBuild()) {
    // The emulator has no WeChat login: a visitor who has not picked a persona yet is told how, not to retry.
    return (
      <View className="state-view state-view--error" role="alert">
        <View className="state-view__icon">!</View>
        <View className="state-view__text">演示环境：请先选择一个体验身份</View>
        <Button
          variant="outline"
          className="state-view__retry"
          onClick={() => void Taro.navigateTo({ url: '/pages/persona/index' })}
        >
          切换体验身份
        </Button>
      </View>
    );
  }
  if (error) {
    return (
      <View className="state-view state-view--error" role="alert">
        <View className="state-view__icon">!</View>
        <View className="state-view__text">{readable(error)}</View>
        {error.code && FINAL_CODES.has(error.code) ? (
          <Button variant="outline" className="state-view__retry" onClick={goBack}>
            返回
          </Button>
        ) : onRetry ? (
          <Button variant="outline" className="state-view__retry" onClick={onRetry}>
            重试
          </Button>
        ) : null}
      </View>
    );
  }
  if (empty) {
    return (
      <View className="state-view state-view--empty">
        <View className="state-view__text">{emptyText ?? '暂无内容'}</View>
        {emptyAction}
      </View>
    );
  }
  return <>{children}</>;
}
