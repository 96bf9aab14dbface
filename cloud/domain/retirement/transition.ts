import type { RetirementStatus } from '../../../types/api/retirement';
import { RETIREMENT_STATUS_LABELS } from '../../../types/api/retirement';
import { audit } from '../../lib/audit';
import type { ActionCtx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { notify, type Notice } from '../../lib/notify';
import { changedByThisRequest, marked } from '../../lib/resume';
import { loadRequest, REQUESTS, type HistoryEntry, type RetirementDoc } from './model';

/**
 * Tells the submitter, best effort: the state change is written and stands whether or not the in-app
 * message (or the subscribe message) could be sent, so a failure here is logged, never answered.
 */
export async function tellRequester(ctx: ActionCtx, notice: Notice): Promise<void> {
  try {
    await notify(ctx, notice);
  } catch (e) {
    console.error('[retirement] notice not recorded:', notice.title, e);
  }
}

/** The status as a subscribe message's `phrase` field takes it: at most five Chinese characters. */
const STATUS_PHRASE: Record<RetirementStatus, string> = {
  submitted: '已提交',
  employer_verified: '单位已核实',
  approved: '已批准',
  returned: '已退回',
  issued: '已签发',
  plaque_pending: '待领取',
  plaque_posted: '已寄出',
  collected: '已领取',
  revoked: '已撤销',
};

/** What the submitter is told at each step, in plain words. */
function noticeBody(doc: RetirementDoc, to: RetirementStatus, note?: string): string {
  const who = doc.name;
  switch (to) {
    case 'employer_verified':
      return `${who}的光荣退休申请已由单位工会核实，等待区总工会审批。`;
    case 'approved':
      return `${who}的光荣退休申请已批准，证书将很快签发。`;
    case 'returned':
      return `${who}的申请被退回：${note ?? ''}。请修改后重新提交，或拨打工会电话咨询。`;
    case 'issued':
      return `${who}的光荣退休纪念证书已签发（${doc.serial ?? ''}），可在小程序中查看并保存。`;
    case 'plaque_pending':
      return `${who}的纪念牌已备好，请到${doc.delivery.stationName ?? '领取地点'}出示证书二维码领取。`;
    case 'plaque_posted':
      return `${who}的纪念牌已寄出：${note ?? ''}。`;
    case 'collected':
      return `${who}的纪念牌已领取。感谢您多年的辛勤付出！`;
    case 'revoked':
      return `${who}的光荣退休证书已撤销：${note ?? ''}。如有疑问请联系区总工会。`;
    default:
      return `${who}的光荣退休申请状态：${RETIREMENT_STATUS_LABELS[to]}。`;
  }
}

export interface TransitionOptions {
  /** A step of RETIREMENT_FLOW (types/flows.ts) gives both. */
  from: readonly RetirementStatus[];
  to: RetirementStatus;
  /** Extra fields written in the same conditional update. */
  patch?: Record<string, unknown>;
  note?: string;
  /** Staff and admin changes go to the audit log; a submitter's own changes need not. */
  audited?: boolean;
}

/**
 * One state change as a single conditional update (`status in from`), so two reviewers acting at
 * once cannot both move the same request: the loser sees INVALID_STATE. Then the audit entry and
 * the submitter's notice (best effort).
 */
export async function transition(ctx: ActionCtx, id: string, opts: TransitionOptions): Promise<RetirementDoc> {
  const _ = ctx.db.command;
  const now = ctx.now();
  const entry: HistoryEntry = { status: opts.to, at: now, by: ctx.openid, ...(opts.note ? { note: opts.note } : {}) };
  const res = await ctx.db
    .collection(REQUESTS)
    .where({ _id: id, status: _.in([...opts.from]) })
    .update({ data: marked(ctx, { ...opts.patch, status: opts.to, updatedAt: now, history: _.push([entry]) }) });
  if (res.stats.updated !== 1) {
    const current = await loadRequest(ctx, id);
    // A retry whose first attempt made this very change (then died) carries on from here.
    if (!(current.status === opts.to && changedByThisRequest(ctx, current)))
      fail('INVALID_STATE', `这份申请现在是「${RETIREMENT_STATUS_LABELS[current.status]}」，不能进行此操作`, {
        status: current.status,
      });
  }
  const doc = await loadRequest(ctx, id);
  if (opts.audited !== false) {
    await audit(ctx, {
      event: `retirement.${ctx.action}`,
      target: { kind: 'retirementRequest', id },
      detail: { to: opts.to, note: opts.note ?? null },
    });
  }
  await tellRequester(ctx, {
    ref: id,
    to: doc.requester.openid,
    title: `光荣退休：${RETIREMENT_STATUS_LABELS[opts.to]}`,
    body: noticeBody(doc, opts.to, opts.note),
    page: '/retirement/pages/mine/index',
    template: 'retirementProgress',
    values: {
      subject: `${doc.name}的光荣退休申请`,
      status: STATUS_PHRASE[opts.to],
      note: noticeBody(doc, opts.to, opts.note),
    },
  });
  return doc;
}
