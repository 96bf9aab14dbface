// The compiled weapp home page renders in miniprogram-simulate (needs `taro build --type weapp` first).
import { loadPage } from './harness';

test('home page renders its title from dist/', async () => {
  const page = await loadPage('pages/home/index');
  expect(page.instance.route).toBe('pages/home/index');
  expect(page.instance.config.navigationBarTitleText).toBe('职工服务'); // from index.config.ts, compiled in
  await page.waitForText('职工'); // the home page's own title (秀洲区总工会 · 职工之家)
  expect(page.$$('wx-view').length).toBeGreaterThan(1);
});
