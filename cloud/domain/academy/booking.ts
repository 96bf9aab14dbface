/** Booking a seat, the waitlist, cancelling (on time: the seat goes to the waitlist; late: it does not). */
import { readAll } from '../../lib/paging';
import type { AcademyActions, BookingListItem, SeatCode, Session } from '../../../types/api/academy';
import type { ActionCtx } from '../../lib/context';
import { isDuplicateKeyError } from '../../lib/db';
import { fail } from '../../lib/errors';
import { requireUser } from '../../lib/guard';
import { phoneTail } from '../../lib/mask';
import { PHONE_CODE_TTL_MS, signToken } from '../../lib/token';
import { employerOf, findBooking, loadSession, mayBook } from './load';
import { BOOKINGS, SESSIONS, bookingId, toMyBooking, toSession, type BookingDoc, type SessionDoc } from './model';
import { claimSeat, holdsSeat, promoteWaitlist, releaseSeat, seatToken, takeWaitTicket, waitPosition } from './seats';
import { changedByThisRequest, marked } from '../../lib/resume';
import { sessionView } from './sessions';

type In<K extends keyof AcademyActions> = AcademyActions[K]['input'];

/**
 * The one-per-person claim: a new document, or a cancelled one taken up again; marked with the
 * request, so a retry after a crash resumes its own booking (whatever state it reached) instead of
 * answering 您已预约. Answers the booking as it stands.
 */
