/** The union admin's side: the review queue, approve / return (in batches), publishing results. */
import type { Infer } from '../../../types/schema';
import type { Page } from '../../../types/api/common';
import type {
  Registration,
  ReviewOutcome,
  publishResultsInput,
  reviewInput,
  reviewQueueInput,
} from '../../../types/api/contest';
import { audit } from '../../lib/audit';
import { shanghaiDate } from '../../lib/clock';
import type { ActionCtx } from '../../lib/context';
import { isDuplicateKeyError } from '../../lib/db';
import { changedByThisRequest, marked } from '../../lib/resume';
import { fail } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { titleId } from './eligibility';
import { REGISTRATIONS, TITLES, TRADES, toRegistration, type RegistrationDoc } from './model';
import { findRegistration, loadContest, loadTrade } from './store';
import { REGISTRATION_FLOW } from '../../../types/flows';

const MINE_PAGE = '/contest/pages/mine/index';

export async function reviewQueue(ctx: ActionCtx, input: Infer<typeof reviewQueueInput>): Promise<Page<Registration>> {
  const contest = await loadContest(ctx, input.contestId);
  const _ = ctx.db.command;
  const where: Record<string, unknown> = { contestId: contest._id, status: input.status ?? _.neq('cancelled') };
  if (input.tradeId) where.tradeId = input.tradeId;
  const query = ctx.db.collection(REGISTRATIONS).where(where);
  const { total } = await query.count();
  const found = await ctx.db
    .collection(REGISTRATIONS)
    .where(where)
    .orderBy('submittedAt', 'asc')
    .skip(input.offset ?? 0)
    .limit(Math.min(input.limit ?? 50, 100))
    .get();
  return { items: (found.data as RegistrationDoc[]).map((r) => toRegistration(r, contest)), total };
}

export async function review(ctx: ActionCtx, input: Infer<typeof reviewInput>): Promise<ReviewOutcome[]> {
  if (input.decision === 'return' && !input.reason)
    fail('INVALID_INPUT', '退回原因：请写明退回原因，方便职工修改', { field: 'reason' });
  const _ = ctx.db.command;
  const outcomes: ReviewOutcome[] = [];
  for (const id of [...new Set(input.registrationIds)]) {
    const reg = await findRegistration(ctx, id);
    if (!reg) {
      outcomes.push({ registrationId: id, ok: false, code: 'NOT_FOUND' });
      continue;
    }
    const approve = input.decision === 'approve';
    // Conditional on the state the decision applies to, so a cancel racing the review wins cleanly.
    const r = await ctx.db
      .collection(REGISTRATIONS)
      .where({ _id: id, status: _.in([...(approve ? REGISTRATION_FLOW.approve : REGISTRATION_FLOW.return).from]) })
      .update({
        data: marked(
          ctx,
          approve
            ? { status: 'approved', reviewedAt: ctx.now(), reviewer: ctx.openid }
            : { status: 'returned', returnReason: input.reason, reviewedAt: ctx.now(), reviewer: ctx.openid },
        ),
      });
    // Zero also when this very request made the change before a crash: then it carries on.
    if (r.stats.updated !== 1 && !changedByThisRequest(ctx, await findRegistration(ctx, id))) {
      outcomes.push({ registrationId: id, ok: false, code: 'INVALID_STATE', status: reg.status });
      continue;
    }
    const status = approve ? 'approved' : 'returned';
    outcomes.push({ registrationId: id, ok: true, status });
    await audit(ctx, {
      event: `contest.${approve ? 'approve' : 'return'}`,
      target: { kind: 'contestRegistration', id },
      detail: approve ? {} : { reason: input.reason },
    });
    await notify(
      ctx,
      approve
        ? {
            to: reg.openid,
            title: '技能比武报名审核通过',
            body: `您报名的${reg.tradeName}项目已审核通过，比赛当天请出示入场码签到`,
            page: MINE_PAGE,
            template: 'contestReview',
            values: { subject: `技能比武 ${reg.tradeName}`, status: '审核通过', note: '比赛当天请出示入场码签到' },
          }
        : {
            to: reg.openid,
            title: '技能比武报名被退回',
            body: `您报名的${reg.tradeName}项目被退回：${input.reason}。请在报名截止前修改后重新提交`,
            page: MINE_PAGE,
            template: 'contestReview',
            values: { subject: `技能比武 ${reg.tradeName}`, status: '已退回', note: input.reason },
          },
    );
  }
  return outcomes;
}

