// The H5 build opens in Chromium against the emulator and renders the home page in Chinese.
import fs from 'node:fs';
import { setupE2E } from './harness';

const e2e = setupE2E();

test('home page shows its title', async () => {
  const page = await e2e.newPage();
  const title = page.locator('.taro_page').getByText(/职工/).first(); // 秀洲区总工会 · 职工之家
  await title.waitFor({ state: 'visible' });
  expect(await page.title()).toBe('职工服务'); // navigationBarTitleText of the home page
  const shot = await e2e.screenshot(page, 'smoke-home');
  expect(fs.statSync(shot).size).toBeGreaterThan(5000);
  expect(e2e.pageErrors).toEqual([]);
  await page.context().close();
});
