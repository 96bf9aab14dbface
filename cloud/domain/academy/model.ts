/**
 * The academy's documents and their views. Collections: `courses` (catalogue; `courseTitles` keeps
 * its titles unique), `courseOrders` (点单), `sessions` (下单: one scheduled delivery, carrying the
 * seat counters), `sessionBookings` (one per person per session, deterministic `_id`),
 * `sessionRatings` (`_id` = booking id: once).
 */
import { createHash } from 'crypto';
import type {
  BookingStatus,
  Course,
  CourseAdmin,
  CourseCategory,
  CourseFormat,
  CourseOrder,
  MyBooking,
  OrderStatus,
  Session,
  SessionAudience,
  SessionStatus,
} from '../../../types/api/academy';
import { ORDER_STATUS_LABELS, bookingStatusLabel } from '../../../types/api/academy';
import type { ScanStamp } from '../../lib/scan';

export const COURSES = 'courses';
export const ORDERS = 'courseOrders';
export const SESSIONS = 'sessions';
export const BOOKINGS = 'sessionBookings';
export const RATINGS = 'sessionRatings';
export const COURSE_TITLES = 'courseTitles';

export interface CourseDoc {
  _id: string;
  title: string;
  category: CourseCategory;
  teacherName: string;
  teacherTitle: string;
  /** The teacher's OPENID when they use the app (default teacher when scheduling). */
  teacherOpenid?: string;
  hours: number;
  formats: CourseFormat[];
  description: string;
  /** Catalogue order. */
  rank: number;
  /** false once withdrawn (已下架); missing on courses written before withdrawal existed = 上架. */
  active?: boolean;
  withdrawnAt?: number;
  /** The request that last withdrew or restored it: its retry finishes instead of being refused. */
  activeRequestId?: string | null;
  createdAt?: number;
  updatedAt?: number;
}

/**
 * One per catalogue title (`_id` = titleKey(title)), naming the course that holds it: two admins
 * saving the same title at once cannot both win. A claim whose course now has another title is stale.
 */
export interface CourseTitleDoc {
  _id: string;
  courseId: string;
  at: number;
}

export interface OrderDoc {
  _id: string;
  courseId?: string;
  title: string;
  topic?: string;
  ordererOpenid: string;
  ordererName: string;
  employerId?: string;
  employerName: string;
  headcount: number;
  preferredDates: string[];
  place: string;
  format: CourseFormat;
  note?: string;
  status: OrderStatus;
  declineReason?: string;
  acceptNote?: string;
  sessionIds: string[];
  createdAt: number;
  updatedAt: number;
}

export interface SessionDoc {
  _id: string;
  orderId?: string;
  courseId?: string;
  title: string;
  category?: CourseCategory;
  teacherOpenid: string;
  teacherName: string;
  startAt: number;
  endAt: number;
  format: CourseFormat;
  venue?: string;
  liveLink?: string;
  capacity: number;
  /** Seats taken (booked + attended + late-cancelled): only ever changed by conditional `_.inc`. */
  booked: number;
  /** People on the waitlist now. */
  waiting: number;
  /** The waitlist's ticket sequence: each joiner takes the next number (their position). */
  waitSeq: number;
  audience: SessionAudience;
  employerId?: string;
  employerName?: string;
  bookingOpensAt: number;
  bookingClosesAt: number;
  cancelDeadline: number;
  status: SessionStatus;
  ratingCount: number;
  ratingSum: number;
  createdAt: number;
  updatedAt: number;
  /** Booking ids holding the `booked` seats (absent on sessions from before it was kept). */
  seatHolders?: string[];
}

