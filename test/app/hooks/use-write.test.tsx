/**
 * useWrite, the one hook for writes: an intent (its input) keeps its requestId across retries after a
 * lost answer, gets a new one after an answer or when the input changes, and a double tap makes one
 * call. Driven through the real client (`api`) and a scripted transport.
 */
import { act, renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import { useWrite } from '../../../src/hooks/use-write';
import { api } from '../../../src/services/api';

type Answer = { ok: true; data: unknown } | { ok: false; code: string; message: string; details?: object };

const LOST: Answer = { ok: false, code: 'INTERNAL', message: '网络不太顺畅，请检查网络后重试' };
const OK: Answer = { ok: true, data: { id: 'reg-1', status: 'cancelled' } };

let sent: Record<string, unknown>[];
/** Answers in order; each answer waits for `gate` when given, so a second tap lands mid-call. */
function serve(answers: Answer[], gate?: Promise<void>) {
  sent = [];
  setTransport(async (_name, data) => {
    sent.push(data);
    if (gate) await gate;
    return (answers.shift() ?? OK) as any;
  });
}

afterEach(() => setTransport(null));

test('a retry after a lost answer reuses the requestId; after success the same input is a new request', async () => {
  serve([LOST, OK, OK]);
  const { result } = renderHook(() => useWrite(api.contest.cancel, { report: false }));
  await act(async () => {
    await expect(result.current.run({ registrationId: 'reg-1' })).rejects.toMatchObject({ code: 'INTERNAL' });
  });
  await act(async () => {
    await expect(result.current.run({ registrationId: 'reg-1' })).resolves.toEqual(OK.data);
  });
  await act(async () => {
    await result.current.run({ registrationId: 'reg-1' });
  });
  expect(sent.map((d) => d.action)).toEqual(['cancel', 'cancel', 'cancel']);
  expect(typeof sent[0].requestId).toBe('string');
  expect(sent[1].requestId).toBe(sent[0].requestId);
  expect(sent[2].requestId).not.toBe(sent[1].requestId);
  expect(sent[0]).toMatchObject({ registrationId: 'reg-1' });
});

test('a changed input is another intent with its own requestId; a refusal ends the intent', async () => {
  serve([LOST, { ok: false, code: 'INVALID_STATE', message: '当前状态不能取消' }, OK]);
  const { result } = renderHook(() => useWrite(api.contest.cancel, { report: false }));
  await act(async () => {
    await result.current.run({ registrationId: 'reg-1' }).catch(() => undefined);
  });
  await act(async () => {
    await result.current.run({ registrationId: 'reg-2' }).catch(() => undefined);
  });
  await act(async () => {
    await result.current.run({ registrationId: 'reg-2' });
  });
  expect(sent[1].requestId).not.toBe(sent[0].requestId);
  expect(sent[2].requestId).not.toBe(sent[1].requestId);
});

test('a double tap makes one call (guarded by a ref, before any re-render); busy shows while it runs', async () => {
  let open!: () => void;
  serve([OK], new Promise<void>((r) => (open = r)));
  const { result } = renderHook(() => useWrite(api.contest.cancel, { report: false }));
  let first!: Promise<unknown>;
  let second!: Promise<unknown>;
  act(() => {
    // Both taps in the same render: state would not have caught the second.
    first = result.current.run({ registrationId: 'reg-1' });
    second = result.current.run({ registrationId: 'reg-1' });
  });
  expect(result.current.busy).toBe(true);
  await act(async () => {
    open();
    await expect(second).resolves.toBeUndefined();
    await expect(first).resolves.toEqual(OK.data);
  });
  expect(sent).toHaveLength(1);
  expect(result.current.busy).toBe(false);
});

test('a refusal is shown in a modal by default, and a refused field is kept for the form', async () => {
  serve([{ ok: false, code: 'INVALID_INPUT', message: '联系电话：格式不正确', details: { field: 'phone' } }]);
  jest.mocked(Taro.showModal).mockClear();
  const { result } = renderHook(() => useWrite(api.member.updateProfile));
  await act(async () => {
    await expect(result.current.run({ name: '王建国' } as never)).resolves.toBeUndefined();
  });
  expect(jest.mocked(Taro.showModal)).toHaveBeenCalledWith(
    expect.objectContaining({ title: '未能提交', content: '联系电话：格式不正确' }),
  );
  expect(result.current.fieldError).toEqual({ field: 'phone', message: '联系电话：格式不正确' });
  expect(result.current.messageFor('phone')).toBe('联系电话：格式不正确');
  expect(result.current.messageFor('phone', { field: 'phone', message: '本地' })).toBe('本地');
  expect(result.current.messageFor('name')).toBeUndefined();
});

test('the client sends a read without a requestId and a write with the one it is given', async () => {
  serve([{ ok: true, data: [] }, OK]);
  await api.contest.myRegistrations();
  await api.contest.cancel({ registrationId: 'reg-1' }, 'given-123456');
  expect(sent).toEqual([
    { action: 'myRegistrations' },
    { action: 'cancel', registrationId: 'reg-1', requestId: 'given-123456' },
  ]);
  // The types hold the rule: a write without its requestId, or a read with one, does not compile.
  // @ts-expect-error a writing action needs the intent's requestId
  void api.contest.cancel({ registrationId: 'reg-1' }).catch(() => undefined);
  // @ts-expect-error a read takes no requestId
  void api.contest.myRegistrations({}, 'nope-123456').catch(() => undefined);
  // @ts-expect-error an action the contract does not declare
  void api.contest.deleteEverything;
});

test('BUSY keeps the requestId too: the first try may still be running, a new id would act twice', async () => {
  const BUSY: Answer = { ok: false, code: 'BUSY', message: '上一次提交还在处理中，请稍后查看结果' };
  const REFUSED: Answer = { ok: false, code: 'INVALID_STATE', message: '这条报名已取消或不能取消' };
  serve([BUSY, OK, REFUSED, OK]);
  const { result } = renderHook(() => useWrite(api.contest.cancel, { report: false }));
  await act(async () => {
    await expect(result.current.run({ registrationId: 'reg-2' })).rejects.toMatchObject({ code: 'BUSY' });
  });
  await act(async () => {
    await expect(result.current.run({ registrationId: 'reg-2' })).resolves.toEqual(OK.data);
  });
  expect(sent[1].requestId).toBe(sent[0].requestId);
  // A refusal is an answer: the same input again is a new request.
  await act(async () => {
    await expect(result.current.run({ registrationId: 'reg-2' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });
  await act(async () => {
    await result.current.run({ registrationId: 'reg-2' });
  });
  expect(sent[3].requestId).not.toBe(sent[2].requestId);
});
