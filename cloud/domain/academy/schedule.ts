/** 下单: the academy schedules sessions (for an order, or its own open classes), changes and closes them. */
import { readAll } from '../../lib/paging';
import type { AcademyActions, Session, Teacher } from '../../../types/api/academy';
import { audit } from '../../lib/audit';
import { formatShanghai } from '../../lib/clock';
import type { ActionCtx, UserDoc } from '../../lib/context';
import { fail } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { notify } from '../../lib/notify';
import { isDuplicateKeyError } from '../../lib/db';
import { changedByThisRequest, marked, requestScopedId } from '../../lib/resume';
import { findCourse } from './catalogue';
import { loadOrder, loadSession, runsSession } from './load';
import { ORDERS, SESSIONS, isActive, toSession, type OrderDoc, type SessionDoc } from './model';
import { promoteWaitlist } from './seats';
import { checkTimes, movedTimes, notifyBooked } from './schedule-rules';
import { can, ORDER_FLOW } from '../../../types/flows';

type In<K extends keyof AcademyActions> = AcademyActions[K]['input'];

export async function listTeachers(ctx: ActionCtx): Promise<Teacher[]> {
  const found = await readAll<UserDoc>(ctx.db.collection('users').where({ roles: 'teacher' }));
  return found.map((u) => ({ openid: u._id, name: u.profile?.name ?? '讲师' }));
}

export async function scheduleSession(ctx: ActionCtx, input: In<'scheduleSession'>): Promise<Session> {
  checkTimes(ctx.now(), input);
  if (input.format === 'live' && !input.liveLink)
    fail('INVALID_INPUT', '直播链接：直播授课请填写链接', { field: 'liveLink' });
  if (input.format !== 'live' && !input.venue) fail('INVALID_INPUT', '请填写上课地点', { field: 'venue' });
  const order: OrderDoc | null = input.orderId ? await loadOrder(ctx, input.orderId) : null;
  if (order && !can(ORDER_FLOW.schedule, order.status)) fail('INVALID_STATE', '请先受理点单再排课');
  if (input.audience === 'employer' && !order?.employerName)
    fail('INVALID_INPUT', '预约范围：只有企业点单才能限定本企业职工', { field: 'audience' });
  const courseId = input.courseId ?? order?.courseId;
  const course = courseId ? await findCourse(ctx, courseId) : null;
  if (courseId && !course) fail('NOT_FOUND', '没有找到这门课程');
  // A withdrawn course takes no new open class; an order placed before the withdrawal is still served.
  if (course && !isActive(course) && course._id !== order?.courseId)
    fail('COURSE_WITHDRAWN', `「${course.title}」已下架，不能再排新的课；已受理的点单仍可排课`, { field: 'courseId' });
  const title = input.title ?? course?.title ?? order?.title;
  if (!title) fail('INVALID_INPUT', '请填写课程名称', { field: 'title' });
  const teacherFound = await ctx.db
    .collection('users')
    .where({ _id: input.teacherOpenid, roles: 'teacher' })
    .limit(1)
    .get();
  const teacher = teacherFound.data[0] as UserDoc | undefined;
  if (!teacher) fail('INVALID_INPUT', '授课老师：请从讲师名单中选择', { field: 'teacherOpenid' });

  const now = ctx.now();
  const _ = ctx.db.command;
  const doc: SessionDoc = {
    // From the request: a retry after a crash re-finds this session instead of minting a second one.
    _id: requestScopedId(ctx, 'ses-', () => newId(6)),
    orderId: order?._id,
    courseId: course?._id,
    title,
    category: course?.category,
    teacherOpenid: teacher._id,
    teacherName: teacher.profile?.name ?? course?.teacherName ?? '讲师',
    startAt: input.startAt,
    endAt: input.endAt,
    format: input.format,
    venue: input.venue,
    liveLink: input.liveLink,
    capacity: input.capacity,
    booked: 0,
    waiting: 0,
    waitSeq: 0,
    audience: input.audience,
    employerId: input.audience === 'employer' ? order?.employerId : undefined,
    employerName: input.audience === 'employer' ? order?.employerName : undefined,
    bookingOpensAt: input.bookingOpensAt,
    bookingClosesAt: input.bookingClosesAt,
    cancelDeadline: input.cancelDeadline,
    status: 'scheduled',
    ratingCount: 0,
    ratingSum: 0,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await ctx.db.collection(SESSIONS).add({ data: doc });
  } catch (e) {
    // Only this request makes this id: its first attempt got this far.
    if (!(ctx.requestId && isDuplicateKeyError(e))) throw e;
  }
  // The teacher takes attendance for this session in the scanner: a 'session' scope (once).
  // (Read in this attempt: a retry whose first attempt already added them adds nothing.)
  if (!teacher.scopes.some((sc) => sc.kind === 'session' && sc.id === doc._id)) {
    await ctx.db
      .collection('users')
      .doc(teacher._id)
      .update({ data: { scopes: _.push([{ kind: 'session', id: doc._id }]), updatedAt: now } });
  }
  if (order) {
    if (!order.sessionIds.includes(doc._id)) {
      const moved = await ctx.db
        .collection(ORDERS)
        .where({ _id: order._id, status: _.in([...ORDER_FLOW.schedule.from]) })
        .update({ data: { status: 'scheduled', sessionIds: _.push([doc._id]), updatedAt: now } });
      if (moved.stats.updated !== 1) fail('INVALID_STATE', '点单已撤回或已婉拒');
    }
    await notify(ctx, {
      to: order.ordererOpenid,
      title: '课程已排课',
      body: `「${title}」定于 ${formatShanghai(doc.startAt)}，${doc.venue ?? '直播授课'}，授课老师 ${doc.teacherName}。`,
      page: `/academy/pages/session/index?id=${doc._id}`,
      template: 'courseOrder',
      values: { subject: title, status: '已排课', note: `${formatShanghai(doc.startAt)} ${doc.venue ?? '直播授课'}` },
    });
  }
  await notify(ctx, {
    to: teacher._id,
    title: '新的授课安排',
    body: `「${title}」${formatShanghai(doc.startAt)}`,
    page: `/academy/pages/session/index?id=${doc._id}`,
  });
  await audit(ctx, {
    event: 'academy.scheduleSession',
    target: { kind: 'session', id: doc._id },
    detail: { orderId: order?._id, capacity: doc.capacity },
  });
  return toSession(doc);
}

