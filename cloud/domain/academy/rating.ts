/** After the session: attendees rate it once; the ordering enterprise sees attendance and ratings. */
import { readAll } from '../../lib/paging';
import type { AcademyActions, OrderReport, Session } from '../../../types/api/academy';
import type { ActionCtx } from '../../lib/context';
import { readOrNull } from '../../lib/db';
import { changedByThisRequest, marked } from '../../lib/resume';
import { transact } from '../../lib/transact';
import { AppError, fail } from '../../lib/errors';
import { requireUser } from '../../lib/guard';
import { canSeeOrder, findBooking, loadOrder, loadSession } from './load';
import {
  BOOKINGS,
  ORDERS,
  RATINGS,
  SESSIONS,
  bookingId,
  ratingAverage,
  toOrder,
  type RatingDoc,
  type SessionDoc,
} from './model';
import { sessionView } from './sessions';

type In<K extends keyof AcademyActions> = AcademyActions[K]['input'];

export async function rate(ctx: ActionCtx, input: In<'rate'>): Promise<Session> {
  const user = requireUser(ctx);
  const session = await loadSession(ctx, input.sessionId);
  const booking = await findBooking(ctx, bookingId(session._id, user._id));
  if (!booking || booking.status !== 'attended') fail('NOT_ATTENDED');
  const doc: RatingDoc = {
    _id: booking._id,
    sessionId: session._id,
    orderId: session.orderId,
    openid: user._id,
    stars: input.stars,
    comment: input.comment,
    at: ctx.now(),
  };
  // One transaction: the rating (its `_id` is the booking's, so one per attendee), the booking's
  // flag and the session's sums move together — a crash between them cannot count a rating twice or
  // not at all, and the retry of a rating that went through finds its own mark on it.
  const _ = ctx.db.command;
  await transact(ctx.db, async (tx) => {
    const existing = await readOrNull<RatingDoc>(() => tx.collection(RATINGS).doc(booking._id).get());
    if (existing) {
      if (changedByThisRequest(ctx, existing)) return;
      throw new AppError('ALREADY_RATED');
    }
    const { _id, ...rating } = doc;
    await tx
      .collection(RATINGS)
      .doc(_id)
      .set({ data: marked(ctx, rating) });
    await tx
      .collection(BOOKINGS)
      .doc(booking._id)
      .update({ data: { rated: true } });
    await tx
      .collection(SESSIONS)
      .doc(session._id)
      .update({ data: { ratingCount: _.inc(1), ratingSum: _.inc(input.stars) } });
  });
  if (session.orderId) {
    await ctx.db
      .collection(ORDERS)
      .where({ _id: session.orderId, status: 'delivered' })
      .update({ data: { status: 'rated', updatedAt: ctx.now() } });
  }
  return sessionView(ctx, await loadSession(ctx, session._id));
}

export async function orderReport(ctx: ActionCtx, input: In<'orderReport'>): Promise<OrderReport> {
  const order = await loadOrder(ctx, input.orderId);
  if (!canSeeOrder(ctx.user, order)) fail('FORBIDDEN');
  const found = await readAll<SessionDoc>(
    ctx.db.collection(SESSIONS).where({ orderId: order._id }).orderBy('startAt', 'asc'),
  );
  const sessions = await Promise.all(
    found.map(async (s) => {
      const bookings = ctx.db.collection(BOOKINGS);
      const attended = await bookings.where({ sessionId: s._id, status: 'attended' }).count();
      const absent = await bookings.where({ sessionId: s._id, status: 'absent' }).count();
      const ratings = await ctx.db
        .collection(RATINGS)
        .where({ sessionId: s._id })
        .orderBy('at', 'asc')
        .limit(100)
        .get();
      return {
        sessionId: s._id,
        title: s.title,
        startAt: s.startAt,
        capacity: s.capacity,
        booked: s.booked,
        attended: attended.total,
        absent: absent.total,
        ratingCount: s.ratingCount,
        ratingAverage: ratingAverage(s),
        comments: (ratings.data as RatingDoc[]).map((r) => r.comment ?? '').filter(Boolean),
      };
    }),
  );
  return { order: toOrder(order, ctx.openid), sessions };
}
