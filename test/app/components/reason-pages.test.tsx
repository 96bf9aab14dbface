/**
 * The pages that ask for a reason do it with ReasonSheet, in the card, never with an editable modal
 * (which H5 does not have): the admin's 光荣退休 review (退回, 寄出, 撤销; the employer's 退回) and the
 * 入会 queue (退回). What is typed is what is sent, and the returned item then shows it.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MembershipApplication } from '@contract/api/member';
import { setTransport } from '../../../src/cloud-client';
import ApplicationsPage from '../../../src/member/pages/applications/index';
import ReviewPage from '../../../src/retirement/pages/review/index';
import { actions, serve } from '../academy/serve';
import { taroMock } from '../mocks/taro';
import { me, reviewItem } from '../retirement/fixtures';

const REASON = '工龄与单位记录不符，请核对后重新提交';

beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

/** Nobody asks through a modal with a text field. */
function noEditableModal() {
  for (const [opts] of jest.mocked(Taro.showModal).mock.calls) expect(opts).not.toHaveProperty('editable');
}

async function openTab(title: string) {
  const tabs = await screen.findAllByRole('tab');
  fireEvent.click(tabs.find((t) => t.textContent === title)!);
}

async function card(name: string) {
  return (await screen.findByText(name)).closest('.retirement-review-item, .card') as HTMLElement;
}

test('the admin returns a request with the reason typed in its card; the returned item shows it', async () => {
  let returned: string | undefined;
  const sent = serve({
    getMe: () => me(['admin']),
    reviewQueue: (data) =>
      data.status === 'returned'
        ? {
            items: returned ? [reviewItem({ status: 'returned', statusLabel: '已退回', returnReason: returned })] : [],
            total: 1,
          }
        : { items: returned ? [] : [reviewItem()], total: 1 },
    returnRequest: (data) => {
      returned = data.reason;
      return reviewItem({ status: 'returned', returnReason: data.reason });
    },
  });
  render(<ReviewPage />);
  await openTab('待审批');
  const lu = await card('陆美娟');
  fireEvent.click(within(lu).getByText('退回'));
  // The card's action buttons give way to the question.
  expect(within(lu).queryByText('退回')).toBeNull();
  // Too short: said in the card, nothing sent.
  fireEvent.change(within(lu).getByLabelText('退回原因'), { target: { value: '不' } });
  fireEvent.click(within(lu).getByText('确认退回'));
  expect(within(lu).getByRole('alert').textContent).toBe('退回原因请至少写2个字');
  expect(actions(sent, 'returnRequest')).toHaveLength(0);

  fireEvent.change(within(lu).getByLabelText('退回原因'), { target: { value: ` ${REASON} ` } });
  await act(async () => {
    fireEvent.click(within(lu).getByText('确认退回'));
  });
  expect(actions(sent, 'returnRequest').map((c) => c.data)).toEqual([
    expect.objectContaining({ action: 'returnRequest', id: 'rt-lu', reason: REASON }),
  ]);
  expect(await screen.findByText('「待审批」里没有申请')).toBeTruthy();

  await openTab('已退回');
  expect(await screen.findByText(`退回原因：${REASON}`)).toBeTruthy();
  noEditableModal();
});

test('cancel closes the card and sends nothing; a refusal keeps the card and the text', async () => {
  const sent = serve({
    getMe: () => me(['admin']),
    reviewQueue: () => ({ items: [reviewItem()], total: 1 }),
    returnRequest: () => {
      throw { code: 'INVALID_STATE', message: '这份申请现在是「已批准」，不能进行此操作' };
    },
  });
  render(<ReviewPage />);
  let lu = await card('陆美娟');
  fireEvent.click(within(lu).getByText('退回'));
  fireEvent.click(within(lu).getByText('取消'));
  expect(within(lu).queryByLabelText('退回原因')).toBeNull();

  fireEvent.click(within(lu).getByText('退回'));
  fireEvent.change(within(lu).getByLabelText('退回原因'), { target: { value: REASON } });
  await act(async () => {
    fireEvent.click(within(lu).getByText('确认退回'));
  });
  expect(actions(sent, 'returnRequest')).toHaveLength(1);
  expect(Taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ title: '未能完成', content: '这份申请现在是「已批准」，不能进行此操作' }),
  );
  lu = await card('陆美娟');
  expect((within(lu).getByLabelText('退回原因') as HTMLTextAreaElement).value).toBe(REASON);
  noEditableModal();
});

