import { Input, View } from '@tarojs/components';
import { Button } from '../../components/button';
import { useState } from 'react';
import type { ScanResult } from '@contract/api/checkin';
import { clockTime, dayTime } from '../time';
import './scan-result.scss';

/** Each outcome has a colour, an icon AND a word: readable at arm's length and without colour vision. */
const LOOK = {
  success: { tone: 'ok', icon: '✓', word: '核验成功' },
  used: { tone: 'used', icon: '✕', word: '已使用' },
  refused: { tone: 'refused', icon: '!', word: '无法核验' },
} as const;

export interface ScanResultViewProps {
  result: ScanResult;
  /** Epoch ms, to decide whether 撤销 is still offered. */
  now: number;
  onNext: () => void;
  onUndo: (reason: string) => Promise<boolean>;
  /** Opened from the recent list's 撤销: go straight to asking for the reason. */
  asking?: boolean;
  nextText?: string;
}

/** Full-screen verdict after a scan: green 核验成功 / red 已使用 (when, where, by whom) / amber 无法核验 (why). */
export function ScanResultView({ result, now, onNext, onUndo, asking: askFirst, nextText }: ScanResultViewProps) {
  const look = LOOK[result.result];
  const [asking, setAsking] = useState(!!askFirst);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const canUndo = result.result === 'success' && !!result.undoUntil && now < result.undoUntil;

  const confirmUndo = async () => {
    if (busy) return;
    setBusy(true);
    const done = await onUndo(reason.trim());
    setBusy(false);
    if (done) setAsking(false);
  };

  return (
    <View className={`staff-scan-result staff-scan-result--${look.tone}`} role="alert">
      <View className="staff-scan-result__icon" aria-hidden>
        {look.icon}
      </View>
      <View className="staff-scan-result__word">{look.word}</View>
      <View className="staff-scan-result__title">{result.title}</View>
      {result.result !== 'refused' && result.personName ? (
        <View className="staff-scan-result__person">{result.personName}</View>
      ) : null}
      {result.result === 'success' && result.detail ? (
        <View className="staff-scan-result__line">{result.detail}</View>
      ) : null}
      {result.result === 'used' ? (
        <View className="staff-scan-result__box">
          <View className="staff-scan-result__line">首次核验：{dayTime(result.firstAt)}</View>
          <View className="staff-scan-result__line">地点：{result.firstPlace}</View>
          <View className="staff-scan-result__line">工作人员：{result.firstStaff}</View>
        </View>
      ) : null}
      {result.result === 'refused' ? (
        <View className="staff-scan-result__box staff-scan-result__line">{result.message}</View>
      ) : null}

      <Button className="staff-scan-result__next" onClick={onNext}>
        {nextText ?? '继续扫码'}
      </Button>
      {canUndo && !asking ? (
        <Button className="staff-scan-result__undo" onClick={() => setAsking(true)}>
          撤销（{clockTime(result.undoUntil!)}前可撤销）
        </Button>
      ) : null}
      {canUndo && asking ? (
        <View className="staff-scan-result__ask">
          <View className="staff-scan-result__line">请填写撤销原因</View>
          <Input
            className="staff-scan-result__reason"
            value={reason}
            placeholder="如：发错了人、重复签到"
            maxlength={100}
            onInput={(e) => setReason(e.detail.value)}
          />
          <Button className="staff-scan-result__undo" disabled={busy || reason.trim().length < 2} onClick={confirmUndo}>
            确认撤销
          </Button>
        </View>
      ) : null}
    </View>
  );
}
