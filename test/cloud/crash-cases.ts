/**
 * One successful call of every mutating action, on the full seed (2026-01-20 10:00 Shanghai): who
 * calls, with what, after which preparation. The crash sweep (crash-sweep.test.ts) crashes each at
 * every write. `prepare` must be deterministic (same request ids, same identity numbers) so a clean
 * run and a crashed run start from the same state.
 */
import { academyActions } from '../../cloud/domain/academy';
import { adminActions } from '../../cloud/domain/admin';
import { checkinActions } from '../../cloud/domain/checkin';
import { contestActions } from '../../cloud/domain/contest';
import { giftActions } from '../../cloud/domain/gift';
import { memberActions } from '../../cloud/domain/member';
import { retirementActions } from '../../cloud/domain/retirement';
import type { ActionDefs } from '../../cloud/lib/router';
import { shanghaiTime } from '../../cloud/lib/clock';
import { signToken } from '../../cloud/lib/token';
import { fakeIdNumber } from '../../cloud/seed/retirement';
import { DELETE_MY_DATA_CONFIRMATION } from '../../types/api/member';
import { CONTEST_FORM } from './contest/fixture';
import { okData, PERSONAS, type World } from './helpers';

export const DEFS: Record<string, ActionDefs<any>> = {
  academy: academyActions,
  admin: adminActions,
  checkin: checkinActions,
  contest: contestActions,
  gift: giftActions,
  member: memberActions,
  retirement: retirementActions,
};

export interface Prepared {
  as: string;
  payload: Record<string, unknown>;
}

