/**
 * The academy (劳模工匠学院) for the emulator, relative to `now`:
 * - a catalogue of 8 courses (all 上架) tied to the district's industries, taught by fictional model
 *   workers and craftsmen, each with a teacher account; persona-teacher 孙国华 teaches 数控铣削编程与精度控制;
 * - `ses-seed-cnc`: an open session of that course in 3 days at 梅里劳模工匠学堂 (capacity 30, a few
 *   fictional learners booked; booking open now); persona-teacher holds its 'session' scope;
 * - persona-enterprise's order for 高速织机挡车操作 (已受理, waiting for a schedule) and a newer one
 *   for 车间安全生产 (已点单) in the admin's queue.
 */
import { shanghaiDate, startOfShanghaiDay } from '../lib/clock';
import type { UserDoc } from '../lib/context';
import type { Database } from '../lib/db';
import {
  BOOKINGS,
  COURSES,
  ORDERS,
  SESSIONS,
  bookingId,
  type BookingDoc,
  type CourseDoc,
  type OrderDoc,
  type SessionDoc,
} from '../domain/academy/model';
import { PERSONAS } from './personas';

const DAY = 24 * 3600_000;
const HOUR = 3600_000;

const courses: Omit<CourseDoc, 'rank'>[] = [
  {
    _id: 'course-textile-loom',
    title: '高速织机挡车操作与疵点防控',
    category: '纺织',
    teacherName: '沈月琴',
    teacherTitle: '嘉兴工匠 · 纺织高级技师',
    teacherOpenid: 'teacher-shen-yueqin',
    hours: 3,
    formats: ['onsite', 'branch'],
    description: '车间就是课堂：跟着生产线讲接头、巡回和常见疵点的成因与防控，现场手把手练习。',
  },
  {
    _id: 'course-garment-pattern',
    title: '服装制版与高效版型优化',
    category: '服装',
    teacherName: '陆佩华',
    teacherTitle: '浙江省劳动模范 · 服装制版技师',
    teacherOpenid: 'teacher-lu-peihua',
    hours: 4,
    formats: ['onsite', 'branch', 'live'],
    description: '从结构制图到样板推档，拆解获奖版型的产业应用价值，帮助企业减少返工、提高面料利用率。',
  },
  {
    _id: 'course-smart-robot',
    title: '工业机器人操作与产线调试',
    category: '智能制造',
    teacherName: '顾志明',
    teacherTitle: '嘉兴市劳动模范 · 智能制造高级技师',
    teacherOpenid: 'teacher-gu-zhiming',
    hours: 4,
    formats: ['onsite', 'branch'],
    description: '示教编程、坐标系标定和常见报警处理，结合本地企业的自动化产线案例讲解。',
  },
  {
    _id: 'course-cnc-milling',
    title: '数控铣削编程与精度控制',
    category: '数控',
    teacherName: '孙国华',
    teacherTitle: '秀洲工匠 · 数控铣工高级技师',
    teacherOpenid: PERSONAS.teacher,
    hours: 3,
    formats: ['onsite', 'branch', 'live'],
    description: '典型零件的工艺路线、刀具选择与补偿、测量与误差分析，适合一线操作工和班组长。',
  },
  {
    _id: 'course-live-commerce',
    title: '产业带直播带货实战',
    category: '电商直播',
    teacherName: '吴婷婷',
    teacherTitle: '秀洲区技术能手 · 互联网营销师',
    teacherOpenid: 'teacher-wu-tingting',
    hours: 2,
    formats: ['branch', 'live'],
    description: '为本地纺织服装产品策划一场直播：选品、脚本、话术、投流与数据复盘。',
  },
  {
    _id: 'course-workshop-safety',
    title: '车间安全生产与应急处置',
    category: '安全生产',
    teacherName: '钱建国',
    teacherTitle: '浙江省五一劳动奖章获得者 · 注册安全工程师',
    teacherOpenid: 'teacher-qian-jianguo',
    hours: 2,
    formats: ['onsite', 'branch', 'live'],
    description: '机械伤害、触电、火灾的防范与第一时间处置，含灭火器和急救演练。',
  },
  {
    _id: 'course-5s',
    title: '5S现场管理法实操',
    category: '5S现场管理',
    teacherName: '姚金海',
    teacherTitle: '浙江省劳动模范 · 精益管理专家',
    teacherOpenid: 'teacher-yao-jinhai',
    hours: 3,
    formats: ['onsite', 'branch'],
    description: '整理、整顿、清扫、清洁、素养：带着班组走一遍现场，当场改出一个样板区。',
  },
  {
    _id: 'course-dyeing-saving',
    title: '印染工艺节能降耗',
    category: '纺织',
    teacherName: '朱卫平',
    teacherTitle: '嘉兴市技术能手 · 印染工程师',
    teacherOpenid: 'teacher-zhu-weiping',
    hours: 3,
    formats: ['onsite', 'live'],
    description: '染色配方优化、水电汽能耗分析与小改小革案例，帮助企业降本增效。',
  },
];

/**
 * The academy's other teachers have accounts too (role 'teacher', no persona): the admin picks a
 * course's teacher, and a session's, from these accounts.
 */
