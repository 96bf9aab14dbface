/** The session page: 候补中(n) for a waitlisted worker; the seat QR (the token the server signed) once booked. */
import { fireEvent, render, screen, waitFor, act } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import { qrRows } from '../../../src/components/qr-code/matrix';
import SessionPage from '../../../src/academy/pages/session/index';
import { taroMock } from '../mocks/taro';
import { actions, serve, session } from './serve';

const TOKEN = 'seat.sess-1.persona-rider.1767225600000.sig';

beforeEach(() => {
  taroMock.reset();
  taroMock.setRouterParams({ id: 'sess-1' });
});
afterEach(() => setTransport(null));

test('waitlisted: shows 候补中(3) and the place, no seat code, and offers 退出候补', async () => {
  const sent = serve({
    getSession: () =>
      session({
        myBooking: { id: 'b-1', status: 'waitlisted', statusLabel: '候补中(3)', waitPosition: 3, rated: false },
      }),
  });
  render(<SessionPage />);
  expect(await screen.findByText(/候补中\(3\)/)).toBeTruthy();
  expect(screen.getByText(/您在候补第 3 位/)).toBeTruthy();
  expect(screen.getByText(/3人候补/)).toBeTruthy();
  expect(screen.queryByRole('img', { name: '课程签到码' })).toBeNull();
  expect(screen.getByText('退出候补')).toBeTruthy();
  expect(actions(sent, 'seatCode')).toHaveLength(0);
});

test('booked: draws the seat code from the token the server signed', async () => {
  const sent = serve({
    getSession: () => session({ myBooking: { id: 'b-1', status: 'booked', statusLabel: '已预约', rated: false } }),
    seatCode: () => ({ token: TOKEN, expiresAt: Date.now() + 60_000 }),
  });
  render(<SessionPage />);
  const qr = await screen.findByRole('img', { name: '课程签到码' });
  expect(screen.getByText(/已预约/)).toBeTruthy();
  expect(actions(sent, 'seatCode')[0].data).toMatchObject({ sessionId: 'sess-1' });
  // What is drawn is this token's matrix: same module count and the same first row of runs.
  const { size, rows } = qrRows(TOKEN);
  expect(qr.getAttribute('data-modules')).toBe(String(size));
  const firstRow = Array.from(qr.firstElementChild!.children).map((el) => Number(el.getAttribute('data-run')));
  expect(firstRow).toEqual(rows[0].map((r) => r.length));
});

test('a full session offers 排队候补, and the toast tells the place in the queue', async () => {
  const sent = serve({
    getSession: () => session(),
    book: () =>
      session({
        waiting: 4,
        myBooking: { id: 'b-2', status: 'waitlisted', statusLabel: '候补中(4)', waitPosition: 4, rated: false },
      }),
  });
  render(<SessionPage />);
  const queue = await screen.findByText('排队候补');
  await act(async () => {
    fireEvent.click(queue);
  });
  await waitFor(() =>
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已加入候补，第4位' })),
  );
  expect(actions(sent, 'book')).toHaveLength(1);
  expect(await screen.findByText(/候补中\(4\)/)).toBeTruthy();
});
