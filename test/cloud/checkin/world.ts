/**
 * The checkin tests' world: the shared makeWorld plus a staff member at another station, the fake
 * single-use kind registered, and helpers to sign codes and call the function.
 */
import { checkinActions } from '../../../cloud/domain/checkin';
import { registerScanKind } from '../../../cloud/domain/checkin/kinds';
import { signToken, type TokenKind } from '../../../cloud/lib/token';
import type { ScanScope } from '../../../types/api/checkin';
import { makeWorld, PERSONAS, rid, type World } from '../helpers';
import { addTicket, fakeVoucherKind } from './fake-kind';

export { PERSONAS, rid };
export const OTHER_STAFF = 'persona-other-station-staff';
export const HOME: ScanScope = { kind: 'station', id: 'station-xinchenghui' };
export const OTHER: ScanScope = { kind: 'station', id: 'station-wangjiangjing' };
export const ENV = { QR_TOKEN_KEY_1: 'test-key-one' };

export interface CheckinWorld extends World {
  checkin(openid: string, event: Record<string, unknown>): ReturnType<World['call']>;
  code(kind: TokenKind, id: string, ttlMs?: number): string;
}

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

export async function checkinWorld(): Promise<CheckinWorld> {
  const world = await makeWorld({ env: { ...ENV } });
  restore = registerScanKind(fakeVoucherKind);
  const now = world.clock.now();
  await world.db
    .collection('users')
    .doc(OTHER_STAFF)
    .set({
      data: {
        roles: ['staff'],
        scopes: [OTHER],
        profile: { name: '蒋志明' },
        membership: { status: 'none' },
        createdAt: now,
        updatedAt: now,
      },
    });
  await addTicket(world.db, {
    _id: 'tk-home-1',
    holder: '王建国',
    phone: '13857301234',
    scopeKey: 'station:station-xinchenghui',
  });
  await addTicket(world.db, {
    _id: 'tk-home-2',
    holder: '陈志强',
    phone: '13957302345',
    scopeKey: 'station:station-xinchenghui',
  });
  await addTicket(world.db, {
    _id: 'tk-other-1',
    holder: '王建国',
    phone: '13857301234',
    scopeKey: 'station:station-wangjiangjing',
  });
  return Object.assign(world, {
    checkin: (openid: string, event: Record<string, unknown>) => world.call(openid, checkinActions, 'checkin', event),
    code: (kind: TokenKind, id: string, ttlMs = 90_000) =>
      signToken(world.env, { kind, id, ttlMs }, world.clock.now()).token,
  });
}
