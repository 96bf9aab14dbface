/**
 * The academy function (劳模工匠学院): catalogue (kept by the academy admin), 点单 orders, 下单
 * scheduling, 送单 seat booking with a waitlist, ratings and the enterprise's report. Attendance
 * scanning is in ./scan.ts.
 */
import { academyContract, type AcademyActions } from '../../../types/api/academy';
import { implement } from '../../lib/router';
import { book, cancelBooking, myBookings, seatCode } from './booking';
import { listCourses } from './catalogue';
import { listAllCourses, saveCourse, setCourseActive } from './catalogue-admin';
import { acceptOrder, declineOrder, getOrder, listOrders, myOrders, placeOrder, withdrawOrder } from './orders';
import { orderReport, rate } from './rating';
import { sendReminders } from './reminders';
import { closeSession, listTeachers, scheduleSession, updateSession } from './schedule';
import { getSession, upcomingSessions } from './sessions';

export const academyActions = implement<AcademyActions>(academyContract, {
  listCourses,
  listAllCourses: (ctx) => listAllCourses(ctx),
  saveCourse,
  setCourseActive,
  placeOrder,
  myOrders: (ctx) => myOrders(ctx),
  listOrders,
  getOrder,
  withdrawOrder,
  acceptOrder,
  declineOrder,
  listTeachers: (ctx) => listTeachers(ctx),
  scheduleSession,
  updateSession,
  closeSession,
  upcomingSessions: (ctx) => upcomingSessions(ctx),
  getSession,
  book,
  cancelBooking,
  myBookings: (ctx) => myBookings(ctx),
  seatCode,
  rate,
  orderReport,
  sendReminders: (ctx) => sendReminders(ctx),
});
export { sendReminders } from './reminders';
