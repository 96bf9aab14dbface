/**
 * 劳模工匠学院 (craftsman academy): 点单 (order) — 下单 (schedule) — 送单 (deliver + seat booking).
 * Orders: 已点单 → 已受理 / 已婉拒 → 已排课 → 已送达 → 已评价, or 已撤回 before scheduling.
 * Bookings: 已预约 / 候补中(n) → 已签到 / 缺席 / 已取消 (准时 / 逾期).
 */
import { contract, returns, type ActionsOf } from '../contract';
import { s } from '../schema';
import { emptyInput, pageInput, type Page } from './common';

export const COURSE_CATEGORIES = [
  '纺织',
  '服装',
  '智能制造',
  '数控',
  '电商直播',
  '安全生产',
  '5S现场管理',
  '其他',
] as const;
export type CourseCategory = (typeof COURSE_CATEGORIES)[number];

/** on-site at the enterprise, at a 基层分课堂, or by live stream. */
export const COURSE_FORMATS = ['onsite', 'branch', 'live'] as const;
export type CourseFormat = (typeof COURSE_FORMATS)[number];
export const FORMAT_LABELS: Record<CourseFormat, string> = {
  onsite: '送教上门',
  branch: '基层分课堂',
  live: '直播授课',
};

export type OrderStatus = 'submitted' | 'accepted' | 'declined' | 'scheduled' | 'delivered' | 'rated' | 'withdrawn';
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  submitted: '已点单',
  accepted: '已受理',
  declined: '已婉拒',
  scheduled: '已排课',
  delivered: '已送达',
  rated: '已评价',
  withdrawn: '已撤回',
};

export type BookingStatus = 'booked' | 'waitlisted' | 'attended' | 'absent' | 'cancelled';
export type SessionAudience = 'open' | 'employer';
export type SessionStatus = 'scheduled' | 'delivered';

export interface Course {
  id: string;
  title: string;
  category: CourseCategory;
  teacherName: string;
  /** e.g. 全国劳动模范 · 数控高级技师 */
  teacherTitle: string;
  /** Hours of one session. */
  hours: number;
  formats: CourseFormat[];
  description: string;
}

/** The academy admin's view of a catalogue course: who teaches it and whether it is 上架. */
export interface CourseAdmin extends Course {
  /** The teacher's account (the picker's value); missing on a course written before accounts. */
  teacherOpenid?: string;
  /** False once withdrawn (已下架): gone from the catalogue, existing orders and sessions unchanged. */
  active: boolean;
  withdrawnAt?: number;
  updatedAt?: number;
}

export interface CourseOrder {
  id: string;
  courseId?: string;
  /** Catalogue course title, or the proposed topic. */
  title: string;
  topic?: string;
  ordererName: string;
  employerId?: string;
  employerName: string;
  headcount: number;
  preferredDates: string[];
  place: string;
  format: CourseFormat;
  note?: string;
  status: OrderStatus;
  statusLabel: string;
  declineReason?: string;
  acceptNote?: string;
  sessionIds: string[];
  createdAt: number;
  updatedAt: number;
  /** True when the caller placed it (may withdraw while 已点单/已受理). */
  mine: boolean;
}

export interface MyBooking {
  id: string;
  status: BookingStatus;
  /** 已预约, 候补中(3), 已签到, 缺席, 已取消（准时）, 已取消（逾期） */
  statusLabel: string;
  /** Current place in the waitlist (1 = next), while waitlisted. */
  waitPosition?: number;
  late?: boolean;
  rated: boolean;
  attendedAt?: number;
}

export interface Session {
  id: string;
  orderId?: string;
  courseId?: string;
  title: string;
  category?: CourseCategory;
  teacherName: string;
  startAt: number;
  endAt: number;
  format: CourseFormat;
  venue?: string;
  liveLink?: string;
  capacity: number;
  booked: number;
  waiting: number;
  audience: SessionAudience;
  employerName?: string;
  bookingOpensAt: number;
  bookingClosesAt: number;
  cancelDeadline: number;
  status: SessionStatus;
  ratingCount: number;
  /** Average 1–5, one decimal; null before any rating. */
  ratingAverage: number | null;
  myBooking: MyBooking | null;
}

export interface BookingListItem extends MyBooking {
  session: Omit<Session, 'myBooking'>;
}