export interface BookingDoc {
  _id: string;
  sessionId: string;
  openid: string;
  /** For the scanner's masked display and lookup (name + phone tail); never returned in clear. */
  name: string;
  phoneTail: string;
  employer: string;
  /** 'pending' only between the one-per-person claim and the seat/waitlist decision. */
  status: BookingStatus | 'pending';
  /** Waitlist ticket (from the session's `waitSeq`); the shown position is the rank among those still waiting. */
  position?: number;
  late?: boolean;
  bookedAt: number;
  promotedAt?: number;
  cancelledAt?: number;
  attendedAt?: number;
  scan?: ScanStamp;
  rated: boolean;
  remindedAt?: number;
}

export interface RatingDoc {
  _id: string;
  sessionId: string;
  orderId?: string;
  openid: string;
  stars: number;
  comment?: string;
  at: number;
}

/** One booking per person per session, whatever the retries: fits the QR token id alphabet. */
export function bookingId(sessionId: string, openid: string): string {
  return `bk-${createHash('sha256').update(`${sessionId}:${openid}`).digest('hex').slice(0, 24)}`;
}

export function toCourse(doc: CourseDoc): Course {
  return {
    id: doc._id,
    title: doc.title,
    category: doc.category,
    teacherName: doc.teacherName,
    teacherTitle: doc.teacherTitle,
    hours: doc.hours,
    formats: doc.formats,
    description: doc.description,
  };
}

/** Courses are 上架 unless withdrawn (older documents carry no flag). */
export function isActive(doc: CourseDoc): boolean {
  return doc.active !== false;
}

export function toCourseAdmin(doc: CourseDoc): CourseAdmin {
  const active = isActive(doc);
  return {
    ...toCourse(doc),
    teacherOpenid: doc.teacherOpenid,
    active,
    withdrawnAt: active ? undefined : doc.withdrawnAt,
    updatedAt: doc.updatedAt,
  };
}

export function toOrder(doc: OrderDoc, viewer: string): CourseOrder {
  return {
    id: doc._id,
    courseId: doc.courseId,
    title: doc.title,
    topic: doc.topic,
    ordererName: doc.ordererName,
    employerId: doc.employerId,
    employerName: doc.employerName,
    headcount: doc.headcount,
    preferredDates: doc.preferredDates,
    place: doc.place,
    format: doc.format,
    note: doc.note,
    status: doc.status,
    statusLabel: ORDER_STATUS_LABELS[doc.status],
    declineReason: doc.declineReason,
    acceptNote: doc.acceptNote,
    sessionIds: doc.sessionIds,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    mine: doc.ordererOpenid === viewer,
  };
}

export function ratingAverage(doc: SessionDoc): number | null {
  return doc.ratingCount > 0 ? Math.round((doc.ratingSum / doc.ratingCount) * 10) / 10 : null;
}

export function toSession(doc: SessionDoc, myBooking: MyBooking | null = null): Session {
  return {
    id: doc._id,
    orderId: doc.orderId,
    courseId: doc.courseId,
    title: doc.title,
    category: doc.category,
    teacherName: doc.teacherName,
    startAt: doc.startAt,
    endAt: doc.endAt,
    format: doc.format,
    venue: doc.venue,
    liveLink: doc.liveLink,
    capacity: doc.capacity,
    booked: doc.booked,
    waiting: doc.waiting,
    audience: doc.audience,
    employerName: doc.employerName,
    bookingOpensAt: doc.bookingOpensAt,
    bookingClosesAt: doc.bookingClosesAt,
    cancelDeadline: doc.cancelDeadline,
    status: doc.status,
    ratingCount: doc.ratingCount,
    ratingAverage: ratingAverage(doc),
    myBooking,
  };
}

export function toMyBooking(doc: BookingDoc, waitPosition?: number): MyBooking {
  const status: BookingStatus = doc.status === 'pending' ? 'waitlisted' : doc.status;
  return {
    id: doc._id,
    status,
    statusLabel: bookingStatusLabel(status, waitPosition, doc.late),
    waitPosition: status === 'waitlisted' ? waitPosition : undefined,
    late: doc.late,
    rated: doc.rated,
    attendedAt: doc.attendedAt,
  };
}
