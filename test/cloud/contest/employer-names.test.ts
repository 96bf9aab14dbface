/**
 * 单位名录: the names a named employer's places are given under (the contests admin) and a worker
 * registering picks from, active ones only, and nothing else of the employer (its verifying contact
 * stays with the members admin).
 */
import { PERSONAS, contestWorld, okData, type ContestWorld } from './fixture';

let world: ContestWorld;

beforeEach(async () => {
  world = await contestWorld();
  const add = (_id: string, name: string, more: Record<string, unknown> = {}) =>
    world.db
      .collection('employers')
      .add({ data: { _id, name, contactName: '沈敏', contactPhone: '13800001111', ...more } });
  await add('e-b', '秀洲新材料科技有限公司');
  await add('e-a', '嘉兴纺织有限公司');
  await add('e-c', '已停用的单位', { active: false });
});

test('the contests admin gets the active names, sorted, and no contact', async () => {
  const names = okData(await world.contest(PERSONAS.contestAdmin, { action: 'employerNames' }));
  expect(names).toEqual(expect.arrayContaining(['嘉兴纺织有限公司', '秀洲新材料科技有限公司']));
  expect(names).not.toContain('已停用的单位');
  expect([...names].sort((a: string, b: string) => a.localeCompare(b, 'zh'))).toEqual(names);
  expect(JSON.stringify(names)).not.toMatch(/沈敏|13800001111/);
});

test('a worker registering gets the same names; without a WeChat identity, nothing', async () => {
  const names = okData(await world.contest(PERSONAS.worker, { action: 'employerNames' }));
  expect(names).toContain('嘉兴纺织有限公司');
  expect(JSON.stringify(names)).not.toMatch(/沈敏|13800001111/);
  const r = await world.contest('', { action: 'employerNames' });
  expect(r).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  expect(JSON.stringify(r)).not.toContain('嘉兴纺织');
});

test('bad input: an unknown field is refused', async () => {
  const r = await world.contest(PERSONAS.contestAdmin, { action: 'employerNames', extra: 1 });
  expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
});
