/** Browsing contests and their published results. */
import { readAll } from '../../lib/paging';
import type { Infer } from '../../../types/schema';
import { DEFAULT_ELIGIBILITY } from '../../../types/api/contest';
import type {
  ContestDetail,
  ContestSummary,
  ContestTrade,
  PublishedResult,
  contestInput,
  listContestsInput,
} from '../../../types/api/contest';
import type { ActionCtx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { hasRole } from '../../lib/guard';
import { maskName } from '../../lib/mask';
import {
  CONTESTS,
  REGISTRATIONS,
  TRADES,
  phaseOf,
  statusOf,
  type ContestDoc,
  type RegistrationDoc,
  type TradeDoc,
} from './model';
import { loadContest, tradesOf } from './store';

function toTrade(t: TradeDoc): ContestTrade {
  const trade: ContestTrade = {
    id: t.tradeId,
    name: t.name,
    rules: t.rules,
    quota: t.quota,
    taken: t.taken,
    left: Math.max(0, t.quota - t.taken),
    resultsPublished: !!t.resultsPublishedAt,
  };
  if (t.employerQuota) trade.employerQuota = t.employerQuota;
  if (t.employerPlaces?.length) trade.employerPlaces = t.employerPlaces.map((e) => ({ ...e }));
  return trade;
}

function ordered(contest: ContestDoc, trades: TradeDoc[]): TradeDoc[] {
  return contest.tradeIds.map((id) => trades.find((t) => t.tradeId === id)).filter((t): t is TradeDoc => !!t);
}

function toSummary(c: ContestDoc, trades: TradeDoc[], now: number): ContestSummary {
  return {
    id: c._id,
    title: c.title,
    summary: c.summary,
    phase: phaseOf(c, now),
    venue: c.venue,
    registrationOpensAt: c.registrationOpensAt,
    registrationClosesAt: c.registrationClosesAt,
    contestStartsAt: c.contestStartsAt,
    contestEndsAt: c.contestEndsAt,
    tradeNames: trades.map((t) => t.name),
    placesLeft: trades.reduce((n, t) => n + Math.max(0, t.quota - t.taken), 0),
    resultsPublished: trades.some((t) => !!t.resultsPublishedAt),
  };
}

export async function listContests(ctx: ActionCtx, input: Infer<typeof listContestsInput>): Promise<ContestSummary[]> {
  // Drafts are the admin's alone (adminContests); workers see published and closed ones.
  const contests = (await readAll<ContestDoc>(ctx.db.collection(CONTESTS).orderBy('contestStartsAt', 'desc'))).filter(
    (c) => statusOf(c) !== 'draft',
  );
  if (contests.length === 0) return [];
  const _ = ctx.db.command;
  const trades = await readAll<TradeDoc>(
    ctx.db.collection(TRADES).where({ contestId: _.in(contests.map((c) => c._id)) }),
  );
  const now = ctx.now();
  return contests
    .map((c) =>
      toSummary(
        c,
        ordered(
          c,
          trades.filter((t) => t.contestId === c._id),
        ),
        now,
      ),
    )
    .filter((c) => !input.phase || c.phase === input.phase);
}

export async function getContest(ctx: ActionCtx, input: Infer<typeof contestInput>): Promise<ContestDetail> {
  const contest = await loadContest(ctx, input.contestId);
  if (statusOf(contest) === 'draft' && !hasRole(ctx.user, 'admin')) fail('NOT_FOUND', '没有找到这场比武');
  const trades = ordered(contest, await tradesOf(ctx, contest._id));
  return {
    ...toSummary(contest, trades, ctx.now()),
    venueAddress: contest.venueAddress,
    schedule: contest.schedule,
    rules: contest.rules,
    awards: contest.awards,
    trades: trades.map(toTrade),
    eligibility: contest.eligibility ?? DEFAULT_ELIGIBILITY,
  };
}

/** Published results of every trade that has them; names masked, ordered by trade then rank. */
export async function results(ctx: ActionCtx, input: Infer<typeof contestInput>): Promise<PublishedResult[]> {
  const contest = await loadContest(ctx, input.contestId);
  const _ = ctx.db.command;
  const found = await readAll<RegistrationDoc>(
    ctx.db.collection(REGISTRATIONS).where({ contestId: contest._id, status: _.in(['result_published', 'awarded']) }),
  );
  const order = new Map(contest.tradeIds.map((id, i) => [id, i]));
  return found
    .filter((r) => r.rank !== undefined)
    .sort(
      (a, b) => (order.get(a.tradeId) ?? 0) - (order.get(b.tradeId) ?? 0) || (a.rank as number) - (b.rank as number),
    )
    .map((r) => {
      const row: PublishedResult = {
        tradeId: r.tradeId,
        tradeName: r.tradeName,
        rank: r.rank as number,
        name: maskName(r.name),
        employer: r.employer,
      };
      if (r.award) row.award = r.award;
      return row;
    });
}
