/** getMe and updateProfile: first-time callers, profile completeness, own phone only. */
import { memberActions } from '../../../cloud/domain/member';
import { assertNoUnmaskedPii } from '../masking';
import { makeWorld, okData, PERSONAS, rid } from '../helpers';

const call = (world: Awaited<ReturnType<typeof makeWorld>>, openid: string, event: Record<string, unknown>) =>
  world.call(openid, memberActions, 'member', event);

const profile = {
  name: '张晓明',
  phone: '13812345678',
  employer: '嘉兴秀洲精工机械有限公司',
  district: '秀洲区',
  category: '产业工人',
};

describe('member: profile', () => {
  test('a first-time caller gets an empty profile and nothing is written', async () => {
    const world = await makeWorld();
    const me = okData(await call(world, PERSONAS.newcomer, { action: 'getMe' }));
    expect(me).toEqual({
      openid: PERSONAS.newcomer,
      roles: [],
      scopes: [],
      profile: null,
      profileComplete: false,
      membership: { status: 'none' },
      unreadMessages: 0,
    });
    expect(await world.all('users', { _id: PERSONAS.newcomer })).toEqual([]);
  });

  test('a caller without OPENID is UNAUTHENTICATED', async () => {
    const world = await makeWorld();
    expect(await call(world, '', { action: 'getMe' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  test('saving creates the users doc; the owner sees their own phone', async () => {
    const world = await makeWorld();
    const me = okData(await call(world, PERSONAS.newcomer, { action: 'updateProfile', ...profile, requestId: rid() }));
    expect(me.profile).toEqual(profile);
    expect(me.profileComplete).toBe(true);
    const [doc] = await world.all('users', { _id: PERSONAS.newcomer });
    expect(doc).toMatchObject({ roles: [], membership: { status: 'none' }, profile, createdAt: world.clock.now() });
    // Only the owner's own phone may appear in clear.
    assertNoUnmaskedPii(me, { allow: [profile.phone] });
  });

  test('a gig worker without 从事行业 is saved but not complete; adding it completes', async () => {
    const world = await makeWorld();
    const gig = { ...profile, category: '新就业形态劳动者' };
    expect(okData(await call(world, PERSONAS.newcomer, { action: 'updateProfile', ...gig })).profileComplete).toBe(
      false,
    );
    const me = okData(
      await call(world, PERSONAS.newcomer, { action: 'updateProfile', ...gig, group: '外卖', platform: '美团' }),
    );
    expect(me.profileComplete).toBe(true);
    expect(me.profile).toMatchObject({ group: '外卖', platform: '美团' });
  });

  test('changing category drops the gig fields (the profile is replaced, not merged)', async () => {
    const world = await makeWorld();
    await call(world, PERSONAS.newcomer, {
      action: 'updateProfile',
      ...profile,
      category: '新就业形态劳动者',
      group: '快递',
      platform: '中通',
    });
    const me = okData(
      await call(world, PERSONAS.newcomer, { action: 'updateProfile', ...profile, birthDate: '1990-05-06' }),
    );
    expect(me.profile).toEqual({ ...profile, birthDate: '1990-05-06' });
  });

  test('a member cannot change employer by editing the profile (转会 keeps the record)', async () => {
    const world = await makeWorld();
    const me = okData(await call(world, PERSONAS.worker, { action: 'getMe' }));
    const res = await call(world, PERSONAS.worker, { action: 'updateProfile', ...me.profile, employer: '另一家公司' });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_STATE', details: { field: 'employer' } });
    const phoneOnly = okData(
      await call(world, PERSONAS.worker, { action: 'updateProfile', ...me.profile, phone: '13900001111' }),
    );
    expect(phoneOnly.profile.phone).toBe('13900001111');
    expect(phoneOnly.membership.status).toBe('member');
  });

  test('getMe counts unread messages of the caller only', async () => {
    const world = await makeWorld({ seed: 'full' });
    expect(okData(await call(world, PERSONAS.worker, { action: 'getMe' })).unreadMessages).toBe(1);
    expect(okData(await call(world, PERSONAS.courier, { action: 'getMe' })).unreadMessages).toBe(0);
  });

  test('two racing first saves leave one users doc', async () => {
    const world = await makeWorld();
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        call(world, PERSONAS.newcomer, { action: 'updateProfile', ...profile, employer: `单位${i}号厂` }),
      ),
    );
    results.forEach((r) => expect(r.ok).toBe(true));
    expect(await world.all('users', { _id: PERSONAS.newcomer })).toHaveLength(1);
  });
});
