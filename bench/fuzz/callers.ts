/** Who the sweep and the matrix call as: every seeded persona, a stranger (an OPENID with no record) and no OPENID. */
import { personas } from '../../cloud/seed';
import type { World } from '../lib/world';
import type { Caller } from './sweep';

export const STRANGER = 'fuzz-stranger-0001';

export async function callerFor(world: World, name: string, openid: string): Promise<Caller> {
  if (!openid) return { name, openid, roles: [], exists: false };
  const found = await world.db.collection('users').where({ _id: openid }).limit(1).get();
  const user = found.data[0] as { roles?: string[] } | undefined;
  return { name, openid, roles: user?.roles ?? [], exists: !!user };
}

/** Every persona of cloud/seed/personas.ts, then the stranger and the anonymous caller. */
export async function allCallers(world: World): Promise<Caller[]> {
  const list = await Promise.all(personas.map((p) => callerFor(world, p.openid.replace(/^persona-/, ''), p.openid)));
  list.push(await callerFor(world, 'stranger', STRANGER), await callerFor(world, 'anonymous', ''));
  return list;
}