export interface OrderReport {
  order: CourseOrder;
  sessions: {
    sessionId: string;
    title: string;
    startAt: number;
    capacity: number;
    booked: number;
    attended: number;
    absent: number;
    ratingCount: number;
    ratingAverage: number | null;
    /** Comments without names: the enterprise sees what was said, not who said it. */
    comments: string[];
  }[];
}

export interface Teacher {
  openid: string;
  name: string;
}

export interface SeatCode {
  token: string;
  expiresAt: number;
}

const dateTime = (label: string) => s.timestamp({ label });

export const listCoursesInput = s.object({ category: s.optional(s.oneOf(COURSE_CATEGORIES, { label: '课程类别' })) });

/**
 * 点单 lead time: the wanted date is at least this many days ahead (China dates), so the academy can
 * find a teacher and a room. The order form's date picker starts at the first allowed day.
 */
export const ORDER_LEAD_DAYS = 7;

export const placeOrderInput = s.object({
  courseId: s.optional(s.id({ label: '课程' })),
  topic: s.optional(s.string({ label: '希望的课程主题', min: 2, max: 60 })),
  headcount: s.int({ label: '参训人数', min: 1, max: 500 }),
  preferredDates: s.array(s.date({ label: '希望日期' }), { label: '希望日期', min: 1, max: 5 }),
  place: s.string({ label: '上课地点', min: 2, max: 80 }),
  format: s.oneOf(COURSE_FORMATS, { label: '授课方式' }),
  note: s.optional(s.string({ label: '补充说明', max: 200 })),
});

/**
 * 新增 or 修改 a catalogue course. Without `courseId` it creates one and every field is needed; with
 * it only the fields sent change, so two admins editing different fields of one course both keep theirs.
 */
export const saveCourseInput = s.object({
  courseId: s.optional(s.id({ label: '课程' })),
  title: s.optional(s.string({ label: '课程名称', min: 2, max: 40 })),
  category: s.optional(s.oneOf(COURSE_CATEGORIES, { label: '课程类别' })),
  teacherOpenid: s.optional(s.id({ label: '授课老师' })),
  teacherTitle: s.optional(s.string({ label: '老师称号', min: 2, max: 40 })),
  hours: s.optional(s.int({ label: '学时', min: 1, max: 16 })),
  formats: s.optional(s.array(s.oneOf(COURSE_FORMATS, { label: '授课方式' }), { label: '授课方式', min: 1, max: 3 })),
  description: s.optional(s.string({ label: '课程简介', min: 10, max: 300 })),
});
/** The fields a new course needs, in the form's order (the first missing one is named). */
export const COURSE_REQUIRED = [
  ['title', '课程名称'],
  ['category', '课程类别'],
  ['teacherOpenid', '授课老师'],
  ['teacherTitle', '老师称号'],
  ['hours', '学时'],
  ['formats', '授课方式'],
  ['description', '课程简介'],
] as const;

/** 下架 (active: false) or 重新上架 (active: true). */
export const setCourseActiveInput = s.object({
  courseId: s.id({ label: '课程' }),
  active: s.boolean({ label: '上架状态' }),
});

const orderIdInput = { orderId: s.id({ label: '点单编号' }) };
export const orderRef = s.object(orderIdInput);
export const acceptOrderInput = s.object({
  ...orderIdInput,
  note: s.optional(s.string({ label: '受理说明', max: 200 })),
});
export const declineOrderInput = s.object({
  ...orderIdInput,
  reason: s.string({ label: '婉拒原因', min: 2, max: 200 }),
});
export const listOrdersInput = s.object({
  status: s.optional(
    s.oneOf(['submitted', 'accepted', 'declined', 'scheduled', 'delivered', 'rated', 'withdrawn'] as const, {
      label: '状态',
    }),
  ),
  ...pageInput,
});

export const scheduleSessionInput = s.object({
  orderId: s.optional(s.id({ label: '点单编号' })),
  courseId: s.optional(s.id({ label: '课程' })),
  title: s.optional(s.string({ label: '课程名称', min: 2, max: 60 })),
  teacherOpenid: s.id({ label: '授课老师' }),
  startAt: dateTime('开课时间'),
  endAt: dateTime('结束时间'),
  format: s.oneOf(COURSE_FORMATS, { label: '授课方式' }),
  venue: s.optional(s.string({ label: '上课地点', min: 2, max: 80 })),
  liveLink: s.optional(
    s.string({
      label: '直播链接',
      min: 8,
      max: 200,
      pattern: /^https:\/\/\S+$/,
      patternMessage: '请填写 https 开头的直播链接',
    }),
  ),
  capacity: s.int({ label: '名额', min: 1, max: 500 }),
  audience: s.oneOf(['open', 'employer'] as const, { label: '预约范围' }),
  bookingOpensAt: dateTime('开始预约时间'),
  bookingClosesAt: dateTime('截止预约时间'),
  cancelDeadline: dateTime('取消截止时间'),
});

