/**
 * The academy's test world: personas + catalogue seeded, helpers to call the academy function as a
 * persona, schedule a session, and add many workers (for the capacity races).
 */
import { academyActions } from '../../../cloud/domain/academy';
import { shanghaiTime } from '../../../cloud/lib/clock';
import { seedAcademy } from '../../../cloud/seed/academy';
import { makeWorld, okData, PERSONAS, rid, type World } from '../helpers';

export { PERSONAS, okData, rid };
export const T0 = shanghaiTime('2026-03-02 09:00');
export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

const MUTATING = new Set(
  Object.entries(academyActions)
    .filter(([, d]) => d.writes === true)
    .map(([k]) => k),
);

export interface AcademyWorld extends World {
  academy(openid: string, action: string, payload?: Record<string, unknown>): Promise<any>;
  /** Admin schedules a session; defaults: open, capacity 5, starts in 3 days 14:00, cancel deadline 1 day before. */
  schedule(overrides?: Record<string, unknown>, as?: string): Promise<any>;
  addWorkers(n: number, employer?: string): Promise<string[]>;
}

export async function academyWorld(): Promise<AcademyWorld> {
  const world = await makeWorld({ now: T0 });
  await seedAcademy(world.db, T0);
  const academy = (openid: string, action: string, payload: Record<string, unknown> = {}) =>
    world.call(openid, academyActions, 'academy', {
      action,
      ...payload,
      ...(MUTATING.has(action) ? { requestId: rid(action) } : {}),
    });
  const schedule = async (overrides: Record<string, unknown> = {}, as: string = PERSONAS.admin) => {
    const startAt = shanghaiTime('2026-03-05 14:00');
    return academy(as, 'scheduleSession', {
      courseId: 'course-5s',
      teacherOpenid: PERSONAS.teacher,
      startAt,
      endAt: startAt + 3 * HOUR,
      format: 'branch',
      venue: '新城街道基层分课堂',
      capacity: 5,
      audience: 'open',
      bookingOpensAt: T0 - HOUR,
      bookingClosesAt: startAt - HOUR,
      cancelDeadline: startAt - DAY,
      ...overrides,
    });
  };
  const addWorkers = async (n: number, employer = '嘉兴秀洲精工机械有限公司') => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const openid = `worker-${String(i).padStart(2, '0')}`;
      await world.db
        .collection('users')
        .doc(openid)
        .set({
          data: {
            roles: ['member'],
            scopes: [],
            profile: {
              name: `职工${i}号`,
              phone: `1385730${String(1000 + i)}`,
              employer,
              district: '秀洲区',
              category: '产业工人',
            },
            membership: { status: 'member', employer },
            createdAt: T0,
            updatedAt: T0,
          },
        });
      ids.push(openid);
    }
    return ids;
  };
  return Object.assign(world, { academy, schedule, addWorkers });
}
