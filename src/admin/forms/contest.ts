/**
 * The contest form: four windows as Shanghai wall time, the schedule and the rules as lines of text
 * (one item a line; easy on a phone and at a desk), eligibility; and a trade's form.
 */
import {
  DEFAULT_ELIGIBILITY,
  saveContestInput,
  saveTradeInput,
  type ContestActions,
  type ContestAdminView,
  type TradeAdminView,
} from '@contract/api/contest';
import type { Issue, Parsed } from '@contract/schema';

export interface ContestDraft {
  title: string;
  summary: string;
  venue: string;
  venueAddress: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  contestStartsAt: string;
  contestEndsAt: string;
  /** One item a line: `2026-05-16 08:30 检录`. */
  schedule: string;
  /** One rule a line. */
  rules: string;
  awards: string;
  minAge: string;
  maxAgeExclusive: string;
  membersOnly: boolean;
  refuseTitleHolders: boolean;
}

/** 'YYYY-MM-DD' `days` after `date` (calendar days; no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/**
 * A new contest opens for registration today, closes in a month, and is held two weeks later: a draft
 * is invisible until published, so these only need to be a sensible start for the admin to adjust.
 */
export function emptyContestDraft(today: string): ContestDraft {
  const closes = addDays(today, 30);
  const starts = addDays(closes, 14);
  return {
    title: '',
    summary: '',
    venue: '',
    venueAddress: '',
    registrationOpensAt: `${today} 00:00`,
    registrationClosesAt: `${closes} 17:00`,
    contestStartsAt: `${starts} 08:30`,
    contestEndsAt: `${starts} 17:00`,
    schedule: '',
    rules: '',
    awards: '',
    minAge: String(DEFAULT_ELIGIBILITY.minAge),
    maxAgeExclusive: String(DEFAULT_ELIGIBILITY.maxAgeExclusive),
    membersOnly: DEFAULT_ELIGIBILITY.membersOnly,
    refuseTitleHolders: DEFAULT_ELIGIBILITY.refuseTitleHolders,
  };
}

export function contestDraftOf(c: ContestAdminView): ContestDraft {
  return {
    title: c.title,
    summary: c.summary,
    venue: c.venue,
    venueAddress: c.venueAddress,
    registrationOpensAt: c.registrationOpensText,
    registrationClosesAt: c.registrationClosesText,
    contestStartsAt: c.contestStartsText,
    contestEndsAt: c.contestEndsText,
    schedule: c.schedule.map((s) => `${s.atText} ${s.text}`).join('\n'),
    rules: c.rules.join('\n'),
    awards: c.awards,
    minAge: String(c.eligibility.minAge),
    maxAgeExclusive: String(c.eligibility.maxAgeExclusive),
    membersOnly: c.eligibility.membersOnly,
    refuseTitleHolders: c.eligibility.refuseTitleHolders,
  };
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const toInt = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN);

/** `2026-05-16 08:30 检录` → { at, text }; a line without its time is named so the admin can fix it. */
export function parseSchedule(text: string): Parsed<Array<{ at: string; text: string }>> {
  const out: Array<{ at: string; text: string }> = [];
  for (const [i, line] of lines(text).entries()) {
    const m = /^(\d{4}-\d{1,2}-\d{1,2})\s+(\d{1,2}:\d{2})\s+(.+)$/.exec(line);
    if (!m)
      return {
        ok: false,
        issue: { path: 'schedule', message: `日程第${i + 1}行：请按“2026-05-16 08:30 检录”的格式填写` },
      };
    const [y, mo, d] = m[1].split('-');
    const [h, mi] = m[2].split(':');
    out.push({ at: `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')} ${h.padStart(2, '0')}:${mi}`, text: m[3] });
  }
  return { ok: true, value: out };
}

