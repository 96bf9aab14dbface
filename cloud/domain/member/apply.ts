/**
 * 网上入会: a worker with a complete profile applies; the application waits in the admin queue.
 * One application document per person (deterministic `_id`), so retries and double taps can never
 * queue two; after a return the same document goes back to pending (reapplication).
 */
import type { Infer } from '../../../types/schema';
import type { applyMembershipInput, MembershipApplication } from '../../../types/api/member';
import type { ActionCtx } from '../../lib/context';
import { isDuplicateKeyError } from '../../lib/db';
import { changedByThisRequest, marked } from '../../lib/resume';
import { fail } from '../../lib/errors';
import { APPLICATIONS, applicationId, isProfileComplete, toApplicationView, type ApplicationDoc } from './model';

type ApplyInput = Infer<typeof applyMembershipInput>;

async function findApplication(ctx: ActionCtx, id: string): Promise<ApplicationDoc | null> {
  const found = await ctx.db.collection(APPLICATIONS).where({ _id: id }).limit(1).get();
  return (found.data[0] as ApplicationDoc | undefined) ?? null;
}

export async function applyMembership(ctx: ActionCtx, input: ApplyInput): Promise<MembershipApplication> {
  const user = ctx.user;
  if (!user || !isProfileComplete(user.profile)) fail('PROFILE_INCOMPLETE');
  if (user.membership.status === 'member') fail('ALREADY_MEMBER');
  const p = user.profile!;
  const id = applicationId(ctx.openid);
  const now = ctx.now();
  const snapshot = {
    name: p.name,
    phone: p.phone,
    employer: p.employer,
    district: p.district,
    category: p.category,
    ...(p.group ? { group: p.group } : {}),
    ...(p.platform ? { platform: p.platform } : {}),
    ...(input.note ? { note: input.note } : {}),
  };
  const apps = ctx.db.collection(APPLICATIONS);
  const _ = ctx.db.command;
  try {
    await apps.add({
      data: marked(ctx, { _id: id, openid: ctx.openid, ...snapshot, status: 'pending', submittedAt: now, attempt: 1 }),
    });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    // Reapplication: only a returned application may go back to the queue (conditional, atomic).
    const reopened = await apps.where({ _id: id, status: 'returned' }).update({
      data: marked(ctx, {
        ...snapshot,
        note: input.note ?? _.remove(),
        group: p.group ?? _.remove(),
        platform: p.platform ?? _.remove(),
        status: 'pending',
        submittedAt: now,
        attempt: _.inc(1),
        returnReason: _.remove(),
        reviewedAt: _.remove(),
        reviewer: _.remove(),
      }),
    });
    if (reopened.stats.updated !== 1) {
      const existing = await findApplication(ctx, id);
      // Filed (or reopened) by this very request before a crash: carry on to the user record.
      if (!(existing?.status === 'pending' && changedByThisRequest(ctx, existing)))
        fail(existing?.status === 'approved' ? 'ALREADY_MEMBER' : 'ALREADY_APPLIED');
    }
  }
  // Mirror on the user record for getMe; never downgrade a member (approval may have raced).
  await ctx.db
    .collection('users')
    .where({ _id: ctx.openid, 'membership.status': _.neq('member') })
    .update({ data: { membership: _.set({ status: 'pending' }), updatedAt: now } });
  const saved = await findApplication(ctx, id);
  return toApplicationView(saved!);
}

export async function myApplication(ctx: ActionCtx): Promise<MembershipApplication | null> {
  const doc = await findApplication(ctx, applicationId(ctx.openid));
  return doc ? toApplicationView(doc) : null;
}
