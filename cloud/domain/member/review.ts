/**
 * The admin's 入会 queue: list (phones masked) and review. Approval issues the next member number
 * from the `counters/memberNo` document inside one transaction with the application and the user
 * record, so 20 concurrent approvals get 20 distinct, sequential numbers and nothing half-done.
 */
import type { Infer } from '../../../types/schema';
import type { Page } from '../../../types/api/common';
import type { listApplicationsInput, MembershipApplication, reviewApplicationInput } from '../../../types/api/member';
import { audit } from '../../lib/audit';
import type { ActionCtx } from '../../lib/context';
import { readOrNull } from '../../lib/db';
import { fail } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { ensureDoc, transact } from '../../lib/transact';
import { changedByThisRequest, marked } from '../../lib/resume';
import {
  APPLICATIONS,
  COUNTERS,
  MEMBER_NO_COUNTER,
  formatMemberNo,
  toApplicationView,
  type ApplicationDoc,
} from './model';

const MINE_PAGE = '/pages/mine/index';

export async function listApplications(
  ctx: ActionCtx,
  input: Infer<typeof listApplicationsInput>,
): Promise<Page<MembershipApplication>> {
  const where = input.status ? { status: input.status } : {};
  const apps = ctx.db.collection(APPLICATIONS);
  // Oldest first: a queue is worked from the front.
  const [page, count] = await Promise.all([
    apps
      .where(where)
      .orderBy('submittedAt', 'asc')
      .skip(input.offset ?? 0)
      .limit(input.limit ?? 20)
      .get(),
    apps.where(where).count(),
  ]);
  return { items: (page.data as ApplicationDoc[]).map(toApplicationView), total: count.total };
}

async function approve(ctx: ActionCtx, id: string): Promise<ApplicationDoc> {
  const now = ctx.now();
  const _ = ctx.db.command;
  // The counter exists before the transaction reads it (a missing one would fail the read there).
  await ensureDoc(ctx.db, COUNTERS, MEMBER_NO_COUNTER, { value: 0 });
  return transact(ctx.db, async (tx) => {
    const appRef = tx.collection(APPLICATIONS).doc(id);
    const app = await readOrNull<ApplicationDoc>(() => appRef.get());
    if (!app) fail('NOT_FOUND', '没有找到这份入会申请');
    // Approved by this very request before a crash: the number stands, finish the rest.
    if (app.status === 'approved' && changedByThisRequest(ctx, app)) return app;
    if (app.status !== 'pending') fail('INVALID_STATE', '这份申请已经审核过了');
    const counterRef = tx.collection(COUNTERS).doc(MEMBER_NO_COUNTER);
    // Read and increment inside the transaction: serialised, so no two approvals see one value.
    const counter = await readOrNull<{ value: number }>(() => counterRef.get());
    if (!counter) throw new Error(`counter ${MEMBER_NO_COUNTER} vanished`);
    await counterRef.update({ data: { value: _.inc(1) } });
    const seq = counter.value + 1;
    const memberNo = formatMemberNo(seq, now);
    await appRef.update({ data: marked(ctx, { status: 'approved', memberNo, reviewedAt: now, reviewer: ctx.openid }) });
    await tx
      .collection('users')
      .doc(app.openid)
      .update({
        data: {
          roles: _.addToSet('member'),
          membership: _.set({ status: 'member', memberNo, since: now, employer: app.employer, district: app.district }),
          updatedAt: now,
        },
      });
    return { ...app, status: 'approved', memberNo, reviewedAt: now, reviewer: ctx.openid };
  });
}

async function giveBack(ctx: ActionCtx, id: string, reason: string): Promise<ApplicationDoc> {
  const now = ctx.now();
  const _ = ctx.db.command;
  const apps = ctx.db.collection(APPLICATIONS);
  // Conditional: only a pending application can be returned, even with two admins at once.
  const done = await apps
    .where({ _id: id, status: 'pending' })
    .update({ data: marked(ctx, { status: 'returned', returnReason: reason, reviewedAt: now, reviewer: ctx.openid }) });
  const found = (await apps.where({ _id: id }).limit(1).get()).data[0] as ApplicationDoc | undefined;
  if (!found) fail('NOT_FOUND', '没有找到这份入会申请');
  if (done.stats.updated !== 1 && !(found.status === 'returned' && changedByThisRequest(ctx, found)))
    fail('INVALID_STATE', '这份申请已经审核过了');
  await ctx.db
    .collection('users')
    .where({ _id: found.openid, 'membership.status': _.neq('member') })
    .update({ data: { membership: _.set({ status: 'returned', returnReason: reason }), updatedAt: now } });
  return found;
}

export async function reviewApplication(
  ctx: ActionCtx,
  input: Infer<typeof reviewApplicationInput>,
): Promise<MembershipApplication> {
  if (input.decision === 'return' && !input.reason) {
    fail('INVALID_INPUT', '请填写退回原因', { field: 'reason' });
  }
  const app =
    input.decision === 'approve'
      ? await approve(ctx, input.applicationId)
      : await giveBack(ctx, input.applicationId, input.reason!);
  await audit(ctx, {
    event: 'member.reviewApplication',
    target: { kind: 'membershipApplication', id: app._id },
    detail: {
      decision: input.decision,
      applicant: app.openid,
      memberNo: app.memberNo ?? null,
      reason: app.returnReason ?? null,
    },
  });
  await notify(
    ctx,
    input.decision === 'approve'
      ? {
          to: app.openid,
          title: '入会申请已通过',
          body: `欢迎加入工会！您的会员号是 ${app.memberNo}，可在"我的"查看会员码。`,
          page: MINE_PAGE,
          template: 'membershipReview',
          values: { subject: '入会申请', status: '已通过', note: `会员号 ${app.memberNo}` },
        }
      : {
          to: app.openid,
          title: '入会申请被退回',
          body: `退回原因：${app.returnReason}。请修改后重新提交。`,
          page: MINE_PAGE,
          template: 'membershipReview',
          values: { subject: '入会申请', status: '已退回', note: app.returnReason },
        },
  );
  return toApplicationView(app);
}
