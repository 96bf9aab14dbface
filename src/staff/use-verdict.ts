import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { ScanResult } from '@contract/api/checkin';
import { newRequestId, ServiceError } from '../services/call';
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
  const [busy, setBusy] = useState(false);

  const run = async (send: () => Promise<ScanResult>) => {
    if (busy) return;
    setBusy(true);
    try {
      const r = await send();
      setResult(r);
      if (r.result !== 'success') buzz();
    } catch (e) {
      const message = e instanceof Error ? e.message : '请稍后再试';
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

  /**
   * One request id per scan's undo, kept while its outcome is unknown: after a failed attempt
   * (INTERNAL: a crash mid-way, the network) the next tap is the same request, so the server finishes
   * the undo that attempt started instead of refusing it as already undone. Dropped once it is done
   * or refused for good (a later tap is then a new request).
   */
  const undoIds = useRef(new Map<string, string>());

  const undo = async (reason: string): Promise<boolean> => {
    if (!result || result.result !== 'success' || !result.scanId) return false;
    const { scanId } = result;
    const requestId = undoIds.current.get(scanId) ?? newRequestId();
    undoIds.current.set(scanId, requestId);
    try {
      await checkinService.undo(scanId, reason, requestId);
      undoIds.current.delete(scanId);
      setResult(null);
      onChange();
      await Taro.showToast({ title: '已撤销', icon: 'success' });
      return true;
    } catch (e) {
      if (!(e instanceof ServiceError) || e.code !== 'INTERNAL') undoIds.current.delete(scanId);
      await Taro.showModal({
        title: '未能撤销',
        content: e instanceof Error ? e.message : '请稍后再试',
        showCancel: false,
      });
      return false;
    }
  };

  return { result, busy, run, undo, clear: () => setResult(null) };
}
