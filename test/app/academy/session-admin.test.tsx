/**
 * The admin's session page: only what changed is sent; a capacity below the seats taken is refused
 * before sending; 发送提醒 reports how many were reminded; 结束本场 only once the session started.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import SessionAdminPage from '../../../src/academy/pages/session-admin/index';
import { taroMock } from '../mocks/taro';
import { actions, serve, session } from './serve';

beforeEach(() => {
  taroMock.reset();
  taroMock.setRouterParams({ id: 'sess-1' });
});
afterEach(() => setTransport(null));

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const click = async (text: string) => {
  await act(async () => {
    fireEvent.click(screen.getByText(text));
  });
};

test('a capacity below the seats taken is refused locally; a larger one is sent alone', async () => {
  const sent = serve({
    getSession: () => session(),
    updateSession: () => session({ capacity: 15, booked: 13, waiting: 0 }),
  });
  render(<SessionAdminPage />);
  await screen.findByText('数控铣床精度调校实操');
  type('名额', '8');
  await click('保存修改');
  expect(screen.getByText('名额请不少于已预约的10人')).toBeTruthy();
  expect(actions(sent, 'updateSession')).toHaveLength(0);

  type('名额', '15');
  await click('保存修改');
  await waitFor(() => expect(actions(sent, 'updateSession')).toHaveLength(1));
  const { action, requestId, ...payload } = actions(sent, 'updateSession')[0].data;
  expect(payload).toEqual({ sessionId: 'sess-1', capacity: 15 });
  expect(await screen.findByText(/已约 13\/15/)).toBeTruthy();
});

test('moving the session sends the new start and end in China time, and the venue', async () => {
  const s = session({ startAt: Date.UTC(2026, 2, 5, 6), endAt: Date.UTC(2026, 2, 5, 8) }); // 14:00–16:00 CST
  const sent = serve({ getSession: () => s, updateSession: () => s });
  render(<SessionAdminPage />);
  await screen.findByText('数控铣床精度调校实操');
  fireEvent.change(screen.getByLabelText('上课日期').closest('[data-picker]')!.querySelector('input')!, {
    target: { value: '2026-03-06' },
  });
  type('上课地点', '洪合镇基层分课堂');
  await click('保存修改');
  await waitFor(() => expect(actions(sent, 'updateSession')).toHaveLength(1));
  expect(actions(sent, 'updateSession')[0].data).toMatchObject({
    sessionId: 'sess-1',
    startAt: Date.UTC(2026, 2, 6, 6),
    endAt: Date.UTC(2026, 2, 6, 8),
    venue: '洪合镇基层分课堂',
  });
  expect(actions(sent, 'updateSession')[0].data.capacity).toBeUndefined();
});

test('发送提醒 reports how many were reminded', async () => {
  const sent = serve({ getSession: () => session(), sendReminders: () => ({ reminded: 7 }) });
  render(<SessionAdminPage />);
  await screen.findByText('发送提醒');
  await click('发送提醒');
  await waitFor(() =>
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '已提醒 7 位学员按时参加。' })),
  );
  expect(actions(sent, 'sendReminders')).toHaveLength(1);
});

test('结束本场 appears only after the start, asks first, and leaves a read-only page', async () => {
  serve({ getSession: () => session() });
  const { unmount } = render(<SessionAdminPage />);
  await screen.findByText('开课后可在这里结束本场。');
  expect(screen.queryByText(/结束本场（/)).toBeNull();
  unmount();

  const started = session({ startAt: Date.now() - 3600_000, endAt: Date.now() + 3600_000 });
  const sent = serve({ getSession: () => started, closeSession: () => ({ ...started, status: 'delivered' }) });
  render(<SessionAdminPage />);
  await screen.findByText('结束本场（未签到记缺席）');
  await click('结束本场（未签到记缺席）');
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '结束本场课程' }));
  await waitFor(() => expect(actions(sent, 'closeSession')).toHaveLength(1));
  expect(await screen.findByText(/本场已结束，不能再修改/)).toBeTruthy();
  expect(screen.queryByText('保存修改')).toBeNull();
});

test('the booking deadline and cancel window shown move with the start the admin picks', async () => {
  const start = Date.UTC(2026, 2, 5, 6); // 3月5日 14:00 CST
  const s = session({
    startAt: start,
    endAt: start + 2 * 3600_000,
    bookingClosesAt: start - 3600_000,
    cancelDeadline: start - 24 * 3600_000,
  });
  serve({ getSession: () => s });
  render(<SessionAdminPage />);
  await screen.findByText('数控铣床精度调校实操');
  const line = () => document.querySelector('.academy-admin__deadlines')?.textContent ?? '';
  expect(line()).toMatch(/预约截止 .*3月5日.*13:00，取消截止 .*3月4日.*14:00/);
  fireEvent.change(screen.getByLabelText('上课日期').closest('[data-picker]')!.querySelector('input')!, {
    target: { value: '2026-03-09' },
  });
  expect(line()).toMatch(/预约截止 .*3月9日.*13:00，取消截止 .*3月8日.*14:00/);
});
