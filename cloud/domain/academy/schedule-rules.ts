/** Checks of a schedule's times, and the message to everyone holding a seat or waiting. */
import type { Ctx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { BOOKINGS, type BookingDoc, type SessionDoc } from './model';

interface Times {
  startAt: number;
  endAt: number;
  bookingOpensAt: number;
  bookingClosesAt: number;
  cancelDeadline: number;
}

export function checkTimes(now: number, t: Times): void {
  if (t.startAt <= now) fail('INVALID_INPUT', '开课时间请选现在之后', { field: 'startAt' });
  if (t.endAt <= t.startAt) fail('INVALID_INPUT', '结束时间请晚于开课时间', { field: 'endAt' });
  if (t.bookingClosesAt <= t.bookingOpensAt)
    fail('INVALID_INPUT', '截止预约时间请晚于开始预约时间', { field: 'bookingClosesAt' });
  if (t.bookingClosesAt > t.startAt)
    fail('INVALID_INPUT', '截止预约时间请不晚于开课时间', { field: 'bookingClosesAt' });
  if (t.cancelDeadline > t.startAt) fail('INVALID_INPUT', '取消截止时间请不晚于开课时间', { field: 'cancelDeadline' });
}

export async function notifyBooked(ctx: Ctx, session: SessionDoc, title: string, body: string): Promise<number> {
  const _ = ctx.db.command;
  const found = await ctx.db
    .collection(BOOKINGS)
    .where({ sessionId: session._id, status: _.in(['booked', 'waitlisted']) })
    .limit(1000)
    .get();
  for (const b of found.data as BookingDoc[]) {
    await notify(ctx, { to: b.openid, title, body, page: `/academy/pages/session/index?id=${session._id}` });
  }
  return found.data.length;
}
