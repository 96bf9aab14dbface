import { contract, returns, type ActionsOf } from '../contract';
import { s } from '../schema';
import type { ErrorCode } from '../envelope';
import { emptyInput, type Role } from './common';

/** Where a staff member is working: a 驿站, a contest venue, or a course session. */
export interface ScanScope {
  kind: 'station' | 'contest' | 'session';
  id: string;
}

export const scanScopeSchema = s.object({
  kind: s.oneOf(['station', 'contest', 'session'] as const, { label: '工作场景' }),
  id: s.id({ label: '场景编号' }),
});

export type CodeKind = 'member' | 'contest' | 'session' | 'certificate' | 'voucher';

/** Green: done. Red: already used (who, when, where). Amber: refused (why, in plain words). */
export type ScanResult =
  | {
      result: 'success';
      kind: CodeKind;
      /** What was done, e.g. 签到成功, 礼包已核销, 会员有效. */
      title: string;
      /** Masked: 张*. */
      personName: string;
      detail?: string;
      scanId?: string;
      /** Undo allowed until (epoch ms), when the scan changed something. */
      undoUntil?: number;
    }
  | {
      result: 'used';
      kind: CodeKind;
      title: string;
      personName: string;
      firstAt: number;
      firstPlace: string;
      firstStaff: string;
    }
  | {
      result: 'refused';
      kind?: CodeKind;
      code: ErrorCode;
      title: string;
      message: string;
    };

export interface LookupMatch {
  kind: CodeKind;
  subjectId: string;
  personName: string;
  phone: string;
  /** e.g. 数控铣工 · 已审核, or 礼包 · 待核销 */
  summary: string;
}

export interface ScopeCount {
  label: string;
  done: number;
  total: number;
}

export interface RecentScan {
  scanId: string;
  at: number;
  /** Absent when the code could not be read at all (forged, altered). */
  kind?: CodeKind;
  result: ScanResult['result'];
  title: string;
  personName: string;
  undone: boolean;
  undoUntil?: number;
}

export const scanInput = s.object({
  code: s.string({ label: '二维码内容', min: 1, max: 500, raw: true }),
  scope: scanScopeSchema,
});
export const manualInput = s.object({
  kind: s.oneOf(['member', 'contest', 'session', 'certificate', 'voucher'] as const, { label: '类别' }),
  subjectId: s.id({ label: '记录编号' }),
  scope: scanScopeSchema,
});
export const undoInput = s.object({
  scanId: s.id({ label: '扫码记录' }),
  reason: s.string({ label: '撤销原因', min: 2, max: 100 }),
});
export const lookupInput = s.object({
  scope: scanScopeSchema,
  name: s.string({ label: '姓名', min: 1, max: 20 }),
  phoneTail: s.string({ label: '手机尾号', min: 1, max: 4, pattern: /^\d{4}$/, patternMessage: '请输入手机号后4位' }),
});
export const scopeInput = s.object({ scope: scanScopeSchema });

export interface MyScope extends ScanScope {
  name: string;
}

/** Who scans: staff and teachers in their scopes, admins, and the gifts admin for vouchers at any 驿站. */
const SCANNERS: Role[] = ['staff', 'teacher', 'admin', 'admin:gifts'];

export const checkinContract = /* @__PURE__ */ contract({
  myScopes: { input: emptyInput, output: returns<MyScope[]>, access: SCANNERS },
  scan: { input: scanInput, output: returns<ScanResult>, access: SCANNERS, writes: true },
  redeemManual: { input: manualInput, output: returns<ScanResult>, access: SCANNERS, writes: true },
  undo: { input: undoInput, output: returns<{ undone: true }>, access: SCANNERS, writes: true },
  lookup: { input: lookupInput, output: returns<LookupMatch[]>, access: SCANNERS },
  counts: { input: scopeInput, output: returns<ScopeCount[]>, access: SCANNERS },
  recent: { input: scopeInput, output: returns<RecentScan[]>, access: SCANNERS },
});
export type CheckinActions = ActionsOf<typeof checkinContract>;