/** The windows in order, said before the round trip (the server checks the same). */
function orderIssue(d: ContestDraft): Issue | null {
  if (d.registrationClosesAt <= d.registrationOpensAt)
    return { path: 'registrationClosesAt', message: '报名截止：应晚于报名开始' };
  if (d.contestStartsAt < d.registrationClosesAt)
    return { path: 'contestStartsAt', message: '比赛开始：不能早于报名截止' };
  if (d.contestEndsAt <= d.contestStartsAt) return { path: 'contestEndsAt', message: '比赛结束：应晚于比赛开始' };
  return null;
}

export function toSaveContestInput(
  d: ContestDraft,
  contestId?: string,
): Parsed<ContestActions['saveContest']['input']> {
  const schedule = parseSchedule(d.schedule);
  if (!schedule.ok) return schedule;
  const parsed = saveContestInput.parse({
    ...(contestId ? { contestId } : {}),
    title: d.title,
    summary: d.summary,
    venue: d.venue,
    venueAddress: d.venueAddress,
    registrationOpensAt: d.registrationOpensAt,
    registrationClosesAt: d.registrationClosesAt,
    contestStartsAt: d.contestStartsAt,
    contestEndsAt: d.contestEndsAt,
    schedule: schedule.value,
    rules: lines(d.rules),
    awards: d.awards,
    eligibility: {
      minAge: toInt(d.minAge),
      maxAgeExclusive: toInt(d.maxAgeExclusive),
      membersOnly: d.membersOnly,
      refuseTitleHolders: d.refuseTitleHolders,
    },
  });
  if (!parsed.ok) return parsed;
  const order = orderIssue(d);
  return order ? { ok: false, issue: order } : parsed;
}

export interface TradeDraft {
  name: string;
  rules: string;
  quota: string;
  /** '' = no limit per employer. */
  employerQuota: string;
  /** Employers with their own places; rows left blank are dropped. */
  employerPlaces?: EmployerPlacesRow[];
}

export interface EmployerPlacesRow {
  employer: string;
  places: string;
}

export const tradeDraftOf = (t?: TradeAdminView): TradeDraft => ({
  name: t?.name ?? '',
  rules: t?.rules ?? '',
  quota: t ? String(t.quota) : '',
  employerQuota: t?.employerQuota ? String(t.employerQuota) : '',
  employerPlaces: (t?.employerPlaces ?? []).map((e) => ({ employer: e.employer, places: String(e.places) })),
});

/** What a named employer already holds (0 for one not named before). */
const heldBy = (trade: TradeAdminView | undefined, employer: string): number =>
  trade?.employerPlaces?.find((e) => e.employer.replace(/\s+/g, '') === employer.replace(/\s+/g, ''))?.taken ?? 0;

export function toSaveTradeInput(
  contestId: string,
  d: TradeDraft,
  trade?: TradeAdminView,
): Parsed<ContestActions['saveTrade']['input']> {
  const quota = toInt(d.quota);
  // Said here in words before the server refuses it: the places already taken stay taken.
  if (trade && quota < trade.taken)
    return {
      ok: false,
      issue: { path: 'quota', message: `名额：已有${trade.taken}人报名，名额不能少于${trade.taken}` },
    };
  const rows = (d.employerPlaces ?? []).filter((r) => r.employer.trim() || r.places.trim());
  for (const [i, r] of rows.entries()) {
    const held = heldBy(trade, r.employer);
    if (r.places.trim() && toInt(r.places) < held)
      return {
        ok: false,
        issue: {
          path: `employerPlaces.${i}.places`,
          message: `单位名额：${r.employer.trim()}已有${held}人报名，名额不能少于${held}`,
        },
      };
  }
  return saveTradeInput.parse({
    contestId,
    ...(trade ? { tradeId: trade.id } : {}),
    name: d.name,
    rules: d.rules,
    quota,
    ...(d.employerQuota.trim() ? { employerQuota: toInt(d.employerQuota) } : {}),
    ...(rows.length
      ? { employerPlaces: rows.map((r) => ({ employer: r.employer.trim(), places: toInt(r.places) })) }
      : {}),
  });
}
