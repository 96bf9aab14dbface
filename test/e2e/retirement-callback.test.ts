/**
 * The phone call-back in Chromium: the seeded request of 沈阿根 asks to be phoned in the morning; the
 * district admin opens the review list, taps 已电话回访, notes the call and sees it recorded.
 */
import { setupE2E } from './harness';

const e2e = setupE2E();

test('the admin notes a phone call-back as made in the review list', async () => {
  const page = await e2e.newPage({ persona: 'persona-admin', path: '/retirement/pages/review/index' });
  const card = page.locator('.retirement-review-item', { hasText: '沈阿根' });
  await card.waitFor();
  expect(await card.innerText()).toContain('需电话回访（上午）');
  await card.locator('.retirement-review-callback__open').click();
  await card.locator('.reason-sheet__confirm').click();
  await card.getByText('回访情况请至少写2个字').waitFor();
  await card.locator('.reason-sheet__input textarea').fill('已与本人通话，信息无误，上午到新城汇领取');
  await e2e.screenshot(page, 'retirement-callback-01-note');
  await card.locator('.reason-sheet__confirm').click();
  await card.getByText('需电话回访（上午） · 已回访').waitFor();
  await card.getByText(/已与本人通话，信息无误/).waitFor();
  expect(await card.locator('.retirement-review-callback__open').count()).toBe(0);
  await page.waitForFunction(() => document.querySelector<HTMLElement>('.taro__toast')?.style.display === 'none');
  await e2e.screenshot(page, 'retirement-callback-02-done');
  await page.context().close();

  // After a reload it is still recorded (the server holds it, not the page).
  const again = await e2e.newPage({ persona: 'persona-admin', path: '/retirement/pages/review/index' });
  await again
    .locator('.retirement-review-item', { hasText: '沈阿根' })
    .getByText(/已回访/)
    .waitFor();
  await again.context().close();
  expect(e2e.pageErrors).toEqual([]);
});
