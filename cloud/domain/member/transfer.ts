/**
 * 转会: a member moving to a new employer takes their membership along. The profile and the
 * membership change together, and a `membershipTransfers` record plus an audit entry keep history.
 */
import type { Infer } from '../../../types/schema';
import type { MyProfile, transferInput } from '../../../types/api/member';
import { audit } from '../../lib/audit';
import type { ActionCtx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { transact } from '../../lib/transact';
import { changedByThisRequest, marked } from '../../lib/resume';
import { toMyProfile, readUser } from './profile';
import { TRANSFERS } from './model';

export async function transferMembership(ctx: ActionCtx, input: Infer<typeof transferInput>): Promise<MyProfile> {
  const user = ctx.user;
  if (!user || user.membership.status !== 'member' || !user.membership.memberNo || !user.profile) fail('NOT_MEMBER');
  const now = ctx.now();
  const memberNo = user.membership.memberNo;
  // Moved by this very request before a crash: the move stands; what followed it is written below.
  const resumed = changedByThisRequest(ctx, user);
  const from = resumed
    ? ((user as unknown as { transferredFrom?: { employer: string; district: string } }).transferredFrom ?? {
        employer: user.profile.employer,
        district: user.profile.district,
      })
    : { employer: user.profile.employer, district: user.profile.district };
  if (!resumed) await move(ctx, input, from, memberNo, now);
  await audit(ctx, {
    event: 'member.transferMembership',
    target: { kind: 'member', id: memberNo },
    detail: { from, to: { employer: input.newEmployer, district: input.district }, reason: input.reason ?? null },
  });
  return toMyProfile(ctx, await readUser(ctx));
}

async function move(
  ctx: ActionCtx,
  input: Infer<typeof transferInput>,
  from: { employer: string; district: string },
  memberNo: string,
  now: number,
): Promise<void> {
  if (from.employer === input.newEmployer && from.district === input.district) {
    fail('INVALID_STATE', '新单位与现在的单位相同，无需转会', { field: 'newEmployer' });
  }
  await transact(ctx.db, async (tx) => {
    await tx
      .collection('users')
      .doc(ctx.openid)
      .update({
        data: marked(ctx, {
          profile: { employer: input.newEmployer, district: input.district },
          membership: { employer: input.newEmployer, district: input.district },
          transferredFrom: from,
          updatedAt: now,
        }),
      });
    await tx.collection(TRANSFERS).add({
      data: {
        openid: ctx.openid,
        memberNo,
        fromEmployer: from.employer,
        fromDistrict: from.district,
        toEmployer: input.newEmployer,
        toDistrict: input.district,
        reason: input.reason ?? null,
        at: now,
      },
    });
  });
}
