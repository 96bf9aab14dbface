/**
 * Every field of every member action: a bad payload of any shape gets INVALID_INPUT naming the
 * field (details.field and the Chinese label in the message), and writes nothing.
 */
import { memberActions } from '../../../cloud/domain/member';
import { makeWorld, PERSONAS, rid, type World } from '../helpers';

const COLLECTIONS = [
  'users',
  'membershipApplications',
  'membershipTransfers',
  'messages',
  'auditLog',
  'counters',
  'idempotency',
];

const goodProfile = {
  name: '张晓明',
  phone: '13812345678',
  employer: '嘉兴秀洲精工机械有限公司',
  district: '秀洲区',
  category: '产业工人',
};

type Case = [label: string, action: string, payload: Record<string, unknown>, field: string, caller?: string];

const cases: Case[] = [
  // updateProfile: every field
  ['name missing', 'updateProfile', { ...goodProfile, name: undefined }, 'name'],
  ['name not text', 'updateProfile', { ...goodProfile, name: 42 }, 'name'],
  ['name too short', 'updateProfile', { ...goodProfile, name: '张' }, 'name'],
  ['name too long', 'updateProfile', { ...goodProfile, name: '张'.repeat(21) }, 'name'],
  ['name with digits', 'updateProfile', { ...goodProfile, name: '张三3' }, 'name'],
  ['name with control char', 'updateProfile', { ...goodProfile, name: '张\u0000三' }, 'name'],
  ['phone missing', 'updateProfile', { ...goodProfile, phone: undefined }, 'phone'],
  ['phone as number', 'updateProfile', { ...goodProfile, phone: 13812345678 }, 'phone'],
  ['phone 10 digits', 'updateProfile', { ...goodProfile, phone: '1381234567' }, 'phone'],
  ['phone bad prefix', 'updateProfile', { ...goodProfile, phone: '12812345678' }, 'phone'],
  ['phone with letters', 'updateProfile', { ...goodProfile, phone: '1381234567a' }, 'phone'],
  ['employer missing', 'updateProfile', { ...goodProfile, employer: undefined }, 'employer'],
  ['employer too long', 'updateProfile', { ...goodProfile, employer: '厂'.repeat(61) }, 'employer'],
  ['employer object', 'updateProfile', { ...goodProfile, employer: { $ne: 1 } }, 'employer'],
  ['district unknown', 'updateProfile', { ...goodProfile, district: '火星区' }, 'district'],
  ['district missing', 'updateProfile', { ...goodProfile, district: undefined }, 'district'],
  ['category unknown', 'updateProfile', { ...goodProfile, category: '老板' }, 'category'],
  ['category array', 'updateProfile', { ...goodProfile, category: ['产业工人'] }, 'category'],
  ['group unknown', 'updateProfile', { ...goodProfile, category: '新就业形态劳动者', group: '飞行员' }, 'group'],
  [
    'platform too long',
    'updateProfile',
    { ...goodProfile, category: '新就业形态劳动者', group: '外卖', platform: 'x'.repeat(31) },
    'platform',
  ],
  ['birthDate impossible', 'updateProfile', { ...goodProfile, birthDate: '1990-02-30' }, 'birthDate'],
  ['birthDate format', 'updateProfile', { ...goodProfile, birthDate: '1990/01/01' }, 'birthDate'],
  ['extra field roles', 'updateProfile', { ...goodProfile, roles: ['admin'] }, 'roles'],
  ['bad requestId', 'updateProfile', { ...goodProfile, requestId: 'x' }, 'requestId'],
  // applyMembership
  ['charter not agreed', 'applyMembership', { agreeCharter: false }, 'agreeCharter', PERSONAS.family],
  ['charter missing', 'applyMembership', {}, 'agreeCharter', PERSONAS.family],
  ['note too long', 'applyMembership', { agreeCharter: true, note: '字'.repeat(201) }, 'note', PERSONAS.family],
  ['apply extra field', 'applyMembership', { agreeCharter: true, status: 'approved' }, 'status', PERSONAS.family],
  // review queue
  [
    'applicationId operator',
    'reviewApplication',
    { applicationId: '{"$ne":1}', decision: 'approve' },
    'applicationId',
    PERSONAS.admin,
  ],
  ['applicationId missing', 'reviewApplication', { decision: 'approve' }, 'applicationId', PERSONAS.admin],
  ['decision unknown', 'reviewApplication', { applicationId: 'ma-1', decision: 'maybe' }, 'decision', PERSONAS.admin],
  [
    'reason too long',
    'reviewApplication',
    { applicationId: 'ma-1', decision: 'return', reason: '因'.repeat(201) },
    'reason',
    PERSONAS.admin,
  ],
  [
    'return without reason',
    'reviewApplication',
    { applicationId: 'ma-1', decision: 'return' },
    'reason',
    PERSONAS.admin,
  ],
  ['list status unknown', 'listApplications', { status: 'lost' }, 'status', PERSONAS.admin],
  ['list limit 0', 'listApplications', { limit: 0 }, 'limit', PERSONAS.admin],
  ['list limit 101', 'listApplications', { limit: 101 }, 'limit', PERSONAS.admin],
  ['list offset negative', 'listApplications', { offset: -1 }, 'offset', PERSONAS.admin],
  // transfer
  ['newEmployer missing', 'transferMembership', { district: '秀洲区' }, 'newEmployer', PERSONAS.worker],
  [
    'newEmployer too long',
    'transferMembership',
    { newEmployer: '厂'.repeat(61), district: '秀洲区' },
    'newEmployer',
    PERSONAS.worker,
  ],
  [
    'transfer district unknown',
    'transferMembership',
    { newEmployer: '嘉兴纺织有限公司', district: '北京' },
    'district',
    PERSONAS.worker,
  ],
  [
    'transfer reason too long',
    'transferMembership',
    { newEmployer: '嘉兴纺织有限公司', district: '秀洲区', reason: '因'.repeat(201) },
    'reason',
    PERSONAS.worker,
  ],
  // messages
  ['unreadOnly not boolean', 'listMessages', { unreadOnly: 'yes' }, 'unreadOnly', PERSONAS.worker],
  ['ids empty', 'markMessagesRead', { ids: [] }, 'ids', PERSONAS.worker],
  ['ids not a list', 'markMessagesRead', { ids: 'abc' }, 'ids', PERSONAS.worker],
  ['id with operator', 'markMessagesRead', { ids: ['ok-id', '$where'] }, 'ids.1', PERSONAS.worker],
  ['too many ids', 'markMessagesRead', { ids: Array.from({ length: 101 }, (_, i) => `m${i}`) }, 'ids', PERSONAS.worker],
  ['getMe extra field', 'getMe', { openid: PERSONAS.admin }, 'openid', PERSONAS.worker],
  ['memberCode extra field', 'memberCode', { memberNo: 'XZ2026000001' }, 'memberNo', PERSONAS.worker],
];

