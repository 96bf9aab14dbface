/**
 * 订阅消息: the weapp asks for the templates of what follows in the submit tap (here: booking a seat),
 * alongside the submission; H5 never asks; a build without template ids does not ask either.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../src/cloud-client';
import SessionPage from '../../src/academy/pages/session/index';
import { askSubscription, templatesFor } from '../../src/utils/subscribe';
import { taroMock } from './mocks/taro';
import { actions, serve, session } from './academy/serve';

const g = globalThis as { SUBSCRIBE_TEMPLATES?: Record<string, string[]> };
const platform = process.env.TARO_ENV;

beforeEach(() => {
  taroMock.reset();
  taroMock.setRouterParams({ id: 'sess-1' });
  g.SUBSCRIBE_TEMPLATES = { courseBooking: ['tpl-course-reminder'], contestRegister: ['tpl-review', 'tpl-result'] };
});
afterEach(() => {
  setTransport(null);
  delete g.SUBSCRIBE_TEMPLATES;
  process.env.TARO_ENV = platform as typeof process.env.TARO_ENV;
});

async function bookASeat() {
  const sent = serve({
    getSession: () => session({ booked: 3 }),
    book: () => session({ booked: 4, myBooking: { id: 'b-1', status: 'booked', statusLabel: '已预约', rated: false } }),
    seatCode: () => ({ token: 'seat.sess-1.x.1.sig', expiresAt: Date.now() + 60_000 }),
  });
  render(<SessionPage />);
  const book = await screen.findByText('预约');
  await act(async () => {
    fireEvent.click(book);
  });
  await waitFor(() => expect(actions(sent, 'book')).toHaveLength(1));
  return sent;
}

test('weapp: booking a seat asks for the course-reminder subscription in the same tap, and books', async () => {
  process.env.TARO_ENV = 'weapp';
  await bookASeat();
  expect(Taro.requestSubscribeMessage).toHaveBeenCalledTimes(1);
  expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tpl-course-reminder'] });
});

test('weapp: a refused subscription changes nothing for the booking', async () => {
  process.env.TARO_ENV = 'weapp';
  (Taro.requestSubscribeMessage as jest.Mock).mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail cancel' });
  const sent = await bookASeat();
  expect(actions(sent, 'book')).toHaveLength(1);
  expect(await screen.findByText(/已预约/)).toBeTruthy();
});

test('H5 never asks (no such prompt in a browser)', async () => {
  process.env.TARO_ENV = 'h5';
  await bookASeat();
  expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
});

test('per moment, from the build; a build without template ids does not ask', () => {
  process.env.TARO_ENV = 'weapp';
  expect(templatesFor('contestRegister')).toEqual(['tpl-review', 'tpl-result']);
  askSubscription('contestRegister');
  expect(Taro.requestSubscribeMessage).toHaveBeenLastCalledWith({ tmplIds: ['tpl-review', 'tpl-result'] });
  delete g.SUBSCRIBE_TEMPLATES;
  askSubscription('giftClaim');
  expect(Taro.requestSubscribeMessage).toHaveBeenCalledTimes(1);
});
