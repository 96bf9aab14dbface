/** 点单: an enterprise-union contact orders a course for their employer; the academy accepts or declines. */
import { readAll } from '../../lib/paging';
import { ORDER_LEAD_DAYS, type AcademyActions, type CourseOrder } from '../../../types/api/academy';
import type { Page } from '../../../types/api/common';
import { audit } from '../../lib/audit';
import { shanghaiDate } from '../../lib/clock';
import type { ActionCtx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { hasRole, inScope, requireUser } from '../../lib/guard';
import { newId } from '../../lib/ids';
import { notify } from '../../lib/notify';
import { changedByThisRequest, marked, requestScopedId } from '../../lib/resume';
import { isDuplicateKeyError } from '../../lib/db';
import { findCourse } from './catalogue';
import { canSeeOrder, employerOf, loadOrder } from './load';
import { ORDERS, SESSIONS, isActive, toOrder, toSession, type OrderDoc, type SessionDoc } from './model';
import { ORDER_FLOW } from '../../../types/flows';

type In<K extends keyof AcademyActions> = AcademyActions[K]['input'];
const ORDERS_PAGE = '/academy/pages/orders/index';

const DAY_MS = 24 * 3600_000;

/** '2026-03-09' → 2026年3月9日 */
function formatChinaDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export async function placeOrder(ctx: ActionCtx, input: In<'placeOrder'>): Promise<CourseOrder> {
  const user = requireUser(ctx);
  if (!user.profile) fail('PROFILE_INCOMPLETE');
  if (!input.courseId && !input.topic) fail('INVALID_INPUT', '请选择课程或填写希望的课程主题', { field: 'courseId' });
  const course = input.courseId ? await findCourse(ctx, input.courseId) : null;
  if (input.courseId && !course) fail('NOT_FOUND', '没有找到这门课程');
  if (course && !isActive(course))
    fail('COURSE_WITHDRAWN', `「${course.title}」已下架，请选择其他课程，或填写希望的课程主题`, { field: 'courseId' });
  // 点单 is the enterprise union contact's, for their employer (its workers then book the sessions).
  const employerScope = hasRole(user, 'enterprise') ? user.scopes.find((s) => s.kind === 'employer') : undefined;
  if (!employerScope) fail('FORBIDDEN', '课程点单由单位工会联系人办理：请联系本单位工会，由他们为单位点课');
  const earliest = shanghaiDate(ctx.now() + ORDER_LEAD_DAYS * DAY_MS);
  if (input.preferredDates.some((d) => d < earliest))
    fail(
      'INVALID_INPUT',
      `需提前${ORDER_LEAD_DAYS}天点单：希望日期最早可选${formatChinaDay(earliest)}（学院需要时间安排老师和场地）`,
      { field: 'preferredDates' },
    );
  const now = ctx.now();
  const doc: OrderDoc = {
    // From the request: a retry after a crash finds the order its first attempt placed.
    _id: requestScopedId(ctx, 'ord-', () => newId(6)),
    courseId: course?._id,
    title: course?.title ?? (input.topic as string),
    topic: input.topic,
    ordererOpenid: user._id,
    ordererName: user.profile.name,
    employerId: employerScope?.id,
    employerName: employerOf(user),
    headcount: input.headcount,
    preferredDates: input.preferredDates,
    place: input.place,
    format: input.format,
    note: input.note,
    status: 'submitted',
    sessionIds: [],
    createdAt: now,
    updatedAt: now,
  };
  try {
    await ctx.db.collection(ORDERS).add({ data: doc });
  } catch (e) {
    if (!(ctx.requestId && isDuplicateKeyError(e))) throw e;
    return toOrder(await loadOrder(ctx, doc._id), ctx.openid);
  }
  return toOrder(doc, ctx.openid);
}

export async function myOrders(ctx: ActionCtx): Promise<CourseOrder[]> {
  const user = requireUser(ctx);
  const _ = ctx.db.command;
  const mine = await readAll<OrderDoc>(
    ctx.db.collection(ORDERS).where({ ordererOpenid: user._id }).orderBy('createdAt', 'desc'),
  );
  const employerIds = hasRole(user, 'enterprise')
    ? user.scopes.filter((s) => s.kind === 'employer').map((s) => s.id)
    : [];
  const theirs = employerIds.length
    ? await readAll<OrderDoc>(
        ctx.db
          .collection(ORDERS)
          .where({ employerId: _.in(employerIds) })
          .orderBy('createdAt', 'desc'),
      )
    : [];
  const byId = new Map<string, OrderDoc>();
  for (const d of [...mine, ...theirs]) byId.set(d._id, d);
  return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt).map((d) => toOrder(d, user._id));
}

