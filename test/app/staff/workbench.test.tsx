/**
 * The 工作台 pages in jsdom with a stub transport: undo from the scanner's green result (asks a
 * reason), and the manual lookup (validates locally, finds, acts on a match).
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import LookupPage from '../../../src/staff/pages/lookup/index';
import ScannerPage from '../../../src/staff/pages/scanner/index';
import { taroMock } from '../mocks/taro';

const SCOPE = { kind: 'station', id: 'station-xinchenghui', name: '新城汇驿站' };
let sent: { name: string; data: Record<string, any> }[];

function serve(answers: Record<string, (data: Record<string, any>) => unknown>) {
  sent = [];
  setTransport(async (name, data) => {
    sent.push({ name, data });
    const answer = answers[String(data.action)];
    return answer ? ({ ok: true, data: answer(data) } as any) : { ok: true, data: [] };
  });
}

beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

test('scanner: a green result within the window offers 撤销, which asks a reason and undoes', async () => {
  serve({
    myScopes: () => [SCOPE],
    scan: () => ({
      result: 'success',
      kind: 'voucher',
      title: '礼包已核销',
      personName: '刘*峰',
      scanId: 'scan-1',
      undoUntil: Date.now() + 300_000,
    }),
    undo: () => ({ undone: true }),
  });
  jest.mocked(Taro.scanCode).mockResolvedValueOnce({ result: 'v.x.y.1.z', scanType: 'QR_CODE', errMsg: 'ok' } as any);
  render(<ScannerPage />);
  fireEvent.click(await screen.findByText('扫一扫'));
  expect(await screen.findByText('核验成功')).toBeTruthy();
  fireEvent.click(screen.getByText(/^撤销（/));
  const confirm = screen.getByText('确认撤销');
  // Too short a reason: the button stays disabled and nothing is sent.
  fireEvent.click(confirm);
  expect(sent.some((c) => c.data.action === 'undo')).toBe(false);
  fireEvent.change(screen.getByPlaceholderText('如：发错了人、重复签到'), { target: { value: '发错了人' } });
  await act(async () => {
    fireEvent.click(screen.getByText('确认撤销'));
  });
  await waitFor(() =>
    expect(sent.find((c) => c.data.action === 'undo')?.data).toMatchObject({
      scanId: 'scan-1',
      reason: '发错了人',
      requestId: expect.any(String),
    }),
  );
  await waitFor(() => expect(screen.queryByText('核验成功')).toBeNull());
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已撤销' }));
});

test('scanner: a refused call (no permission) still shows an amber answer with the message', async () => {
  sent = [];
  setTransport(async (_name, data) =>
    data.action === 'myScopes'
      ? { ok: true, data: [SCOPE] }
      : data.action === 'scan'
        ? { ok: false, code: 'FORBIDDEN', message: '您没有权限进行此操作' }
        : { ok: true, data: [] },
  );
  jest.mocked(Taro.scanCode).mockResolvedValueOnce({ result: 'junk', scanType: 'QR_CODE', errMsg: 'ok' } as any);
  render(<ScannerPage />);
  fireEvent.click(await screen.findByText('扫一扫'));
  expect(await screen.findByText('无法核验')).toBeTruthy();
  expect(screen.getByText('您没有权限进行此操作')).toBeTruthy();
});

test('scanner: a staff member without any scope is told whom to ask', async () => {
  serve({ myScopes: () => [] });
  render(<ScannerPage />);
  expect(await screen.findByText('您还没有分配工作场地，请联系区总工会管理员')).toBeTruthy();
});

test('lookup: a bad phone tail is caught on the phone; a match can be acted on', async () => {
  serve({
    myScopes: () => [SCOPE],
    lookup: () => [
      { kind: 'voucher', subjectId: 'v1', personName: '刘*峰', phone: '151****3456', summary: '礼包 · 待核销' },
    ],
    redeemManual: () => ({
      result: 'success',
      kind: 'voucher',
      title: '礼包已核销',
      personName: '刘*峰',
      scanId: 's2',
    }),
  });
  render(<LookupPage />);
  fireEvent.change(await screen.findByPlaceholderText('对方的姓名'), { target: { value: '刘海峰' } });
  fireEvent.change(screen.getByPlaceholderText('如 1234'), { target: { value: '34' } });
  fireEvent.click(screen.getByText('查找'));
  expect(await screen.findByText(/请输入手机号后4位/)).toBeTruthy();
  expect(sent.some((c) => c.data.action === 'lookup')).toBe(false);

  fireEvent.change(screen.getByPlaceholderText('如 1234'), { target: { value: '3456' } });
  fireEvent.click(screen.getByText('查找'));
  expect(await screen.findByText('151****3456')).toBeTruthy();
  expect(sent.find((c) => c.data.action === 'lookup')?.data).toEqual({
    action: 'lookup',
    scope: { kind: 'station', id: 'station-xinchenghui' },
    name: '刘海峰',
    phoneTail: '3456',
  });
  fireEvent.click(screen.getByText('核验此人'));
  expect(await screen.findByText('核验成功')).toBeTruthy();
  expect(sent.find((c) => c.data.action === 'redeemManual')?.data).toMatchObject({
    kind: 'voucher',
    subjectId: 'v1',
    scope: { kind: 'station', id: 'station-xinchenghui' },
  });
});
