import Taro from '@tarojs/taro';
import type { BatchResult, RetirementStatus } from '@contract/api/retirement';
import { ServiceError } from '../../../services/call';
import { api } from '../../../services/api';

export type Role = 'admin' | 'enterprise';

export interface Queue {
  status: RetirementStatus;
  /** More statuses shown in the same tab (a finished-work tab groups them; each card shows its own). */
  also?: RetirementStatus[];
  title: string;
  /** The batch action for this queue, if any (requestId: one per intent, see useWrite). */
  batch?: { label: string; run: (ids: string[], requestId: string) => Promise<BatchResult> };
}

/** The employer contact has one job: confirm (or return) its own employees' requests. */
export const ENTERPRISE_QUEUES: Queue[] = [
  {
    status: 'submitted',
    title: '待核实',
    batch: {
      label: '核实无误',
      run: (ids, requestId) => api.retirement.verifyEmployment({ ids, decision: 'confirm' }, requestId),
    },
  },
  { status: 'employer_verified', title: '已核实' },
  { status: 'returned', title: '已退回' },
];

export const ADMIN_QUEUES: Queue[] = [
  {
    status: 'submitted',
    title: '待核实',
    batch: {
      label: '代单位核实',
      run: (ids, requestId) => api.retirement.verifyEmployment({ ids, decision: 'confirm' }, requestId),
    },
  },
  {
    status: 'employer_verified',
    title: '待审批',
    batch: { label: '批准', run: (ids, requestId) => api.retirement.approve({ ids }, requestId) },
  },
  {
    status: 'approved',
    title: '待签发',
    batch: { label: '签发证书', run: (ids, requestId) => api.retirement.issue({ ids }, requestId) },
  },
  {
    status: 'issued',
    title: '已签发',
    batch: { label: '纪念牌已备好', run: (ids, requestId) => api.retirement.plaqueReady({ ids }, requestId) },
  },
  { status: 'plaque_pending', title: '待领取' },
  { status: 'returned', title: '已退回' },
  // Nothing left to do on these: one tab, so every tab fits on the screen (each card names its status).
  { status: 'plaque_posted', also: ['collected', 'revoked'], title: '已办结' },
];

/** Tells the reviewer how a batch went, naming what was refused and why. */
export async function reportBatch(label: string, result: BatchResult): Promise<void> {
  const failed = result.results.filter((r) => !r.ok);
  if (!failed.length) {
    void Taro.showToast({ title: `${label}：${result.done}份`, icon: 'success' });
    return;
  }
  await Taro.showModal({
    title: `${label}：成功${result.done}份，${failed.length}份未处理`,
    content: failed.map((f) => f.message).join('\n'),
    showCancel: false,
  });
}

export async function showError(e: unknown): Promise<void> {
  await Taro.showModal({
    title: '未能完成',
    content: e instanceof ServiceError ? e.message : '请稍后再试',
    showCancel: false,
  });
}
