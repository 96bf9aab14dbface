/**
 * Contest administration (the contests admin, or the super admin): create and edit a contest, its
 * trades and quotas, per-employer places and eligibility; publish, close, copy last year's. An edit
 * that would break existing registrations is refused with the numbers that explain why: a quota
 * below the places taken is refused by one conditional update, so it holds even while people register.
 */
import {
  CONTEST_STATUS_TEXT,
  DEFAULT_ELIGIBILITY,
  type ContestActions,
  type ContestAdminView,
  type TradeAdminView,
} from '../../../types/api/contest';
import { auditOnce } from '../../lib/audit';
import { sortableShanghai, wallTimeMs } from '../../lib/clock';
import type { ActionCtx, Ctx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { idForRequest } from '../../lib/ids';
import { isDuplicateKeyError } from '../../lib/db';
import { changedByThisRequest, marked } from '../../lib/resume';
import {
  CONTESTS,
  EMPLOYER_PLACES,
  REGISTRATIONS,
  TRADES,
  employerKey,
  limitsEmployers,
  normalEmployer,
  phaseOf,
  statusOf,
  tradeKey,
  type ContestDoc,
  type EmployerCounterDoc,
  type EmployerPlaces,
  type TradeDoc,
} from './model';
import { loadContest, loadTrade, tradesOf } from './store';

type In<K extends keyof ContestActions> = ContestActions[K]['input'];

/** Inserts by a request-derived id: false when a retry finds it already made by the crashed try. */
async function addOnce(ctx: Ctx, collection: string, doc: { _id: string }): Promise<boolean> {
  try {
    await ctx.db.collection(collection).add({ data: doc });
    return true;
  } catch (e) {
    if (isDuplicateKeyError(e)) return false;
    throw e;
  }
}

const invalid = (field: string, message: string): never => fail('INVALID_INPUT', message, { field });

function at(field: string, label: string, wall: string): number {
  const ms = wallTimeMs(wall);
  if (!Number.isFinite(ms)) invalid(field, `${label}：不是有效时间`);
  return ms;
}

/** Every per-employer counter of a contest, by id (what each named employer holds). */
async function countersOf(ctx: Ctx, contestId: string): Promise<Map<string, EmployerCounterDoc>> {
  const found = await ctx.db.collection(EMPLOYER_PLACES).where({ contestId }).limit(1000).get();
  return new Map((found.data as EmployerCounterDoc[]).map((d) => [d._id, d]));
}

async function registrationsByTrade(ctx: Ctx, contestId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const found = await ctx.db.collection(REGISTRATIONS).where({ contestId }).field({ tradeId: true }).limit(1000).get();
  for (const r of found.data) counts.set(r.tradeId as string, (counts.get(r.tradeId as string) ?? 0) + 1);
  return counts;
}

export async function adminView(ctx: Ctx, c: ContestDoc): Promise<ContestAdminView> {
  const [trades, regs, counters] = await Promise.all([
    tradesOf(ctx, c._id),
    registrationsByTrade(ctx, c._id),
    countersOf(ctx, c._id),
  ]);
  const ordered = c.tradeIds.map((id) => trades.find((t) => t.tradeId === id)).filter((t): t is TradeDoc => !!t);
  const status = statusOf(c);
  return {
    id: c._id,
    title: c.title,
    summary: c.summary,
    venue: c.venue,
    venueAddress: c.venueAddress,
    status,
    statusText: CONTEST_STATUS_TEXT[status],
    phase: phaseOf(c, ctx.now()),
    registrationOpensAt: c.registrationOpensAt,
    registrationClosesAt: c.registrationClosesAt,
    contestStartsAt: c.contestStartsAt,
    contestEndsAt: c.contestEndsAt,
    registrationOpensText: sortableShanghai(c.registrationOpensAt),
    registrationClosesText: sortableShanghai(c.registrationClosesAt),
    contestStartsText: sortableShanghai(c.contestStartsAt),
    contestEndsText: sortableShanghai(c.contestEndsAt),
    schedule: c.schedule.map((s) => ({ at: s.at, atText: sortableShanghai(s.at), text: s.text })),
    rules: c.rules,
    awards: c.awards,
    eligibility: c.eligibility ?? DEFAULT_ELIGIBILITY,
    trades: ordered.map((t): TradeAdminView => ({
      id: t.tradeId,
      name: t.name,
      rules: t.rules,
      quota: t.quota,
      taken: t.taken,
      left: Math.max(0, t.quota - t.taken),
      ...(t.employerQuota ? { employerQuota: t.employerQuota } : {}),
      ...(t.employerPlaces?.length
        ? {
            employerPlaces: t.employerPlaces.map((e) => ({
              ...e,
              taken: counters.get(employerKey(c._id, t.tradeId, e.employer))?.taken ?? 0,
            })),
          }
        : {}),
      resultsPublished: !!t.resultsPublishedAt,
      registrations: regs.get(t.tradeId) ?? 0,
    })),
    createdAt: c.createdAt,
    ...(c.updatedAt ? { updatedAt: c.updatedAt } : {}),
  };
}

export async function adminContests(ctx: ActionCtx): Promise<ContestAdminView[]> {
  const all = (await ctx.db.collection(CONTESTS).orderBy('createdAt', 'desc').limit(100).get()).data as ContestDoc[];
  return Promise.all(all.map((c) => adminView(ctx, c)));
}

export async function adminContest(ctx: ActionCtx, input: In<'adminContest'>): Promise<ContestAdminView> {
  return adminView(ctx, await loadContest(ctx, input.contestId));
}

export async function saveContest(ctx: ActionCtx, input: In<'saveContest'>): Promise<ContestAdminView> {
  const existing = input.contestId ? await loadContest(ctx, input.contestId) : null;
  const opens = at('registrationOpensAt', '报名开始', input.registrationOpensAt);
  const closes = at('registrationClosesAt', '报名截止', input.registrationClosesAt);
  const starts = at('contestStartsAt', '比赛开始', input.contestStartsAt);
  const ends = at('contestEndsAt', '比赛结束', input.contestEndsAt);
  if (closes <= opens) invalid('registrationClosesAt', '报名截止：应晚于报名开始');
  if (starts < closes) invalid('contestStartsAt', '比赛开始：不能早于报名截止');
  if (ends <= starts) invalid('contestEndsAt', '比赛结束：应晚于比赛开始');
  const schedule = input.schedule
    .map((s, i) => ({ at: at(`schedule.${i}.at`, '日程时间', s.at), text: s.text }))
    .sort((a, b) => a.at - b.at);
  const eligibility = input.eligibility ?? existing?.eligibility ?? DEFAULT_ELIGIBILITY;
  if (eligibility.maxAgeExclusive <= eligibility.minAge) invalid('eligibility', '年龄上限：应大于最小年龄');
  const now = ctx.now();
  if (existing && statusOf(existing) !== 'draft') {
    // People already registered were told this deadline; pulling it before now would cut them off silently.
    const taken = (await tradesOf(ctx, existing._id)).reduce((n, t) => n + t.taken, 0);
    if (taken > 0 && closes < Math.min(existing.registrationClosesAt, now) && closes !== existing.registrationClosesAt)
      fail('INVALID_STATE', `已有${taken}人报名，报名截止时间不能改到现在之前；如需停止报名请使用“关闭报名”`, {
        field: 'registrationClosesAt',
        taken,
      });
    const was = existing.eligibility ?? DEFAULT_ELIGIBILITY;
    const tighter =
      eligibility.minAge > was.minAge ||
      eligibility.maxAgeExclusive < was.maxAgeExclusive ||
      (eligibility.membersOnly && !was.membersOnly) ||
      (eligibility.refuseTitleHolders && !was.refuseTitleHolders);
    if (taken > 0 && tighter)
      fail(
        'INVALID_STATE',
        `已有${taken}人按原条件报名，参赛条件只能放宽不能收紧；如确需调整，请先与已报名选手沟通并退回其报名`,
        {
          field: 'eligibility',
          taken,
        },
      );
    if (taken > 0 && opens > now && existing.registrationOpensAt <= now)
      fail('INVALID_STATE', `已有${taken}人报名，报名开始时间不能改到以后`, { field: 'registrationOpensAt', taken });
  }
  const fields = {
    title: input.title,
    summary: input.summary,
    venue: input.venue,
    venueAddress: input.venueAddress,
    registrationOpensAt: opens,
    registrationClosesAt: closes,
    contestStartsAt: starts,
    contestEndsAt: ends,
    schedule,
    rules: input.rules,
    awards: input.awards,
    eligibility,
    updatedAt: now,
  };
  let doc: ContestDoc;
  if (existing) {
    await ctx.db.collection(CONTESTS).doc(existing._id).update({ data: fields });
    doc = { ...existing, ...fields };
  } else {
    doc = { _id: `contest-${idForRequest(ctx, 5)}`, ...fields, tradeIds: [], createdAt: now, status: 'draft' };
    if (!(await addOnce(ctx, CONTESTS, doc))) doc = await loadContest(ctx, doc._id);
  }
  await auditOnce(ctx, {
    event: existing ? 'contest.updateContest' : 'contest.createContest',
    target: { kind: 'contest', id: doc._id },
    detail: { title: doc.title },
  });
  return adminView(ctx, doc);
}

/** The most places one employer not named (so under the default) holds in this trade: the default's floor. */
async function mostByOneEmployer(ctx: Ctx, trade: TradeDoc, named: Set<string>): Promise<number> {
  const found = await ctx.db
    .collection(EMPLOYER_PLACES)
    .where({ contestId: trade.contestId, tradeId: trade.tradeId })
    .limit(1000)
    .get();
  return (found.data as EmployerCounterDoc[])
    .filter((d) => !named.has(d._id))
    .reduce((m, d) => Math.max(m, Number(d.taken) || 0), 0);
}

/** The named employers, checked: each once (spaces do not make a new employer). */
function namedPlaces(input: In<'saveTrade'>): EmployerPlaces[] {
  const seen = new Set<string>();
  return (input.employerPlaces ?? []).map((e, i) => {
    const employer = e.employer.trim();
    if (seen.has(normalEmployer(employer)))
      invalid(`employerPlaces.${i}.employer`, `单位名额：「${employer}」填写了两次，请合并为一行`);
    seen.add(normalEmployer(employer));
    return { employer, places: e.places };
  });
}

type CapChange = { key: string; employer: string; cap: number | undefined; was: number | undefined };

/**
 * Moves each named employer's counter to its new cap, each by one conditional update (the cap never
 * drops below what the employer holds, even while its workers register); a refusal puts back the
 * caps this call already moved and names the employer and the count.
 */
async function applyCaps(ctx: Ctx, trade: TradeDoc, changes: CapChange[], fallback: number | undefined) {
  const _ = ctx.db.command;
  const done: CapChange[] = [];
  for (const ch of changes) {
    if (ch.cap !== undefined) {
      try {
        await ctx.db.collection(EMPLOYER_PLACES).add({
          data: { _id: ch.key, contestId: trade.contestId, tradeId: trade.tradeId, taken: 0 },
        });
      } catch (e) {
        if (!isDuplicateKeyError(e)) throw e;
      }
    }
    const floor = ch.cap ?? fallback ?? Number.MAX_SAFE_INTEGER;
    const r = await ctx.db
      .collection(EMPLOYER_PLACES)
      .where({ _id: ch.key, taken: _.lte(floor) })
      .update({ data: ch.cap !== undefined ? { cap: ch.cap, employer: ch.employer } : { cap: _.remove() } });
    // Nothing updated: already so (a retry, or no counter to free), or the employer holds more.
    const taken = r.stats.updated === 1 ? 0 : await counterTaken(ctx, ch.key);
    if (taken > floor) {
      await restoreCaps(ctx, done, fallback);
      tooFew(ch, taken, floor);
    }
    done.push(ch);
  }
  return done;
}

/**
 * Puts back the caps a refused edit moved, each only while the employer holds no more than it gives
 * back (a raised cap that workers already used stays raised rather than leave them over it).
 */
async function restoreCaps(ctx: Ctx, done: CapChange[], fallback: number | undefined): Promise<void> {
  const _ = ctx.db.command;
  for (const d of [...done].reverse())
    await ctx.db
      .collection(EMPLOYER_PLACES)
      .where({ _id: d.key, taken: _.lte(d.was ?? fallback ?? Number.MAX_SAFE_INTEGER) })
      .update({ data: d.was !== undefined ? { cap: d.was } : { cap: _.remove() } });
}

async function counterTaken(ctx: Ctx, key: string): Promise<number> {
  const found = (await ctx.db.collection(EMPLOYER_PLACES).where({ _id: key }).limit(1).get()).data[0] as
    EmployerCounterDoc | undefined;
  return found?.taken ?? 0;
}

function tooFew(ch: CapChange, taken: number, places: number): never {
  const { employer } = ch;
  // Dropped from the list, the employer would fall back to the default, which is below what it holds.
  const why = ch.cap === undefined ? `移出单独名额后按每单位${places}个计` : `填的是${places}`;
  fail(
    'INVALID_STATE',
    `${employer}已有${taken}人报名，该单位名额不能少于${taken}（${why}）。如需减少，请先与单位协调退回或取消报名`,
    { field: 'employerPlaces', employer, taken },
  );
}

export async function saveTrade(ctx: ActionCtx, input: In<'saveTrade'>): Promise<ContestAdminView> {
  const contest = await loadContest(ctx, input.contestId);
  if (statusOf(contest) === 'closed') fail('INVALID_STATE', '比武已关闭，不能再修改项目');
  const trades = await tradesOf(ctx, contest._id);
  // A new trade's id comes from the request: a retry after a crash finishes adding the same trade.
  const newTradeId = `t${idForRequest(ctx, 4)}`;
  if (trades.some((t) => t.name === input.name && t.tradeId !== (input.tradeId ?? newTradeId)))
    invalid('name', '项目名称：本场比武已有同名项目');
  const named = namedPlaces(input);
  const _ = ctx.db.command;
  const now = ctx.now();
  if (input.tradeId) {
    const trade = await loadTrade(ctx, contest._id, input.tradeId);
    const keyOf = (employer: string) => employerKey(contest._id, trade.tradeId, employer);
    const namedKeys = new Set(named.map((e) => keyOf(e.employer)));
    const wanted = { employerQuota: input.employerQuota, employerPlaces: named };
    // Registrations made while the trade counted nobody per employer are on no counter: a limit now would not see them.
    if (!limitsEmployers(trade) && limitsEmployers(wanted) && trade.taken > 0)
      fail('INVALID_STATE', `已有${trade.taken}人在不限单位名额时报名，不能再加单位名额；可以调整项目总名额`, {
        field: 'employerQuota',
        taken: trade.taken,
      });
    if (input.employerQuota && input.employerQuota !== trade.employerQuota) {
      const most = await mostByOneEmployer(ctx, trade, namedKeys);
      if (input.employerQuota < most)
        fail('INVALID_STATE', `每单位名额不能少于${most}：已有单位报了${most}人，请先与单位协调`, {
          field: 'employerQuota',
          taken: most,
        });
    }
    if (!limitsEmployers(wanted) && limitsEmployers(trade) && trade.taken > 0)
      fail('INVALID_STATE', `已有${trade.taken}人按单位名额报名，不能取消每单位名额，可改大`, {
        field: 'employerQuota',
      });
    if (trade.taken > input.quota)
      fail(
        'INVALID_STATE',
        `名额不能少于已报名的${trade.taken}人（${trade.name}）。如需减少，请先在审核中退回或由选手取消报名`,
        { field: 'quota', taken: trade.taken },
      );
    const before = new Map((trade.employerPlaces ?? []).map((e) => [keyOf(e.employer), e]));
    const changes: CapChange[] = [
      ...named
        .filter(
          (e) =>
            before.get(keyOf(e.employer))?.places !== e.places ||
            before.get(keyOf(e.employer))?.employer !== e.employer,
        )
        .map((e) => ({
          key: keyOf(e.employer),
          employer: e.employer,
          cap: e.places,
          was: before.get(keyOf(e.employer))?.places,
        })),
      ...[...before]
        .filter(([key]) => !namedKeys.has(key))
        .map(([key, e]) => ({ key, employer: e.employer, cap: undefined, was: e.places })),
    ];
    const moved = await applyCaps(ctx, trade, changes, input.employerQuota);
    // A lower default is checked against the employers' counts read above; a registration meanwhile
    // moves the trade's `taken` in the same transaction as its employer's count, and a resubmit moving
    // a place to another employer counts itself in `moves`, so the save holds only while both are still
    // what the check saw.
    const lowering = !!input.employerQuota && input.employerQuota < (trade.employerQuota ?? Infinity);
    const unmoved = trade.moves === undefined ? _.exists(false) : trade.moves;
    // One conditional update: the quota never drops below the places taken, even mid-registration.
    const r = await ctx.db
      .collection(TRADES)
      .where(
        lowering
          ? { _id: trade._id, taken: trade.taken, moves: unmoved }
          : { _id: trade._id, taken: _.lte(input.quota) },
      )
      .update({
        data: {
          name: input.name,
          rules: input.rules,
          quota: input.quota,
          employerQuota: input.employerQuota ?? _.remove(),
          employerPlaces: named.length ? _.set(named) : _.remove(),
        },
      });
    // Nothing updated is also a save that changes nothing: only more places taken than the quota refuses.
    const after = r.stats.updated === 1 ? null : await loadTrade(ctx, contest._id, input.tradeId);
    const taken = after?.taken ?? 0;
    if (lowering && after && (taken !== trade.taken || after.moves !== trade.moves)) {
      await restoreCaps(ctx, moved, trade.employerQuota);
      fail('BUSY', '刚好有职工在报名这个项目，每单位名额没有改成，请再保存一次');
    }
    if (taken > input.quota) {
      await restoreCaps(ctx, moved, trade.employerQuota);
      fail(
        'INVALID_STATE',
        `名额不能少于已报名的${taken}人（${trade.name}）。如需减少，请先在审核中退回或由选手取消报名`,
        { field: 'quota', taken },
      );
    }
  } else {
    const tradeId = newTradeId;
    const doc: TradeDoc = {
      _id: tradeKey(contest._id, tradeId),
      contestId: contest._id,
      tradeId,
      name: input.name,
      rules: input.rules,
      quota: input.quota,
      taken: 0,
      ...(input.employerQuota ? { employerQuota: input.employerQuota } : {}),
      ...(named.length ? { employerPlaces: named } : {}),
    };
    await namedCounters(ctx, doc);
    await addOnce(ctx, TRADES, doc);
    await ctx.db
      .collection(CONTESTS)
      .doc(contest._id)
      .update({ data: { tradeIds: _.addToSet(tradeId), updatedAt: now } });
    if (!contest.tradeIds.includes(tradeId)) contest.tradeIds = [...contest.tradeIds, tradeId];
    // The answer shows the contest as written: a retry after a crash reads it back, and answers the same.
    contest.updatedAt = now;
  }
  await auditOnce(ctx, {
    event: input.tradeId ? 'contest.updateTrade' : 'contest.addTrade',
    target: { kind: 'contest', id: contest._id },
    detail: {
      name: input.name,
      quota: input.quota,
      employerQuota: input.employerQuota ?? null,
      employerPlaces: named.length ? named : null,
    },
  });
  return adminView(ctx, contest);
}

/** A new trade's named employers start with their counters (nobody holds a place yet; a retry finds them made). */
async function namedCounters(ctx: Ctx, trade: TradeDoc): Promise<void> {
  for (const e of trade.employerPlaces ?? []) {
    const doc: EmployerCounterDoc = {
      _id: employerKey(trade.contestId, trade.tradeId, e.employer),
      contestId: trade.contestId,
      tradeId: trade.tradeId,
      taken: 0,
      cap: e.places,
      employer: e.employer,
    };
    await addOnce(ctx, EMPLOYER_PLACES, doc);
  }
}

export async function removeTrade(ctx: ActionCtx, input: In<'removeTrade'>): Promise<ContestAdminView> {
  const contest = await loadContest(ctx, input.contestId);
  const _ = ctx.db.command;
  // The contest is changed first, marked by this request and keeping the trade's name: a retry
  // after a crash (trade document gone or not) recognises its own removal and finishes it.
  const resumed = changedByThisRequest(ctx, contest) && contest.removedTrade?.tradeId === input.tradeId;
  const trade = resumed
    ? await findTrade(ctx, contest._id, input.tradeId)
    : await loadTrade(ctx, contest._id, input.tradeId);
  const name = trade?.name ?? contest.removedTrade?.name ?? '';
  if (trade) {
    const regs = (
      await ctx.db.collection(REGISTRATIONS).where({ contestId: contest._id, tradeId: trade.tradeId }).count()
    ).total;
    if (regs > 0 || trade.taken > 0) {
      if (resumed) await restoreTrade(ctx, contest._id, trade.tradeId);
      fail('INVALID_STATE', `该项目已有${Math.max(regs, trade.taken)}人报名，不能删除；可以调整名额或关闭报名`, {
        registrations: regs,
      });
    }
    if (!resumed)
      await ctx.db
        .collection(CONTESTS)
        .doc(contest._id)
        .update({
          data: marked(ctx, {
            tradeIds: _.pull(trade.tradeId),
            removedTrade: { tradeId: trade.tradeId, name, index: contest.tradeIds.indexOf(trade.tradeId) },
            updatedAt: ctx.now(),
          }),
        });
    const r = await ctx.db.collection(TRADES).where({ _id: trade._id, taken: 0 }).remove();
    if (r.stats.removed !== 1) {
      await restoreTrade(ctx, contest._id, trade.tradeId);
      fail('INVALID_STATE', '该项目刚有人报名，不能删除');
    }
  }
  await auditOnce(ctx, {
    event: 'contest.removeTrade',
    target: { kind: 'contest', id: contest._id },
    detail: { name },
  });
  return adminView(ctx, await loadContest(ctx, contest._id));
}

async function findTrade(ctx: Ctx, contestId: string, tradeId: string): Promise<TradeDoc | null> {
  const found = await ctx.db
    .collection(TRADES)
    .where({ _id: tradeKey(contestId, tradeId) })
    .limit(1)
    .get();
  return (found.data[0] as TradeDoc | undefined) ?? null;
}

/** A removal refused after the contest let go of the trade (someone registered meanwhile): it goes back in its place. */
async function restoreTrade(ctx: Ctx, contestId: string, tradeId: string): Promise<void> {
  const now = await loadContest(ctx, contestId);
  if (now.tradeIds.includes(tradeId)) return;
  const at = (now.removedTrade?.tradeId === tradeId ? now.removedTrade.index : undefined) ?? now.tradeIds.length;
  const tradeIds = [...now.tradeIds.slice(0, at), tradeId, ...now.tradeIds.slice(at)];
  await ctx.db
    .collection(CONTESTS)
    .doc(contestId)
    .update({ data: { tradeIds: ctx.db.command.set(tradeIds), removedTrade: ctx.db.command.remove() } });
}

export async function publishContest(ctx: ActionCtx, input: In<'publishContest'>): Promise<ContestAdminView> {
  const contest = await loadContest(ctx, input.contestId);
  // Published by this very request (a retry after a crash): finish with the audit entry and the answer.
  const resumed = statusOf(contest) === 'published' && changedByThisRequest(ctx, contest);
  if (!resumed) {
    if (statusOf(contest) === 'published') fail('INVALID_STATE', '这场比武已发布');
    if (!contest.tradeIds.length) fail('INVALID_STATE', '请先添加至少一个比赛项目再发布');
    if (statusOf(contest) === 'closed' && contest.registrationClosesAt < ctx.now())
      fail('INVALID_STATE', '报名截止时间已过，请先修改报名时间再重新发布');
    await ctx.db
      .collection(CONTESTS)
      .doc(contest._id)
      .update({ data: marked(ctx, { status: 'published', updatedAt: ctx.now() }) });
  }
  await auditOnce(ctx, { event: 'contest.publish', target: { kind: 'contest', id: contest._id } });
  return adminView(ctx, await loadContest(ctx, contest._id));
}

export async function closeContest(ctx: ActionCtx, input: In<'closeContest'>): Promise<ContestAdminView> {
  const contest = await loadContest(ctx, input.contestId);
  const resumed = statusOf(contest) === 'closed' && changedByThisRequest(ctx, contest);
  if (!resumed) {
    if (statusOf(contest) === 'closed') fail('INVALID_STATE', '这场比武已关闭报名');
    const now = ctx.now();
    await ctx.db
      .collection(CONTESTS)
      .doc(contest._id)
      .update({ data: marked(ctx, { status: 'closed', closedAt: now, updatedAt: now }) });
  }
  await auditOnce(ctx, { event: 'contest.close', target: { kind: 'contest', id: contest._id } });
  return adminView(ctx, await loadContest(ctx, contest._id));
}

/** The same contest next year: every date moved on whole years (same weekday drift as a calendar). */
function addYears(ms: number, years: number): number {
  if (!years) return ms;
  const d = new Date(ms + 8 * 3600_000); // Shanghai wall time, in UTC fields
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime() - 8 * 3600_000;
}

export async function copyContest(ctx: ActionCtx, input: In<'copyContest'>): Promise<ContestAdminView> {
  const from = await loadContest(ctx, input.contestId);
  const years = input.years ?? 1;
  const title =
    input.title ??
    from.title.replace(/(\d{4})/, (y) => String(Number(y) + years)) + (/\d{4}/.test(from.title) ? '' : '（复制）');
  const now = ctx.now();
  const id = `contest-${idForRequest(ctx, 5)}`;
  const trades = await tradesOf(ctx, from._id);
  const tradeIds: string[] = [];
  for (const oldId of from.tradeIds) {
    const t = trades.find((x) => x.tradeId === oldId);
    if (!t) continue;
    const doc: TradeDoc = {
      _id: tradeKey(id, t.tradeId),
      contestId: id,
      tradeId: t.tradeId,
      name: t.name,
      rules: t.rules,
      quota: t.quota,
      taken: 0,
      ...(t.employerQuota ? { employerQuota: t.employerQuota } : {}),
      ...(t.employerPlaces?.length ? { employerPlaces: t.employerPlaces } : {}),
    };
    await namedCounters(ctx, doc);
    await addOnce(ctx, TRADES, doc);
    tradeIds.push(t.tradeId);
  }
  const doc: ContestDoc = {
    _id: id,
    title,
    summary: from.summary,
    venue: from.venue,
    venueAddress: from.venueAddress,
    registrationOpensAt: addYears(from.registrationOpensAt, years),
    registrationClosesAt: addYears(from.registrationClosesAt, years),
    contestStartsAt: addYears(from.contestStartsAt, years),
    contestEndsAt: addYears(from.contestEndsAt, years),
    schedule: from.schedule.map((s) => ({ at: addYears(s.at, years), text: s.text })),
    rules: from.rules,
    awards: from.awards,
    eligibility: from.eligibility ?? DEFAULT_ELIGIBILITY,
    tradeIds,
    createdAt: now,
    updatedAt: now,
    status: 'draft',
    copiedFrom: from._id,
  };
  await addOnce(ctx, CONTESTS, doc);
  await auditOnce(ctx, {
    event: 'contest.copy',
    target: { kind: 'contest', id },
    detail: { from: from._id, years, trades: tradeIds.length },
  });
  return adminView(ctx, doc);
}
