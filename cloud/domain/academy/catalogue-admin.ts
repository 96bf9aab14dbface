/**
 * The academy admin's catalogue: add and edit courses (the teacher from the academy's teacher
 * accounts, as when scheduling), withdraw (下架) and restore them. Withdrawing only takes a course out
 * of the catalogue and out of new orders: orders and sessions carry their own title, teacher and
 * format, and `findCourse` still resolves a withdrawn course for them (an accepted order of it can
 * still be scheduled).
 */
import { readAll } from '../../lib/paging';
import { COURSE_FORMATS, COURSE_REQUIRED, type AcademyActions, type CourseAdmin } from '../../../types/api/academy';
import { auditOnce } from '../../lib/audit';
import type { ActionCtx, UserDoc } from '../../lib/context';
import { isDuplicateKeyError } from '../../lib/db';
import { fail } from '../../lib/errors';
import { LEASE_MS } from '../../lib/idempotency';
import { newId, payloadHash } from '../../lib/ids';
import { findCourse } from './catalogue';
import { COURSES, COURSE_TITLES, isActive, toCourseAdmin, type CourseDoc, type CourseTitleDoc } from './model';

type In<K extends keyof AcademyActions> = AcademyActions[K]['input'];

/** Every course, 上架 or 已下架, in catalogue order. */
export async function listAllCourses(ctx: ActionCtx): Promise<CourseAdmin[]> {
  const found = await readAll<CourseDoc>(ctx.db.collection(COURSES).where({}).orderBy('rank', 'asc'));
  return found.map(toCourseAdmin);
}

async function loadCourse(ctx: ActionCtx, id: string): Promise<CourseDoc> {
  return (await findCourse(ctx, id)) ?? fail('NOT_FOUND', '没有找到这门课程');
}

async function teacherOf(ctx: ActionCtx, openid: string): Promise<UserDoc> {
  const found = await ctx.db.collection('users').where({ _id: openid, roles: 'teacher' }).limit(1).get();
  return (
    (found.data[0] as UserDoc | undefined) ??
    fail('INVALID_INPUT', '授课老师：请从讲师名单中选择', { field: 'teacherOpenid' })
  );
}

const PICKED = new Set(['category', 'teacherOpenid', 'formats']);

export async function saveCourse(ctx: ActionCtx, input: In<'saveCourse'>): Promise<CourseAdmin> {
  const { courseId, formats, teacherOpenid, ...text } = input;
  // A create retried after a crash runs again with the same id and finds its own course.
  const id =
    courseId ??
    (ctx.requestId ? `course-${payloadHash([ctx.openid, ctx.requestId]).slice(0, 16)}` : `course-${newId(8)}`);
  const existing = await findCourse(ctx, id);
  if (courseId && !existing) fail('NOT_FOUND', '没有找到这门课程');
  if (!existing) {
    for (const [key, label] of COURSE_REQUIRED) {
      if (input[key] === undefined)
        fail('INVALID_INPUT', `${PICKED.has(key) ? '请选择' : '请填写'}${label}`, { field: key });
    }
  }
  const teacher = teacherOpenid ? await teacherOf(ctx, teacherOpenid) : null;
  // Only the fields sent change: two admins editing different fields of one course both keep theirs.
  const patch: Partial<CourseDoc> = Object.fromEntries(Object.entries(text).filter(([, v]) => v !== undefined));
  if (formats) patch.formats = COURSE_FORMATS.filter((f) => formats.includes(f));
  if (teacher) Object.assign(patch, { teacherOpenid: teacher._id, teacherName: teacher.profile?.name ?? '讲师' });
  if (existing && Object.keys(patch).length === 0) return toCourseAdmin(existing);
  if (patch.title && patch.title !== existing?.title) await claimTitle(ctx, patch.title, id);

  const now = ctx.now();
  if (existing) {
    await ctx.db
      .collection(COURSES)
      .doc(id)
      .update({ data: { ...patch, updatedAt: now } });
    if (patch.title && patch.title !== existing.title) await releaseTitle(ctx, existing.title, id);
  } else {
    const doc = { ...patch, _id: id, rank: await nextRank(ctx), active: true, createdAt: now, updatedAt: now };
    await ctx.db.collection(COURSES).add({ data: doc as CourseDoc });
  }
  await auditOnce(ctx, {
    event: 'academy.saveCourse',
    target: { kind: 'course', id },
    detail: { created: !courseId, fields: Object.keys(patch).sort() },
  });
  return toCourseAdmin(await loadCourse(ctx, id));
}