const RESULT_STATES = REGISTRATION_FLOW.publishResult.from;

/**
 * Publishes (or corrects) a trade's results. Only people who checked in can have a result; every
 * entry is checked before anything is written, so a bad list changes nothing.
 */
export async function publishResults(
  ctx: ActionCtx,
  input: Infer<typeof publishResultsInput>,
): Promise<{ published: number }> {
  const contest = await loadContest(ctx, input.contestId);
  const trade = await loadTrade(ctx, input.contestId, input.tradeId);
  const ids = input.results.map((r) => r.registrationId);
  if (new Set(ids).size !== ids.length) fail('INVALID_INPUT', '成绩：同一人出现了两次', { field: 'results' });
  const regs: RegistrationDoc[] = [];
  for (const entry of input.results) {
    const reg = await findRegistration(ctx, entry.registrationId);
    if (!reg || reg.contestId !== contest._id || reg.tradeId !== trade.tradeId)
      fail('NOT_FOUND', '成绩中有不属于本项目的报名记录', { registrationId: entry.registrationId });
    if (!(RESULT_STATES as readonly string[]).includes(reg.status))
      fail('INVALID_STATE', `${reg.name}未签到参赛，不能登记成绩`, { registrationId: reg._id });
    regs.push(reg);
  }
  const _ = ctx.db.command;
  let published = 0;
  for (const [i, entry] of input.results.entries()) {
    const reg = regs[i];
    const status = entry.award ? 'awarded' : 'result_published';
    const r = await ctx.db
      .collection(REGISTRATIONS)
      .where({ _id: reg._id, status: _.in([...RESULT_STATES]) })
      .update({ data: marked(ctx, { status, rank: entry.rank, award: entry.award ?? _.remove() }) });
    if (r.stats.updated !== 1 && !changedByThisRequest(ctx, await findRegistration(ctx, reg._id))) continue;
    published += 1;
    if (entry.award === '一等奖') await grantTitle(ctx, reg, contest.contestStartsAt);
    await notify(ctx, {
      to: reg.openid,
      title: entry.award ? `恭喜您获得${trade.name}${entry.award}` : '技能比武成绩已公布',
      body: `${contest.title} ${trade.name}项目成绩已公布：第${entry.rank}名${entry.award ? `，${entry.award}` : ''}`,
      page: MINE_PAGE,
      template: 'contestResult',
      values: {
        subject: `${contest.title} ${trade.name}`,
        note: `第${entry.rank}名${entry.award ? `，${entry.award}` : ''}`,
      },
    });
  }
  await ctx.db
    .collection(TRADES)
    .doc(trade._id)
    .update({ data: { resultsPublishedAt: ctx.now() } });
  await audit(ctx, {
    event: 'contest.publishResults',
    target: { kind: 'contestTrade', id: trade._id },
    detail: { results: input.results },
  });
  return { published };
}

/** A first prize makes the winner a 技术能手 of the trade, which bars them from entering it again. */
async function grantTitle(ctx: ActionCtx, reg: RegistrationDoc, contestDay: number): Promise<void> {
  const year = Number(shanghaiDate(contestDay).slice(0, 4));
  try {
    await ctx.db.collection(TITLES).add({
      data: {
        _id: titleId(reg.tradeName, reg.openid),
        openid: reg.openid,
        trade: reg.tradeName,
        title: `${year}年秀洲区${reg.tradeName}技术能手`,
        year,
      },
    });
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
}
