import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ScanResult } from '@contract/api/checkin';
import { useWrite } from '../hooks/use-write';
import { ServiceError } from '../services/call';
import { api } from '../services/api';

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
  // Each scan (this code in this scope) and each manual redemption is one intent: a retry after a
  // lost answer replays it, a double tap makes one call.
  const scanning = useWrite(api.checkin.scan, { report: false });
  const redeeming = useWrite(api.checkin.redeemManual, { report: false });

  const show = async (send: () => Promise<ScanResult | undefined>) => {
    try {
      const r = await send();
      if (!r) return; // a second tap while the first runs: the first one answers
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
    }
    onChange();
  };

  // One request id per scan's undo while its outcome is unknown: the next tap after a crash or a
  // lost answer is the same request, so the server finishes that undo instead of refusing it.
  const undoing = useWrite(api.checkin.undo, { report: false });

  const undo = async (reason: string): Promise<boolean> => {
    if (!result || result.result !== 'success' || !result.scanId) return false;
    const { scanId } = result;
    try {
      const done = await undoing.run({ scanId, reason });
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

  return {
    result,
    busy: scanning.busy || redeeming.busy,
    scan: (input: Parameters<typeof api.checkin.scan>[0]) => show(() => scanning.run(input)),
    redeem: (input: Parameters<typeof api.checkin.redeemManual>[0]) => show(() => redeeming.run(input)),
    undo,
    clear: () => setResult(null),
  };
}
