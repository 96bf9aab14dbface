/**
 * The seat counter and the waitlist. Invariants: `booked` never exceeds `capacity` (every +1 is a
 * conditional `_.inc` on `booked < capacity`); each waitlisted booking is promoted at most once
 * (the promotion is a conditional update from 'waitlisted', and a promoter that loses that race
 * gives its seat back); while anyone waits, a free seat goes to the waitlist, not to a newcomer
 * (direct booking requires `waiting: 0`).
 */
import type { Ctx } from '../../lib/context';
import { formatShanghai } from '../../lib/clock';
import { notify } from '../../lib/notify';
import { transact } from '../../lib/transact';
import { newId } from '../../lib/ids';
import { loadSession } from './load';
import { BOOKINGS, SESSIONS, type BookingDoc, type SessionDoc } from './model';

/**
 * Takes one seat for a holder entry (`seatToken(bookingId)`) if the session still has one (and, for newcomers,
 * nobody is waiting). The holder is recorded in the same write (`seatHolders`), so a booking that
 * died between its seat and its status finds out, on its retry, that the seat is already its own.
 */
export async function claimSeat(ctx: Ctx, session: SessionDoc, forNewcomer: boolean, token: string): Promise<boolean> {
  const _ = ctx.db.command;
  const where: Record<string, unknown> = {
    _id: session._id,
    status: 'scheduled',
    // Guarding on the capacity we compare with: an admin's capacity change makes this claim retry.
    capacity: session.capacity,
    booked: _.lt(session.capacity),
  };
  if (forNewcomer) where.waiting = 0;
  const res = await ctx.db
    .collection(SESSIONS)
    .where(where)
    .update({ data: { booked: _.inc(1), seatHolders: _.push([token]), updatedAt: ctx.now() } });
  return res.stats.updated === 1;
}

/**
 * A seat's holder entry: the booking id and a nonce. Two promoters racing for the same waiter each
 * push their own entry, so the loser pulls exactly its own (a pull removes every equal element).
 */
export function seatToken(bookingId: string): string {
  return `${bookingId}#${newId(4)}`;
}

function entryOf(session: SessionDoc, bookingId: string): string | undefined {
  return (session.seatHolders ?? []).find((h) => h === bookingId || h.startsWith(`${bookingId}#`));
}

/** True when booking `bookingId` holds a seat of the session (read fresh). */
export async function holdsSeat(ctx: Ctx, sessionId: string, bookingId: string): Promise<boolean> {
  return !!entryOf(await loadSession(ctx, sessionId), bookingId);
}

/**
 * Gives a seat back: the entry `token` when the caller knows it (a promoter that lost its race),
 * else booking `bookingId`'s entry. Once: a second call finds no entry to give.
 */
export async function releaseSeat(ctx: Ctx, sessionId: string, bookingId: string, token?: string): Promise<void> {
  const _ = ctx.db.command;
  const session = await loadSession(ctx, sessionId);
  const entry = token ?? entryOf(session, bookingId);
  if (entry) {
    await ctx.db
      .collection(SESSIONS)
      .where({ _id: sessionId, booked: _.gt(0), seatHolders: entry })
      .update({ data: { booked: _.inc(-1), seatHolders: _.pull(entry) } });
    return;
  }
  // Sessions from before seats had holders: the count alone.
  await ctx.db
    .collection(SESSIONS)
    .where({ _id: sessionId, booked: _.gt(0), seatHolders: _.exists(false) })
    .update({ data: { booked: _.inc(-1) } });
}

/**
 * Takes the next waitlist ticket for booking `id` (pending) and puts the booking on the waitlist
 * with it, in one transaction: a crash cannot leave a ticket counted with nobody holding it.
 * `waiting` moves by `_.inc` because plain updates (promotions, cancels) change it too.
 */
export async function takeWaitTicket(ctx: Ctx, sessionId: string, id: string): Promise<number> {
  const _ = ctx.db.command;
  return transact(ctx.db, async (tx) => {
    const ref = tx.collection(SESSIONS).doc(sessionId);
    const doc = (await ref.get()).data as SessionDoc;
    const position = (doc.waitSeq ?? 0) + 1;
    await ref.update({ data: { waitSeq: _.inc(1), waiting: _.inc(1) } });
    await tx
      .collection(BOOKINGS)
      .doc(id)
      .update({ data: { status: 'waitlisted', position } });
    return position;
  });
}

/** 1 = next in line: the rank among those still waiting, whatever tickets were taken before. */
export async function waitPosition(ctx: Ctx, booking: BookingDoc): Promise<number | undefined> {
  if (booking.status !== 'waitlisted' || booking.position === undefined) return undefined;
  const _ = ctx.db.command;
  const ahead = await ctx.db
    .collection(BOOKINGS)
    .where({ sessionId: booking.sessionId, status: 'waitlisted', position: _.lt(booking.position) })
    .count();
  return ahead.total + 1;
}

/**
 * Fills free seats from the head of the waitlist, in ticket order, until the cancel deadline.
 * Safe to run concurrently: two cancellers freeing two seats at once both read the same head; both
 * claim a seat, one wins the head, the other returns its seat and moves on to the next person.
 */
export async function promoteWaitlist(ctx: Ctx, sessionId: string, skipNotify?: string): Promise<BookingDoc[]> {
  const _ = ctx.db.command;
  const promoted: BookingDoc[] = [];
  for (let round = 0; round < 200; round++) {
    const session = await loadSession(ctx, sessionId);
    if (session.status !== 'scheduled' || ctx.now() > session.cancelDeadline) break;
    if (session.waiting <= 0 || session.booked >= session.capacity) break;
    const head = await ctx.db
      .collection(BOOKINGS)
      .where({ sessionId, status: 'waitlisted' })
      .orderBy('position', 'asc')
      .limit(1)
      .get();
    const next = head.data[0] as BookingDoc | undefined;
    // A joiner between its ticket and its 'waitlisted' write runs this loop itself afterwards.
    if (!next) break;
    const token = seatToken(next._id);
    if (!(await claimSeat(ctx, session, false, token))) continue;
    const won = await ctx.db
      .collection(BOOKINGS)
      .where({ _id: next._id, status: 'waitlisted' })
      .update({ data: { status: 'booked', promotedAt: ctx.now() } });
    if (won.stats.updated !== 1) {
      await releaseSeat(ctx, sessionId, next._id, token);
      continue;
    }
    await ctx.db
      .collection(SESSIONS)
      .doc(sessionId)
      .update({ data: { waiting: _.inc(-1) } });
    promoted.push(next);
    if (next.openid !== skipNotify) {
      await notify(ctx, {
        to: next.openid,
        title: '候补成功，已为您预约',
        body: `「${session.title}」${formatShanghai(session.startAt)} 有空位，您已从候补转为预约，请准时参加。`,
        page: `/academy/pages/session/index?id=${sessionId}`,
        template: 'courseReminder',
        values: {
          subject: session.title,
          time: session.startAt,
          place: session.venue ?? '直播授课',
          note: '候补成功，已为您预约',
        },
      });
    }
  }
  return promoted;
}
