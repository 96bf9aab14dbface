/**
 * 光荣退休审批 tabs: none is off-screen (they wrap, four to a row), and the finished ones are grouped
 * into 已办结, which lists 已寄出, 已领取 and 已撤销 together, each card saying which it is.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setTransport } from '../../../src/cloud-client';
import ReviewPage from '../../../src/retirement/pages/review/index';
import { actions, serve } from '../academy/serve';
import { taroMock } from '../mocks/taro';
import { me, reviewItem } from './fixtures';

beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

test('the admin has at most two rows of tabs; 已办结 gathers the three finished statuses', async () => {
  const sent = serve({
    getMe: () => me(['admin']),
    reviewQueue: (d) => ({
      items:
        d.status === 'plaque_posted'
          ? [reviewItem({ id: 'a', name: '褚连生', status: 'plaque_posted', statusLabel: '纪念牌已寄出' })]
          : d.status === 'collected'
            ? [reviewItem({ id: 'b', name: '金阿毛', status: 'collected', statusLabel: '已领取' })]
            : d.status === 'revoked'
              ? [reviewItem({ id: 'c', name: '陆美娟', status: 'revoked', statusLabel: '证书已撤销' })]
              : [],
      total: 1,
    }),
  });
  const { container } = render(<ReviewPage />);
  const tabs = await screen.findAllByRole('tab');
  expect(tabs.map((t) => t.textContent)).toEqual([
    '待核实',
    '待审批',
    '待签发',
    '已签发',
    '待领取',
    '已退回',
    '已办结',
  ]);
  // Rows of four: no tab waits off-screen behind a sideways scroll.
  expect(container.querySelector('.retirement-review__tabs-wrap')).toBeTruthy();
  expect(tabs.length).toBeLessThanOrEqual(8);
  fireEvent.click(tabs[6]);
  expect(await screen.findByText('褚连生')).toBeTruthy();
  expect(screen.getByText('金阿毛')).toBeTruthy();
  expect(screen.getByText('陆美娟')).toBeTruthy();
  // Each card says which of the three it is.
  expect(container.textContent).toContain('证书已撤销');
  expect(container.textContent).toContain('纪念牌已寄出');
  await waitFor(() =>
    expect(
      actions(sent, 'reviewQueue')
        .map((c) => c.data.status)
        .slice(-3)
        .sort(),
    ).toEqual(['collected', 'plaque_posted', 'revoked']),
  );
});
