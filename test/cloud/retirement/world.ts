/**
 * The retirement tests' world: personas + stations + the 光荣退休 seed (campaign, employers, a few
 * requests), and a `call` that checks EVERY response for a full identity number or an unmasked
 * phone before the test sees it.
 */
import type { Envelope } from '../../../types/envelope';
import { retirementActions } from '../../../cloud/domain/retirement';
import { seedRetirement, fakeIdNumber } from '../../../cloud/seed/retirement';
import { makeWorld, okData, PERSONAS, rid, type World } from '../helpers';
import { assertNoUnmaskedPii } from '../masking';

export { PERSONAS, okData, rid, fakeIdNumber };

export interface RetirementWorld extends World {
  /** `retirement` function call as `openid`, PII-checked. Mutating actions get a fresh request id. */
  r(openid: string, action: string, payload?: Record<string, unknown>): Promise<Envelope<any>>;
}

const MUTATING = new Set(
  Object.entries(retirementActions)
    .filter(([, d]) => d.writes === true)
    .map(([k]) => k),
);

export async function retirementWorld(now?: number): Promise<RetirementWorld> {
  const world = await makeWorld(now ? { now } : {});
  await seedRetirement(world.db, world.clock.now());
  const r = async (openid: string, action: string, payload: Record<string, unknown> = {}) => {
    const event = { action, ...(MUTATING.has(action) ? { requestId: rid('rt') } : {}), ...payload };
    const res = await world.call(openid, retirementActions, 'retirement', event);
    assertNoUnmaskedPii(res);
    return res;
  };
  return Object.assign(world, { r });
}

let seq = 0;
/** A valid form for a new retiree (fresh identity number each call unless given). */
export function form(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  return {
    consent: true,
    requesterKind: 'self',
    name: '金阿毛',
    idNumber: fakeIdNumber('1966-01-15', 500 + seq),
    employer: '嘉兴纺织有限公司',
    employerId: 'emp-jiaxing-textile',
    position: '挡车工',
    yearsOfService: 35,
    retirementDate: '2026-01-10',
    phone: '13957310001',
    deliveryMethod: 'pickup',
    pickupStationId: 'station-xinchenghui',
    ...overrides,
  };
}

/** The same person as an employer's list row (no employer fields). */
export function row(f: Record<string, unknown>): Record<string, unknown> {
  const { consent: _c, requesterKind: _k, relation: _r, employer: _e, employerId: _i, ...rest } = f;
  return rest;
}

/** A well-formed 18-character number whose check digit is wrong. */
export function badIdNumber(): string {
  const good = fakeIdNumber('1966-03-01', 901);
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
}
