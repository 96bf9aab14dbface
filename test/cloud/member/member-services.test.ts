/** 转会, 会员码 and 我的消息. */
import { memberActions } from '../../../cloud/domain/member';
import { verifyToken, PHONE_CODE_TTL_MS } from '../../../cloud/lib/token';
import { assertNoUnmaskedPii } from '../masking';
import { makeWorld, okData, PERSONAS, rid, type World } from '../helpers';

const call = (world: World, openid: string, event: Record<string, unknown>) =>
  world.call(openid, memberActions, 'member', event);

describe('member: 转会', () => {
  test('moves employer on profile and membership, keeps a history record and an audit entry', async () => {
    const world = await makeWorld();
    const requestId = rid('transfer');
    const me = okData(
      await call(world, PERSONAS.worker, {
        action: 'transferMembership',
        newEmployer: '嘉兴纺织有限公司',
        district: '南湖区',
        reason: '工作调动',
        requestId,
      }),
    );
    expect(me.profile).toMatchObject({ employer: '嘉兴纺织有限公司', district: '南湖区', name: '王建国' });
    expect(me.membership).toMatchObject({
      status: 'member',
      memberNo: 'XZ2019000001',
      employer: '嘉兴纺织有限公司',
      district: '南湖区',
    });
    expect(await world.all('membershipTransfers')).toEqual([
      expect.objectContaining({
        openid: PERSONAS.worker,
        memberNo: 'XZ2019000001',
        fromEmployer: '嘉兴秀洲精工机械有限公司',
        fromDistrict: '秀洲区',
        toEmployer: '嘉兴纺织有限公司',
        toDistrict: '南湖区',
        reason: '工作调动',
        at: world.clock.now(),
      }),
    ]);
    expect(await world.all('auditLog')).toEqual([
      expect.objectContaining({
        event: 'member.transferMembership',
        actor: PERSONAS.worker,
        requestId,
        target: { kind: 'member', id: 'XZ2019000001' },
      }),
    ]);
    // A retry replays instead of recording a second move.
    expect(
      await call(world, PERSONAS.worker, {
        action: 'transferMembership',
        newEmployer: '嘉兴纺织有限公司',
        district: '南湖区',
        reason: '工作调动',
        requestId,
      }),
    ).toEqual({ ok: true, data: me });
    expect(await world.all('membershipTransfers')).toHaveLength(1);
  });

  test('to the same employer → INVALID_STATE, nothing written', async () => {
    const world = await makeWorld();
    const res = await call(world, PERSONAS.worker, {
      action: 'transferMembership',
      newEmployer: '嘉兴秀洲精工机械有限公司',
      district: '秀洲区',
    });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await world.all('membershipTransfers')).toEqual([]);
    expect(await world.all('auditLog')).toEqual([]);
  });

  test.each([PERSONAS.newcomer, PERSONAS.family, PERSONAS.admin])('%s (not a member) → FORBIDDEN', async (who) => {
    const world = await makeWorld();
    expect(
      await call(world, who, { action: 'transferMembership', newEmployer: '嘉兴纺织有限公司', district: '秀洲区' }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await world.all('membershipTransfers')).toEqual([]);
  });
});

describe('member: 会员码', () => {
  test('a member gets a short-lived signed token naming their member number', async () => {
    const world = await makeWorld({ env: { QR_TOKEN_KEY: 'test-key' } });
    const code = okData(await call(world, PERSONAS.rider, { action: 'memberCode' }));
    expect(code.memberNo).toBe('XZ2024000002');
    expect(code.expiresAt).toBeGreaterThanOrEqual(world.clock.now() + PHONE_CODE_TTL_MS);
    expect(verifyToken(world.env, code.token, world.clock.now())).toMatchObject({ kind: 'member', id: 'XZ2024000002' });
    // The OPENID never goes into the QR code.
    expect(code.token).not.toContain(PERSONAS.rider);
    expect(() => verifyToken(world.env, code.token, code.expiresAt + 1)).toThrow(
      expect.objectContaining({ code: 'TOKEN_EXPIRED' }),
    );
    expect(() => verifyToken({ QR_TOKEN_KEY: 'other-key' }, code.token, world.clock.now())).toThrow(
      expect.objectContaining({ code: 'TOKEN_INVALID' }),
    );
  });

  test('non-members get no code', async () => {
    const world = await makeWorld();
    expect(await call(world, PERSONAS.family, { action: 'memberCode' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await call(world, PERSONAS.newcomer, { action: 'memberCode' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  test('a member role without an active membership (revoked) → NOT_MEMBER', async () => {
    const world = await makeWorld();
    await world.db
      .collection('users')
      .doc(PERSONAS.courier)
      .update({ data: { membership: world.db.command.set({ status: 'none' }) } });
    expect(await call(world, PERSONAS.courier, { action: 'memberCode' })).toMatchObject({
      ok: false,
      code: 'NOT_MEMBER',
    });
  });
});

describe('member: 我的消息', () => {
  test('lists own messages newest first, with unread count; others are never seen', async () => {
    const world = await makeWorld({ seed: 'full' });
    const mine = okData(await call(world, PERSONAS.worker, { action: 'listMessages' }));
    expect(mine.items.map((m: { title: string }) => m.title)).toEqual(['技能比武报名开始啦', '欢迎使用秀洲职工服务']);
    expect(mine).toMatchObject({ total: 2, unread: 1 });
    const unreadOnly = okData(await call(world, PERSONAS.worker, { action: 'listMessages', unreadOnly: true }));
    expect(unreadOnly.items).toHaveLength(1);
    const riders = okData(await call(world, PERSONAS.rider, { action: 'listMessages' }));
    expect(riders.items.map((m: { title: string }) => m.title)).toEqual(['新城汇驿站欢迎您']);
    assertNoUnmaskedPii([mine, riders]);
  });

  test('marking read touches own messages only', async () => {
    const world = await makeWorld({ seed: 'full' });
    const riderMsg = okData(await call(world, PERSONAS.rider, { action: 'listMessages' })).items[0];
    const workerMsgs = okData(await call(world, PERSONAS.worker, { action: 'listMessages', unreadOnly: true })).items;
    // The worker tries to mark the rider's message: not matched, not revealed.
    expect(
      okData(await call(world, PERSONAS.worker, { action: 'markMessagesRead', ids: [riderMsg.id, 'no-such-id'] })),
    ).toEqual({ updated: 0 });
    expect((await world.all('messages', { _id: riderMsg.id }))[0].read).toBe(false);
    expect(
      okData(
        await call(world, PERSONAS.worker, {
          action: 'markMessagesRead',
          ids: workerMsgs.map((m: { id: string }) => m.id),
        }),
      ),
    ).toEqual({ updated: 1 });
    expect(okData(await call(world, PERSONAS.worker, { action: 'getMe' })).unreadMessages).toBe(0);
  });
});
