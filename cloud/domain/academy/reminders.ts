/**
 * 课前提醒: for sessions starting within 24 h, each seat holder is reminded once. Runs hourly as the
 * academy function's `sessionReminders` timer trigger, and on demand by an admin.
 */
import type { ActionCtx, Ctx } from '../../lib/context';
import { MARK_FIELD, marked, requestMark } from '../../lib/resume';
import { formatShanghai } from '../../lib/clock';
import { notify } from '../../lib/notify';
import { readAll } from '../../lib/paging';
import { BOOKINGS, SESSIONS, type BookingDoc, type SessionDoc } from './model';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function sendReminders(ctx: Ctx): Promise<{ reminded: number }> {
  const _ = ctx.db.command;
  const now = ctx.now();
  // Every session and seat due, page by page (no cap at 100 sessions or 1,000 seats).
  const soon = await readAll<SessionDoc>(
    ctx.db.collection(SESSIONS).where({ status: 'scheduled', startAt: _.gt(now).and(_.lte(now + DAY_MS)) }),
  );
  // An admin's run carries a requestId: the reminders it claims are marked, so its retry after a
  // crash sends the notices the crash lost (notify is once per request) and counts them all.
  const actx = ctx as ActionCtx;
  const mark = requestMark(actx);
  let reminded = 0;
  for (const session of soon) {
    const seats = await readAll<BookingDoc>(
      ctx.db
        .collection(BOOKINGS)
        .where({ sessionId: session._id, status: 'booked', remindedAt: _.exists(false) })
        .orderBy('position', 'asc'),
    );
    const claimedNow: BookingDoc[] = [];
    for (const b of seats) {
      // Claim the reminder first: a second run (or a parallel scheduler) finds it taken.
      const claimed = await ctx.db
        .collection(BOOKINGS)
        .where({ _id: b._id, status: 'booked', remindedAt: _.exists(false) })
        .update({ data: marked(actx, { remindedAt: now }) });
      if (claimed.stats.updated === 1) claimedNow.push(b);
    }
    const mine = mark
      ? await readAll<BookingDoc>(ctx.db.collection(BOOKINGS).where({ sessionId: session._id, [MARK_FIELD]: mark }))
      : claimedNow;
    for (const b of mine) {
      reminded++;
      await notify(ctx, {
        to: b.openid,
        title: '课程即将开始',
        body: `「${session.title}」${formatShanghai(session.startAt)} 开课，地点：${session.venue ?? '直播授课'}。入场请出示预约码。`,
        page: `/academy/pages/session/index?id=${session._id}`,
        template: 'courseReminder',
        values: {
          subject: session.title,
          time: session.startAt,
          place: session.venue ?? '直播授课',
          note: '入场请出示预约码',
        },
      });
    }
  }
  return { reminded };
}
