/** The rating form: no stars, no request; stars and comment go once, and the page gets the new session. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import { RateForm } from '../../../src/academy/components/rate-form';
import { taroMock } from '../mocks/taro';
import { actions, serve, session } from './serve';

beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

test('refuses to submit without stars and sends nothing', async () => {
  const sent = serve({ rate: () => session() });
  const onRated = jest.fn();
  render(<RateForm sessionId="sess-1" onRated={onRated} />);
  fireEvent.change(screen.getByLabelText('评价内容'), { target: { value: '讲得很实在' } });
  await act(async () => {
    fireEvent.click(screen.getByText('提交评价'));
  });
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先点星星打分' }));
  expect(actions(sent, 'rate')).toHaveLength(0);
  expect(onRated).not.toHaveBeenCalled();
});

test('sends the stars and the trimmed comment, then hands the rated session back', async () => {
  const rated = session({ ratingCount: 1, ratingAverage: 4 });
  const sent = serve({ rate: () => rated });
  const onRated = jest.fn();
  render(<RateForm sessionId="sess-1" onRated={onRated} />);
  fireEvent.click(screen.getByLabelText('4星'));
  expect(screen.getByText('4星 · 满意')).toBeTruthy();
  expect(screen.getByLabelText('4星').getAttribute('aria-checked')).toBe('true');
  fireEvent.change(screen.getByLabelText('评价内容'), { target: { value: '  老师手把手教，受益匪浅  ' } });
  await act(async () => {
    fireEvent.click(screen.getByText('提交评价'));
  });
  await waitFor(() => expect(onRated).toHaveBeenCalledWith(rated));
  expect(actions(sent, 'rate')).toHaveLength(1);
  expect(actions(sent, 'rate')[0].data).toMatchObject({
    sessionId: 'sess-1',
    stars: 4,
    comment: '老师手把手教，受益匪浅',
  });
});