describe('member: input validation', () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
    // An application to point the review cases at, so "nothing written" is a real check.
    await world.call(PERSONAS.family, memberActions, 'member', {
      action: 'applyMembership',
      agreeCharter: true,
      requestId: rid(),
    });
  });

  test.each(cases)(
    '%s → INVALID_INPUT naming %s',
    async (_label, action, payload, field, caller = PERSONAS.newcomer) => {
      const before = await world.snapshot(COLLECTIONS);
      const res = await world.call(caller, memberActions, 'member', { action, ...payload });
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field } });
      // Chinese copy that says what to do (请填写…, …请不超过…), never a bare machine verdict (姓名：应为文字).
      if (!res.ok) expect(res.message).toMatch(/请|有误/);
      if (!res.ok) expect(res.message).not.toMatch(/应为|不能为空/);
      expect(await world.snapshot(COLLECTIONS)).toEqual(before);
    },
  );

  test('the message names the field in Chinese', async () => {
    const res = await world.call(PERSONAS.newcomer, memberActions, 'member', {
      action: 'updateProfile',
      ...goodProfile,
      phone: '12812345678',
    });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '请填写11位手机号' });
  });

  test.each([
    ['not an object', 'getMe'],
    ['an array', ['getMe']],
    ['null', null],
  ])('an event that is %s → INVALID_INPUT', async (_label, event) => {
    const res = await world.call(PERSONAS.worker, memberActions, 'member', event);
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  test('an unknown action → INVALID_INPUT naming action', async () => {
    const res = await world.call(PERSONAS.worker, memberActions, 'member', { action: 'dropTables' });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'action' } });
  });
});
