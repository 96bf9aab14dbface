/**
 * The contest domain's documents and pure helpers.
 * Collections:
 * - `contests`: one per contest (window, venue, schedule, rules, trade order).
 * - `contestTrades`: one per trade of a contest, `_id` `${contestId}:${tradeId}`, holding the quota
 *   and the `taken` counter that a single conditional `_.inc` moves (never read-then-write).
 * - `contestEmployerPlaces`: counter per (trade, employer) when a trade limits places per employer;
 *   a named employer's own cap lives on its counter (`cap`), so a registration and an admin lowering
 *   the cap decide on the same document and neither can overrun the other.
 * - `contestRegistrations`: one per person per trade (deterministic hashed `_id`, short enough to
 *   be the id inside the signed check-in token).
 * - `titles`: honours already held (`${tradeName}:${openid}`), which bar a person from that trade.
 */
import { createHash } from 'crypto';
import type {
  Award,
  ContestPhase,
  ContestStatus,
  Eligibility,
  Registration,
  RegistrationStatus,
  ScheduleItem,
  SkillLevel,
} from '../../../types/api/contest';
import type { ScanStamp } from '../../lib/scan';
import { maskPhone } from '../../lib/mask';

export const CONTESTS = 'contests';
export const TRADES = 'contestTrades';
export const EMPLOYER_PLACES = 'contestEmployerPlaces';
export const REGISTRATIONS = 'contestRegistrations';
export const TITLES = 'titles';

export interface ContestDoc {
  _id: string;
  title: string;
  summary: string;
  venue: string;
  venueAddress: string;
  registrationOpensAt: number;
  registrationClosesAt: number;
  contestStartsAt: number;
  contestEndsAt: number;
  schedule: ScheduleItem[];
  rules: string[];
  awards: string;
  /** Trade ids in display order. */
  tradeIds: string[];
  createdAt: number;
  /** Missing on contests from before contest administration (the seed): published. */
  status?: ContestStatus;
  /** Missing: DEFAULT_ELIGIBILITY. */
  eligibility?: Eligibility;
  updatedAt?: number;
  closedAt?: number;
  /** The contest this one was copied from. */
  copiedFrom?: string;
  /** The trade last removed (contest/manage.ts removeTrade): where it stood, and its name for the audit entry a retry writes. */
  removedTrade?: { tradeId: string; name: string; index: number };
}

export const statusOf = (c: Pick<ContestDoc, 'status'>): ContestStatus => c.status ?? 'published';

export interface TradeDoc {
  _id: string;
  contestId: string;
  tradeId: string;
  name: string;
  rules: string;
  quota: number;
  taken: number;
  /** The default places per employer ("其他单位"); absent: unlimited for employers not named below. */
  employerQuota?: number;
  /** Employers named with their own places (enforced by the `cap` on their counters). */
  employerPlaces?: EmployerPlaces[];
  /**
   * Resubmits that moved a place from one employer’s share to another’s (moveRegistration). `taken` does not
   * change with a move, so a save lowering the default holds only while this is as its check saw it too.
   */
  moves?: number;
  resultsPublishedAt?: number;
}

export interface EmployerPlaces {
  employer: string;
  places: number;
}

export interface EmployerCounterDoc {
  _id: string;
  contestId: string;
  tradeId: string;
  taken: number;
  /** The named employer's own places; absent: the trade's default `employerQuota`. */
  cap?: number;
  employer?: string;
}

/** Whether the trade counts places per employer at all (a default, or any employer named). */
export const limitsEmployers = (t: Pick<TradeDoc, 'employerQuota' | 'employerPlaces'>): boolean =>
  !!t.employerQuota || !!t.employerPlaces?.length;

export interface RegistrationDoc {
  _id: string;
  openid: string;
  contestId: string;
  tradeId: string;
  tradeName: string;
  name: string;
  /** Clear in the database (the venue may need to call); masked in every response. */
  phone: string;
  employer: string;
  /** Which per-employer counter holds this person's place (when the trade has an employer quota). */
  employerKey?: string;
  jobTitle: string;
  skillLevel: SkillLevel;
  yearsInTrade: number;
  status: RegistrationStatus;
  returnReason?: string;
  submittedAt: number;
  reviewedAt?: number;
  reviewer?: string;
  cancelledAt?: number;
  checkedIn?: ScanStamp;
  rank?: number;
  award?: Award;
  /** 1 for the first submission, +1 for each resubmission or re-registration. */
  attempt: number;
  /** The register request that made (or took up again) this registration: its retry gets it back. */
  requestId?: string | null;
  /**
   * false from the insert (or the take-up of a cancelled one) until its places in the quota are
   * taken, then true; missing (registrations from before the flag) counts as placed. A retry of the
   * request that finds its own registration still `false` (the call died in between) takes them.
   */
  placed?: boolean;
}

/** States that hold a place in the quota (cancelled is the only one that gave it back). */
export const HOLDING: RegistrationStatus[] = [
  'submitted',
  'approved',
  'returned',
  'checked_in',
  'result_published',
  'awarded',
];

export const tradeKey = (contestId: string, tradeId: string) => `${contestId}:${tradeId}`;

/**
 * One registration per person per trade: the id is derived from contest, trade and OPENID, hashed
 * so it does not reveal the OPENID and stays within the token's id alphabet (≤ 40 chars).
 */
export function registrationId(contestId: string, tradeId: string, openid: string): string {
  return `cr${createHash('sha256')
    .update(`${tradeKey(contestId, tradeId)}:${openid}`)
    .digest('hex')
    .slice(0, 22)}`;
}

/** Counter id for a (trade, employer) pair; the employer name is normalised and hashed. */
export const normalEmployer = (employer: string) => employer.replace(/\s+/g, '');

export function employerKey(contestId: string, tradeId: string, employer: string): string {
  const normal = normalEmployer(employer);
  return `${tradeKey(contestId, tradeId)}:${createHash('sha256').update(normal).digest('hex').slice(0, 16)}`;
}

export function phaseOf(
  contest: Pick<ContestDoc, 'registrationOpensAt' | 'registrationClosesAt' | 'status'>,
  now: number,
): ContestPhase {
  // Closed by the admin: registration is over whatever the window says.
  if (contest.status === 'closed') return 'closed';
  if (now < contest.registrationOpensAt) return 'upcoming';
  if (now > contest.registrationClosesAt) return 'closed';
  return 'open';
}

export function toRegistration(doc: RegistrationDoc, contest: ContestDoc): Registration {
  const view: Registration = {
    id: doc._id,
    contestId: doc.contestId,
    contestTitle: contest.title,
    tradeId: doc.tradeId,
    tradeName: doc.tradeName,
    name: doc.name,
    phone: maskPhone(doc.phone),
    employer: doc.employer,
    jobTitle: doc.jobTitle,
    skillLevel: doc.skillLevel,
    yearsInTrade: doc.yearsInTrade,
    status: doc.status,
    submittedAt: doc.submittedAt,
    registrationClosesAt: contest.registrationClosesAt,
    contestStartsAt: contest.contestStartsAt,
    venue: contest.venue,
  };
  if (doc.returnReason && doc.status === 'returned') view.returnReason = doc.returnReason;
  if (doc.reviewedAt) view.reviewedAt = doc.reviewedAt;
  if (doc.checkedIn) view.checkedInAt = doc.checkedIn.at;
  if (doc.rank !== undefined && (doc.status === 'result_published' || doc.status === 'awarded')) {
    view.result = doc.award ? { rank: doc.rank, award: doc.award } : { rank: doc.rank };
  }
  return view;
}
