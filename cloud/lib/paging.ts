import type { Query, QueryResult } from './db';

/** The most a server-side query returns at once (CloudBase caps `limit` at 1,000). */
export const PAGE_MAX = 1000;

/**
 * Every row of a query, page by page, so no list stops silently at the database's 100 / 1,000 cap.
 * `page(skip, limit)` issues the query (with a stable orderBy, so pages neither overlap nor skip).
 */
export async function allPages<T>(
  page: (skip: number, limit: number) => Promise<QueryResult>,
  size: number = PAGE_MAX,
): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += size) {
    const { data } = await page(skip, size);
    out.push(...(data as T[]));
    if (data.length < size) return out;
  }
}

/** Every row a query matches (its where / orderBy / field kept), read 1,000 at a time. */
export function readAll<T = any>(query: Query, size: number = PAGE_MAX): Promise<T[]> {
  return allPages<T>((skip, limit) => query.skip(skip).limit(limit).get(), size);
}
