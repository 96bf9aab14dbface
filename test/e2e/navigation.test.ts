// In Chromium (H5 build): every page has a title bar with its title (the weapp has WeChat's own); a page that is not a
// tab has 返回, which goes back; a tab page reopened from another tab starts at the top, not where it was left.
import type { Page } from 'playwright-core';
import { setupE2E } from './harness';

const e2e = setupE2E();

const bar = (page: Page) => page.locator('.taro_page:visible .h5-title-bar');
/** How far the shown page is scrolled (H5 scrolls the window or Taro's tab panel, depending on the page). */
const scrolled = (page: Page) =>
  page.evaluate(() =>
    Math.max(
      window.scrollY,
      document.scrollingElement?.scrollTop ?? 0,
      ...Array.from(document.querySelectorAll('.taro-tabbar__panel, .taro_page')).map((el) => el.scrollTop),
    ),
  );

test('a page shows its title; 返回 goes back to the page that opened it', async () => {
  const page = await e2e.newPage({ persona: 'persona-worker', path: '/pages/home/index' });
  await bar(page).getByText('职工服务').waitFor();
  expect(await bar(page).locator('.h5-title-bar__back').count()).toBe(0); // a tab page has no 返回

  await page.locator('.home__entry', { hasText: '技能比武' }).click();
  await bar(page).getByText('技能比武', { exact: true }).waitFor();
  await e2e.settle(page);
  await e2e.screenshot(page, 'nav-title-bar');
  const back = bar(page).locator('.h5-title-bar__back');
  expect(await back.innerText()).toContain('返回');
  // 返回 sits at the left, clear of the title's words (not centred over them, not a bar-wide tap target).
  const words = await bar(page)
    .locator('.h5-title-bar__title')
    .evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return range.getBoundingClientRect().toJSON() as { left: number };
    });
  const backBox = (await back.boundingBox())!;
  expect(backBox.x).toBeLessThan(words.left);
  expect(backBox.x + backBox.width).toBeLessThanOrEqual(words.left);

  await back.click();
  await bar(page).getByText('职工服务').waitFor();
  expect(page.url()).toContain('/pages/home/index');
  expect(e2e.pageErrors).toEqual([]);
});

test('a tab page reopened from another tab starts at the top', async () => {
  const page = await e2e.newPage({ persona: 'persona-worker', path: '/pages/mine/index' });
  await page.getByText('王建国').first().waitFor();
  await page.setViewportSize({ width: 375, height: 400 }); // so 我的 is taller than the screen
  await page.evaluate(() => {
    window.scrollTo(0, 2000);
    for (const el of Array.from(document.querySelectorAll('.taro-tabbar__panel, .taro_page'))) el.scrollTop = 2000;
  });
  const was = await scrolled(page);
  expect(was).toBeGreaterThan(100);

  // 首页 is long enough to show a scroll carried over from 我的: it opens at the top.
  await page.locator('.weui-tabbar__item', { hasText: '首页' }).click();
  await bar(page).getByText('职工服务', { exact: true }).waitFor();
  await page.waitForTimeout(300);
  expect(await scrolled(page)).toBe(0);
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
  await bar(page).getByText('我的', { exact: true }).waitFor();
  await page.waitForFunction(() => window.scrollY === 0 && (document.scrollingElement?.scrollTop ?? 0) === 0);
  await page.waitForTimeout(300); // nothing scrolls it back down afterwards (Taro restores a saved position late)
  expect(await scrolled(page)).toBe(0);
  await e2e.screenshot(page, 'nav-tab-top');
});
