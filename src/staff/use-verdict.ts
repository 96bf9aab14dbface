import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { RecentScan, ScanResult } from '@contract/api/checkin';
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
  /** The verdict was reopened from the recent list to undo it. */
  const [reopened, setReopened] = useState(false);
  // Each scan (this code in this scope) and each manual redemption is one intent: a retry after a
  // lost answer replays it, a double tap makes one call.
  const scanning = useWrite(api.checkin.scan, { report: false });
  const redeeming = useWrite(api.checkin.redeemManual, { report: false });

  const show = async (send: () => Promise<ScanResult | undefined>) => {
    try {
      const r = await send();
      if (!r) return; // a second tap while the first runs: the first one answers
      setReopened(false);
      setResult(r);
      if (r.result !== 'success') buzz();
    } catch (e) {
      const message = e instanceof Error ? e.message : '请稍后再试';
      setReopened(false);
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
      setReopened(false);
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
    setReopened(true);
    setResult({
      result: 'success',
      kind: scan.kind,
      title: scan.title,
      personName: scan.personName,
      scanId: scan.scanId,
      undoUntil: scan.undoUntil,
    });
  };

  return {
    result,
    /** True while the verdict on screen was reopened from the recent list. */
    undoing: reopened,
    reopen,
    busy: scanning.busy || redeeming.busy,
    scan: (input: Parameters<typeof api.checkin.scan>[0]) => show(() => scanning.run(input)),
    redeem: (input: Parameters<typeof api.checkin.redeemManual>[0]) => show(() => redeeming.run(input)),
    undo,
    clear: () => {
      setReopened(false);
      setResult(null);
    },
  };
}
