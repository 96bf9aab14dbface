/**
 * The admin tests' world: the shared makeWorld plus one-line calls per function, each mutating
 * call with a fresh request id.
 */
import { adminActions } from '../../../cloud/domain/admin';
import { contestActions } from '../../../cloud/domain/contest';
import { giftActions } from '../../../cloud/domain/gift';
import { memberActions } from '../../../cloud/domain/member';
import { portalActions } from '../../../cloud/domain/portal';
import { retirementActions } from '../../../cloud/domain/retirement';
import { checkinActions } from '../../../cloud/domain/checkin';
import type { Envelope } from '../../../types/envelope';
import { makeWorld, okData, PERSONAS, rid, type World, type WorldOptions } from '../helpers';

export { okData, PERSONAS, rid };

const DEFS = {
  admin: adminActions,
  contest: contestActions,
  gift: giftActions,
  member: memberActions,
  portal: portalActions,
  retirement: retirementActions,
  checkin: checkinActions,
} as const;
type Fn = keyof typeof DEFS;

export interface AdminWorld extends World {
  /** `fn` called as `openid`; a mutating action gets a fresh requestId unless the payload names one. */
  fn(name: Fn, openid: string, action: string, payload?: Record<string, unknown>): Promise<Envelope<any>>;
  admin(openid: string, action: string, payload?: Record<string, unknown>): Promise<Envelope<any>>;
}

export async function adminWorld(options: WorldOptions = {}): Promise<AdminWorld> {
  const world = await makeWorld(options);
  const fn: AdminWorld['fn'] = (name, openid, action, payload = {}) => {
    const defs = DEFS[name] as Record<string, { mutating?: boolean }>;
    const mutating = !!defs[action]?.mutating;
    const event = { action, ...(mutating && !('requestId' in payload) ? { requestId: rid(name) } : {}), ...payload };
    return world.call(openid, DEFS[name] as never, name, event);
  };
  return Object.assign(world, {
    fn,
    admin: (openid: string, action: string, payload?: Record<string, unknown>) => fn('admin', openid, action, payload),
  });
}

/** Makes a user with a complete profile (a worker who has used the app), not a member. */
export async function addWorker(world: World, openid: string, name = '测试职工', phone = '13800001111'): Promise<void> {
  const now = world.clock.now();
  await world.db
    .collection('users')
    .doc(openid)
    .set({
      data: {
        roles: [],
        scopes: [],
        profile: {
          name,
          phone,
          employer: '嘉兴纺织有限公司',
          district: '秀洲区',
          category: '产业工人',
          birthDate: '1990-05-01',
        },
        membership: { status: 'none' },
        createdAt: now,
        updatedAt: now,
      },
    });
}