const teachers = [
  { openid: 'teacher-shen-yueqin', name: '沈月琴', phone: '13957301101', employer: '嘉兴纺织有限公司' },
  { openid: 'teacher-lu-peihua', name: '陆佩华', phone: '13957301102', employer: '王江泾丝绸服饰有限公司' },
  { openid: 'teacher-gu-zhiming', name: '顾志明', phone: '13957301103', employer: '嘉兴秀洲精工机械有限公司' },
  { openid: 'teacher-wu-tingting', name: '吴婷婷', phone: '13957301104', employer: '秀洲区电子商务产业园' },
  { openid: 'teacher-qian-jianguo', name: '钱建国', phone: '13957301105', employer: '秀洲区安全生产协会' },
  { openid: 'teacher-yao-jinhai', name: '姚金海', phone: '13957301106', employer: '嘉兴秀洲精工机械有限公司' },
  { openid: 'teacher-zhu-weiping', name: '朱卫平', phone: '13957301107', employer: '嘉兴纺织印染有限公司' },
];

const learners = [
  { openid: 'seed-learner-01', name: '杨晓东', phoneTail: '2231', employer: '嘉兴秀洲精工机械有限公司' },
  { openid: 'seed-learner-02', name: '蒋丽华', phoneTail: '5082', employer: '嘉兴纺织有限公司' },
  { openid: 'seed-learner-03', name: '许建平', phoneTail: '7716', employer: '王江泾丝绸服饰有限公司' },
];

export async function seedAcademy(db: Database, now: number): Promise<void> {
  const _ = db.command;
  for (const t of teachers) {
    const user: Omit<UserDoc, '_id'> = {
      roles: ['teacher'],
      scopes: [],
      profile: { name: t.name, phone: t.phone, employer: t.employer, district: '秀洲区', category: '产业工人' },
      membership: { status: 'none' },
      createdAt: now - 365 * DAY,
      updatedAt: now - 365 * DAY,
    };
    await db.collection('users').doc(t.openid).set({ data: user });
  }
  for (const [rank, { _id, ...c }] of courses.entries())
    await db
      .collection(COURSES)
      .doc(_id)
      .set({ data: { ...c, rank, active: true, createdAt: now - 365 * DAY, updatedAt: now - 365 * DAY } });

  const day0 = startOfShanghaiDay(now);
  const startAt = day0 + 3 * DAY + 14 * HOUR;
  const session: SessionDoc = {
    _id: 'ses-seed-cnc',
    courseId: 'course-cnc-milling',
    title: '数控铣削编程与精度控制',
    category: '数控',
    teacherOpenid: PERSONAS.teacher,
    teacherName: '孙国华',
    startAt,
    endAt: startAt + 3 * HOUR,
    format: 'branch',
    venue: '王店镇梅里劳模工匠学堂 二楼实训室',
    capacity: 30,
    booked: learners.length,
    seatHolders: learners.map((l) => bookingId('ses-seed-cnc', l.openid)),
    waiting: 0,
    waitSeq: 0,
    audience: 'open',
    bookingOpensAt: day0 - 2 * DAY,
    bookingClosesAt: startAt - 2 * HOUR,
    cancelDeadline: startAt - DAY,
    status: 'scheduled',
    ratingCount: 0,
    ratingSum: 0,
    createdAt: now - 3 * DAY,
    updatedAt: now - 3 * DAY,
  };
  const { _id: sessionId, ...sessionData } = session;
  await db.collection(SESSIONS).doc(sessionId).set({ data: sessionData });
  for (const l of learners) {
    const b: BookingDoc = {
      _id: bookingId(sessionId, l.openid),
      sessionId,
      ...l,
      status: 'booked',
      bookedAt: now - 2 * DAY,
      rated: false,
    };
    const { _id, ...data } = b;
    await db.collection(BOOKINGS).doc(_id).set({ data });
  }
  await db
    .collection('users')
    .doc(PERSONAS.teacher)
    .update({ data: { scopes: _.push([{ kind: 'session', id: sessionId }]) } });

  const orders: OrderDoc[] = [
    {
      _id: 'ord-seed-loom',
      courseId: 'course-textile-loom',
      title: '高速织机挡车操作与疵点防控',
      ordererOpenid: PERSONAS.enterprise,
      ordererName: '朱美华',
      employerId: 'emp-jiaxing-textile',
      employerName: '嘉兴纺织有限公司',
      headcount: 40,
      preferredDates: [shanghaiDate(day0 + 14 * DAY), shanghaiDate(day0 + 16 * DAY)],
      place: '嘉兴纺织有限公司 二号车间培训室',
      format: 'onsite',
      note: '新进挡车工较多，希望多安排实操。',
      status: 'accepted',
      acceptNote: '已联系沈月琴老师，近期排课。',
      sessionIds: [],
      createdAt: now - 5 * DAY,
      updatedAt: now - 4 * DAY,
    },
    {
      _id: 'ord-seed-safety',
      courseId: 'course-workshop-safety',
      title: '车间安全生产与应急处置',
      ordererOpenid: PERSONAS.enterprise,
      ordererName: '朱美华',
      employerId: 'emp-jiaxing-textile',
      employerName: '嘉兴纺织有限公司',
      headcount: 60,
      preferredDates: [shanghaiDate(day0 + 21 * DAY)],
      place: '嘉兴纺织有限公司 职工之家',
      format: 'onsite',
      status: 'submitted',
      sessionIds: [],
      createdAt: now - DAY,
      updatedAt: now - DAY,
    },
  ];
  for (const { _id, ...o } of orders) await db.collection(ORDERS).doc(_id).set({ data: o });
}
