/**
 * Undo from the scanner's green result, retried: an attempt that failed with its outcome unknown
 * (INTERNAL: the call died mid-way, or the network) is retried as the same request, so the server
 * can finish the undo it started; a refusal or a success ends that request.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import ScannerPage from '../../../src/staff/pages/scanner/index';
import { taroMock } from '../mocks/taro';

const SCOPE = { kind: 'station', id: 'station-xinchenghui', name: '新城汇驿站' };
type Answer = { ok: true; data: unknown } | { ok: false; code: string; message: string };

let undos: Record<string, any>[];
/** The scanner's answers; each undo call takes the next of `undoAnswers`. */
function serve(undoAnswers: Answer[]) {
  undos = [];
  let scans = 0;
  setTransport(async (_name, data) => {
    if (data.action === 'myScopes') return { ok: true, data: [SCOPE] } as any;
    if (data.action === 'scan') {
      scans += 1;
      return {
        ok: true,
        data: {
          result: 'success',
          kind: 'voucher',
          title: '礼包已核销',
          personName: '刘*峰',
          scanId: `scan-${scans}`,
          undoUntil: Date.now() + 300_000,
        },
      } as any;
    }
    if (data.action === 'undo') {
      undos.push(data);
      return (undoAnswers.shift() ?? { ok: true, data: { undone: true } }) as any;
    }
    return { ok: true, data: [] } as any;
  });
}

async function scanGreen() {
  jest.mocked(Taro.scanCode).mockResolvedValueOnce({ result: 'v.x.y.1.z', scanType: 'QR_CODE', errMsg: 'ok' } as any);
  fireEvent.click(await screen.findByText('扫一扫'));
  expect(await screen.findByText('核验成功')).toBeTruthy();
  fireEvent.click(screen.getByText(/^撤销（/));
  fireEvent.change(screen.getByPlaceholderText('如：发错了人、重复签到'), { target: { value: '发错了人' } });
}

async function tapConfirm(calls: number) {
  await act(async () => {
    fireEvent.click(screen.getByText('确认撤销'));
  });
  await waitFor(() => expect(undos).toHaveLength(calls));
}

beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

test('an undo that failed with INTERNAL is retried with the same requestId; after success a new scan gets a new one', async () => {
  serve([{ ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' }]);
  render(<ScannerPage />);
  await scanGreen();

  await tapConfirm(1);
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '未能撤销' })));
  // Still on the green result, the reason form still open: the volunteer taps again.
  expect(screen.getByText('核验成功')).toBeTruthy();
  await tapConfirm(2);
  expect(undos[0]).toMatchObject({ scanId: 'scan-1', reason: '发错了人', requestId: expect.any(String) });
  expect(undos[1]).toMatchObject({ scanId: 'scan-1', reason: '发错了人', requestId: undos[0].requestId });
  await waitFor(() => expect(screen.queryByText('核验成功')).toBeNull());
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已撤销' }));

  // The next scan's undo is another request.
  await scanGreen();
  await tapConfirm(3);
  expect(undos[2]).toMatchObject({ scanId: 'scan-2' });
  expect(undos[2].requestId).not.toBe(undos[0].requestId);
});

test('a refusal ends the request: the next tap is a new one', async () => {
  serve([{ ok: false, code: 'INVALID_STATE', message: '这次扫码已经撤销过了' }]);
  render(<ScannerPage />);
  await scanGreen();
  await tapConfirm(1);
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
  await tapConfirm(2);
  expect(undos[1].requestId).not.toBe(undos[0].requestId);
});

test('after 继续扫码 the undo is still offered from the recent list, and it undoes that scan', async () => {
  serve([]);
  const now = Date.now();
  const recentRows = [
    {
      scanId: 'scan-9',
      at: now - 60_000,
      kind: 'voucher',
      result: 'success',
      title: '礼包已核销',
      personName: '刘*峰',
      undone: false,
      undoUntil: now + 240_000,
    },
    {
      scanId: 'scan-8',
      at: now - 400_000,
      kind: 'voucher',
      result: 'success',
      title: '礼包已核销',
      personName: '陈*强',
      undone: false,
      undoUntil: now - 100_000,
    },
    {
      scanId: 'scan-7',
      at: now - 90_000,
      kind: 'voucher',
      result: 'used',
      title: '礼包已核销过',
      personName: '王*国',
      undone: false,
    },
  ];
  setTransport(async (_name, data) => {
    if (data.action === 'myScopes') return { ok: true, data: [SCOPE] } as any;
    if (data.action === 'recent') return { ok: true, data: recentRows } as any;
    if (data.action === 'undo') {
      undos.push(data);
      recentRows[0] = { ...recentRows[0], undone: true };
      return { ok: true, data: { undone: true } } as any;
    }
    return { ok: true, data: [] } as any;
  });
  render(<ScannerPage />);
  await screen.findByText(/刘\*峰/);
  // Only the success still inside its window offers 撤销.
  const offers = screen.getAllByText(/^撤销（/);
  expect(offers).toHaveLength(1);
  expect(screen.getByLabelText('撤销 礼包已核销 刘*峰')).toBeTruthy();
  fireEvent.click(offers[0]);
  // Straight to the reason: the volunteer is not sent back through the green screen's steps.
  expect(await screen.findByText('核验成功')).toBeTruthy();
  fireEvent.change(screen.getByPlaceholderText('如：发错了人、重复签到'), { target: { value: '发错了人' } });
  await tapConfirm(1);
  expect(undos[0]).toMatchObject({ scanId: 'scan-9', reason: '发错了人' });
  await waitFor(() => expect(screen.queryByText('核验成功')).toBeNull());
  await waitFor(() => expect(screen.queryAllByText(/^撤销（/)).toHaveLength(0));
  expect(screen.getAllByText('已撤销').length).toBeGreaterThan(0);
});
