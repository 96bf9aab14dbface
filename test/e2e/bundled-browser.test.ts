// The fallback browser of a machine with no Chromium (the one inside @sparticuz/chromium, which sees no system
// fonts) runs the H5 build, and Chinese renders from the web font the harness injects. Runs on every machine,
// so a broken fallback shows here and not first on a fresh one.
import { FONT_FAMILY, setupE2E } from './harness';

const e2e = setupE2E({ browser: 'bundled' });

test('the bundled Chromium renders the home page in Chinese from the font package', async () => {
  expect(e2e.browserSource).toMatch(/^@sparticuz\/chromium \d+/);
  const page = await e2e.newPage();
  const home = page.locator('.taro_page');
  await home.getByText('秀洲区总工会 · 职工之家').waitFor();
  await home.getByText('新城汇驿站').waitFor();
  await e2e.settle(page);
  // The web font's faces for this text are loaded and measure as four full-width glyphs at 20 px.
  const widths = await page.evaluate((family) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `20px '${family}'`;
    return {
      withFont: ctx.measureText('职工之家').width,
      loaded: document.fonts.check(`20px '${family}'`, '职工之家'),
    };
  }, FONT_FAMILY);
  expect(widths.loaded).toBe(true);
  expect(widths.withFont).toBeGreaterThan(70);
  const shot = await e2e.screenshot(page, 'bundled-browser-home');
  expect(shot).toMatch(/bundled-browser-home\.png$/);
  expect(e2e.pageErrors).toEqual([]);
  await page.context().close();
});
