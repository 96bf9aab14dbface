/**
 * 会员核验 for the one staff scanner: a member code (token id = member number) answers green
 * 会员有效 or amber for anyone whose membership is not active. Verifying changes nothing, so there
 * is no 'used' state and no undo; any staff member (of any scope) may verify.
 */
import type { LookupMatch, ScanResult } from '../../../types/api/checkin';
import type { ActionCtx, UserDoc } from '../../lib/context';
import { maskName, maskPhone, phoneTail } from '../../lib/mask';
import type { ScanKindHandler } from '../../lib/scan';

async function findMember(ctx: ActionCtx, memberNo: string): Promise<UserDoc | null> {
  const found = await ctx.db.collection('users').where({ 'membership.memberNo': memberNo }).limit(1).get();
  return (found.data[0] as UserDoc | undefined) ?? null;
}

function refused(message: string): ScanResult {
  return { result: 'refused', kind: 'member', code: 'NOT_MEMBER', title: '非有效会员', message };
}

export const memberScanHandler: ScanKindHandler = {
  kind: 'member',

  async redeem(ctx, memberNo) {
    const user = await findMember(ctx, memberNo);
    if (!user) return refused('没有找到这个会员号，请让对方在"我的"里刷新会员码');
    if (user.membership.status !== 'member') return refused('该会员资格未生效，可引导对方在小程序里申请入会');
    const employer = user.membership.employer ?? user.profile?.employer ?? '';
    return {
      result: 'success',
      kind: 'member',
      title: '会员有效',
      personName: maskName(user.profile?.name),
      detail: employer ? `会员号 ${memberNo} · ${employer}` : `会员号 ${memberNo}`,
    };
  },

  async lookup(ctx, _scope, query): Promise<LookupMatch[]> {
    const found = await ctx.db
      .collection('users')
      .where({ 'profile.name': query.name, 'membership.status': 'member' })
      .limit(50)
      .get();
    return (found.data as UserDoc[])
      .filter((u) => phoneTail(u.profile?.phone) === query.phoneTail && u.membership.memberNo)
      .slice(0, 10)
      .map((u) => ({
        kind: 'member' as const,
        subjectId: u.membership.memberNo!,
        personName: maskName(u.profile?.name),
        phone: maskPhone(u.profile?.phone),
        summary: `会员 · ${u.membership.employer ?? u.profile?.employer ?? ''}`,
      }));
  },
};
