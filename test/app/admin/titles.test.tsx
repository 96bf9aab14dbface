/**
 * 已获称号 on the admin contest page: listed, withdrawn with a reason asked in the page (sent once,
 * the row gone), a refusal shown; empty and error states said in words.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import { TitlesCard } from '../../../src/admin/pages/contest/titles';
import { taroMock } from '../mocks/taro';
import { actions, serve } from './serve';

beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

const title = {
  id: 'tt0123456789abcdef012345',
  trade: '数控铣工',
  title: '2025年秀洲区数控铣工技术能手',
  year: 2025,
  holderName: '王建国',
  holderPhone: '138****5678',
};

test('a title is withdrawn with a reason, sent once; the row leaves the list', async () => {
  const sent = serve({ adminTitles: () => [title], withdrawTitle: () => ({ withdrawn: true }) });
  render(<TitlesCard contestId="c1" />);
  await screen.findByText('2025年秀洲区数控铣工技术能手');
  expect(screen.getByText('王建国 138****5678')).toBeTruthy();
  fireEvent.click(screen.getByText('撤销称号'));
  expect(screen.getByText('撤销 王建国 的「2025年秀洲区数控铣工技术能手」，本人会收到通知')).toBeTruthy();
  fireEvent.change(screen.getByLabelText('撤销原因'), { target: { value: '成绩复核有误' } });
  await act(async () => {
    fireEvent.click(screen.getByText('确认撤销'));
  });
  await waitFor(() => expect(screen.getByText('本场比武的项目里还没有人获得称号。')).toBeTruthy());
  const [call] = actions(sent, 'withdrawTitle');
  expect(call.data).toMatchObject({ contestId: 'c1', titleId: title.id, reason: '成绩复核有误' });
  expect(actions(sent, 'withdrawTitle')).toHaveLength(1);
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '称号已撤销' }));
});

test('a refusal is shown and the title stays; a failed load offers a retry', async () => {
  serve({
    adminTitles: () => [title],
    withdrawTitle: () => {
      throw { code: 'NOT_FOUND', message: '没有找到这个称号，可能已被撤销' };
    },
  });
  const { unmount } = render(<TitlesCard contestId="c1" />);
  fireEvent.click(await screen.findByText('撤销称号'));
  fireEvent.change(screen.getByLabelText('撤销原因'), { target: { value: '成绩复核有误' } });
  await act(async () => {
    fireEvent.click(screen.getByText('确认撤销'));
  });
  await waitFor(() =>
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '没有找到这个称号，可能已被撤销' })),
  );
  expect(screen.getByText('2025年秀洲区数控铣工技术能手')).toBeTruthy();
  unmount();
  serve({
    adminTitles: () => {
      throw { code: 'INTERNAL', message: '网络不太好' };
    },
  });
  render(<TitlesCard contestId="c1" />);
  await screen.findByText('重试');
});
