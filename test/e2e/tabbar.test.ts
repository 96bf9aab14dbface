// The H5 tab bar shows its three icons (drawn by scripts/make-tab-icons.mjs): the selected one for the open tab.
import fs from 'node:fs';
import path from 'node:path';
import { setupE2E } from './harness';

const e2e = setupE2E();
const icon = (name: string) =>
  `data:image/png;base64,${fs.readFileSync(path.join(__dirname, '../../src/assets/tabbar', name)).toString('base64')}`;

test('tab bar icons show, one per tab, the open tab with its selected icon', async () => {
  const page = await e2e.newPage();
  await page.locator('.taro_page').getByText(/职工/).first().waitFor({ state: 'visible' });
  const icons = page.locator('.weui-tabbar__icon');
  await icons.first().waitFor({ state: 'visible' });
  // An icon is in the page before its picture has decoded (naturalWidth 0 until then): read them once all have.
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLImageElement>('.weui-tabbar__icon')).every((img) => img.complete),
  );
  const shown = await icons.evaluateAll((els) =>
    els.map((el) => ({ src: el.getAttribute('src'), width: (el as HTMLImageElement).naturalWidth })),
  );
  expect(shown).toEqual([
    { src: icon('home-active.png'), width: 81 },
    { src: icon('services.png'), width: 81 },
    { src: icon('mine.png'), width: 81 },
  ]);
  const box = await icons.first().boundingBox();
  expect(box!.width).toBeGreaterThan(16);
  expect(e2e.pageErrors).toEqual([]);
  await page.context().close();
});
