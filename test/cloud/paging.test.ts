/**
 * No silent caps: lists that used to stop at the database's 100 / 1,000 rows read every page.
 * Each test writes more rows than the old cap straight into the fake database, then asks the action.
 */
import { academyActions } from '../../cloud/domain/academy';
import { REGISTRATIONS } from '../../cloud/domain/contest/model';
import { EMPLOYERS } from '../../cloud/domain/retirement/model';
import { retirementActions } from '../../cloud/domain/retirement';
import { portalActions } from '../../cloud/domain/portal';
import { CONTEST, contestWorld, okData, PERSONAS } from './contest/fixture';
import { makeWorld } from './helpers';

/** Adds docs in one go per chunk (nedb in memory: quick). */
async function addMany(world: { db: any }, collection: string, docs: Array<Record<string, unknown>>) {
  await Promise.all(docs.map((data) => world.db.collection(collection).add({ data })));
}

test('the venue CSV export holds all 1,050 approved entries, not the first 1,000', async () => {
  const world = await contestWorld();
  await addMany(
    world,
    REGISTRATIONS,
    Array.from({ length: 1050 }, (_, i) => ({
      _id: `reg-${String(i).padStart(4, '0')}`,
      contestId: CONTEST,
      tradeId: 'web',
      tradeName: '互联网营销',
      openid: `o-${i}`,
      name: `选手${i}`,
      employer: '嘉兴秀洲精工机械有限公司',
      jobTitle: '营销员',
      skillLevel: '高级工',
      yearsInTrade: 5,
      phone: '13900001111',
      status: 'approved',
      submittedAt: i,
    })),
  );
  const out = okData(await world.contest(PERSONAS.admin, { action: 'exportCsv', contestId: CONTEST }));
  expect(out.rows).toBe(1050);
  expect(out.csv.trim().split('\n')).toHaveLength(1051);
  expect(out.csv).toContain('选手1049');
});

test('published results list every ranked entry past 1,000', async () => {
  const world = await contestWorld();
  await addMany(
    world,
    REGISTRATIONS,
    Array.from({ length: 1010 }, (_, i) => ({
      contestId: CONTEST,
      tradeId: 'web',
      tradeName: '互联网营销',
      openid: `o-${i}`,
      name: `选手${i}`,
      employer: '嘉兴秀洲精工机械有限公司',
      status: 'result_published',
      rank: i + 1,
      submittedAt: i,
    })),
  );
  const out = okData(await world.contest(PERSONAS.worker, { action: 'results', contestId: CONTEST }));
  expect(out).toHaveLength(1010);
});

test('employers (光荣退休 form), teachers (排课) and stations (portal) past 100', async () => {
  const world = await makeWorld({ seed: 'full' });
  const before = (await world.all(EMPLOYERS)).length;
  await addMany(
    world,
    EMPLOYERS,
    Array.from({ length: 120 }, (_, i) => ({ _id: `emp-x${i}`, name: `测试企业${i}` })),
  );
  const form = okData(await world.call(PERSONAS.family, retirementActions, 'retirement', { action: 'formOptions' }));
  expect(form.employers).toHaveLength(before + 120);

  const teachersBefore = okData(
    await world.call(PERSONAS.admin, academyActions, 'academy', { action: 'listTeachers' }),
  );
  await addMany(
    world,
    'users',
    Array.from({ length: 130 }, (_, i) => ({
      _id: `t-${i}`,
      roles: ['teacher'],
      scopes: [],
      profile: { name: `讲师${i}` },
      membership: { status: 'none' },
    })),
  );
  const teachers = okData(await world.call(PERSONAS.admin, academyActions, 'academy', { action: 'listTeachers' }));
  expect(teachers).toHaveLength(teachersBefore.length + 130);

  const stationsBefore = okData(await world.call('', portalActions, 'portal', { action: 'listStations' }));
  await addMany(
    world,
    'stations',
    Array.from({ length: 110 }, (_, i) => ({
      _id: `st-x${i}`,
      name: `测试驿站${i}`,
      address: '秀洲区',
      hours: '9:00-17:00',
      active: true,
      lat: 30.76,
      lng: 120.7,
    })),
  );
  const stations = okData(await world.call('', portalActions, 'portal', { action: 'listStations' }));
  expect(stations).toHaveLength(stationsBefore.length + 110);
});
