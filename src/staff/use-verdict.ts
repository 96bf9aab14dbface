import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { RecentScan, ScanResult } from '@contract/api/checkin';
import { useIntent } from '../hooks/use-intent';
import { ServiceError } from '../services/call';
import { checkinService } from '../services/checkin';

/** A long buzz on red/amber, so a volunteer notices without looking; optional on every platform. */
function buzz() {
  try {
    void Promise.resolve(Taro.vibrateLong({})).catch(() => undefined);
  } catch {
    // No vibration here (H5 on a desktop): the colour and the word are enough.
  }
}

/**
 * The verdict on screen and its undo. A call that fails (network, no permission) is shown as an
 * amber result too, so the volunteer always gets an answer and a way on (继续扫码 to retry).
 */
export function useVerdict(onChange: () => void) {
  const [result, setResult] = useState<ScanResult | null>(null);
  /** The verdict was reopened from the recent list to undo it. */
  const [undoing, setUndoing] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (send: () => Promise<ScanResult>) => {
    if (busy) return;
    setBusy(true);
    try {
      const r = await send();
      setUndoing(false);
      setResult(r);
      if (r.result !== 'success') buzz();
    } catch (e) {
      const message = e instanceof Error ? e.message : '请稍后再试';
      setUndoing(false);
      setResult({
        result: 'refused',
        code: e instanceof ServiceError ? e.code : 'INTERNAL',
        title: '未能核验',
        message,
      });
    } finally {
      setBusy(false);
      onChange();
    }
  };

  // One request id per scan's undo while its outcome is unknown: the next tap after a crash or a
  // lost answer is the same request, so the server finishes that undo instead of refusing it.
  const intent = useIntent();

  const undo = async (reason: string): Promise<boolean> => {
    if (!result || result.result !== 'success' || !result.scanId) return false;
    const { scanId } = result;
    try {
      const done = await intent(`undo\n${scanId}`, (requestId) => checkinService.undo(scanId, reason, requestId));
      if (done === undefined) return false;
      setResult(null);
      onChange();
      await Taro.showToast({ title: '已撤销', icon: 'success' });
      return true;
    } catch (e) {
      await Taro.showModal({
        title: '未能撤销',
        content: e instanceof Error ? e.message : '请稍后再试',
        showCancel: false,
      });
      return false;
    }
  };

  /** A recent success, back on screen to be undone (its reason asked for at once). */
  const reopen = (scan: RecentScan) => {
    if (!scan.kind) return;
    setUndoing(true);
    setResult({
      result: 'success',
      kind: scan.kind,
      title: scan.title,
      personName: scan.personName,
      scanId: scan.scanId,
      undoUntil: scan.undoUntil,
    });
  };

  const clear = () => {
    setUndoing(false);
    setResult(null);
  };

  return { result, undoing, busy, run, undo, reopen, clear };
}
