/**
 * The academy function (劳模工匠学院): catalogue (kept by the academy admin), 点单 orders, 下单
 * scheduling, 送单 seat booking with a waitlist, ratings and the enterprise's report. Attendance
 * scanning is in ./scan.ts.
 */
import { academySchemas as S, type AcademyActions } from '../../../types/api/academy';
import { defineActions } from '../../lib/router';
import { book, cancelBooking, myBookings, seatCode } from './booking';
import { listCourses } from './catalogue';
import { listAllCourses, saveCourse, setCourseActive } from './catalogue-admin';
import { acceptOrder, declineOrder, getOrder, listOrders, myOrders, placeOrder, withdrawOrder } from './orders';
import { orderReport, rate } from './rating';
import { sendReminders } from './reminders';
import { closeSession, listTeachers, scheduleSession, updateSession } from './schedule';
import { getSession, upcomingSessions } from './sessions';

const ADMIN = ['admin'] as const;

export const academyActions = defineActions<AcademyActions>({
  listCourses: { input: S.listCourses, access: 'public', handler: listCourses },
  listAllCourses: { input: S.listAllCourses, access: [...ADMIN], handler: (ctx) => listAllCourses(ctx) },
  saveCourse: { input: S.saveCourse, access: [...ADMIN], mutating: true, handler: saveCourse },
  setCourseActive: { input: S.setCourseActive, access: [...ADMIN], mutating: true, handler: setCourseActive },
  placeOrder: { input: S.placeOrder, access: 'signedIn', mutating: true, handler: placeOrder },
  myOrders: { input: S.myOrders, access: 'signedIn', handler: (ctx) => myOrders(ctx) },
  listOrders: { input: S.listOrders, access: [...ADMIN], handler: listOrders },
  getOrder: { input: S.getOrder, access: 'signedIn', handler: getOrder },
  withdrawOrder: { input: S.withdrawOrder, access: 'signedIn', mutating: true, handler: withdrawOrder },
  acceptOrder: { input: S.acceptOrder, access: [...ADMIN], mutating: true, handler: acceptOrder },
  declineOrder: { input: S.declineOrder, access: [...ADMIN], mutating: true, handler: declineOrder },
  listTeachers: { input: S.listTeachers, access: [...ADMIN], handler: (ctx) => listTeachers(ctx) },
  scheduleSession: { input: S.scheduleSession, access: [...ADMIN], mutating: true, handler: scheduleSession },
  updateSession: { input: S.updateSession, access: [...ADMIN], mutating: true, handler: updateSession },
  closeSession: { input: S.closeSession, access: ['admin', 'teacher', 'staff'], mutating: true, handler: closeSession },
  upcomingSessions: { input: S.upcomingSessions, access: 'signedIn', handler: (ctx) => upcomingSessions(ctx) },
  getSession: { input: S.getSession, access: 'signedIn', handler: getSession },
  book: { input: S.book, access: 'signedIn', mutating: true, handler: book },
  cancelBooking: { input: S.cancelBooking, access: 'signedIn', mutating: true, handler: cancelBooking },
  myBookings: { input: S.myBookings, access: 'signedIn', handler: (ctx) => myBookings(ctx) },
  seatCode: { input: S.seatCode, access: 'signedIn', handler: seatCode },
  rate: { input: S.rate, access: 'signedIn', mutating: true, handler: rate },
  orderReport: { input: S.orderReport, access: 'signedIn', handler: orderReport },
  sendReminders: { input: S.sendReminders, access: [...ADMIN], mutating: true, handler: (ctx) => sendReminders(ctx) },
});
export { sendReminders } from './reminders';
