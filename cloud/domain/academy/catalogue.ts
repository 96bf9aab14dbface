/** The catalogue: courses tied to the district's industries, each with its model-worker teacher. */
import { readAll } from '../../lib/paging';
import type { Course, CourseCategory } from '../../../types/api/academy';
import type { ActionCtx, Ctx } from '../../lib/context';
import { COURSES, toCourse, type CourseDoc } from './model';

/** What workers and enterprises browse and order: 上架 courses only. */
export async function listCourses(ctx: ActionCtx, input: { category?: CourseCategory }): Promise<Course[]> {
  const _ = ctx.db.command;
  const where = { active: _.neq(false), ...(input.category ? { category: input.category } : {}) };
  const found = await readAll<CourseDoc>(ctx.db.collection(COURSES).where(where).orderBy('rank', 'asc'));
  return found.map(toCourse);
}

/** Any course, withdrawn or not: orders and sessions of a withdrawn course still resolve it. */
export async function findCourse(ctx: Ctx, id: string): Promise<CourseDoc | null> {
  const found = await ctx.db.collection(COURSES).where({ _id: id }).limit(1).get();
  return (found.data[0] as CourseDoc | undefined) ?? null;
}
