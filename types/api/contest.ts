/**
 * Skills contests (技能比武): contests with trades and quotas, registration, review, check-in
 * tickets, results. Shared by the cloud `contest` function and the app's contest subpackage.
 */
import { contract, returns, type ActionsOf } from '../contract';
import { s } from '../schema';
import { emptyInput, pageInput, type Page } from './common';

/** Where a contest stands for a worker, judged in Asia/Shanghai from its registration window. */
export type ContestPhase = 'upcoming' | 'open' | 'closed';

/** 职业技能等级 as the worker holds it today. */
export const SKILL_LEVELS = ['暂无等级', '初级工', '中级工', '高级工', '技师', '高级技师'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export const AWARDS = ['一等奖', '二等奖', '三等奖', '优秀奖'] as const;
export type Award = (typeof AWARDS)[number];

/**
 * submitted 已提交 → approved 审核通过 / returned 退回 (resubmit until the deadline) → checked_in 已签到
 * → result_published 成绩已公布 / awarded 获奖; cancelled 已取消 (by the worker, before the deadline).
 */
export type RegistrationStatus =
  'submitted' | 'approved' | 'returned' | 'checked_in' | 'result_published' | 'awarded' | 'cancelled';

export const REGISTRATION_STATUS_TEXT: Record<RegistrationStatus, string> = {
  submitted: '已提交',
  approved: '审核通过',
  returned: '退回',
  checked_in: '已签到',
  result_published: '成绩已公布',
  awarded: '获奖',
  cancelled: '已取消',
};

/** Minimum and (exclusive) maximum age on the first contest day: see cloud/domain/contest/eligibility.ts. */
export const MIN_AGE = 16;
export const MAX_AGE_EXCLUSIVE = 60;

export interface ScheduleItem {
  /** Epoch ms. */
  at: number;
  text: string;
}

export interface ContestTrade {
  id: string;
  name: string;
  /** What the trade's contest tests, in a sentence or two. */
  rules: string;
  quota: number;
  taken: number;
  left: number;
  /** Places per employer, when the contest limits them. */
  employerQuota?: number;
  /** Employers with their own places (instead of employerQuota); `taken` in the admin view only. */
  employerPlaces?: Array<{ employer: string; places: number; taken?: number }>;
  resultsPublished: boolean;
}

export interface ContestSummary {
  id: string;
  title: string;
  summary: string;
  phase: ContestPhase;
  venue: string;
  registrationOpensAt: number;
  registrationClosesAt: number;
  contestStartsAt: number;
  contestEndsAt: number;
  tradeNames: string[];
  placesLeft: number;
  resultsPublished: boolean;
}

export interface ContestDetail extends ContestSummary {
  venueAddress: string;
  schedule: ScheduleItem[];
  rules: string[];
  /** 奖励: honours, skill-level promotion, cash, 嘉兴工匠 nomination. */
  awards: string;
  trades: ContestTrade[];
  /** Who may enter (the defaults when the contest sets none). */
  eligibility?: Eligibility;
}

export interface ContestResult {
  rank: number;
  award?: Award;
}

/** A registration as its owner (and the admin) sees it: the phone is always masked. */
export interface Registration {
  id: string;
  contestId: string;
  contestTitle: string;
  tradeId: string;
  tradeName: string;
  name: string;
  phone: string;
  employer: string;
  jobTitle: string;
  skillLevel: SkillLevel;
  yearsInTrade: number;
  status: RegistrationStatus;
  returnReason?: string;
  submittedAt: number;
  reviewedAt?: number;
  checkedInAt?: number;
  result?: ContestResult;
  /** The registration deadline, so the app can offer cancel / resubmit only while it is allowed. */
  registrationClosesAt: number;
  contestStartsAt: number;
  venue: string;
}

export interface PublishedResult {
  tradeId: string;
  tradeName: string;
  rank: number;
  award?: Award;
  /** Masked: 王*国. */
  name: string;
  employer: string;
}

const contestId = s.id({ label: '比武编号' });
const tradeId = s.id({ label: '比赛项目' });
const registrationId = s.id({ label: '报名编号' });

/** The form fields, shared by register and resubmit (and the app's form validation). */
export const registrationFields = {
  employer: s.string({ label: '工作单位', min: 2, max: 60 }),
  jobTitle: s.string({ label: '工种', min: 2, max: 30 }),
  skillLevel: s.oneOf(SKILL_LEVELS, { label: '技能等级' }),
  yearsInTrade: s.int({ label: '从业年限', min: 0, max: 50 }),
  phone: s.phone({ label: '联系电话' }),
  consent: s.literal(true, { label: '同意隐私说明' }),
};

export const listContestsInput = s.object({
  phase: s.optional(s.oneOf(['upcoming', 'open', 'closed'] as const, { label: '状态' })),
});
export const contestInput = s.object({ contestId });
export const registerInput = s.object({ contestId, tradeId, ...registrationFields });
export const resubmitInput = s.object({ registrationId, ...registrationFields });
export const registrationInput = s.object({ registrationId });

export const reviewQueueInput = s.object({
  contestId,
  tradeId: s.optional(tradeId),
  status: s.optional(
    s.oneOf(['submitted', 'approved', 'returned', 'checked_in', 'result_published', 'awarded', 'cancelled'] as const, {
      label: '状态',
    }),
  ),
  ...pageInput,
});

export const reviewInput = s.object({
  registrationIds: s.array(registrationId, { label: '报名记录', min: 1, max: 50 }),
  decision: s.oneOf(['approve', 'return'] as const, { label: '审核结果' }),
  reason: s.optional(s.string({ label: '退回原因', min: 2, max: 200 })),
});

export const publishResultsInput = s.object({
  contestId,
  tradeId,
  results: s.array(
    s.object(
      {
        registrationId,
        rank: s.int({ label: '名次', min: 1, max: 1000 }),
        award: s.optional(s.oneOf(AWARDS, { label: '奖项' })),
      },
      { label: '成绩' },
    ),
    { label: '成绩', min: 1, max: 200 },
  ),
});

export const exportInput = s.object({
  contestId,
  tradeId: s.optional(tradeId),
});

// ---- contest administration (the contests admin: admin:contests, or the super admin) ----

/** draft 草稿 (only admins see it) → published 已发布 → closed 已关闭 (registration stopped, still shown). */
export type ContestStatus = 'draft' | 'published' | 'closed';
export const CONTEST_STATUS_TEXT: Record<ContestStatus, string> = {
  draft: '草稿',
  published: '已发布',
  closed: '已关闭',
};

/** Who may enter; a contest without its own rules uses these defaults (the 2026 rules). */
export interface Eligibility {
  /** Minimum age on the first contest day. */
  minAge: number;
  /** Age from which a person may no longer enter (exclusive). */
  maxAgeExclusive: number;
  /** Only union members (会员). */
  membersOnly: boolean;
  /** Holders of a title won in the same trade are refused (已获称号者不再参加同一项目). */
  refuseTitleHolders: boolean;
}
export const DEFAULT_ELIGIBILITY: Eligibility = {
  minAge: MIN_AGE,
  maxAgeExclusive: MAX_AGE_EXCLUSIVE,
  membersOnly: true,
  refuseTitleHolders: true,
};

const contestWallTime = (label: string) =>
  s.string({
    label,
    min: 16,
    max: 16,
    pattern: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    patternMessage: '请按 年-月-日 时:分 填写',
  });

export const eligibilityInput = s.object(
  {
    minAge: s.int({ label: '最小年龄', min: 16, max: 70 }),
    maxAgeExclusive: s.int({ label: '年龄上限', min: 17, max: 80 }),
    membersOnly: s.boolean({ label: '仅限工会会员' }),
    refuseTitleHolders: s.boolean({ label: '已获称号者不得参加' }),
  },
  { label: '参赛条件' },
);

/** Create (no contestId: a new 草稿) or edit a contest; times are Shanghai wall time. */
export const saveContestInput = s.object({
  contestId: s.optional(contestId),
  title: s.string({ label: '比武名称', min: 4, max: 40 }),
  summary: s.string({ label: '简介', min: 4, max: 300 }),
  venue: s.string({ label: '比赛场地', min: 2, max: 40 }),
  venueAddress: s.string({ label: '场地地址', min: 4, max: 80 }),
  registrationOpensAt: contestWallTime('报名开始'),
  registrationClosesAt: contestWallTime('报名截止'),
  contestStartsAt: contestWallTime('比赛开始'),
  contestEndsAt: contestWallTime('比赛结束'),
  schedule: s.array(
    s.object(
      { at: contestWallTime('日程时间'), text: s.string({ label: '日程内容', min: 2, max: 60 }) },
      { label: '日程' },
    ),
    { label: '日程', max: 20 },
  ),
  rules: s.array(s.string({ label: '比赛规则', min: 2, max: 200 }), { label: '比赛规则', max: 20 }),
  awards: s.string({ label: '奖励', min: 2, max: 400 }),
  eligibility: s.optional(eligibilityInput),
});

/** Add (no tradeId) or edit a trade; a quota below the places taken is refused. */
export const saveTradeInput = s.object({
  contestId,
  tradeId: s.optional(tradeId),
  name: s.string({ label: '项目名称', min: 2, max: 20 }),
  rules: s.string({ label: '项目规则', min: 4, max: 300 }),
  quota: s.int({ label: '名额', min: 1, max: 10000 }),
  /** Places per employer; absent: no limit per employer. */
  employerQuota: s.optional(s.int({ label: '每单位名额', min: 1, max: 10000 })),
  /** Named employers with their own places (e.g. 嘉兴纺织 3), overriding employerQuota for them. */
  employerPlaces: s.optional(
    s.array(
      s.object(
        {
          employer: s.string({ label: '单位名称', min: 2, max: 60 }),
          places: s.int({ label: '该单位名额', min: 1, max: 10000 }),
        },
        { label: '单位名额' },
      ),
      { label: '单位名额', max: 50 },
    ),
  ),
});
export const tradeInput = s.object({ contestId, tradeId });

/** Copy a contest (last year's) into a new 草稿: trades and quotas kept, nobody registered, windows moved. */
export const copyContestInput = s.object({
  contestId,
  /** New title; default: the year in the old title moved on. */
  title: s.optional(s.string({ label: '比武名称', min: 4, max: 40 })),
  /** Whole years to move every date by (default 1). */
  years: s.optional(s.int({ label: '顺延年数', min: 0, max: 5 })),
});

/** Withdraw a title (技术能手) held in one of the contest's trades; the holder may enter that trade again. */
export const withdrawTitleInput = s.object({
  contestId,
  titleId: s.id({ label: '称号' }),
  reason: s.string({ label: '撤销原因', min: 2, max: 200 }),
});

/** A title as the contests admin sees it (the holder's phone masked). */
export interface TitleAdminView {
  id: string;
  trade: string;
  title: string;
  year: number;
  holderName: string;
  holderPhone: string;
}

export interface TradeAdminView extends ContestTrade {
  /** Registrations of this trade in any state (a trade with none may be removed). */
  registrations: number;
}

export interface ContestAdminView {
  id: string;
  title: string;
  summary: string;
  venue: string;
  venueAddress: string;
  status: ContestStatus;
  statusText: string;
  phase: ContestPhase;
  registrationOpensAt: number;
  registrationClosesAt: number;
  contestStartsAt: number;
  contestEndsAt: number;
  /** The same four as Shanghai wall time, ready for the form. */
  registrationOpensText: string;
  registrationClosesText: string;
  contestStartsText: string;
  contestEndsText: string;
  schedule: Array<{ at: number; atText: string; text: string }>;
  rules: string[];
  awards: string;
  eligibility: Eligibility;
  trades: TradeAdminView[];
  createdAt: number;
  updatedAt?: number;
}

export interface ReviewOutcome {
  registrationId: string;
  ok: boolean;
  /** Why this one was not changed (e.g. INVALID_STATE when it was cancelled meanwhile). */
  code?: string;
  status?: RegistrationStatus;
}

export interface TicketCode {
  token: string;
  expiresAt: number;
  registrationId: string;
}

export const contestContract = /* @__PURE__ */ contract({
  listContests: { input: listContestsInput, output: returns<ContestSummary[]>, access: 'public' },
  getContest: { input: contestInput, output: returns<ContestDetail>, access: 'public' },
  results: { input: contestInput, output: returns<PublishedResult[]>, access: 'public' },
  register: { input: registerInput, output: returns<Registration>, access: 'signedIn', writes: true },
  resubmit: { input: resubmitInput, output: returns<Registration>, access: 'signedIn', writes: true },
  cancel: { input: registrationInput, output: returns<Registration>, access: 'signedIn', writes: true },
  myRegistrations: { input: emptyInput, output: returns<Registration[]>, access: 'signedIn' },
  ticketCode: { input: registrationInput, output: returns<TicketCode>, access: 'signedIn' },
  reviewQueue: { input: reviewQueueInput, output: returns<Page<Registration>>, access: ['admin'] },
  review: { input: reviewInput, output: returns<ReviewOutcome[]>, access: ['admin'], writes: true },
  publishResults: {
    input: publishResultsInput,
    output: returns<{ published: number }>,
    access: ['admin'],
    writes: true,
  },
  exportCsv: {
    input: exportInput,
    output: returns<{ filename: string; csv: string; rows: number }>,
    access: ['admin'],
    audited: true,
  },
  poster: {
    input: contestInput,
    output: returns<{ contentType: string; base64: string; page: string; scene: string }>,
    access: ['admin'],
  },
  adminContests: { input: emptyInput, output: returns<ContestAdminView[]>, access: ['admin'] },
  adminContest: { input: contestInput, output: returns<ContestAdminView>, access: ['admin'] },
  saveContest: { input: saveContestInput, output: returns<ContestAdminView>, access: ['admin'], writes: true },
  saveTrade: { input: saveTradeInput, output: returns<ContestAdminView>, access: ['admin'], writes: true },
  removeTrade: { input: tradeInput, output: returns<ContestAdminView>, access: ['admin'], writes: true },
  publishContest: { input: contestInput, output: returns<ContestAdminView>, access: ['admin'], writes: true },
  closeContest: { input: contestInput, output: returns<ContestAdminView>, access: ['admin'], writes: true },
  copyContest: { input: copyContestInput, output: returns<ContestAdminView>, access: ['admin'], writes: true },
  adminTitles: { input: contestInput, output: returns<TitleAdminView[]>, access: ['admin'] },
  /**
   * The union's employer names (单位名录): the contests admin names employers with their own places from
   * it, and a worker registering picks their employer from it, so both spell the name the same way.
   */
  employerNames: { input: emptyInput, output: returns<string[]>, access: 'signedIn' },
  withdrawTitle: {
    input: withdrawTitleInput,
    output: returns<{ withdrawn: boolean }>,
    access: ['admin'],
    writes: true,
  },
});
export type ContestActions = ActionsOf<typeof contestContract>;
