/** The response scan itself: it catches a clear phone or identity number, and spares owners and random ids. */
import { defineActions, dispatch } from '../../../cloud/lib/router';
import { memberActions } from '../../../cloud/domain/member';
import { s } from '../../../types/schema';
import { makeWorld, okData, PERSONAS } from '../helpers';
import { takeLeaks } from './pii-scan';

const leaky = defineActions<any>({
  list: {
    input: s.object({}),
    access: 'public',
    handler: async () => ({
      id: 'ab17750377169c',
      csv: '张三,13812345678\n',
      owner: { idNumber: '330402199001011234' },
    }),
  },
});

test('every dispatch answer is scanned; leaks are named by function, action and field', async () => {
  const world = await makeWorld({ seed: 'none' });
  await dispatch('demo', leaky, world.ctxFor('x'), { action: 'list' });
  const found = takeLeaks().map((l) => `${l.fn}.${l.action} ${l.path} ${l.kind}`);
  expect(found).toEqual(['demo.list data.csv mobile', 'demo.list data.owner.idNumber idNumber']);
});

test("the owner's own profile is the one exception", async () => {
  const world = await makeWorld();
  const me = okData(await world.call(PERSONAS.worker, memberActions, 'member', { action: 'getMe' }));
  expect(me.profile.phone).toMatch(/^1\d{10}$/);
  expect(takeLeaks()).toEqual([]);
});
