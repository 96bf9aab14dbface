/** A worker's side of a registration: register, resubmit after 退回, cancel. */
import type { Infer } from '../../../types/schema';
import type { Registration, registerInput, registrationInput, resubmitInput } from '../../../types/api/contest';
import { formatShanghai } from '../../lib/clock';
import type { ActionCtx } from '../../lib/context';
import { isDuplicateKeyError } from '../../lib/db';
import { fail } from '../../lib/errors';
import { checkEligible } from './eligibility';
import {
  REGISTRATIONS,
  employerKey,
  registrationId,
  toRegistration,
  type ContestDoc,
  type RegistrationDoc,
} from './model';
import { releaseEmployerPlace, releaseTradePlace, takeEmployerPlace, takeTradePlace } from './places';
import { findRegistration, loadContest, loadOwnRegistration, loadTrade } from './store';

/** Registration, resubmission and cancellation are allowed from opening to the deadline, inclusive. */
export function requireWindow(contest: ContestDoc, now: number): void {
  if (now < contest.registrationOpensAt) fail('NOT_OPEN', `报名将于${formatShanghai(contest.registrationOpensAt)}开始`);
  if (now > contest.registrationClosesAt)
    fail('DEADLINE_PASSED', `报名已于${formatShanghai(contest.registrationClosesAt)}截止`);
}

type Fields = Pick<RegistrationDoc, 'employer' | 'jobTitle' | 'skillLevel' | 'yearsInTrade' | 'phone'>;
const fieldsOf = (i: Fields): Fields => ({
  employer: i.employer,
  jobTitle: i.jobTitle,
  skillLevel: i.skillLevel,
  yearsInTrade: i.yearsInTrade,
  phone: i.phone,
});

export async function register(ctx: ActionCtx, input: Infer<typeof registerInput>): Promise<Registration> {
  const contest = await loadContest(ctx, input.contestId);
  if (!contest.tradeIds.includes(input.tradeId)) fail('NOT_FOUND', '没有找到这个比赛项目');
  const trade = await loadTrade(ctx, input.contestId, input.tradeId);
  requireWindow(contest, ctx.now());
  const user = await checkEligible(ctx, contest, trade);
  const _ = ctx.db.command;
  const col = ctx.db.collection(REGISTRATIONS);
  const id = registrationId(contest._id, trade.tradeId, ctx.openid);
  const key = trade.employerQuota ? employerKey(contest._id, trade.tradeId, input.employer) : undefined;
  const doc: RegistrationDoc = {
    _id: id,
    openid: ctx.openid,
    contestId: contest._id,
    tradeId: trade.tradeId,
    tradeName: trade.name,
    name: user.profile?.name ?? '',
    ...fieldsOf(input),
    ...(key ? { employerKey: key } : {}),
    status: 'submitted',
    submittedAt: ctx.now(),
    attempt: 1,
    requestId: ctx.requestId ?? null,
  };

  // First claim the person's one slot in this trade (the deterministic _id makes a second add fail).
  let reused = false;
  try {
    await col.add({ data: doc });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    // Only a cancelled registration may be taken up again; the conditional update lets one call win.
    const r = await col.where({ _id: id, status: 'cancelled' }).update({
      data: {
        ...fieldsOf(input),
        name: doc.name,
        employerKey: key ?? _.remove(),
        status: 'submitted',
        submittedAt: doc.submittedAt,
        attempt: _.inc(1),
        cancelledAt: _.remove(),
        returnReason: _.remove(),
        requestId: doc.requestId,
      },
    });
    if (r.stats.updated !== 1) {
      // This very request's registration, made by an attempt whose answer was lost: the same one again.
      const own = await ownRegistration(ctx, id);
      if (own) return toRegistration(own, contest);
      fail('ALREADY_REGISTERED');
    }
    reused = true;
  }

  // Then the place: trade quota, then the employer's share; give back what was taken on refusal.
  try {
    await takeTradePlace(ctx, trade);
    try {
      await takeEmployerPlace(ctx, trade, key ?? '');
    } catch (e) {
      await releaseTradePlace(ctx, trade._id);
      throw e;
    }
  } catch (e) {
    if (reused)
      await col
        .where({ _id: id, status: 'submitted' })
        .update({ data: { status: 'cancelled', cancelledAt: ctx.now() } });
    else await col.doc(id).remove();
    throw e;
  }
  const saved = (await findRegistration(ctx, id)) ?? doc;
  return toRegistration(saved, contest);
}

