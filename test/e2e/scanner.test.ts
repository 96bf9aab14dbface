// In Chromium against the emulator: the 新城汇驿站 staff member checks codes in the H5 工作台, where
// there is no camera scanner and the code is pasted. Real tokens come from the emulator's functions.
import { setupE2E } from './harness';

const e2e = setupE2E();

async function verify(page: import('playwright-core').Page, code: string) {
  const input = page.locator('.staff-scanner__input input, input.staff-scanner__input').first();
  await input.fill(code);
  await page.locator('.staff-scanner__verify').first().click();
}

test('station staff paste a member code: green 会员有效; a gift voucher twice: green, then red with the first scan', async () => {
  const member = await e2e.callAs('persona-worker', 'member', { action: 'memberCode' });
  const memberToken: string = member.token;
  expect(memberToken).toMatch(/^m\./);

  const page = await e2e.newPage({ persona: 'persona-station-staff', path: '/staff/pages/scanner/index' });
  await page.locator('.staff-scope-picker__name', { hasText: '新城汇驿站' }).waitFor();
  await verify(page, memberToken);
  await page.locator('.staff-scan-result--ok').waitFor();
  expect(await page.locator('.staff-scan-result__word').innerText()).toBe('核验成功');
  await page.getByText('会员有效').first().waitFor();
  expect(await page.locator('.staff-scan-result').innerText()).toContain('王*国');
  await e2e.screenshot(page, 'scanner-member-green');
  await page.getByText('继续扫码').click();
  await page.locator('.staff-scan-result').waitFor({ state: 'detached' });

  // A single-use code: the courier's gift voucher at this station.
  const voucher = await e2e.callAs('persona-courier', 'gift', {
    action: 'voucherCode',
    voucherId: 'v2026courier000001',
  });
  await verify(page, voucher.token);
  await page.locator('.staff-scan-result--ok').waitFor();
  await e2e.screenshot(page, 'scanner-voucher-green');
  await page.getByText('继续扫码').click();
  await page.locator('.staff-scan-result').waitFor({ state: 'detached' });

  await verify(page, voucher.token);
  await page.locator('.staff-scan-result--used').waitFor();
  const red = await page.locator('.staff-scan-result').innerText();
  expect(red).toContain('已使用');
  expect(red).toMatch(/首次核验：\d{4}年\d+月\d+日（周.）\d\d:\d\d/);
  expect(red).toContain('新城汇驿站');
  expect(red).toContain('沈丽萍');
  await e2e.screenshot(page, 'scanner-voucher-red');
  await page.getByText('继续扫码').click();

  // The recent list shows the three scans, newest first.
  await page.getByText('我最近的扫码').waitFor();
  await page.locator('.staff-recent-scans__row').nth(2).waitFor();
  expect(await page.locator('.staff-recent-scans__result').first().innerText()).toBe('已使用');
  await e2e.screenshot(page, 'scanner-after');

  // The voucher's green scan is still inside its 5 minutes: undone from the recent list.
  const undoable = page.locator('.staff-recent-scans__undo');
  expect(await undoable.count()).toBeGreaterThanOrEqual(1);
  await undoable.first().click();
  await page.locator('.staff-scan-result--ok').waitFor();
  await page.locator('.staff-scan-result__reason input, input.staff-scan-result__reason').first().fill('发错了人');
  await e2e.screenshot(page, 'scanner-undo-from-recent');
  await page.getByText('确认撤销').click();
  await page.locator('.staff-scan-result').waitFor({ state: 'detached' });
  await page.locator('.staff-recent-scans__result', { hasText: '已撤销' }).first().waitFor();
  expect(e2e.pageErrors).toEqual([]);
  await page.context().close();
});

test('a pasted junk code is amber 无法核验 with what to do', async () => {
  const page = await e2e.newPage({ persona: 'persona-station-staff', path: '/staff/pages/scanner/index' });
  await page.locator('.staff-scope-picker__name', { hasText: '新城汇驿站' }).waitFor();
  await verify(page, 'm.XZ2019000001.zzzzzz.1.AAAAAAAAAAAAAAAA');
  await page.locator('.staff-scan-result--refused').waitFor();
  const amber = await page.locator('.staff-scan-result').innerText();
  expect(amber).toContain('无法核验');
  expect(amber).toContain('二维码无效');
  await e2e.screenshot(page, 'scanner-amber');
  expect(e2e.pageErrors).toEqual([]);
  await page.context().close();
});