export const updateSessionInput = s.object({
  sessionId: s.id({ label: '场次' }),
  startAt: s.optional(dateTime('开课时间')),
  endAt: s.optional(dateTime('结束时间')),
  venue: s.optional(s.string({ label: '上课地点', min: 2, max: 80 })),
  liveLink: s.optional(
    s.string({
      label: '直播链接',
      min: 8,
      max: 200,
      pattern: /^https:\/\/\S+$/,
      patternMessage: '请填写 https 开头的直播链接',
    }),
  ),
  capacity: s.optional(s.int({ label: '名额', min: 1, max: 500 })),
});

export const sessionRef = s.object({ sessionId: s.id({ label: '场次' }) });
export const rateInput = s.object({
  sessionId: s.id({ label: '场次' }),
  stars: s.int({ label: '评分', min: 1, max: 5 }),
  comment: s.optional(s.string({ label: '评价', max: 300 })),
});

export const academyContract = /* @__PURE__ */ contract({
  listCourses: { input: listCoursesInput, output: returns<Course[]>, access: 'public' },
  listAllCourses: { input: emptyInput, output: returns<CourseAdmin[]>, access: ['admin'] },
  saveCourse: { input: saveCourseInput, output: returns<CourseAdmin>, access: ['admin'], writes: true },
  setCourseActive: { input: setCourseActiveInput, output: returns<CourseAdmin>, access: ['admin'], writes: true },
  placeOrder: { input: placeOrderInput, output: returns<CourseOrder>, access: 'signedIn', writes: true },
  myOrders: { input: emptyInput, output: returns<CourseOrder[]>, access: 'signedIn' },
  listOrders: { input: listOrdersInput, output: returns<Page<CourseOrder>>, access: ['admin'] },
  getOrder: {
    input: orderRef,
    output: returns<{ order: CourseOrder; sessions: Omit<Session, 'myBooking'>[] }>,
    access: 'signedIn',
  },
  withdrawOrder: { input: orderRef, output: returns<CourseOrder>, access: 'signedIn', writes: true },
  acceptOrder: { input: acceptOrderInput, output: returns<CourseOrder>, access: ['admin'], writes: true },
  declineOrder: { input: declineOrderInput, output: returns<CourseOrder>, access: ['admin'], writes: true },
  listTeachers: { input: emptyInput, output: returns<Teacher[]>, access: ['admin'] },
  scheduleSession: { input: scheduleSessionInput, output: returns<Session>, access: ['admin'], writes: true },
  updateSession: { input: updateSessionInput, output: returns<Session>, access: ['admin'], writes: true },
  closeSession: { input: sessionRef, output: returns<Session>, access: ['admin', 'teacher', 'staff'], writes: true },
  upcomingSessions: { input: emptyInput, output: returns<Session[]>, access: 'signedIn' },
  getSession: { input: sessionRef, output: returns<Session>, access: 'signedIn' },
  book: { input: sessionRef, output: returns<Session>, access: 'signedIn', writes: true },
  cancelBooking: { input: sessionRef, output: returns<Session>, access: 'signedIn', writes: true },
  myBookings: { input: emptyInput, output: returns<BookingListItem[]>, access: 'signedIn' },
  seatCode: { input: sessionRef, output: returns<SeatCode>, access: 'signedIn' },
  rate: { input: rateInput, output: returns<Session>, access: 'signedIn', writes: true },
  orderReport: { input: orderRef, output: returns<OrderReport>, access: 'signedIn' },
  sendReminders: { input: emptyInput, output: returns<{ reminded: number }>, access: ['admin'], writes: true },
});
export type AcademyActions = ActionsOf<typeof academyContract>;

/** 候补中(3) etc.: one place so pages and handlers say the same thing. */
export function bookingStatusLabel(status: BookingStatus, waitPosition?: number, late?: boolean): string {
  switch (status) {
    case 'booked':
      return '已预约';
    case 'waitlisted':
      return waitPosition ? `候补中(${waitPosition})` : '候补中';
    case 'attended':
      return '已签到';
    case 'absent':
      return '缺席';
    case 'cancelled':
      return late ? '已取消（逾期）' : '已取消（准时）';
  }
}
