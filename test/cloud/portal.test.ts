import { dispatch } from '../../cloud/lib/router';
import type { Ctx } from '../../cloud/lib/context';
import type { Database } from '../../cloud/lib/db';
import { distanceMetres, portalActions } from '../../cloud/domain/portal';
import { makeWorld } from './helpers';

function ctx(db: Database, openid = ''): Ctx {
  return {
    openid,
    db,
    now: () => Date.UTC(2026, 0, 20),
    openapi: {} as Ctx['openapi'],
    files: {} as Ctx['files'],
    env: {},
  };
}

describe('portal.listStations', () => {
  let db: Database;
  beforeAll(async () => {
    db = (await makeWorld({ seed: 'none' })).db;
    const stations = db.collection('stations');
    await stations.add({
      data: {
        _id: 's-near',
        name: '新城汇驿站',
        address: 'a',
        hours: '08:00-20:00',
        lat: 30.7731,
        lng: 120.7085,
        services: ['热水'],
        active: true,
      },
    });
    await stations.add({
      data: {
        _id: 's-far',
        name: '王江泾镇驿站',
        address: 'b',
        hours: '08:30-18:30',
        lat: 30.8623,
        lng: 120.7012,
        services: [],
        active: true,
      },
    });
    await stations.add({
      data: {
        _id: 's-closed',
        name: '已撤站点',
        address: 'c',
        hours: '',
        lat: 30.77,
        lng: 120.7,
        services: [],
        active: false,
      },
    });
  });

  test('is public and lists only active stations', async () => {
    const res = await dispatch('portal', portalActions, ctx(db), { action: 'listStations' });
    expect(res.ok).toBe(true);
    const ids = (res as { data: { id: string }[] }).data.map((s) => s.id).sort();
    expect(ids).toEqual(['s-far', 's-near']);
  });

  test('sorts by distance from the caller, in metres', async () => {
    const res = await dispatch('portal', portalActions, ctx(db, 'o1'), {
      action: 'listStations',
      lat: 30_860_000,
      lng: 120_700_000,
    });
    const data = (res as { data: { id: string; distance: number }[] }).data;
    expect(data.map((s) => s.id)).toEqual(['s-far', 's-near']);
    expect(data[0].distance).toBeLessThan(500);
    expect(data[1].distance).toBeGreaterThan(9000);
  });

  test('refuses a location out of range with the field named', async () => {
    const res = await dispatch('portal', portalActions, ctx(db), { action: 'listStations', lat: 91_000_000, lng: 0 });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'lat' } });
  });

  test('distance is symmetric and about 9.9 km between the two towns', () => {
    const d = distanceMetres(30.7731, 120.7085, 30.8623, 120.7012);
    expect(d).toBe(distanceMetres(30.8623, 120.7012, 30.7731, 120.7085));
    expect(d).toBeGreaterThan(9500);
    expect(d).toBeLessThan(10500);
  });
});
