/** Reads by id and the academy's visibility rules, shared by the handlers. */
import type { Ctx, UserDoc } from '../../lib/context';
import { fail } from '../../lib/errors';
import { hasRole, inScope } from '../../lib/guard';
import { BOOKINGS, ORDERS, SESSIONS, type BookingDoc, type OrderDoc, type SessionDoc } from './model';

async function byId<T>(ctx: Ctx, collection: string, id: string): Promise<T | null> {
  const found = await ctx.db.collection(collection).where({ _id: id }).limit(1).get();
  return (found.data[0] as T | undefined) ?? null;
}

export async function loadSession(ctx: Ctx, id: string): Promise<SessionDoc> {
  return (await byId<SessionDoc>(ctx, SESSIONS, id)) ?? fail('NOT_FOUND', '没有找到这场课程');
}

export async function loadOrder(ctx: Ctx, id: string): Promise<OrderDoc> {
  return (await byId<OrderDoc>(ctx, ORDERS, id)) ?? fail('NOT_FOUND', '没有找到这条点单');
}

export function findBooking(ctx: Ctx, id: string): Promise<BookingDoc | null> {
  return byId<BookingDoc>(ctx, BOOKINGS, id);
}

/** The orderer, the contact of the ordering enterprise, and admins see an order. */
export function canSeeOrder(user: UserDoc | null, order: OrderDoc): boolean {
  if (!user) return false;
  if (hasRole(user, 'admin') || order.ordererOpenid === user._id) return true;
  return !!order.employerId && hasRole(user, 'enterprise') && inScope(user, 'employer', order.employerId);
}

/** The employer name the worker gave (profile first, then the membership record). */
export function employerOf(user: UserDoc): string {
  return user.profile?.employer ?? user.membership?.employer ?? '';
}

/** An 'employer' session is only for the ordering enterprise's workers (and its contact). */
export function mayBook(user: UserDoc, session: SessionDoc): boolean {
  if (session.audience === 'open') return true;
  if (session.employerId && user.scopes.some((s) => s.kind === 'employer' && s.id === session.employerId)) return true;
  return !!session.employerName && employerOf(user) === session.employerName;
}

/** Staff scoped to the session, its teacher, or an admin. */
export function runsSession(user: UserDoc | null, session: SessionDoc): boolean {
  return !!user && (session.teacherOpenid === user._id || inScope(user, 'session', session._id));
}
