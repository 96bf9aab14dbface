/**
 * Who may claim, and why not, in the words the worker sees. The same check answers getCampaign
 * (shown before the button) and refuses claim / onSpotClaim.
 */
import type { Eligibility } from '../../../types/api/gift';
import { ERROR_MESSAGES } from '../../../types/envelope';
import type { UserDoc } from '../../lib/context';
import { formatShanghai } from '../../lib/clock';
import { fail } from '../../lib/errors';
import { isProfileComplete } from '../member/model';
import { groupsText, type CampaignDoc } from './model';

/** The campaign's side: window and pause, whoever asks. */
export function campaignOpen(c: CampaignDoc, now: number): Eligibility {
  if (now < c.startAt) {
    return {
      eligible: false,
      code: 'NOT_IN_WINDOW',
      reason: `不在领取时段：${formatShanghai(c.startAt)} 开始领取，请到时再来`,
    };
  }
  if (now >= c.endAt) {
    return {
      eligible: false,
      code: 'NOT_IN_WINDOW',
      reason: `不在领取时段：本次活动已于 ${formatShanghai(c.endAt)} 结束`,
    };
  }
  if (c.paused) return { eligible: false, code: 'CAMPAIGN_PAUSED', reason: ERROR_MESSAGES.CAMPAIGN_PAUSED };
  return { eligible: true };
}

/** The person's side: profile, membership, group. */
export function personEligible(c: CampaignDoc, user: UserDoc | null): Eligibility {
  if (!user || !isProfileComplete(user.profile)) {
    return {
      eligible: false,
      code: 'PROFILE_INCOMPLETE',
      reason: '请先完善会员信息（姓名、手机号、单位、从事行业），再来领取',
    };
  }
  if (user.membership?.status !== 'member') {
    return { eligible: false, code: 'NOT_MEMBER', reason: '礼包仅限工会会员领取，请先在“我的”里申请入会' };
  }
  const group = user.profile?.group;
  if (c.groups.length && (!group || !c.groups.includes(group))) {
    const yours = group ? `您登记的行业是“${group}”` : '您没有登记从事行业';
    return {
      eligible: false,
      code: 'NOT_IN_SCOPE',
      reason: `不在本次发放范围：本次发放对象为${groupsText(c.groups)}，${yours}`,
    };
  }
  return { eligible: true };
}

export function eligibility(c: CampaignDoc, user: UserDoc | null, now: number): Eligibility {
  const open = campaignOpen(c, now);
  return open.eligible ? personEligible(c, user) : open;
}

/** Throws the refusal (with the reason as its message) unless the person may claim now. */
export function requireEligible(c: CampaignDoc, user: UserDoc | null, now: number): UserDoc {
  const e = eligibility(c, user, now);
  if (!e.eligible) fail(e.code ?? 'NOT_ELIGIBLE', e.reason);
  return user as UserDoc;
}