/**
 * The registration this request made, when a retry finds it (the router runs a request's attempts one
 * at a time, and re-runs one whose answer was lost). An attempt that failed gave its slot and place
 * back before answering (above), so one found live holds its place. Not reconciled here: a process
 * killed outright between the insert and taking the place (no ledger of places per registration).
 */
async function ownRegistration(ctx: ActionCtx, id: string): Promise<RegistrationDoc | null> {
  if (!ctx.requestId) return null;
  const found = await findRegistration(ctx, id);
  return found && found.requestId === ctx.requestId && found.status !== 'cancelled' ? found : null;
}

export async function resubmit(ctx: ActionCtx, input: Infer<typeof resubmitInput>): Promise<Registration> {
  const reg = await loadOwnRegistration(ctx, input.registrationId);
  const contest = await loadContest(ctx, reg.contestId);
  if (reg.status !== 'returned') fail('INVALID_STATE', '只有被退回的报名可以修改后重新提交');
  requireWindow(contest, ctx.now());
  const trade = await loadTrade(ctx, reg.contestId, reg.tradeId);
  const _ = ctx.db.command;
  // A changed employer moves the person's place to the new employer's share (taken first, so a
  // full share refuses before anything changes).
  const newKey = trade.employerQuota ? employerKey(reg.contestId, reg.tradeId, input.employer) : undefined;
  const moving = !!newKey && newKey !== reg.employerKey;
  if (moving) await takeEmployerPlace(ctx, trade, newKey);
  const r = await ctx.db
    .collection(REGISTRATIONS)
    .where({ _id: reg._id, status: 'returned' })
    .update({
      data: {
        ...fieldsOf(input),
        employerKey: newKey ?? _.remove(),
        status: 'submitted',
        submittedAt: ctx.now(),
        attempt: _.inc(1),
        returnReason: _.remove(),
      },
    });
  if (r.stats.updated !== 1) {
    if (moving) await releaseEmployerPlace(ctx, newKey);
    fail('INVALID_STATE');
  }
  if (moving) await releaseEmployerPlace(ctx, reg.employerKey);
  const saved = (await findRegistration(ctx, reg._id)) as RegistrationDoc;
  return toRegistration(saved, contest);
}

const CANCELLABLE = ['submitted', 'approved', 'returned'] as const;

export async function cancel(ctx: ActionCtx, input: Infer<typeof registrationInput>): Promise<Registration> {
  const reg = await loadOwnRegistration(ctx, input.registrationId);
  const contest = await loadContest(ctx, reg.contestId);
  if (ctx.now() > contest.registrationClosesAt) fail('DEADLINE_PASSED', '报名截止后不能取消，如不能参赛请联系区总工会');
  const _ = ctx.db.command;
  const r = await ctx.db
    .collection(REGISTRATIONS)
    .where({ _id: reg._id, status: _.in([...CANCELLABLE]) })
    .update({ data: { status: 'cancelled', cancelledAt: ctx.now() } });
  if (r.stats.updated !== 1) fail('INVALID_STATE', '这条报名已取消或不能取消');
  // Only the call that moved the status gives the place back, so a double cancel frees it once.
  await releaseTradePlace(ctx, `${reg.contestId}:${reg.tradeId}`);
  await releaseEmployerPlace(ctx, reg.employerKey);
  const saved = (await findRegistration(ctx, reg._id)) as RegistrationDoc;
  return toRegistration(saved, contest);
}
