/** The catalogue: courses tied to the district's industries, each with its model-worker teacher. */
import type { Course, CourseCategory } from '../../../types/api/academy';
import type { ActionCtx } from '../../lib/context';
import { COURSES, toCourse, type CourseDoc } from './model';

export async function listCourses(ctx: ActionCtx, input: { category?: CourseCategory }): Promise<Course[]> {
  const where = input.category ? { category: input.category } : {};
  const found = await ctx.db.collection(COURSES).where(where).orderBy('rank', 'asc').limit(100).get();
  return (found.data as CourseDoc[]).map(toCourse);
}

export async function findCourse(ctx: ActionCtx, id: string): Promise<CourseDoc | null> {
  const found = await ctx.db.collection(COURSES).where({ _id: id }).limit(1).get();
  return (found.data[0] as CourseDoc | undefined) ?? null;
}