export async function updateSession(ctx: ActionCtx, input: In<'updateSession'>): Promise<Session> {
  const session = await loadSession(ctx, input.sessionId);
  if (session.status !== 'scheduled') fail('INVALID_STATE', '课程已结束，不能修改');
  const _ = ctx.db.command;
  const next = { ...session, ...stripUndefined(input) };
  if (input.startAt !== undefined || input.endAt !== undefined) {
    if (next.endAt <= next.startAt) fail('INVALID_INPUT', '结束时间请晚于开课时间', { field: 'endAt' });
  }
  // A new start moves the booking deadline and cancel window with it (the old ones would keep
  // 预约 open on a session that has begun); a start in the past is refused as when scheduling.
  const times =
    input.startAt !== undefined && input.startAt !== session.startAt
      ? movedTimes(ctx.now(), session, next.startAt, next.endAt)
      : undefined;
  if (times) checkTimes(ctx.now(), times);
  const change = stripUndefined({
    ...(times ?? {}),
    startAt: input.startAt,
    endAt: input.endAt,
    venue: input.venue,
    liveLink: input.liveLink,
    capacity: input.capacity,
  });
  const where: Record<string, unknown> = { _id: session._id, status: 'scheduled' };
  // Never below the seats already taken, judged in the same write that sets it.
  if (input.capacity !== undefined) where.booked = _.lte(input.capacity);
  const res = await ctx.db
    .collection(SESSIONS)
    .where(where)
    .update({ data: marked(ctx, { ...change, updatedAt: ctx.now() }) });
  // Zero when this very request already made the change (a retry after a crash): carry on.
  if (res.stats.updated !== 1 && !changedByThisRequest(ctx, await loadSession(ctx, session._id)))
    fail('INVALID_STATE', '名额不能少于已预约人数');
  await audit(ctx, { event: 'academy.updateSession', target: { kind: 'session', id: session._id }, detail: change });
  if (input.capacity !== undefined && input.capacity > session.capacity) await promoteWaitlist(ctx, session._id);
  const moved =
    input.startAt !== undefined ||
    input.endAt !== undefined ||
    input.venue !== undefined ||
    input.liveLink !== undefined;
  const updated = await loadSession(ctx, session._id);
  if (moved) {
    await notifyBooked(
      ctx,
      updated,
      '课程安排变更',
      `「${updated.title}」调整为 ${formatShanghai(updated.startAt)}，${updated.venue ?? '直播授课'}。`,
    );
  }
  return toSession(updated);
}

/** After the session: seats never scanned become 缺席; the order is 已送达 (已评价 once rated). */
export async function closeSession(ctx: ActionCtx, input: In<'closeSession'>): Promise<Session> {
  const session = await loadSession(ctx, input.sessionId);
  if (!runsSession(ctx.user, session)) fail('FORBIDDEN');
  if (ctx.now() < session.startAt) fail('INVALID_STATE', '课程尚未开始');
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection(SESSIONS)
    .where({ _id: session._id, status: 'scheduled' })
    .update({ data: marked(ctx, { status: 'delivered', updatedAt: ctx.now() }) });
  // Closed by this very request before a crash: the retry finishes the rest (absences, order, audit).
  if (res.stats.updated !== 1 && !changedByThisRequest(ctx, await loadSession(ctx, session._id)))
    fail('INVALID_STATE', '本场课程已结束');
  await ctx.db
    .collection('sessionBookings')
    .where({ sessionId: session._id, status: 'booked' })
    .update({ data: { status: 'absent' } });
  if (session.orderId) {
    const latest = await loadSession(ctx, session._id);
    const status = latest.ratingCount > 0 ? 'rated' : 'delivered';
    await ctx.db
      .collection(ORDERS)
      .where({ _id: session.orderId, status: _.in(['scheduled', 'delivered']) })
      .update({ data: { status, updatedAt: ctx.now() } });
  }
  await audit(ctx, { event: 'academy.closeSession', target: { kind: 'session', id: session._id } });
  return toSession(await loadSession(ctx, session._id));
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
