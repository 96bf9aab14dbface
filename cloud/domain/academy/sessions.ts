/** 送单: what a worker sees of sessions, with their own booking and waitlist position. */
import { readAll } from '../../lib/paging';
import type { AcademyActions, Session } from '../../../types/api/academy';
import type { ActionCtx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { hasRole } from '../../lib/guard';
import { canSeeOrder, findBooking, loadOrder, loadSession, mayBook, runsSession } from './load';
import { SESSIONS, bookingId, toMyBooking, toSession, type SessionDoc } from './model';
import { waitPosition } from './seats';

type In<K extends keyof AcademyActions> = AcademyActions[K]['input'];

export async function sessionView(ctx: ActionCtx, session: SessionDoc): Promise<Session> {
  const booking = ctx.openid ? await findBooking(ctx, bookingId(session._id, ctx.openid)) : null;
  return toSession(session, booking ? toMyBooking(booking, await waitPosition(ctx, booking)) : null);
}

/** Sessions whose booking window is open now and which the caller may book. */
export async function upcomingSessions(ctx: ActionCtx): Promise<Session[]> {
  const _ = ctx.db.command;
  const now = ctx.now();
  const found = ctx.db
    .collection(SESSIONS)
    .where({ status: 'scheduled', bookingClosesAt: _.gt(now), bookingOpensAt: _.lte(now) })
    .orderBy('startAt', 'asc');
  const user = ctx.user;
  const visible = (await readAll<SessionDoc>(found)).filter((s) => user && mayBook(user, s));
  return Promise.all(visible.map((s) => sessionView(ctx, s)));
}

/**
 * Anyone who may book it, who booked it, who runs it, or who ordered it may open a session;
 * a closed session stays invisible to other enterprises' workers.
 */
export async function getSession(ctx: ActionCtx, input: In<'getSession'>): Promise<Session> {
  const session = await loadSession(ctx, input.sessionId);
  const user = ctx.user;
  if (!user) fail('FORBIDDEN');
  const view = await sessionView(ctx, session);
  if (view.myBooking || mayBook(user, session) || runsSession(user, session) || hasRole(user, 'admin')) return view;
  if (session.orderId && canSeeOrder(user, await loadOrder(ctx, session.orderId))) return view;
  return fail('FORBIDDEN');
}
