import type { ActionCtx } from '../../lib/context';
import { readAll } from '../../lib/paging';

/**
 * The active employers' names, as the 单位名录 (admin function) keeps them: a named employer's own
 * places apply to the registrations that give the same name, so the contests admin picks the name
 * the union's list uses rather than typing one. Names only: the contacts stay with the members admin.
 */
export async function employerNames(ctx: ActionCtx): Promise<string[]> {
  const all = await readAll<{ name: string; active?: boolean }>(ctx.db.collection('employers').where({}));
  return all
    .filter((e) => e.active !== false)
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'zh'));
}
