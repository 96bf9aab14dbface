/**
 * The contest tests' world: the shared makeWorld (personas) plus one contest with explicit
 * Shanghai times, so windows and deadlines are tested to the second, and helpers to add members.
 *
 * Contest `c-test` 技能比武测试赛: registration 2026-03-01 09:00 → 2026-03-20 18:00, contest days
 * 2026-03-25 08:30 → 2026-03-26 17:00. Trades: cnc 数控铣工 (quota 2), web 互联网营销 (quota 10),
 * smart 智能制造 (quota 10, 1 per employer).
 */
import { contestActions } from '../../../cloud/domain/contest';
import { CONTESTS, TRADES, type ContestDoc, type TradeDoc } from '../../../cloud/domain/contest/model';
import { shanghaiTime } from '../../../cloud/lib/clock';
import { makeWorld, okData, PERSONAS, rid, type World } from '../helpers';

export { PERSONAS, okData, rid };
export const CONTEST = 'c-test';
export const NOW = shanghaiTime('2026-03-10 10:00');
export const OPENS = shanghaiTime('2026-03-01 09:00');
export const DEADLINE = shanghaiTime('2026-03-20 18:00');
export const CONTEST_START = shanghaiTime('2026-03-25 08:30');
export const CONTEST_END = shanghaiTime('2026-03-26 17:00');
export const ENV = { QR_TOKEN_KEY_1: 'contest-test-key' };

/** A new contest's fields as the admin's 比武设置 form sends them (manage tests and the crash sweep). */
export const CONTEST_FORM = {
  title: '2026年秀洲区电商直播技能赛',
  summary: '面向全区电商从业职工的直播营销比武。',
  venue: '秀洲区电商直播基地',
  venueAddress: '嘉兴市秀洲区新塍镇电商产业园2号楼',
  registrationOpensAt: '2026-03-01 09:00',
  registrationClosesAt: '2026-03-20 18:00',
  contestStartsAt: '2026-03-25 08:30',
  contestEndsAt: '2026-03-26 17:00',
  schedule: [
    { at: '2026-03-25 08:30', text: '签到' },
    { at: '2026-03-25 09:00', text: '开幕式' },
  ],
  rules: ['每人每项目限报一次'],
  awards: '一等奖1名，二等奖2名',
};

export const FORM = {
  employer: '嘉兴秀洲精工机械有限公司',
  jobTitle: '数控铣工',
  skillLevel: '高级工',
  yearsInTrade: 8,
  phone: '13857301234',
  consent: true,
} as const;

export interface ContestWorld extends World {
  contest(openid: string, event: Record<string, unknown>): ReturnType<World['call']>;
  /** A union member with a complete profile (birthDate and employer overridable). */
  addMember(
    openid: string,
    opts?: { birthDate?: string | null; employer?: string; status?: string; name?: string },
  ): Promise<void>;
  /** Registers `openid` in `tradeId` with the standard form; returns the envelope. */
  register(openid: string, tradeId: string, form?: Record<string, unknown>): ReturnType<World['call']>;
}

export async function contestWorld(): Promise<ContestWorld> {
  const world = await makeWorld({ now: NOW, env: { ...ENV } });
  const contest: Omit<ContestDoc, '_id'> = {
    title: '技能比武测试赛',
    summary: '测试',
    venue: '秀洲区职工技能实训基地',
    venueAddress: '洪兴西路1288号',
    registrationOpensAt: OPENS,
    registrationClosesAt: DEADLINE,
    contestStartsAt: CONTEST_START,
    contestEndsAt: CONTEST_END,
    schedule: [{ at: CONTEST_START, text: '开幕式' }],
    rules: ['每人每项目限报一次'],
    awards: '一等奖1名',
    tradeIds: ['cnc', 'web', 'smart'],
    createdAt: NOW,
  };
  await world.db.collection(CONTESTS).doc(CONTEST).set({ data: contest });
  const trades: Omit<TradeDoc, '_id'>[] = [
    { contestId: CONTEST, tradeId: 'cnc', name: '数控铣工', rules: '数控铣削', quota: 2, taken: 0 },
    { contestId: CONTEST, tradeId: 'web', name: '互联网营销', rules: '直播营销', quota: 10, taken: 0 },
    {
      contestId: CONTEST,
      tradeId: 'smart',
      name: '智能制造',
      rules: '产线联调',
      quota: 10,
      taken: 0,
      employerQuota: 1,
    },
  ];
  for (const t of trades) await world.db.collection(TRADES).doc(`${CONTEST}:${t.tradeId}`).set({ data: t });

  const addMember: ContestWorld['addMember'] = async (openid, opts = {}) => {
    const profile: Record<string, unknown> = {
      name: opts.name ?? '测试工人',
      phone: '13900001111',
      employer: opts.employer ?? '嘉兴秀洲精工机械有限公司',
      district: '秀洲区',
      category: '产业工人',
    };
    if (opts.birthDate !== null) profile.birthDate = opts.birthDate ?? '1990-05-01';
    await world.db
      .collection('users')
      .doc(openid)
      .set({
        data: {
          roles: ['member'],
          scopes: [],
          profile,
          membership: { status: opts.status ?? 'member' },
          createdAt: NOW,
          updatedAt: NOW,
        },
      });
  };
  const call = (openid: string, event: Record<string, unknown>) => world.call(openid, contestActions, 'contest', event);
  return Object.assign(world, {
    contest: call,
    addMember,
    register: (openid: string, tradeId: string, form: Record<string, unknown> = {}) =>
      call(openid, { action: 'register', requestId: rid('reg'), contestId: CONTEST, tradeId, ...FORM, ...form }),
  });
}

/** The district admin returns a registration for correction (退回), with a reason the worker reads. */
export function returnRegistration(world: ContestWorld, registrationId: string, reason = '工作单位请填写全称') {
  return world.contest(PERSONAS.admin, {
    action: 'review',
    requestId: rid('rv'),
    registrationIds: [registrationId],
    decision: 'return',
    reason,
  });
}

/** The trade's counter document. */
export async function taken(world: World, tradeId: string): Promise<number> {
  const [doc] = await world.all(TRADES, { _id: `${CONTEST}:${tradeId}` });
  return doc.taken;
}
