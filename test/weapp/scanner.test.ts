// The compiled weapp 工作台 scanner: tap 扫一扫, the camera (stubbed wx.scanCode) reads a code, the
// checkin function answers, and the full-screen green verdict appears. Needs `taro build --type weapp`.
import { cloud, loadPage, wxMock } from './harness';

const CODE = 'm.XZ2019000001.t5x2k0.1.abcdefghijklmnop';

test('tap 扫一扫: the camera code goes to checkin.scan with the chosen scope, and the green result shows', async () => {
  cloud.handle((name, data) => {
    if (name !== 'checkin') return undefined;
    switch (data.action) {
      case 'myScopes':
        return { ok: true, data: [{ kind: 'station', id: 'station-xinchenghui', name: '新城汇驿站' }] };
      case 'counts':
        return { ok: true, data: [{ label: '礼包已核销', done: 12, total: 100 }] };
      case 'recent':
        return { ok: true, data: [] };
      case 'scan':
        return {
          ok: true,
          data: {
            result: 'success',
            kind: 'member',
            title: '会员有效',
            personName: '王*国',
            detail: '会员号 XZ2019000001',
            scanId: 's1',
          },
        };
      default:
        return undefined;
    }
  });
  wxMock.scanCode.mockImplementation((opts: any) => {
    const res = { result: CODE, scanType: 'QR_CODE', errMsg: 'scanCode:ok' };
    opts?.success?.(res);
    opts?.complete?.(res);
    return Promise.resolve(res);
  });

  const page = await loadPage('staff/pages/scanner/index');
  await page.waitForText('新城汇驿站');
  await page.waitForText('12');
  expect(page.text()).toContain('扫一扫');
  expect(page.text()).toContain('我最近的扫码');

  await page.tap('.staff-scanner__scan');
  await page.waitFor(() => page.$('.staff-scan-result--ok'));
  expect(page.$('.staff-scan-result__word')?.textContent).toBe('核验成功');
  expect(page.text()).toContain('会员有效');
  expect(page.text()).toContain('王*国');
  expect(page.text()).toContain('继续扫码');
  // A membership check changes nothing: no 撤销 offered.
  expect(page.text()).not.toContain('撤销');

  expect(wxMock.scanCode).toHaveBeenCalledWith(expect.objectContaining({ onlyFromCamera: true, scanType: ['qrCode'] }));
  const scanCall = cloud.calls.find((c) => c.name === 'checkin' && c.data.action === 'scan');
  expect(scanCall?.data).toMatchObject({
    code: CODE,
    scope: { kind: 'station', id: 'station-xinchenghui' },
    requestId: expect.any(String),
  });
  // Strict server inputs: only kind + id travel, never the scope's display name.
  expect(scanCall?.data.scope).toEqual({ kind: 'station', id: 'station-xinchenghui' });
  for (const c of cloud.calls.filter((x) => x.data.action === 'counts' || x.data.action === 'recent')) {
    expect(c.data.scope).toEqual({ kind: 'station', id: 'station-xinchenghui' });
  }
  // The recent list and counts refresh after the scan.
  await page.waitFor(() => cloud.calls.filter((c) => c.data.action === 'recent').length >= 2);
});
