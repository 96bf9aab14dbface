/**
 * Attendance is a code kind of the one staff scanner: the seat QR (kind 'session', id = booking id)
 * is redeemed by staff scoped to the session or its teacher, from 30 minutes before the start to
 * the end. Single-use: the first scan turns the booking 已签到; later scans answer who and when.
 */
import type { LookupMatch, ScanResult, ScanScope, ScopeCount } from '../../../types/api/checkin';
import type { ActionCtx, Ctx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { maskName } from '../../lib/mask';
import type { ScanKindHandler, ScanStamp } from '../../lib/scan';
import { findBooking, loadSession, runsSession } from './load';
import { BOOKINGS, SESSIONS, type BookingDoc, type SessionDoc } from './model';

/** Doors open half an hour before the start. */
export const CHECKIN_OPENS_BEFORE_MS = 30 * 60 * 1000;
const UNDO_MS = 5 * 60 * 1000;

function usedResult(booking: BookingDoc, session: SessionDoc): ScanResult {
  return {
    result: 'used',
    kind: 'session',
    title: '已签到过',
    personName: maskName(booking.name),
    firstAt: booking.scan?.at ?? booking.attendedAt ?? 0,
    firstPlace: booking.scan?.placeName ?? session.title,
    firstStaff: booking.scan?.staffName ?? '',
  };
}

async function sessionInScope(ctx: ActionCtx, scope: ScanScope): Promise<SessionDoc> {
  if (scope.kind !== 'session') fail('WRONG_SCOPE');
  const session = await loadSession(ctx, scope.id);
  if (!runsSession(ctx.user, session)) fail('FORBIDDEN');
  return session;
}

async function redeem(ctx: ActionCtx, subjectId: string, scope: ScanScope, stamp: ScanStamp): Promise<ScanResult> {
  const booking = await findBooking(ctx, subjectId);
  if (!booking) fail('TOKEN_INVALID');
  if (scope.kind !== 'session' || scope.id !== booking.sessionId) fail('WRONG_SCOPE', '此码不是本场课程的预约码');
  const session = await sessionInScope(ctx, scope);
  const now = ctx.now();
  if (now < session.startAt - CHECKIN_OPENS_BEFORE_MS || now > session.endAt)
    fail('NOT_OPEN', '不在签到时段（开课前30分钟至下课）');
  if (booking.status === 'attended') return usedResult(booking, session);
  if (booking.status === 'waitlisted') fail('INVALID_STATE', '该学员在候补名单中，尚未获得座位');
  if (booking.status === 'cancelled') fail('INVALID_STATE', '该预约已取消');
  const _ = ctx.db.command;
  // 'absent' too: someone arriving late after the teacher closed the register still counts.
  const won = await ctx.db
    .collection(BOOKINGS)
    .where({ _id: booking._id, status: _.in(['booked', 'absent']) })
    .update({ data: { status: 'attended', attendedAt: now, scan: _.set(stamp) } });
  if (won.stats.updated !== 1) {
    const latest = await findBooking(ctx, booking._id);
    if (latest?.status === 'attended') return usedResult(latest, session);
    fail('INVALID_STATE');
  }
  return {
    result: 'success',
    kind: 'session',
    title: '签到成功',
    personName: maskName(booking.name),
    detail: session.title,
    scanId: stamp.scanId,
    undoUntil: now + UNDO_MS,
  };
}

async function undo(ctx: ActionCtx, subjectId: string, stamp: ScanStamp): Promise<void> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection(BOOKINGS)
    .where({ _id: subjectId, status: 'attended', 'scan.scanId': stamp.scanId, rated: false })
    .update({ data: { status: 'booked', attendedAt: _.remove(), scan: _.remove() } });
  if (res.stats.updated !== 1) fail('INVALID_STATE', '该签到已变更，不能撤销');
}

async function lookup(
  ctx: ActionCtx,
  scope: ScanScope,
  query: { name: string; phoneTail: string },
): Promise<LookupMatch[]> {
  const session = await sessionInScope(ctx, scope);
  const _ = ctx.db.command;
  const found = await ctx.db
    .collection(BOOKINGS)
    .where({
      sessionId: session._id,
      name: query.name,
      phoneTail: query.phoneTail,
      status: _.in(['booked', 'attended', 'absent']),
    })
    .limit(20)
    .get();
  return (found.data as BookingDoc[]).map((b) => ({
    kind: 'session',
    subjectId: b._id,
    personName: maskName(b.name),
    phone: `*******${b.phoneTail}`,
    summary: `${session.title} · ${b.status === 'attended' ? '已签到' : '已预约'}`,
  }));
}

async function counts(ctx: ActionCtx, scope: ScanScope): Promise<ScopeCount[]> {
  const session = await sessionInScope(ctx, scope);
  const _ = ctx.db.command;
  const bookings = ctx.db.collection(BOOKINGS);
  const attended = await bookings.where({ sessionId: session._id, status: 'attended' }).count();
  const seats = await bookings
    .where({ sessionId: session._id, status: _.in(['booked', 'attended', 'absent']) })
    .count();
  return [{ label: '已签到/已预约', done: attended.total, total: seats.total }];
}

export const sessionScanHandler: ScanKindHandler = { kind: 'session', redeem, undo, lookup, counts };
/** The name checkin's registry imports. */
export const sessionScan = sessionScanHandler;

/** The name the scanner shows for a 'session' scope (for checkin's myScopes). */
export async function sessionScopeName(ctx: Ctx, sessionId: string): Promise<string> {
  const found = await ctx.db.collection(SESSIONS).where({ _id: sessionId }).limit(1).get();
  const s = found.data[0] as SessionDoc | undefined;
  return s ? s.title : '课程';
}