/** 下架 / 重新上架, conditional on the state it leaves: of two admins withdrawing at once, one does it. */
export async function setCourseActive(ctx: ActionCtx, input: In<'setCourseActive'>): Promise<CourseAdmin> {
  const course = await loadCourse(ctx, input.courseId);
  const _ = ctx.db.command;
  const now = ctx.now();
  const stamp = { updatedAt: now, activeRequestId: ctx.requestId ?? null };
  const res = await ctx.db
    .collection(COURSES)
    .where({ _id: course._id, active: input.active ? false : _.neq(false) })
    .update({ data: input.active ? { active: true, ...stamp } : { active: false, withdrawnAt: now, ...stamp } });
  if (res.stats.updated !== 1) {
    const latest = await loadCourse(ctx, course._id);
    const mine = !!ctx.requestId && latest.activeRequestId === ctx.requestId && isActive(latest) === input.active;
    if (!mine) fail('INVALID_STATE', input.active ? '这门课程已经在目录中了' : '这门课程已经下架了');
  }
  await auditOnce(ctx, {
    event: input.active ? 'academy.restoreCourse' : 'academy.withdrawCourse',
    target: { kind: 'course', id: course._id },
    detail: { title: course.title },
  });
  return toCourseAdmin(await loadCourse(ctx, course._id));
}

async function nextRank(ctx: ActionCtx): Promise<number> {
  const last = await ctx.db.collection(COURSES).where({}).orderBy('rank', 'desc').limit(1).get();
  return ((last.data[0] as CourseDoc | undefined)?.rank ?? -1) + 1;
}

const titleKey = (title: string) => `ct-${payloadHash(title)}`;

/**
 * Takes the catalogue title for this course, or refuses it (INVALID_INPUT on 课程名称) when another
 * course has it. Titles stay unique across withdrawn courses too, so restoring one never clashes.
 */
async function claimTitle(ctx: ActionCtx, title: string, courseId: string): Promise<void> {
  const _ = ctx.db.command;
  const clash = (): never =>
    fail('INVALID_INPUT', `课程名称：目录中已有「${title}」，请换个名称（已下架的课程可以重新上架）`, {
      field: 'title',
    });
  // Courses written before title claims existed (the seed) hold no claim: look for them by title.
  const named = await ctx.db
    .collection(COURSES)
    .where({ title, _id: _.neq(courseId) })
    .limit(1)
    .get();
  if (named.data.length) clash();
  const titles = ctx.db.collection(COURSE_TITLES);
  const key = titleKey(title);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await titles.add({ data: { _id: key, courseId, at: ctx.now() } satisfies CourseTitleDoc });
      return;
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
    }
    const held = (await titles.where({ _id: key }).limit(1).get()).data[0] as CourseTitleDoc | undefined;
    if (!held) continue;
    if (held.courseId === courseId) return;
    // Held by a course that has it, or by a save still under way (its course not yet written): taken.
    if (ctx.now() - held.at < LEASE_MS || (await findCourse(ctx, held.courseId))?.title === title) clash();
    // Stale: its course was renamed since, or its save died before writing the course.
    const took = await titles
      .where({ _id: key, courseId: held.courseId })
      .update({ data: { courseId, at: ctx.now() } });
    if (took.stats.updated === 1) return;
  }
  clash();
}

async function releaseTitle(ctx: ActionCtx, title: string, courseId: string): Promise<void> {
  await ctx.db
    .collection(COURSE_TITLES)
    .where({ _id: titleKey(title), courseId })
    .remove();
}