async function claimBooking(ctx: ActionCtx, session: SessionDoc): Promise<BookingDoc> {
  const user = requireUser(ctx);
  const id = bookingId(session._id, user._id);
  const doc: BookingDoc = marked(ctx, {
    _id: id,
    sessionId: session._id,
    openid: user._id,
    name: user.profile?.name ?? '',
    phoneTail: phoneTail(user.profile?.phone),
    employer: employerOf(user),
    status: 'pending',
    bookedAt: ctx.now(),
    rated: false,
  } as BookingDoc);
  try {
    await ctx.db.collection(BOOKINGS).add({ data: doc });
    return doc;
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
  const existing = await findBooking(ctx, id);
  if (existing && existing.status !== 'cancelled' && changedByThisRequest(ctx, existing)) return existing;
  if (existing?.status === 'cancelled' && existing.late) fail('INVALID_STATE', '您已逾期取消本场，不能再次预约');
  const _ = ctx.db.command;
  const retaken = await ctx.db
    .collection(BOOKINGS)
    .where({ _id: id, status: 'cancelled' })
    .update({
      data: marked(ctx, {
        status: 'pending',
        bookedAt: ctx.now(),
        position: _.remove(),
        cancelledAt: _.remove(),
        late: _.remove(),
      }),
    });
  if (retaken.stats.updated !== 1) fail('ALREADY_BOOKED');
  return { ...doc, status: 'pending' };
}

export async function book(ctx: ActionCtx, input: In<'book'>): Promise<Session> {
  const user = requireUser(ctx);
  if (!user.profile) fail('PROFILE_INCOMPLETE');
  const session = await loadSession(ctx, input.sessionId);
  const now = ctx.now();
  const booking = await findBooking(ctx, bookingId(session._id, user._id));
  const resuming = !!booking && changedByThisRequest(ctx, booking);
  if (!resuming) {
    if (session.status !== 'scheduled') fail('INVALID_STATE', '本场课程已结束');
    if (now < session.bookingOpensAt) fail('NOT_OPEN', '本场课程尚未开放预约');
    if (now >= session.bookingClosesAt) fail('DEADLINE_PASSED', '本场课程已截止预约');
    if (!mayBook(user, session)) fail('NOT_ELIGIBLE', `本场课程仅限${session.employerName ?? '点单企业'}职工预约`);
  }
  const mine = await claimBooking(ctx, session);
  const id = mine._id;
  const bookings = ctx.db.collection(BOOKINGS);
  if (mine.status === 'pending') {
    // A retry whose first attempt took the seat (and died before saying so) keeps that seat.
    const seated =
      (resuming && (await holdsSeat(ctx, session._id, id))) || (await claimSeat(ctx, session, true, seatToken(id)));
    if (seated) {
      await bookings.where({ _id: id, status: 'pending' }).update({ data: { status: 'booked' } });
    } else {
      try {
        await takeWaitTicket(ctx, session._id, id);
      } catch (e) {
        // BUSY (the ticket's transaction kept conflicting): this booking holds neither seat nor
        // ticket; let it go, so trying again books instead of answering 您已预约.
        await bookings.where({ _id: id, status: 'pending' }).update({
          data: { status: 'cancelled', late: false, cancelledAt: now, lastRequest: ctx.db.command.remove() },
        });
        throw e;
      }
    }
  }
  // A seat may have freed between a failed claim and the ticket: fill it from the waitlist.
  if ((await findBooking(ctx, id))?.status === 'waitlisted') await promoteWaitlist(ctx, session._id, user._id);
  return sessionView(ctx, await loadSession(ctx, session._id));
}

/**
 * One fewer waiting, once per request: the session is marked with it, so the retry of a cancel that
 * died after this write does not count the same person out twice.
 */
async function leaveWaitlist(ctx: ActionCtx, sessionId: string): Promise<void> {
  if (changedByThisRequest(ctx, await loadSession(ctx, sessionId))) return;
  const _ = ctx.db.command;
  await ctx.db
    .collection(SESSIONS)
    .doc(sessionId)
    .update({ data: marked(ctx, { waiting: _.inc(-1) }) });
}

export async function cancelBooking(ctx: ActionCtx, input: In<'cancelBooking'>): Promise<Session> {
  const user = requireUser(ctx);
  const session = await loadSession(ctx, input.sessionId);
  const booking = await findBooking(ctx, bookingId(session._id, user._id));
  if (booking?.status === 'cancelled' && changedByThisRequest(ctx, booking)) {
    // Cancelled by this very request before a crash: finish what followed the cancel.
    if (await holdsSeat(ctx, session._id, booking._id)) {
      if (!booking.late) {
        await releaseSeat(ctx, session._id, booking._id);
        await promoteWaitlist(ctx, session._id);
      }
    } else if (booking.position !== undefined && !booking.promotedAt) {
      await leaveWaitlist(ctx, session._id);
    }
    return sessionView(ctx, await loadSession(ctx, session._id));
  }
  if (!booking || booking.status === 'cancelled') fail('NOT_FOUND', '您没有预约本场课程');
  const now = ctx.now();
  if (now >= session.startAt || session.status !== 'scheduled') fail('INVALID_STATE', '课程已开始，不能取消');
  const bookings = ctx.db.collection(BOOKINGS);
  if (booking.status === 'waitlisted') {
    const res = await bookings
      .where({ _id: booking._id, status: 'waitlisted' })
      .update({ data: marked(ctx, { status: 'cancelled', late: false, cancelledAt: now }) });
    if (res.stats.updated === 1) {
      await leaveWaitlist(ctx, session._id);
      return sessionView(ctx, await loadSession(ctx, session._id));
    }
    // Promoted meanwhile: cancel the seat instead (re-read below).
  }
  const late = now > session.cancelDeadline;
  const res = await bookings
    .where({ _id: booking._id, status: 'booked' })
    .update({ data: marked(ctx, { status: 'cancelled', late, cancelledAt: now }) });
  if (res.stats.updated !== 1) fail('INVALID_STATE');
  if (!late) {
    // On time: the seat goes back and the first on the waitlist gets it. Late: the seat stays lost.
    await releaseSeat(ctx, session._id, booking._id);
    await promoteWaitlist(ctx, session._id);
  }
  return sessionView(ctx, await loadSession(ctx, session._id));
}

export async function myBookings(ctx: ActionCtx): Promise<BookingListItem[]> {
  const user = requireUser(ctx);
  const _ = ctx.db.command;
  const found = await readAll<BookingDoc>(
    ctx.db.collection(BOOKINGS).where({ openid: user._id }).orderBy('bookedAt', 'desc'),
  );
  const bookings = found.filter((b) => b.status !== 'pending');
  if (!bookings.length) return [];
  const sessions = await readAll<SessionDoc>(
    ctx.db.collection(SESSIONS).where({ _id: _.in([...new Set(bookings.map((b) => b.sessionId))]) }),
  );
  const byId = new Map(sessions.map((s) => [s._id, s]));
  const items: BookingListItem[] = [];
  for (const b of bookings) {
    const s = byId.get(b.sessionId);
    if (!s) continue;
    const { myBooking: _none, ...session } = toSession(s);
    items.push({ ...toMyBooking(b, await waitPosition(ctx, b)), session });
  }
  return items.sort((a, b) => b.session.startAt - a.session.startAt);
}

/** The seat QR: only for a confirmed seat, refreshed by the page, single-use at the door. */
export async function seatCode(ctx: ActionCtx, input: In<'seatCode'>): Promise<SeatCode> {
  const user = requireUser(ctx);
  const booking = await findBooking(ctx, bookingId(input.sessionId, user._id));
  if (!booking) fail('NOT_FOUND', '您没有预约本场课程');
  if (booking.status === 'attended') fail('ALREADY_REDEEMED', '您已签到');
  if (booking.status !== 'booked') fail('INVALID_STATE', '预约成功后才有入场码');
  return signToken(ctx.env, { kind: 'session', id: booking._id, ttlMs: PHONE_CODE_TTL_MS }, ctx.now());
}
