// The H5 build opens in Chromium against the emulator and renders the home page in Chinese.
import fs from 'node:fs';
import { FONT_FAMILY, setupE2E } from './harness';

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

test('Chinese renders from the web font of the font package, not from system fonts', async () => {
  const page = await e2e.newPage();
  await page.locator('.taro_page').getByText('秀洲区总工会 · 职工之家').waitFor();
  await e2e.settle(page);
  // The faces the page's Chinese needed were fetched from @fontsource/noto-sans-sc and are in use.
  const loaded = await page.evaluate(
    (family) =>
      Array.from(document.fonts as unknown as Iterable<FontFace>).filter(
        (f) => f.family.replace(/['"]/g, '') === family && f.status === 'loaded',
      ).length,
    FONT_FAMILY,
  );
  expect(loaded).toBeGreaterThan(0);
  expect(await page.evaluate((family) => document.fonts.check(`16px '${family}'`, '职工之家'), FONT_FAMILY)).toBe(true);
  const font = await page
    .locator('.home__hero-title')
    .evaluate((el) => getComputedStyle(el).fontFamily.split(',')[0].replace(/['"]/g, '').trim());
  expect(font).toBe(FONT_FAMILY);
  await e2e.screenshot(page, `smoke-font-${process.env.E2E_BROWSER === 'bundled' ? 'bundled' : 'found'}`);
  await page.context().close();
});

test('the home page paints its header and four service cards while its call is still out', async () => {
  const page = await e2e.newPage();
  await page.locator('.taro_page').getByText('新城汇驿站').waitFor();
  // Hold every portal call from now on, then load the page afresh.
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route('**/functions/portal', async (route) => {
    held += 1;
    await gate;
    await route.continue();
  });
  await page.reload();
  const home = page.locator('.taro_page');
  await home.getByText('秀洲区总工会 · 职工之家').waitFor();
  for (const title of ['技能比武', '工匠学院', '光荣退休', '春节礼包'])
    await home.locator('.home__entry').filter({ hasText: title }).waitFor();
  await home.getByText('正在加载…').waitFor();
  expect(held).toBeGreaterThan(0);
  expect(await home.getByText('新城汇驿站').count()).toBe(0);
  await e2e.screenshot(page, 'home-static-before-call');
  // Once the call answers, the 驿站 list fills in below.
  release();
  await home.getByText('新城汇驿站').waitFor();
  expect(e2e.pageErrors).toEqual([]);
  await page.context().close();
});

test('a visitor who has not picked a persona is told to, and 切换体验身份 opens the switcher', async () => {
  const page = await e2e.newPage({ path: '/pages/mine/index' });
  const mine = page.locator('.taro_page:visible');
  await mine.getByText('演示环境：请先选择一个体验身份').waitFor();
  expect(await mine.getByText('重试').count()).toBe(0);
  await e2e.screenshot(page, 'smoke-no-persona');
  await mine.getByText('切换体验身份', { exact: true }).click();
  await page.locator('.taro_page:visible').getByText('王建国').first().waitFor();
  expect(page.url()).toContain('/pages/persona/index');
  expect(e2e.pageErrors).toEqual([]);
  await page.context().close();
});
