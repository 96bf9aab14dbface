import type { AcademyActions } from '@contract/api/academy';
import { client } from './call';

const academy = client<AcademyActions>('academy');
type In<K extends keyof AcademyActions> = AcademyActions[K]['input'];

/** 劳模工匠学院: catalogue (and its upkeep), 点单, the academy's queue, sessions, seats and ratings. */
export const academyService = {
  listCourses: (input: In<'listCourses'> = {}) => academy.query('listCourses', input),
  listAllCourses: () => academy.query('listAllCourses', {}),
  saveCourse: (input: In<'saveCourse'>, requestId?: string) => academy.mutate('saveCourse', input, requestId),
  setCourseActive: (input: In<'setCourseActive'>, requestId?: string) =>
    academy.mutate('setCourseActive', input, requestId),
  placeOrder: (input: In<'placeOrder'>, requestId?: string) => academy.mutate('placeOrder', input, requestId),
  myOrders: () => academy.query('myOrders', {}),
  listOrders: (input: In<'listOrders'> = {}) => academy.query('listOrders', input),
  getOrder: (orderId: string) => academy.query('getOrder', { orderId }),
  withdrawOrder: (orderId: string, requestId?: string) => academy.mutate('withdrawOrder', { orderId }, requestId),
  acceptOrder: (input: In<'acceptOrder'>, requestId?: string) => academy.mutate('acceptOrder', input, requestId),
  declineOrder: (input: In<'declineOrder'>, requestId?: string) => academy.mutate('declineOrder', input, requestId),
  listTeachers: () => academy.query('listTeachers', {}),
  scheduleSession: (input: In<'scheduleSession'>, requestId?: string) =>
    academy.mutate('scheduleSession', input, requestId),
  updateSession: (input: In<'updateSession'>, requestId?: string) => academy.mutate('updateSession', input, requestId),
  closeSession: (sessionId: string, requestId?: string) => academy.mutate('closeSession', { sessionId }, requestId),
  upcomingSessions: () => academy.query('upcomingSessions', {}),
  getSession: (sessionId: string) => academy.query('getSession', { sessionId }),
  book: (sessionId: string, requestId?: string) => academy.mutate('book', { sessionId }, requestId),
  cancelBooking: (sessionId: string, requestId?: string) => academy.mutate('cancelBooking', { sessionId }, requestId),
  myBookings: () => academy.query('myBookings', {}),
  seatCode: (sessionId: string) => academy.query('seatCode', { sessionId }),
  rate: (input: In<'rate'>, requestId?: string) => academy.mutate('rate', input, requestId),
  orderReport: (orderId: string) => academy.query('orderReport', { orderId }),
  sendReminders: (requestId?: string) => academy.mutate('sendReminders', {}, requestId),
};
