/**
 * The admin's review list: a request asking for a phone call-back offers 已电话回访; the note is
 * checked on the phone, sent once, and the list then shows the call as made. The employer contact
 * sees the request but not the button.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ReviewItem } from '@contract/api/retirement';
import { setTransport } from '../../../src/cloud-client';
import ReviewPage from '../../../src/retirement/pages/review/index';
import { actions, serve } from '../academy/serve';
import { taroMock } from '../mocks/taro';
import { me, reviewItem } from './fixtures';

const item = (over: Partial<ReviewItem> = {}): ReviewItem =>
  reviewItem({
    id: 'rt-shen',
    name: '沈阿根',
    idMasked: '330***********2001',
    phoneMasked: '137****1101',
    position: '保全工',
    yearsOfService: 36,
    callbackRequested: true,
    callbackTime: '上午',
    requesterKind: 'employer',
    status: 'submitted',
    statusLabel: '已提交',
    ...over,
  });

beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

test('the admin marks the call-back done with a note; the list then shows it as made', async () => {
  let done = false;
  const sent = serve({
    getMe: () => me(['admin']),
    reviewQueue: () => ({
      items: [
        done
          ? item({
              callbackDone: true,
              callbackNote: '已与本人通话，信息无误',
              callbackDoneAt: Date.UTC(2026, 0, 20, 2),
            })
          : item({ callbackDone: false }),
      ],
      total: 1,
    }),
    markCallbackDone: (data) => {
      done = true;
      return item({ callbackDone: true, callbackNote: data.note });
    },
  });
  render(<ReviewPage />);
  fireEvent.click(await screen.findByText('已电话回访'));
  fireEvent.change(screen.getByLabelText('回访情况'), { target: { value: '好' } });
  fireEvent.click(screen.getByText('确认已回访'));
  expect(await screen.findByText('回访情况请至少写2个字')).toBeTruthy();
  expect(actions(sent, 'markCallbackDone')).toHaveLength(0);

  fireEvent.change(screen.getByLabelText('回访情况'), { target: { value: ' 已与本人通话，信息无误 ' } });
  await act(async () => {
    fireEvent.click(screen.getByText('确认已回访'));
  });
  expect(actions(sent, 'markCallbackDone').map((c) => c.data)).toEqual([
    { action: 'markCallbackDone', id: 'rt-shen', note: '已与本人通话，信息无误', requestId: expect.any(String) },
  ]);
  expect(await screen.findByText(/需电话回访（上午） · 已回访/)).toBeTruthy();
  expect(screen.getByText(/1月20日（周.）10:00 已与本人通话，信息无误/)).toBeTruthy();
  expect(screen.queryByText('已电话回访')).toBeNull();
});

test('the employer contact sees the call-back asked for, without the button', async () => {
  serve({ getMe: () => me(['enterprise']), reviewQueue: () => ({ items: [item()], total: 1 }) });
  render(<ReviewPage />);
  expect(await screen.findByText(/需电话回访（上午）/)).toBeTruthy();
  expect(screen.queryByText('已电话回访')).toBeNull();
});