test('寄出 asks for the tracking number (at least 4 characters), 撤销 for a reason; each is sent as typed', async () => {
  const sent = serve({
    getMe: () => me(['admin']),
    reviewQueue: () => ({
      items: [reviewItem({ id: 'rt-chu', name: '褚连生', status: 'plaque_pending', statusLabel: '纪念牌待领取' })],
      total: 1,
    }),
    postPlaque: () => reviewItem(),
    revoke: () => reviewItem(),
  });
  render(<ReviewPage />);
  await openTab('待领取');
  const chu = await card('褚连生');
  fireEvent.click(within(chu).getByText('寄出'));
  fireEvent.change(within(chu).getByLabelText('寄出单号'), { target: { value: 'EMS' } });
  fireEvent.click(within(chu).getByText('确认寄出'));
  expect(within(chu).getByRole('alert').textContent).toBe('寄出单号请至少写4个字');
  fireEvent.change(within(chu).getByLabelText('寄出单号'), { target: { value: '中国邮政 9812345678901' } });
  await act(async () => {
    fireEvent.click(within(chu).getByText('确认寄出'));
  });
  expect(actions(sent, 'postPlaque').map((c) => c.data)).toEqual([
    expect.objectContaining({ id: 'rt-chu', trackingNote: '中国邮政 9812345678901' }),
  ]);

  const again = await card('褚连生');
  fireEvent.click(within(again).getByText('撤销证书'));
  fireEvent.change(within(again).getByLabelText('撤销原因'), { target: { value: '重复申请，证书作废' } });
  await act(async () => {
    fireEvent.click(within(again).getByText('确认撤销'));
  });
  expect(actions(sent, 'revoke').map((c) => c.data)).toEqual([
    expect.objectContaining({ id: 'rt-chu', reason: '重复申请，证书作废' }),
  ]);
  noEditableModal();
});

test('the employer contact returns with the typed reason through its own action', async () => {
  const sent = serve({
    getMe: () => me(['enterprise']),
    reviewQueue: () => ({ items: [reviewItem({ status: 'submitted', statusLabel: '已提交' })], total: 1 }),
    verifyEmployment: () => ({ done: 1, results: [{ index: 0, ok: true, id: 'rt-lu' }] }),
  });
  render(<ReviewPage />);
  const lu = await card('陆美娟');
  fireEvent.click(within(lu).getByText('退回'));
  fireEvent.change(within(lu).getByLabelText('退回原因'), { target: { value: '本单位无此职工记录' } });
  await act(async () => {
    fireEvent.click(within(lu).getByText('确认退回'));
  });
  expect(actions(sent, 'verifyEmployment').map((c) => c.data)).toEqual([
    expect.objectContaining({ ids: ['rt-lu'], decision: 'return', reason: '本单位无此职工记录' }),
  ]);
  noEditableModal();
});

const application = (over: Partial<MembershipApplication> = {}): MembershipApplication => ({
  id: 'app-li',
  name: '李春燕',
  phone: '138****4567',
  employer: '王江泾丝绸服饰有限公司',
  district: '秀洲区',
  category: '产业工人',
  attempt: 1,
  status: 'pending',
  submittedAt: Date.UTC(2026, 0, 5),
  ...over,
});

test('入会: the admin returns an application with the typed reason; 已退回 shows it', async () => {
  let reason: string | undefined;
  const sent = serve({
    listApplications: (data) =>
      data.status === 'returned'
        ? { items: reason ? [application({ status: 'returned', returnReason: reason })] : [], total: 1 }
        : { items: reason ? [] : [application()], total: 1 },
    reviewApplication: (data) => {
      reason = data.reason;
      return application({ status: 'returned', returnReason: data.reason });
    },
  });
  render(<ApplicationsPage />);
  const li = await card('李春燕');
  fireEvent.click(within(li).getByText('退回'));
  // The approve / return buttons give way to the card; 确认退回 with nothing typed sends nothing.
  expect(within(li).queryByText('通过')).toBeNull();
  fireEvent.click(within(li).getByText('确认退回'));
  expect(within(li).getByRole('alert').textContent).toBe('退回原因请至少写2个字');
  expect(actions(sent, 'reviewApplication')).toHaveLength(0);

  fireEvent.change(within(li).getByLabelText('退回原因'), { target: { value: '请填写工作单位全称' } });
  await act(async () => {
    fireEvent.click(within(li).getByText('确认退回'));
  });
  expect(actions(sent, 'reviewApplication').map((c) => c.data)).toEqual([
    expect.objectContaining({ applicationId: 'app-li', decision: 'return', reason: '请填写工作单位全称' }),
  ]);
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已退回' }));
  expect(await screen.findByText('暂无申请')).toBeTruthy();
  await openTab('已退回');
  expect(await screen.findByText('退回原因：请填写工作单位全称')).toBeTruthy();
  noEditableModal();
});

test('入会: cancel brings back 通过 / 退回 and sends nothing', async () => {
  const sent = serve({ listApplications: () => ({ items: [application()], total: 1 }) });
  render(<ApplicationsPage />);
  const li = await card('李春燕');
  fireEvent.click(within(li).getByText('退回'));
  fireEvent.click(within(li).getByText('取消'));
  expect(within(li).getByText('通过')).toBeTruthy();
  expect(within(li).queryByLabelText('退回原因')).toBeNull();
  expect(actions(sent, 'reviewApplication')).toHaveLength(0);
});
