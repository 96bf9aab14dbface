/**
 * The review page's actions (退回, 寄出, 撤销, and each tab's batch action) carry one requestId per
 * intent: a double tap sends it once, and a retry after a lost answer (the network failed after the
 * server acted) sends the same requestId, so the server replays its first answer instead of refusing
 * the retry with INVALID_STATE. A new intent, or one the server refused, gets a new requestId.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import ReviewPage from '../../../src/retirement/pages/review/index';
import { actions, serve } from '../academy/serve';
import { taroMock } from '../mocks/taro';
import { me, reviewItem } from './fixtures';

const LOST = { code: 'INTERNAL', message: '网络不太顺畅，请检查网络后重试' };

beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

/**
 * A server action that acts once per target, replays by requestId as the router does, refuses a
 * second act with another requestId (INVALID_STATE), and can lose the answer to its first act.
 */
function once(result: (data: Record<string, any>) => unknown, opts: { loseFirst?: boolean } = {}) {
  const answers = new Map<string, unknown>();
  const acted = new Set<string>();
  let lose = !!opts.loseFirst;
  return (data: Record<string, any>) => {
    if (answers.has(data.requestId)) return answers.get(data.requestId);
    const target = String(data.id ?? (data.ids as string[]).join(','));
    if (acted.has(target)) throw { code: 'INVALID_STATE', message: '这份申请现在是「已退回」，不能进行此操作' };
    acted.add(target);
    const answer = result(data);
    answers.set(data.requestId, answer);
    if (lose) {
      lose = false;
      throw LOST;
    }
    return answer;
  };
}

const errorModals = () =>
  jest.mocked(Taro.showModal).mock.calls.filter(([o]) => o?.title === '未能完成' && o.content !== LOST.message);

async function card(name: string) {
  return (await screen.findByText(name)).closest('.retirement-review-item') as HTMLElement;
}
async function openTab(title: string) {
  const tabs = await screen.findAllByRole('tab');
  fireEvent.click(tabs.find((t) => t.textContent === title)!);
}

test('退回 whose answer was lost: tapping again sends the same requestId and gets the first answer, not INVALID_STATE', async () => {
  const sent = serve({
    getMe: () => me(['admin']),
    reviewQueue: () => ({ items: [reviewItem()], total: 1 }),
    returnRequest: once((data) => reviewItem({ status: 'returned', returnReason: data.reason }), { loseFirst: true }),
  });
  render(<ReviewPage />);
  await openTab('待审批');
  const lu = await card('陆美娟');
  fireEvent.click(within(lu).getByText('退回'));
  fireEvent.change(within(lu).getByLabelText('退回原因'), { target: { value: '工龄与单位记录不符' } });
  await act(async () => {
    fireEvent.click(within(lu).getByText('确认退回'));
  });
  // The lost answer is explained and the card stays, text kept, to try again.
  expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: LOST.message }));
  await act(async () => {
    fireEvent.click(within(lu).getByText('确认退回'));
  });
  const calls = actions(sent, 'returnRequest').map((c) => c.data);
  expect(calls).toHaveLength(2);
  expect(calls[1].requestId).toBe(calls[0].requestId);
  expect(errorModals()).toEqual([]);
  // Done: the card's question gives way to its buttons again.
  expect(within(await card('陆美娟')).queryByLabelText('退回原因')).toBeNull();
});

test('寄出 and 撤销: a double tap sends one request (or the same requestId), never an INVALID_STATE message', async () => {
  const sent = serve({
    getMe: () => me(['admin']),
    reviewQueue: () => ({
      items: [reviewItem({ id: 'rt-chu', name: '褚连生', status: 'plaque_pending', statusLabel: '纪念牌待领取' })],
      total: 1,
    }),
    postPlaque: once(() => reviewItem({ id: 'rt-chu', status: 'plaque_posted' })),
    revoke: once(() => reviewItem({ id: 'rt-chu', status: 'revoked' }), { loseFirst: true }),
  });
  render(<ReviewPage />);
  await openTab('待领取');
  const chu = await card('褚连生');
  fireEvent.click(within(chu).getByText('寄出'));
  fireEvent.change(within(chu).getByLabelText('寄出单号'), { target: { value: '中国邮政 9812345678901' } });
  await act(async () => {
    fireEvent.click(within(chu).getByText('确认寄出'));
    fireEvent.click(within(chu).getByText(/确认寄出|正在提交/));
  });
  const posts = actions(sent, 'postPlaque').map((c) => c.data.requestId);
  expect(posts.length).toBeGreaterThanOrEqual(1);
  expect(new Set(posts).size).toBe(1);
  expect(errorModals()).toEqual([]);

  const again = await card('褚连生');
  fireEvent.click(within(again).getByText('撤销证书'));
  fireEvent.change(within(again).getByLabelText('撤销原因'), { target: { value: '重复申请，证书作废' } });
  await act(async () => {
    fireEvent.click(within(again).getByText('确认撤销'));
  });
  await act(async () => {
    fireEvent.click(within(again).getByText('确认撤销'));
  });
  const revokes = actions(sent, 'revoke').map((c) => c.data.requestId);
  expect(revokes).toHaveLength(2);
  expect(revokes[1]).toBe(revokes[0]);
  expect(errorModals()).toEqual([]);
});

