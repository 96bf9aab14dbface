/**
 * The contest ticket as a kind of the staff scanner: check-in at the venue of that contest, only
 * for approved registrations, only on the contest days (Asia/Shanghai). Single-use by one
 * conditional update on `status: 'approved'` (see cloud/domain/checkin/kinds.ts).
 */
import type { LookupMatch, ScanResult, ScanScope, ScopeCount } from '../../../types/api/checkin';
import { REGISTRATION_STATUS_TEXT } from '../../../types/api/contest';
import { formatShanghai, startOfShanghaiDay } from '../../lib/clock';
import type { ActionCtx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { maskName, maskPhone, phoneTail } from '../../lib/mask';
import type { ScanKindHandler, ScanStamp } from '../../lib/scan';
import { REGISTRATIONS, type ContestDoc, type RegistrationDoc } from './model';
import { findRegistration, loadContest, tradesOf } from './store';
import { REGISTRATION_FLOW } from '../../../types/flows';

const DAY_MS = 24 * 60 * 60 * 1000;
const ARRIVED = ['checked_in', 'result_published', 'awarded'];

function used(reg: RegistrationDoc): ScanResult {
  const first = reg.checkedIn as ScanStamp;
  return {
    result: 'used',
    kind: 'contest',
    title: '已签到过',
    personName: maskName(reg.name),
    firstAt: first.at,
    firstPlace: first.placeName,
    firstStaff: first.staffName,
  };
}

/** Check-in opens at 00:00 of the first contest day and closes at 24:00 of the last (Shanghai). */
function requireContestDay(contest: ContestDoc, now: number): void {
  const opens = startOfShanghaiDay(contest.contestStartsAt);
  const closes = startOfShanghaiDay(contest.contestEndsAt) + DAY_MS;
  if (now < opens) fail('NOT_OPEN', `比赛当天才能签到，签到从${formatShanghai(opens)}开始`);
  if (now >= closes) fail('NOT_OPEN', '比赛已结束，不能再签到');
}

async function redeem(ctx: ActionCtx, subjectId: string, scope: ScanScope, stamp: ScanStamp): Promise<ScanResult> {
  const reg = await findRegistration(ctx, subjectId);
  if (!reg) fail('NOT_FOUND');
  if (scope.kind !== 'contest' || scope.id !== reg.contestId)
    fail('WRONG_SCOPE', '这是其他比武的入场码，请核对比赛场地');
  if (reg.checkedIn) return used(reg);
  const contest = await loadContest(ctx, reg.contestId);
  requireContestDay(contest, ctx.now());
  const _ = ctx.db.command;
  const r = await ctx.db
    .collection(REGISTRATIONS)
    .where({ _id: reg._id, contestId: scope.id, status: _.in([...REGISTRATION_FLOW.checkIn.from]) })
    .update({ data: { status: REGISTRATION_FLOW.checkIn.to, checkedIn: _.set({ ...stamp }) } });
  if (r.stats.updated === 1) {
    return {
      result: 'success',
      kind: 'contest',
      title: '签到成功',
      personName: maskName(reg.name),
      detail: `${reg.tradeName} · ${reg.employer}`,
    };
  }
  const now = await findRegistration(ctx, reg._id);
  if (now?.checkedIn) return used(now);
  fail('INVALID_STATE', `报名状态为「${REGISTRATION_STATUS_TEXT[(now ?? reg).status]}」，审核通过的报名才能签到`);
}

async function undo(ctx: ActionCtx, subjectId: string, scan: ScanStamp): Promise<void> {
  const _ = ctx.db.command;
  // Only the stamp this scan wrote is reverted; a later state (results) is left alone.
  await ctx.db
    .collection(REGISTRATIONS)
    .where({ _id: subjectId, status: 'checked_in', 'checkedIn.scanId': scan.scanId })
    .update({ data: { status: 'approved', checkedIn: _.remove() } });
}

async function lookup(
  ctx: ActionCtx,
  scope: ScanScope,
  query: { name: string; phoneTail: string },
): Promise<LookupMatch[]> {
  if (scope.kind !== 'contest') return [];
  const _ = ctx.db.command;
  const found = await ctx.db
    .collection(REGISTRATIONS)
    .where({ contestId: scope.id, name: query.name, status: _.in(['approved', ...ARRIVED]) })
    .limit(50)
    .get();
  return (found.data as RegistrationDoc[])
    .filter((r) => phoneTail(r.phone) === query.phoneTail)
    .map((r) => ({
      kind: 'contest',
      subjectId: r._id,
      personName: maskName(r.name),
      phone: maskPhone(r.phone),
      summary: `${r.tradeName} · ${REGISTRATION_STATUS_TEXT[r.status]}`,
    }));
}

/** 已签到 / 应到 per trade (应到 = approved, whether arrived yet or not). */
async function counts(ctx: ActionCtx, scope: ScanScope): Promise<ScopeCount[]> {
  if (scope.kind !== 'contest') return [];
  const contest = await loadContest(ctx, scope.id);
  const trades = await tradesOf(ctx, contest._id);
  const _ = ctx.db.command;
  const col = ctx.db.collection(REGISTRATIONS);
  const out: ScopeCount[] = [];
  for (const id of contest.tradeIds) {
    const trade = trades.find((t) => t.tradeId === id);
    if (!trade) continue;
    const done = (await col.where({ contestId: contest._id, tradeId: id, status: _.in(ARRIVED) }).count()).total;
    const waiting = (await col.where({ contestId: contest._id, tradeId: id, status: 'approved' }).count()).total;
    out.push({ label: trade.name, done, total: done + waiting });
  }
  return out;
}

export const contestScan: ScanKindHandler = { kind: 'contest', redeem, undo, lookup, counts };
