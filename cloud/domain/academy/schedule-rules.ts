/** Checks of a schedule's times, and the message to everyone holding a seat or waiting. */
import type { Ctx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { notify } from '../../lib/notify';
import { allPages } from '../../lib/paging';
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

/**
 * A session moved in time takes its booking rules along: the booking deadline and the cancel
 * window keep their distance to the start (closes at the start stays at the start; cancel 2 h
 * before stays 2 h before). Booking that would only open after it closes opens now instead.
 */
export function movedTimes(now: number, was: Times, startAt: number, endAt: number): Times {
  const shift = startAt - was.startAt;
  const bookingClosesAt = Math.min(startAt, was.bookingClosesAt + shift);
  const cancelDeadline = Math.min(startAt, was.cancelDeadline + shift);
  const bookingOpensAt = was.bookingOpensAt < bookingClosesAt ? was.bookingOpensAt : Math.min(now, bookingClosesAt - 1);
  return { startAt, endAt, bookingOpensAt, bookingClosesAt, cancelDeadline };
}

/** Tells every seat holder and waitlister of a session (all of them, page by page: no cap). */
export async function notifyBooked(ctx: Ctx, session: SessionDoc, title: string, body: string): Promise<number> {
  const _ = ctx.db.command;
  const holders = await allPages<BookingDoc>((skip, limit) =>
    ctx.db
      .collection(BOOKINGS)
      .where({ sessionId: session._id, status: _.in(['booked', 'waitlisted']) })
      .orderBy('position', 'asc')
      .skip(skip)
      .limit(limit)
      .get(),
  );
  for (const b of holders) {
    await notify(ctx, {
      to: b.openid,
      title,
      body,
      page: `/academy/pages/session/index?id=${session._id}`,
      template: 'courseReminder',
      values: { subject: session.title, time: session.startAt, place: session.venue ?? '直播授课', note: title },
    });
  }
  return holders.length;
}