test('the batch action: a double tap sends the batch once, a retry after a lost answer replays it, a new batch is a new request', async () => {
  let items = [reviewItem({ id: 'rt-a', name: '陆美娟' }), reviewItem({ id: 'rt-b', name: '褚连生' })];
  const approve = once((data) => ({
    done: data.ids.length,
    results: data.ids.map((id: string, index: number) => ({ index, ok: true, id })),
  }));
  let offline = false;
  const sent = serve({
    getMe: () => me(['admin']),
    // While the network is down the list cannot reload either: it still shows what it showed.
    reviewQueue: () => ({ items, total: items.length }),
    approve: (data) => {
      const answer = approve(data);
      if (offline) throw LOST;
      items = items.filter((i) => !data.ids.includes(i.id));
      return answer;
    },
  });
  render(<ReviewPage />);
  await openTab('待审批');
  fireEvent.click(within(await card('陆美娟')).getByRole('checkbox'));
  await act(async () => {
    fireEvent.click(screen.getByText('批准（1）'));
    fireEvent.click(screen.getByText('批准（1）'));
  });
  const first = actions(sent, 'approve').map((c) => c.data);
  expect(first).toHaveLength(1);
  expect(first[0].ids).toEqual(['rt-a']);
  expect(errorModals()).toEqual([]);
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '批准：1份' }));
  expect(screen.queryByText('陆美娟')).toBeNull();

  // The next batch (a new requestId): the server approves it but the answer is lost.
  fireEvent.click(within(await card('褚连生')).getByRole('checkbox'));
  offline = true;
  await act(async () => {
    fireEvent.click(screen.getByText('批准（1）'));
  });
  expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: LOST.message }));
  // Back online, the admin selects it again and retries: the same requestId, the first answer replayed.
  offline = false;
  fireEvent.click(within(await card('褚连生')).getByRole('checkbox'));
  await act(async () => {
    fireEvent.click(screen.getByText('批准（1）'));
  });
  const forB = actions(sent, 'approve')
    .map((c) => c.data)
    .filter((c) => c.ids.includes('rt-b'));
  expect(forB).toHaveLength(2);
  expect(forB[1].requestId).toBe(forB[0].requestId);
  expect(forB[0].requestId).not.toBe(first[0].requestId);
  expect(errorModals()).toEqual([]);
  expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '批准：1份' }));
});

test('a real refusal is shown, and trying again after it is a new request', async () => {
  const sent = serve({
    getMe: () => me(['admin']),
    reviewQueue: () => ({ items: [reviewItem()], total: 1 }),
    returnRequest: () => {
      throw { code: 'INVALID_STATE', message: '这份申请现在是「已批准」，不能进行此操作' };
    },
  });
  render(<ReviewPage />);
  await openTab('待审批');
  const lu = await card('陆美娟');
  fireEvent.click(within(lu).getByText('退回'));
  fireEvent.change(within(lu).getByLabelText('退回原因'), { target: { value: '工龄与单位记录不符' } });
  for (let i = 0; i < 2; i++) {
    await act(async () => {
      fireEvent.click(within(lu).getByText('确认退回'));
    });
  }
  expect(Taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ title: '未能完成', content: '这份申请现在是「已批准」，不能进行此操作' }),
  );
  const ids = actions(sent, 'returnRequest').map((c) => c.data.requestId);
  expect(ids).toHaveLength(2);
  expect(ids[1]).not.toBe(ids[0]);
});
