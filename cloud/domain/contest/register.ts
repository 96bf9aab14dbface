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
  limitsEmployers,
  registrationId,
  toRegistration,
  type ContestDoc,
  type RegistrationDoc,
  type TradeDoc,
} from './model';
import { cancelRegistration, moveRegistration, placeRegistration } from './places';
import { changedByThisRequest, marked } from '../../lib/resume';
import { findRegistration, loadContest, loadOwnRegistration, loadTrade } from './store';
import { can, REGISTRATION_FLOW } from '../../../types/flows';

/** Registration, resubmission and cancellation are allowed from opening to the deadline, inclusive. */
export function requireWindow(contest: ContestDoc, now: number): void {
  if (contest.status === 'draft') fail('NOT_OPEN', '这场比武尚未发布');
  if (contest.status === 'closed') fail('DEADLINE_PASSED', '这场比武已关闭报名');
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
  const key = limitsEmployers(trade) ? employerKey(contest._id, trade.tradeId, input.employer) : undefined;
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
    placed: false,
  };

  // First claim the person's one slot in this trade (the deterministic _id makes a second add fail).
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
        placed: false,
      },
    });
    if (r.stats.updated !== 1) {
      // This very request's registration, made by an attempt whose answer was lost: the same one
      // again; or one that died before taking its places (still `placed: false`): take them now.
      const own = await ownRegistration(ctx, id);
      if (!own) fail('ALREADY_REGISTERED');
      if (own.placed !== false) return toRegistration(own, contest);
      return toRegistration(await place(ctx, trade, own, 'cancel'), contest);
    }
    return toRegistration(await place(ctx, trade, doc, 'cancel'), contest);
  }
  return toRegistration(await place(ctx, trade, doc, 'remove'), contest);
}

/**
 * Then the places and the registration's placed mark, together (places.ts placeRegistration).
 * Refused (full) or failed: nothing was taken, and the registration gives up its slot (removed when
 * this call inserted it, cancelled when it took up or resumed an existing one).
 */
async function place(
  ctx: ActionCtx,
  trade: TradeDoc,
  reg: RegistrationDoc,
  giveUp: 'remove' | 'cancel',
): Promise<RegistrationDoc> {
  const _ = ctx.db.command;
  const col = ctx.db.collection(REGISTRATIONS);
  const unplaced = { _id: reg._id, requestId: reg.requestId ?? null, placed: false };
  try {
    await placeRegistration(ctx, trade, reg);
  } catch (e) {
    if (giveUp === 'remove') await col.where(unplaced).remove();
    else
      await col
        .where({ ...unplaced, status: _.in([...CANCELLABLE]) })
        .update({ data: { status: 'cancelled', cancelledAt: ctx.now() } });
    throw e;
  }
  return (await findRegistration(ctx, reg._id)) ?? reg;
}

/**
 * The registration this request made, when a retry finds it (the router runs a request's attempts one
 * at a time, and re-runs one whose answer was lost, or whose process died mid-way). An attempt that
 * failed gave its slot and places back before answering (above); one killed outright between the
 * insert and taking its places left it `placed: false`, which the caller completes.
 */
async function ownRegistration(ctx: ActionCtx, id: string): Promise<RegistrationDoc | null> {
  if (!ctx.requestId) return null;
  const found = await findRegistration(ctx, id);
  return found && found.requestId === ctx.requestId && found.status !== 'cancelled' ? found : null;
}

/** Matches a registration that holds its places (`placed` missing counts), or one that does not yet. */
const placedIs = (ctx: ActionCtx, reg: RegistrationDoc) => (reg.placed === false ? false : ctx.db.command.neq(false));

export async function resubmit(ctx: ActionCtx, input: Infer<typeof resubmitInput>): Promise<Registration> {
  const reg = await loadOwnRegistration(ctx, input.registrationId);
  const contest = await loadContest(ctx, reg.contestId);
  // Resubmitted by this very request before a crash: the same answer again.
  if (reg.status !== 'returned' && changedByThisRequest(ctx, reg)) return toRegistration(reg, contest);
  if (!can(REGISTRATION_FLOW.resubmit, reg.status)) fail('INVALID_STATE', '只有被退回的报名可以修改后重新提交');
  requireWindow(contest, ctx.now());
  const trade = await loadTrade(ctx, reg.contestId, reg.tradeId);
  const _ = ctx.db.command;
  const newKey = limitsEmployers(trade) ? employerKey(reg.contestId, reg.tradeId, input.employer) : undefined;
  const data = marked(ctx, {
    ...fieldsOf(input),
    employerKey: newKey ?? _.remove(),
    status: 'submitted',
    submittedAt: ctx.now(),
    attempt: _.inc(1),
    returnReason: _.remove(),
  });
  // A changed employer moves the person's place to the new employer's share (a full share refuses
  // before anything changes). One whose register died before taking its places holds none to
  // move: the retry places it under the employer it names by then.
  if (newKey && newKey !== reg.employerKey && reg.placed !== false) {
    await moveRegistration(ctx, trade, reg, newKey, data);
  } else {
    const r = await ctx.db
      .collection(REGISTRATIONS)
      .where({ _id: reg._id, status: 'returned', placed: placedIs(ctx, reg) })
      .update({ data });
    if (r.stats.updated !== 1) fail('INVALID_STATE');
  }
  const saved = (await findRegistration(ctx, reg._id)) as RegistrationDoc;
  return toRegistration(saved, contest);
}

const CANCELLABLE = REGISTRATION_FLOW.cancel.from;

export async function cancel(ctx: ActionCtx, input: Infer<typeof registrationInput>): Promise<Registration> {
  const reg = await loadOwnRegistration(ctx, input.registrationId);
  const contest = await loadContest(ctx, reg.contestId);
  // Cancelled by this very request before a crash: its places went back in the same transaction.
  if (reg.status === 'cancelled' && changedByThisRequest(ctx, reg)) return toRegistration(reg, contest);
  if (ctx.now() > contest.registrationClosesAt) fail('DEADLINE_PASSED', '报名截止后不能取消，如不能参赛请联系区总工会');
  // Only the call that moves the status gives the places back, so a double cancel frees them once.
  const data = marked(ctx, { status: 'cancelled', cancelledAt: ctx.now() });
  if (!(await cancelRegistration(ctx, reg._id, CANCELLABLE, data))) fail('INVALID_STATE', '这条报名已取消或不能取消');
  const saved = (await findRegistration(ctx, reg._id)) as RegistrationDoc;
  return toRegistration(saved, contest);
}
