/**
 * Who may enter a trade of a contest.
 *
 * Age rule (documented simplification): 16 ≤ age < 60 on the first contest day, in Asia/Shanghai.
 * 16 is the legal minimum working age. The statutory retirement age depends on sex, job and birth
 * year (60 for men, 50/55 for women, rising gradually since 2025); we do not collect sex, so 60 is
 * used as the one upper bound. A woman already retired is a 退休职工 and is not a union member of an
 * active employer, so the membership rule below covers most of that gap.
 */
import { DEFAULT_ELIGIBILITY } from '../../../types/api/contest';
import { ageOn, shanghaiDate } from '../../lib/clock';
import type { ActionCtx, UserDoc } from '../../lib/context';
import { fail } from '../../lib/errors';
import { isProfileComplete } from '../member/model';
import { TITLES, type ContestDoc, type TradeDoc } from './model';

export interface TitleDoc {
  _id: string;
  openid: string;
  /** The trade the honour was won in, by name (trades repeat across contests and years). */
  trade: string;
  title: string;
  year: number;
}

export const titleId = (tradeName: string, openid: string) => `${tradeName}:${openid}`;

/** Throws the refusal that tells the worker what to do; returns the checked user. */
export async function checkEligible(ctx: ActionCtx, contest: ContestDoc, trade: TradeDoc): Promise<UserDoc> {
  const user = ctx.user;
  const rules = contest.eligibility ?? DEFAULT_ELIGIBILITY;
  if (!user || !isProfileComplete(user.profile)) fail('PROFILE_INCOMPLETE');
  if (rules.membersOnly && user.membership?.status !== 'member') fail('NOT_MEMBER');
  const birthDate = user.profile?.birthDate;
  if (!birthDate) fail('PROFILE_INCOMPLETE', '请先在会员信息中填写出生日期');
  const age = ageOn(birthDate, contest.contestStartsAt);
  if (age < rules.minAge || age >= rules.maxAgeExclusive) {
    fail(
      'NOT_ELIGIBLE',
      `参赛年龄须为${rules.minAge}周岁至${rules.maxAgeExclusive}周岁以下（以比赛日${shanghaiDate(contest.contestStartsAt)}计），您届时${age}周岁`,
      {
        reason: 'age',
        age,
      },
    );
  }
  if (!rules.refuseTitleHolders) return user;
  const held = await ctx.db
    .collection(TITLES)
    .where({ _id: titleId(trade.name, user._id) })
    .limit(1)
    .get();
  const title = held.data[0] as TitleDoc | undefined;
  if (title) {
    fail('NOT_ELIGIBLE', `您已获得「${title.title}」称号，按比赛规则不再参加${trade.name}项目`, { reason: 'title' });
  }
  return user;
}