export async function listOrders(ctx: ActionCtx, input: In<'listOrders'>): Promise<Page<CourseOrder>> {
  const where = input.status ? { status: input.status } : {};
  const query = ctx.db.collection(ORDERS).where(where);
  const { total } = await query.count();
  const found = await ctx.db
    .collection(ORDERS)
    .where(where)
    .orderBy('createdAt', 'asc')
    .skip(input.offset ?? 0)
    .limit(input.limit ?? 20)
    .get();
  return { items: (found.data as OrderDoc[]).map((d) => toOrder(d, ctx.openid)), total };
}

export async function getOrder(ctx: ActionCtx, input: In<'getOrder'>): Promise<AcademyActions['getOrder']['output']> {
  const order = await loadOrder(ctx, input.orderId);
  if (!canSeeOrder(ctx.user, order)) fail('FORBIDDEN');
  const sessions = await readAll<SessionDoc>(
    ctx.db.collection(SESSIONS).where({ orderId: order._id }).orderBy('startAt', 'asc'),
  );
  return {
    order: toOrder(order, ctx.openid),
    sessions: sessions.map((d) => {
      const { myBooking: _unused, ...view } = toSession(d);
      return view;
    }),
  };
}

/** Conditional on the status it leaves, so a racing accept and withdraw cannot both win. */
async function transition(
  ctx: ActionCtx,
  orderId: string,
  from: readonly OrderDoc['status'][],
  data: Partial<OrderDoc>,
): Promise<OrderDoc> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection(ORDERS)
    .where({ _id: orderId, status: _.in([...from]) })
    .update({ data: marked(ctx, { ...data, updatedAt: ctx.now() }) });
  if (res.stats.updated === 1) return loadOrder(ctx, orderId);
  // Moved by this very request before a crash: the retry carries on (audit, notice, answer).
  const current = await loadOrder(ctx, orderId);
  if (current.status === data.status && changedByThisRequest(ctx, current)) return current;
  fail('INVALID_STATE');
}

export async function withdrawOrder(ctx: ActionCtx, input: In<'withdrawOrder'>): Promise<CourseOrder> {
  const order = await loadOrder(ctx, input.orderId);
  // The orderer or their enterprise's contact withdraws; the academy declines instead.
  const user = ctx.user;
  const isContact =
    !!user && !!order.employerId && hasRole(user, 'enterprise') && inScope(user, 'employer', order.employerId);
  if (!user || (order.ordererOpenid !== user._id && !isContact)) fail('FORBIDDEN');
  if (order.status === 'withdrawn' && changedByThisRequest(ctx, order)) return toOrder(order, ctx.openid);
  if (order.status === 'scheduled') fail('INVALID_STATE', '已排课的点单不能撤回，请联系学院');
  const done = await transition(ctx, order._id, ORDER_FLOW.withdraw.from, { status: ORDER_FLOW.withdraw.to });
  return toOrder(done, ctx.openid);
}

export async function acceptOrder(ctx: ActionCtx, input: In<'acceptOrder'>): Promise<CourseOrder> {
  const done = await transition(ctx, input.orderId, ORDER_FLOW.accept.from, {
    status: ORDER_FLOW.accept.to,
    acceptNote: input.note,
  });
  await audit(ctx, { event: 'academy.acceptOrder', target: { kind: 'courseOrder', id: done._id } });
  await notify(ctx, {
    to: done.ordererOpenid,
    title: '课程点单已受理',
    body: `您点单的「${done.title}」已受理，学院正在安排老师和时间。${input.note ?? ''}`,
    page: ORDERS_PAGE,
    template: 'courseOrder',
    values: { subject: done.title, status: '已受理', note: input.note || '学院正在安排老师和时间' },
  });
  return toOrder(done, ctx.openid);
}

export async function declineOrder(ctx: ActionCtx, input: In<'declineOrder'>): Promise<CourseOrder> {
  const done = await transition(ctx, input.orderId, ORDER_FLOW.decline.from, {
    status: ORDER_FLOW.decline.to,
    declineReason: input.reason,
  });
  await audit(ctx, {
    event: 'academy.declineOrder',
    target: { kind: 'courseOrder', id: done._id },
    detail: { reason: input.reason },
  });
  await notify(ctx, {
    to: done.ordererOpenid,
    title: '课程点单未能受理',
    body: `「${done.title}」：${input.reason}`,
    page: ORDERS_PAGE,
    template: 'courseOrder',
    values: { subject: done.title, status: '未受理', note: input.reason },
  });
  return toOrder(done, ctx.openid);
}