export interface CrashCase {
  fn: string;
  action: string;
  /** A variant of the same action (e.g. the first certificate of a year). */
  label?: string;
  /**
   * Differences a completed-after-a-crash run shows on purpose, dropped before comparing: dotted
   * paths into the answer (`data.detail`) and into documents (`auditLog:detail.completedLater`).
   */
  intended?: { answer?: string[]; docs?: string[]; why: string };
  prepare(w: World): Promise<Prepared>;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const GIFT = 'gift-2026-spring';
const XCH = 'station-xinchenghui';
const VOUCHER = 'v2026courier000001';
const CONTEST = 'contest-2026-skills';

let prepSeq = 0;
/** A clean call made while preparing; a request id fixed by its order within the case. */
async function step(w: World, as: string, fn: string, action: string, payload: Record<string, unknown> = {}) {
  prepSeq += 1;
  const requestId = `prep-${action}-${prepSeq % 1000}`.padEnd(8, '0');
  return okData(await w.call(as, DEFS[fn], fn, { action, requestId, ...payload }));
}
/** Resets the preparation counter so each world's preparation uses the same request ids. */
export function resetPrep(): void {
  prepSeq = 0;
}

async function one(w: World, coll: string, where: Record<string, unknown>): Promise<any> {
  const [doc] = await w.all(coll, where);
  if (!doc) throw new Error(`prepare: nothing in ${coll} matching ${JSON.stringify(where)}`);
  return doc;
}

const retireeForm = (n: number, overrides: Record<string, unknown> = {}) => ({
  consent: true,
  requesterKind: 'self',
  name: '金阿毛',
  idNumber: fakeIdNumber('1966-01-15', 700 + n),
  employer: '嘉兴纺织有限公司',
  employerId: 'emp-jiaxing-textile',
  position: '挡车工',
  yearsOfService: 35,
  retirementDate: '2026-01-10',
  phone: '13957310001',
  deliveryMethod: 'pickup',
  pickupStationId: XCH,
  ...overrides,
});
const row = (f: Record<string, unknown>) => {
  const { consent: _c, requesterKind: _k, employer: _e, employerId: _i, ...rest } = f;
  return rest;
};
const request = (w: World, status: string, extra: Record<string, unknown> = {}) =>
  one(w, 'retirementRequests', { status, ...extra });

async function registration(w: World, tradeId = 'online-marketing'): Promise<string> {
  const user = await one(w, 'users', { _id: PERSONAS.worker });
  const reg = await step(w, PERSONAS.worker, 'contest', 'register', {
    contestId: CONTEST,
    tradeId,
    employer: user.profile.employer,
    jobTitle: '网店运营',
    skillLevel: '高级工',
    yearsInTrade: 6,
    phone: user.profile.phone,
    consent: true,
  });
  return reg.id ?? reg.registrationId ?? reg.registration?.id;
}

const STATION_CLOSURE = {
  stationId: 'station-honghe',
  from: '2026-01-20 08:00',
  until: '2026-01-25 18:00',
  reason: '设备检修',
};

/** No super admin claimed yet: the setup record and the setup grant gone. */
async function unclaimSetup(w: World): Promise<void> {
  for (const d of await w.all('appSetup')) await w.db.collection('appSetup').doc(d._id).remove();
  for (const g of await w.all('grants', { kind: 'superAdmin' })) await w.db.collection('grants').doc(g._id).remove();
}

/** An invitation the super admin made for a teacher. */
async function invitation(w: World): Promise<{ id: string; token: string }> {
  return step(w, PERSONAS.admin, 'admin', 'createInvitation', { kind: 'teacher', validDays: 7, maxUses: 3 });
}

const scheduleInput = () => {
  const startAt = shanghaiTime('2026-01-28 14:00');
  return {
    courseId: 'course-5s',
    teacherOpenid: PERSONAS.teacher,
    startAt,
    endAt: startAt + 3 * HOUR,
    format: 'branch',
    venue: '新城街道基层分课堂',
    capacity: 5,
    audience: 'open',
    bookingOpensAt: shanghaiTime('2026-01-20 09:00'),
    bookingClosesAt: startAt - HOUR,
    cancelDeadline: startAt - DAY,
  };
};

export const CASES: CrashCase[] = [
  // ------------------------------------------------------------------ academy
  {
    fn: 'academy',
    action: 'saveCourse',
    prepare: async () => ({
      as: PERSONAS.admin,
      payload: {
        title: '绣花机操作与花型调试',
        category: '服装',
        teacherOpenid: 'teacher-lu-peihua',
        teacherTitle: '浙江省劳动模范 · 服装制版技师',
        hours: 3,
        formats: ['live', 'onsite'],
        description: '电脑绣花机的穿线、换色与常见断线处理，花型文件的导入与调试，现场实操。',
      },
    }),
  },
  {
    fn: 'academy',
    action: 'setCourseActive',
    prepare: async () => ({ as: PERSONAS.admin, payload: { courseId: 'course-5s', active: false } }),
  },
  {
    fn: 'academy',
    action: 'placeOrder',
    prepare: async () => ({
      as: PERSONAS.enterprise,
      payload: {
        courseId: 'course-garment-pattern',
        headcount: 20,
        preferredDates: ['2026-02-10'],
        place: '嘉兴纺织有限公司培训室',
        format: 'onsite',
      },
    }),
  },
  {
    fn: 'academy',
    action: 'withdrawOrder',
    prepare: async () => ({ as: PERSONAS.enterprise, payload: { orderId: 'ord-seed-safety' } }),
  },
  {
    fn: 'academy',
    action: 'acceptOrder',
    prepare: async () => ({ as: PERSONAS.admin, payload: { orderId: 'ord-seed-safety', note: '下周排课' } }),
  },
  {
    fn: 'academy',
    action: 'declineOrder',
    prepare: async () => ({ as: PERSONAS.admin, payload: { orderId: 'ord-seed-safety', reason: '本季度师资已排满' } }),
  },
  {
    fn: 'academy',
    action: 'scheduleSession',
    prepare: async () => ({ as: PERSONAS.admin, payload: { ...scheduleInput(), orderId: 'ord-seed-loom' } }),
  },
  {
    fn: 'academy',
    action: 'updateSession',
    prepare: async () => ({ as: PERSONAS.admin, payload: { sessionId: 'ses-seed-cnc', capacity: 40 } }),
  },
  {
    fn: 'academy',
    action: 'closeSession',
    prepare: async (w) => {
      const s = await one(w, 'sessions', { _id: 'ses-seed-cnc' });
      w.clock.set(s.endAt + HOUR);
      return { as: PERSONAS.teacher, payload: { sessionId: 'ses-seed-cnc' } };
    },
  },
  {
    fn: 'academy',
    action: 'book',
    prepare: async () => ({ as: PERSONAS.worker, payload: { sessionId: 'ses-seed-cnc' } }),
  },
  {
    fn: 'academy',
    action: 'book',
    label: 'waitlisted (session full)',
    prepare: async (w) => {
      await w.db
        .collection('sessions')
        .doc('ses-seed-cnc')
        .update({ data: { capacity: 3 } });
      return { as: PERSONAS.worker, payload: { sessionId: 'ses-seed-cnc' } };
    },
  },
  {
    fn: 'academy',
    action: 'cancelBooking',
    prepare: async (w) => {
      await step(w, PERSONAS.worker, 'academy', 'book', { sessionId: 'ses-seed-cnc' });
      return { as: PERSONAS.worker, payload: { sessionId: 'ses-seed-cnc' } };
    },
  },
  {
    fn: 'academy',
    action: 'rate',
    prepare: async (w) => {
      const s = await one(w, 'sessions', { _id: 'ses-seed-cnc' });
      await step(w, PERSONAS.worker, 'academy', 'book', { sessionId: 'ses-seed-cnc' });
      const b = await one(w, 'sessionBookings', { sessionId: 'ses-seed-cnc', openid: PERSONAS.worker });
      await w.db
        .collection('sessionBookings')
        .doc(b._id)
        .update({ data: { status: 'attended', attendedAt: s.startAt } });
      w.clock.set(s.endAt + HOUR);
      return { as: PERSONAS.worker, payload: { sessionId: 'ses-seed-cnc', stars: 5, comment: '讲得很实用' } };
    },
  },
  {
    fn: 'academy',
    action: 'sendReminders',
    prepare: async (w) => {
      w.clock.set(shanghaiTime('2026-01-22 16:00'));
      return { as: PERSONAS.admin, payload: {} };
    },
  },
  // ------------------------------------------------------------------ admin
  {
    fn: 'admin',
    action: 'setupStatus',
    prepare: async (w) => {
      await unclaimSetup(w);
      return { as: PERSONAS.newcomer, payload: {} };
    },
  },
  {
    fn: 'admin',
    action: 'claimSetup',
    prepare: async (w) => {
      await unclaimSetup(w);
      w.env.SETUP_CODE = 'ABCD-EFGH-JKMN-PQRS';
      return { as: PERSONAS.newcomer, payload: { code: 'ABCD-EFGH-JKMN-PQRS' } };
    },
  },
  {
    fn: 'admin',
    action: 'createInvitation',
    prepare: async () => ({
      as: PERSONAS.admin,
      payload: { kind: 'stationStaff', scopeId: XCH, validDays: 7, maxUses: 2 },
    }),
  },
  {
    fn: 'admin',
    action: 'revokeInvitation',
    prepare: async (w) => ({ as: PERSONAS.admin, payload: { invitationId: (await invitation(w)).id } }),
  },
  {
    fn: 'admin',
    action: 'acceptInvitation',
    prepare: async (w) => ({ as: PERSONAS.worker, payload: { token: (await invitation(w)).token } }),
  },
  {
    fn: 'admin',
    action: 'revokeGrant',
    prepare: async (w) => ({
      as: PERSONAS.admin,
      payload: { grantId: (await one(w, 'grants', { kind: 'stationStaff', active: true }))._id },
    }),
  },
  {
    fn: 'admin',
    action: 'saveStation',
    prepare: async () => ({
      as: PERSONAS.admin,
      payload: {
        name: '高照驿站',
        town: '高照街道',
        address: '嘉兴市秀洲区高照街道秀园路88号',
        hours: '每天 08:00-19:00',
        phone: '0573-82201009',
        services: ['热水'],
        latE6: 30762345,
        lngE6: 120731234,
      },
    }),
  },
  {
    fn: 'admin',
    action: 'closeStation',
    prepare: async () => ({ as: PERSONAS.admin, payload: STATION_CLOSURE }),
  },
  {
    fn: 'admin',
    action: 'reopenStation',
    prepare: async (w) => {
      await step(w, PERSONAS.admin, 'admin', 'closeStation', STATION_CLOSURE);
      return { as: PERSONAS.admin, payload: { stationId: 'station-honghe' } };
    },
  },
  {
    fn: 'admin',
    action: 'setStationActive',
    prepare: async () => ({ as: PERSONAS.admin, payload: { stationId: 'station-honghe', active: false } }),
  },
  {
    fn: 'admin',
    action: 'saveEmployer',
    prepare: async () => ({ as: PERSONAS.admin, payload: { name: '高照新材料有限公司' } }),
  },
  {
    fn: 'admin',
    action: 'mergeEmployers',
    prepare: async () => ({
      as: PERSONAS.admin,
      payload: { keepId: 'emp-jiaxing-textile', dropId: 'emp-honghe-sweater' },
    }),
  },
  {
    fn: 'admin',
    action: 'saveEmployer',
    label: 'renaming one that records name',
    prepare: async () => ({
      as: PERSONAS.admin,
      payload: { employerId: 'emp-xiuzhou-cnc', name: '嘉兴秀洲精工机械股份有限公司' },
    }),
  },
  {
    fn: 'admin',
    action: 'mergeEmployers',
    label: 'with records to move',
    prepare: async () => ({
      as: PERSONAS.admin,
      payload: { keepId: 'emp-xiuzhou-cnc', dropId: 'emp-jiaxing-textile' },
    }),
  },
  {
    fn: 'admin',
    action: 'setEmployerActive',
    prepare: async () => ({ as: PERSONAS.admin, payload: { employerId: 'emp-honghe-sweater', active: false } }),
  },
  // ------------------------------------------------------------------ checkin
  {
    fn: 'checkin',
    action: 'scan',
    intended: {
      answer: ['data.detail'],
      docs: ['auditLog:detail.completedLater', 'scans:detail'],
      why: 'a scan completed by its retry tells the staff so (上次扫码已生效（网络中断后补记），请勿重复发放) and says so in its scan record and audit entry',
    },
    prepare: async (w) => ({
      as: PERSONAS.stationStaff,
      payload: {
        code: signToken(w.env, { kind: 'voucher', id: VOUCHER, ttlMs: 90_000 }, w.clock.now()).token,
        scope: { kind: 'station', id: XCH },
      },
    }),
  },
  {
    fn: 'checkin',
    action: 'redeemManual',
    intended: {
      answer: ['data.detail'],
      docs: ['auditLog:detail.completedLater', 'scans:detail'],
      why: 'a scan completed by its retry tells the staff so (上次扫码已生效（网络中断后补记），请勿重复发放) and says so in its scan record and audit entry',
    },
    prepare: async () => ({
      as: PERSONAS.stationStaff,
      payload: { kind: 'voucher', subjectId: VOUCHER, scope: { kind: 'station', id: XCH } },
    }),
  },
  {
    fn: 'checkin',
    action: 'undo',
    prepare: async (w) => {
      const scanned = await step(w, PERSONAS.stationStaff, 'checkin', 'scan', {
        code: signToken(w.env, { kind: 'voucher', id: VOUCHER, ttlMs: 90_000 }, w.clock.now()).token,
        scope: { kind: 'station', id: XCH },
      });
      return { as: PERSONAS.stationStaff, payload: { scanId: scanned.scanId, reason: '扫错了人' } };
    },
  },
  // ------------------------------------------------------------------ contest
  {
    fn: 'contest',
    action: 'register',
    prepare: async (w) => {
      const user = await one(w, 'users', { _id: PERSONAS.worker });
      return {
        as: PERSONAS.worker,
        payload: {
          contestId: CONTEST,
          tradeId: 'smart-manufacturing',
          employer: user.profile.employer,
          jobTitle: '设备维护',
          skillLevel: '高级工',
          yearsInTrade: 8,
          phone: user.profile.phone,
          consent: true,
        },
      };
    },
  },
  {
    fn: 'contest',
    action: 'resubmit',
    prepare: async (w) => {
      const id = await registration(w);
      await step(w, PERSONAS.admin, 'contest', 'review', {
        registrationIds: [id],
        decision: 'return',
        reason: '请补充技能等级证书',
      });
      const user = await one(w, 'users', { _id: PERSONAS.worker });
      return {
        as: PERSONAS.worker,
        payload: {
          registrationId: id,
          employer: user.profile.employer,
          jobTitle: '网店运营',
          skillLevel: '技师',
          yearsInTrade: 6,
          phone: user.profile.phone,
          consent: true,
        },
      };
    },
  },
  {
    fn: 'contest',
    action: 'cancel',
    prepare: async (w) => ({ as: PERSONAS.worker, payload: { registrationId: await registration(w) } }),
  },
  {
    fn: 'contest',
    action: 'cancel',
    label: 'holding an employer share',
    prepare: async (w) => ({
      as: PERSONAS.worker,
      payload: { registrationId: await registration(w, 'smart-manufacturing') },
    }),
  },
  {
    fn: 'contest',
    action: 'resubmit',
    label: "moving to another employer's share",
    prepare: async (w) => {
      const id = await registration(w, 'smart-manufacturing');
      await step(w, PERSONAS.admin, 'contest', 'review', {
        registrationIds: [id],
        decision: 'return',
        reason: '请填写现所在单位',
      });
      const user = await one(w, 'users', { _id: PERSONAS.worker });
      return {
        as: PERSONAS.worker,
        payload: {
          registrationId: id,
          employer: '王江泾丝绸服饰有限公司',
          jobTitle: '设备维护',
          skillLevel: '高级工',
          yearsInTrade: 8,
          phone: user.profile.phone,
          consent: true,
        },
      };
    },
  },
  {
    fn: 'contest',
    action: 'review',
    prepare: async (w) => ({
      as: PERSONAS.admin,
      payload: { registrationIds: [await registration(w)], decision: 'approve' },
    }),
  },
  {
    fn: 'contest',
    action: 'publishResults',
    prepare: async (w) => {
      // The 2026 live-commerce contest (closed 2026-01-20 23:59): its approved entry, checked in, then judged.
      const reg = await one(w, 'contestRegistrations', { contestId: 'contest-2026-live', status: 'approved' });
      const contest = await one(w, 'contests', { _id: 'contest-2026-live' });
      await w.db
        .collection('contestRegistrations')
        .doc(reg._id)
        .update({ data: { status: 'checked_in', checkedInAt: contest.contestStartsAt } });
      w.clock.set(contest.contestEndsAt + HOUR);
      return {
        as: PERSONAS.admin,
        payload: {
          contestId: 'contest-2026-live',
          tradeId: reg.tradeId,
          results: [{ registrationId: reg._id, rank: 1, award: '一等奖' }],
        },
      };
    },
  },
  {
    fn: 'contest',
    action: 'saveContest',
    prepare: async () => ({ as: PERSONAS.admin, payload: CONTEST_FORM }),
  },
  {
    fn: 'contest',
    action: 'saveTrade',
    prepare: async () => ({
      as: PERSONAS.admin,
      payload: { contestId: 'contest-2026-autumn', name: '焊工', rules: '手工电弧焊实操', quota: 20 },
    }),
  },
  {
    fn: 'contest',
    action: 'removeTrade',
    prepare: async () => ({
      as: PERSONAS.admin,
      payload: { contestId: 'contest-2026-autumn', tradeId: 'courier-service' },
    }),
  },
  {
    fn: 'contest',
    action: 'publishContest',
    prepare: async (w) => {
      const draft = await step(w, PERSONAS.admin, 'contest', 'saveContest', CONTEST_FORM);
      await step(w, PERSONAS.admin, 'contest', 'saveTrade', {
        contestId: draft.id,
        name: '直播带货',
        rules: '20分钟直播实操',
        quota: 2,
      });
      return { as: PERSONAS.admin, payload: { contestId: draft.id } };
    },
  },
  {
    fn: 'contest',
    action: 'closeContest',
    prepare: async () => ({ as: PERSONAS.admin, payload: { contestId: 'contest-2026-autumn' } }),
  },
  {
    fn: 'contest',
    action: 'copyContest',
    prepare: async () => ({ as: PERSONAS.admin, payload: { contestId: 'contest-2025-skills' } }),
  },
  {
    fn: 'contest',
    action: 'saveTrade',
    label: 'named employer places',
    prepare: async (w) => {
      const trade = await one(w, 'contestTrades', { _id: `${CONTEST}:smart-manufacturing` });
      return {
        as: PERSONAS.contestAdmin,
        payload: {
          contestId: CONTEST,
          tradeId: 'smart-manufacturing',
          name: trade.name,
          rules: trade.rules,
          quota: trade.quota,
          employerQuota: 3,
          employerPlaces: [{ employer: '嘉兴纺织有限公司', places: 5 }],
        },
      };
    },
  },
  {
    fn: 'contest',
    action: 'withdrawTitle',
    prepare: async (w) => {
      // Last year's 数控铣工 title, held by a seeded person, shown on this year's contest (same trade).
      const [held] = await step(w, PERSONAS.contestAdmin, 'contest', 'adminTitles', { contestId: CONTEST });
      return {
        as: PERSONAS.contestAdmin,
        payload: { contestId: CONTEST, titleId: held.id, reason: '成绩复核有误，称号撤销' },
      };
    },
  },
  // ------------------------------------------------------------------ gift
  {
    fn: 'gift',
    action: 'createCampaign',
    prepare: async () => ({
      as: PERSONAS.admin,
      payload: {
        name: '元宵节慰问礼包',
        items: ['汤圆', '保温杯'],
        startAt: '2026-02-20 10:00',
        endAt: '2026-03-01 18:00',
        groups: [],
        validDays: 7,
        stock: [
          { stationId: XCH, stock: 10 },
          { stationId: 'station-honghe', stock: 5 },
        ],
      },
    }),
  },
  {
    fn: 'gift',
    action: 'updateCampaign',
    prepare: async () => ({ as: PERSONAS.admin, payload: { campaignId: GIFT, name: '2026春节慰问礼包（加发）' } }),
  },
  {
    fn: 'gift',
    action: 'setPaused',
    prepare: async () => ({ as: PERSONAS.admin, payload: { campaignId: GIFT, paused: true } }),
  },
  {
    fn: 'gift',
    action: 'moveStock',
    prepare: async () => ({
      as: PERSONAS.admin,
      payload: { campaignId: GIFT, fromStationId: XCH, toStationId: 'station-honghe', amount: 5 },
    }),
  },
  {
    fn: 'gift',
    action: 'moveStock',
    label: 'to a station without a stock document',
    prepare: async (w) => {
      const station = await one(w, 'stations', { _id: 'station-honghe' });
      const { _id, ...rest } = station;
      void _id;
      await w.db
        .collection('stations')
        .doc('station-test-new')
        .set({ data: { ...rest, name: '测试新驿站' } });
      return {
        as: PERSONAS.admin,
        payload: { campaignId: GIFT, fromStationId: XCH, toStationId: 'station-test-new', amount: 5 },
      };
    },
  },
  {
    fn: 'gift',
    action: 'expireSweep',
    prepare: async (w) => {
      w.clock.advance(30 * DAY);
      return { as: PERSONAS.admin, payload: {} };
    },
  },
  {
    fn: 'gift',
    action: 'claim',
    prepare: async () => ({ as: PERSONAS.rider, payload: { campaignId: GIFT, stationId: XCH } }),
  },
  {
    fn: 'gift',
    action: 'cancelClaim',
    prepare: async () => ({ as: PERSONAS.courier, payload: { voucherId: VOUCHER } }),
  },
  {
    fn: 'gift',
    action: 'onSpotClaim',
    prepare: async (w) => {
      const rider = await one(w, 'users', { _id: PERSONAS.rider });
      return {
        as: PERSONAS.stationStaff,
        payload: { campaignId: GIFT, stationId: XCH, memberNo: rider.membership.memberNo },
      };
    },
  },
  // ------------------------------------------------------------------ member
  {
    fn: 'member',
    action: 'updateProfile',
    prepare: async () => ({
      as: PERSONAS.newcomer,
      payload: {
        name: '张新来',
        phone: '13812345678',
        employer: '嘉兴纺织有限公司',
        district: '秀洲区',
        category: '产业工人',
      },
    }),
  },
  {
    fn: 'member',
    action: 'applyMembership',
    prepare: async (w) => {
      await step(w, PERSONAS.newcomer, 'member', 'updateProfile', {
        name: '张新来',
        phone: '13812345678',
        employer: '嘉兴纺织有限公司',
        district: '秀洲区',
        category: '产业工人',
      });
      return { as: PERSONAS.newcomer, payload: { agreeCharter: true } };
    },
  },
  {
    fn: 'member',
    action: 'reviewApplication',
    prepare: async (w) => {
      const app = await one(w, 'membershipApplications', { openid: 'seed-applicant-li' });
      return { as: PERSONAS.admin, payload: { applicationId: app._id, decision: 'approve' } };
    },
  },
  {
    fn: 'member',
    action: 'reviewApplication',
    label: 'the first member number (no counter yet)',
    prepare: async (w) => {
      await w.db.collection('counters').where({ _id: 'memberNo' }).remove();
      const app = await one(w, 'membershipApplications', { openid: 'seed-applicant-li' });
      return { as: PERSONAS.admin, payload: { applicationId: app._id, decision: 'approve' } };
    },
  },
  {
    fn: 'member',
    action: 'reviewApplication',
    label: 'returned',
    prepare: async (w) => {
      const app = await one(w, 'membershipApplications', { openid: 'seed-applicant-zhao' });
      return { as: PERSONAS.admin, payload: { applicationId: app._id, decision: 'return', reason: '单位名称不完整' } };
    },
  },
  {
    fn: 'member',
    action: 'transferMembership',
    prepare: async () => ({
      as: PERSONAS.worker,
      payload: { newEmployer: '嘉兴纺织有限公司', district: '秀洲区', reason: '工作调动' },
    }),
  },
  {
    fn: 'member',
    action: 'deleteMyData',
    intended: {
      answer: ['data.removed', 'data.summary'],
      why: 'an idempotent write (no replay record, by contract): its retry reports what it removed itself; the data is gone either way',
    },
    prepare: async () => ({ as: PERSONAS.worker, payload: { confirm: DELETE_MY_DATA_CONFIRMATION } }),
  },
  {
    fn: 'member',
    action: 'markMessagesRead',
    prepare: async (w) => {
      const mine = await w.all('messages', { to: PERSONAS.worker });
      return { as: PERSONAS.worker, payload: { ids: mine.length ? mine.map((m) => m._id) : ['m-none'] } };
    },
  },
  // ------------------------------------------------------------------ retirement
  {
    fn: 'retirement',
    action: 'submitRequest',
    prepare: async () => ({ as: PERSONAS.retiree, payload: retireeForm(1) }),
  },
  {
    fn: 'retirement',
    action: 'submitBatch',
    prepare: async () => ({
      as: PERSONAS.enterprise,
      payload: {
        consent: true,
        employerId: 'emp-jiaxing-textile',
        retirees: [row(retireeForm(2, { name: '沈阿大' })), row(retireeForm(3, { name: '王小妹' }))],
      },
    }),
  },
  {
    fn: 'retirement',
    action: 'resubmitRequest',
    prepare: async (w) => {
      const doc = await request(w, 'returned');
      const {
        consent: _c,
        requesterKind: _k,
        idNumber: _i,
        employerId: _e,
        ...fields
      } = retireeForm(4, {
        name: doc.name,
        employer: doc.employer,
      });
      return { as: doc.requester.openid, payload: { id: doc._id, ...fields } };
    },
  },
  {
    fn: 'retirement',
    action: 'confirmReceipt',
    prepare: async (w) => {
      const doc = await request(w, 'plaque_posted');
      return { as: doc.requester.openid, payload: { id: doc._id } };
    },
  },
  {
    fn: 'retirement',
    action: 'verifyEmployment',
    prepare: async (w) => {
      const doc = await request(w, 'submitted', { employerId: 'emp-jiaxing-textile' });
      return { as: PERSONAS.enterprise, payload: { ids: [doc._id], decision: 'confirm' } };
    },
  },
  {
    fn: 'retirement',
    action: 'approve',
    prepare: async (w) => ({ as: PERSONAS.admin, payload: { ids: [(await request(w, 'employer_verified'))._id] } }),
  },
  {
    fn: 'retirement',
    action: 'returnRequest',
    prepare: async (w) => ({
      as: PERSONAS.admin,
      payload: { id: (await request(w, 'submitted'))._id, reason: '照片不清楚，请重新上传' },
    }),
  },
  {
    fn: 'retirement',
    action: 'issue',
    prepare: async (w) => ({ as: PERSONAS.admin, payload: { ids: [(await request(w, 'approved'))._id] } }),
  },
  {
    fn: 'retirement',
    action: 'issue',
    label: 'the first certificate of the year (no serial counter yet)',
    prepare: async (w) => {
      // A year no certificate was issued in yet: no serial counter.
      const [settings] = await w.all('retirementSettings');
      await w.db
        .collection('retirementSettings')
        .doc(settings._id)
        .update({ data: { year: 2031 } });
      return { as: PERSONAS.admin, payload: { ids: [(await request(w, 'approved'))._id] } };
    },
  },
  {
    fn: 'retirement',
    action: 'plaqueReady',
    prepare: async (w) => {
      const doc = await request(w, 'employer_verified');
      await step(w, PERSONAS.admin, 'retirement', 'approve', { ids: [doc._id] });
      await step(w, PERSONAS.admin, 'retirement', 'issue', { ids: [doc._id] });
      return { as: PERSONAS.admin, payload: { ids: [doc._id] } };
    },
  },
  {
    fn: 'retirement',
    action: 'postPlaque',
    prepare: async (w) => {
      const doc = await request(w, 'approved');
      await step(w, PERSONAS.admin, 'retirement', 'issue', { ids: [doc._id] });
      return { as: PERSONAS.admin, payload: { id: doc._id, trackingNote: '顺丰 SF1234567890' } };
    },
  },
  {
    fn: 'retirement',
    action: 'revoke',
    prepare: async (w) => ({
      as: PERSONAS.admin,
      payload: { id: (await request(w, 'plaque_pending'))._id, reason: '重复申请，已合并' },
    }),
  },
  {
    fn: 'retirement',
    action: 'markCallbackDone',
    prepare: async (w) => ({
      as: PERSONAS.admin,
      payload: { id: (await request(w, 'submitted', { callbackRequested: true }))._id, note: '已与本人通话，信息无误' },
    }),
  },
  {
    fn: 'retirement',
    action: 'saveSettings',
    prepare: async () => ({
      as: PERSONAS.admin,
      payload: {
        open: true,
        year: 2026,
        title: '2026年企业职工「光荣退休」',
        opensAt: '2026-01-01 00:00',
        closesAt: '2026-12-31 18:00',
        futureDays: 30,
        pastDays: 730,
        certificateText: '{name}同志：\n\n感谢您在{employer}的{years}年。',
        issuer: '嘉兴市秀洲区总工会',
        serialPrefix: '秀工荣退',
        pickupStationIds: [XCH],
      },
    }),
  },
];
