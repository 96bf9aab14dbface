import type { MemberActions } from '../../../types/api/member';
import { setTransport } from '../../../src/cloud-client';
import { call, ServiceError } from '../../../src/services/call';

describe('services/call', () => {
  const sent: { name: string; data: Record<string, unknown> }[] = [];
  afterEach(() => {
    sent.length = 0;
    setTransport(null);
  });

  test('answers the data of an ok envelope and sends the action with the payload', async () => {
    setTransport(async (name, data) => {
      sent.push({ name, data });
      return { ok: true, data: { updated: 2 } };
    });
    await expect(
      call<MemberActions, 'markMessagesRead'>('member', 'markMessagesRead', { ids: ['a', 'b'] }),
    ).resolves.toEqual({ updated: 2 });
    expect(sent).toEqual([{ name: 'member', data: { action: 'markMessagesRead', ids: ['a', 'b'] } }]);
  });

  test('throws a ServiceError carrying the code, Chinese message and details', async () => {
    setTransport(async () => ({
      ok: false,
      code: 'INVALID_INPUT',
      message: '手机号：请输入11位手机号',
      details: { field: 'phone' },
    }));
    const err = await call<MemberActions, 'getMe'>('member', 'getMe', {}).catch((e) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect(err).toMatchObject({
      code: 'INVALID_INPUT',
      message: '手机号：请输入11位手机号',
      details: { field: 'phone' },
    });
  });

  test('mutating calls carry a request id; a given one is reused for a retry', async () => {
    setTransport(async (name, data) => {
      sent.push({ name, data });
      return { ok: true, data: null };
    });
    await call<MemberActions, 'markMessagesRead'>('member', 'markMessagesRead', { ids: ['a'] }, { mutating: true });
    await call<MemberActions, 'markMessagesRead'>(
      'member',
      'markMessagesRead',
      { ids: ['a'] },
      { requestId: 'retry-123456' },
    );
    await call<MemberActions, 'markMessagesRead'>(
      'member',
      'markMessagesRead',
      { ids: ['a'] },
      { requestId: 'retry-123456' },
    );
    expect(typeof sent[0].data.requestId).toBe('string');
    expect(String(sent[0].data.requestId).length).toBeGreaterThanOrEqual(8);
    expect(sent[1].data.requestId).toBe('retry-123456');
    expect(sent[2].data.requestId).toBe('retry-123456');
  });
});
