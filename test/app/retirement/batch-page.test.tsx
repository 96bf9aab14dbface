/**
 * The employer's batch page in jsdom with a stub transport: consent first, rows added one by one
 * (checked as on the request form), one list sent, per-row outcomes shown, the refused row fixed and
 * sent again alone.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import BatchPage from '../../../src/retirement/pages/batch/index';
import { hasConsented } from '../../../src/stores/consent';
import { actions, serve } from '../academy/serve';
import { taroMock } from '../mocks/taro';
import { idNumber } from './fixtures';

const me = (roles: string[], scopes: { kind: string; id: string }[]) => ({
  openid: 'persona-enterprise',
  roles,
  scopes,
  profile: null,
  profileComplete: true,
  membership: { status: 'member' },
  unreadMessages: 0,
});
const options = {
  open: true,
  campaignTitle: '2026年企业职工「光荣退休」',
  futureDays: 30,
  pastDays: 730,
  today: '2026-01-20',
  places: [{ id: 'station-xinchenghui', name: '新城汇驿站', address: '新城街道康和路' }],
  employers: [
    { id: 'emp-jiaxing-textile', name: '嘉兴纺织有限公司' },
    { id: 'emp-xiuzhou-cnc', name: '嘉兴秀洲精工机械有限公司' },
  ],
};

beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function addRow(name: string, id: string) {
  fireEvent.click(screen.getByText('＋ 添加一位退休职工'));
  await screen.findByText(/^添加第\d位退休职工$/);
  type('退休职工姓名', name);
  type('身份证号', id);
  type('岗位或工种', '挡车工');
  type('工龄（年）', '33');
  fireEvent.change(document.querySelector('.field-retirementDate input')!, { target: { value: '2026-01-10' } });
  type('联系电话', '13957310002');
  fireEvent.click(screen.getByText('到颁发仪式现场领取'));
  fireEvent.click(screen.getByText('新城汇驿站'));
  fireEvent.click(screen.getByText('保存这一位'));
}

test('consent, two rows, one list sent: one accepted, the duplicate refused with its reason, fixed and resent', async () => {
  const A = idNumber('1965-04-01', 31);
  const B = idNumber('1965-04-02', 32);
  const B2 = idNumber('1965-04-02', 33);
  let answer = {
    done: 1,
    results: [
      { index: 0, ok: true, id: 'rtA' },
      { index: 1, ok: false, code: 'DUPLICATE_REQUEST', message: '陆小妹（330***********0322）已有光荣退休申请' },
    ],
  };
  const sent = serve({
    getMe: () => me(['enterprise', 'member'], [{ kind: 'employer', id: 'emp-jiaxing-textile' }]),
    formOptions: () => options,
    submitBatch: () => answer,
  });
  render(<BatchPage />);
  fireEvent.click(await screen.findByText('已告知本人并同意，开始填写'));
  expect(hasConsented('retirementBatch')).toBe(true);
  expect(screen.getByText('代办单位：嘉兴纺织有限公司')).toBeTruthy();
  expect(screen.getByText('名单还是空的')).toBeTruthy();

  await addRow('周阿大', A);
  expect(await screen.findByText('1. 周阿大')).toBeTruthy();
  // The same person again is caught on the phone, naming the row.
  await addRow('周阿大', A);
  expect(await screen.findByText(/名单第1行已有这个号码/)).toBeTruthy();
  type('退休职工姓名', '陆小妹');
  type('身份证号', B);
  fireEvent.click(screen.getByText('保存这一位'));
  expect(await screen.findByText('2. 陆小妹')).toBeTruthy();
  expect(screen.getByText('名单共2人')).toBeTruthy();
  expect(actions(sent, 'submitBatch')).toHaveLength(0);

  await act(async () => {
    fireEvent.click(screen.getByText('提交名单（2人）'));
  });
  const first = actions(sent, 'submitBatch')[0].data;
  expect(first).toMatchObject({ consent: true, employerId: 'emp-jiaxing-textile', requestId: expect.any(String) });
  expect(first.retirees.map((r: any) => [r.name, r.idNumber])).toEqual([
    ['周阿大', A],
    ['陆小妹', B],
  ]);
  expect(first.retirees[0]).not.toHaveProperty('employer');
  expect(await screen.findByText('本次提交2人：已受理1人，未通过1人')).toBeTruthy();
  expect(screen.getByText('陆小妹（330***********0322）已有光荣退休申请')).toBeTruthy();
  expect(screen.getByText(/不用再报，可删除这一行/)).toBeTruthy();
  expect(screen.getByText('✓ 已受理')).toBeTruthy();
  expect(screen.getByText('✕ 未通过')).toBeTruthy();
  // The accepted row can no longer be changed; the refused one can.
  expect(screen.queryByLabelText('修改第1位 周阿大')).toBeNull();
  fireEvent.click(screen.getByLabelText('修改第2位 陆小妹'));
  expect(await screen.findByText(/^上次未通过：/)).toBeTruthy();
  type('身份证号', B2);
  fireEvent.click(screen.getByText('保存这一位'));

  answer = { done: 1, results: [{ index: 0, ok: true, id: 'rtB' }] };
  await act(async () => {
    fireEvent.click(await screen.findByText('重新提交（1人）'));
  });
  const second = actions(sent, 'submitBatch')[1].data;
  expect(second.retirees.map((r: any) => r.idNumber)).toEqual([B2]);
  expect(second.requestId).not.toBe(first.requestId);
  expect(await screen.findByText('名单上的2人都已受理')).toBeTruthy();
  fireEvent.click(screen.getByText('去核实'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/retirement/pages/review/index' });
});

test('a contact of several employers picks one first; a row can be removed after a confirm', async () => {
  const sent = serve({
    getMe: () =>
      me(
        ['enterprise'],
        [
          { kind: 'employer', id: 'emp-jiaxing-textile' },
          { kind: 'employer', id: 'emp-xiuzhou-cnc' },
        ],
      ),
    formOptions: () => options,
    submitBatch: () => ({ done: 1, results: [{ index: 0, ok: true, id: 'rtC' }] }),
  });
  render(<BatchPage />);
  fireEvent.click(await screen.findByText('已告知本人并同意，开始填写'));
  fireEvent.click(screen.getByText('＋ 添加一位退休职工'));
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先选择代办的单位' }));
  fireEvent.click(screen.getByText('嘉兴秀洲精工机械有限公司'));
  await addRow('顾小明', idNumber('1965-09-27', 41));
  await addRow('钱大宝', idNumber('1965-09-28', 42));
  await act(async () => {
    fireEvent.click(await screen.findByLabelText('删除第1位 顾小明'));
  });
  await waitFor(() => expect(screen.queryByText('1. 顾小明')).toBeNull());
  expect(screen.getByText('1. 钱大宝')).toBeTruthy();
  await act(async () => {
    fireEvent.click(screen.getByText('提交名单（1人）'));
  });
  expect(actions(sent, 'submitBatch')[0].data).toMatchObject({
    employerId: 'emp-xiuzhou-cnc',
    retirees: [expect.objectContaining({ name: '钱大宝' })],
  });
  // Once sent, the employer is fixed for this list.
  expect(await screen.findByText('代办单位：嘉兴秀洲精工机械有限公司')).toBeTruthy();
});

test('a worker without the enterprise role is told this page is not for them; a refused list shows the message', async () => {
  serve({ getMe: () => me(['member'], []), formOptions: () => options });
  const { unmount } = render(<BatchPage />);
  expect(await screen.findByText(/此页面供单位工会为本单位退休职工批量申报使用/)).toBeTruthy();
  expect(screen.queryByText('已告知本人并同意，开始填写')).toBeNull();
  unmount();

  serve({
    getMe: () => me(['enterprise'], [{ kind: 'employer', id: 'emp-jiaxing-textile' }]),
    formOptions: () => {
      throw { code: 'INTERNAL', message: '系统繁忙，请稍后再试' };
    },
  });
  render(<BatchPage />);
  expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy();
  expect(screen.getByText('重试')).toBeTruthy();
});
