// Journey 5 in the compiled weapp against the emulator (real functions, real wx-server-sdk): the rider claims a
// 春节礼包 on the campaign page, opens the voucher, 新城汇驿站 staff scan it in the 工作台 scanner (green 核验成功),
// and a second scan of the same code is red 已使用 with when and where it was first redeemed.
import { loadPage, wxMock } from './harness';
import { setupEmulator } from './emulator';
import { readQr } from './qr';

const emu = setupEmulator();
const CAMPAIGN = 'gift-2026-spring';
const HOME = { kind: 'station', id: 'station-xinchenghui' };

const stock = async () =>
  (
    await emu.callAs('persona-admin', 'gift', { action: 'stationStock', campaignId: CAMPAIGN, stationId: HOME.id })
  )[0] as { left: number; claimed: number; redeemed: number };

test('gift claim → voucher → redeem (green) → redeem again (red 已使用)', async () => {
  const before = await stock();

  // 1. The rider claims at 新城汇驿站 on the compiled campaign page.
  emu.as('persona-rider');
  const campaign = await loadPage('gifts/pages/campaign/index');
  await campaign.waitForText('您符合领取条件', { timeout: 15_000 });
  const home = campaign.$$('.gift-station').find((el) => el.textContent?.includes('新城汇驿站'));
  expect(home).toBeTruthy();
  await campaign.tap(home!.querySelector('.gift-station__claim')!);
  await campaign.waitForText('您已领取：新城汇驿站', { timeout: 15_000 });
  expect(wxMock.showModal).toHaveBeenCalled(); // 确认领取 asked first
  expect(await stock()).toMatchObject({ left: before.left - 1, claimed: before.claimed + 1, redeemed: 0 });

  // 2. The voucher page, opened from the campaign page, shows the code with address and hours.
  await campaign.tap('.gift-campaign__open-voucher');
  await campaign.waitFor(() => wxMock.navigateTo.mock.calls.length > 0);
  const url: string = wxMock.navigateTo.mock.calls.at(-1)[0].url;
  const id = /[?&]id=([^&]+)/.exec(url)?.[1];
  expect(id).toBeTruthy();
  campaign.unload();
  const voucherPage = await loadPage('gifts/pages/voucher/index', { query: { id: id! } });
  await voucherPage.waitForText('康和路新城汇商业中心', { timeout: 15_000 });
  expect(voucherPage.text()).toContain('已领取');
  await voucherPage.waitFor(() => voucherPage.$('.qr-code'), { timeout: 15_000 });
  // The code the voucher shows, as the staff member's camera reads it off the rider's screen.
  const token = readQr(voucherPage);
  voucherPage.unload();
  wxMock.scanCode.mockImplementation((opts: any) => {
    const res = { result: token, scanType: 'QR_CODE', errMsg: 'scanCode:ok' };
    opts?.success?.(res);
    opts?.complete?.(res);
    return Promise.resolve(res);
  });

  // 3. 新城汇驿站 staff scan it: green.
  emu.as('persona-station-staff');
  const scanner = await loadPage('staff/pages/scanner/index');
  await scanner.waitForText('新城汇驿站', { timeout: 15_000 });
  await scanner.waitFor(() => scanner.$('.staff-scanner__scan'), { timeout: 15_000 });
  await scanner.tap('.staff-scanner__scan');
  await scanner.waitFor(() => scanner.$('.staff-scan-result'), { timeout: 15_000 });
  expect(scanner.$('.staff-scan-result--ok')).toBeTruthy();
  expect(scanner.$('.staff-scan-result__word')?.textContent).toBe('核验成功');
  expect(await stock()).toMatchObject({ redeemed: 1 });

  // 4. 继续扫码 opens the camera again (weapp), which reads the same code: red 已使用, with where it was redeemed.
  await scanner.tap('.staff-scan-result__next');
  await scanner.waitFor(() => scanner.$('.staff-scan-result--used'), { timeout: 15_000 });
  expect(scanner.$('.staff-scan-result--used')).toBeTruthy();
  expect(scanner.$('.staff-scan-result__word')?.textContent).toBe('已使用');
  expect(scanner.text()).toContain('地点：新城汇驿站');
  expect(scanner.$('.staff-scan-result')?.textContent).not.toContain('撤销（'); // a red verdict offers no undo
  expect(await stock()).toMatchObject({ redeemed: 1 });
  scanner.unload();

  // The rider's voucher now reads 已核销 in the app.
  emu.as('persona-rider');
  const after = await loadPage('gifts/pages/voucher/index', { query: { id: id! } });
  await after.waitForText(/已核销|已使用/, { timeout: 15_000 });
});
