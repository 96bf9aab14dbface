/**
 * The compiled 光荣退休 request page (dist/) in miniprogram-simulate: a family member fills the
 * step-by-step form and submits; the payload that reaches wx.cloud.callFunction is checked.
 * 长辈模式 is the same flow in retirement-request-elder.test.ts.
 */
import { loadPage, resetWx } from './harness';
import { fillAndSubmit, program } from './retirement-flow';

test('a family member requests step by step, in normal size', async () => {
  resetWx();
  program();
  const page = await loadPage('retirement/pages/request/index');
  await page.waitFor(() => page.$('.consent'));
  expect(page.$('.page.elder')).toBeNull();
  await fillAndSubmit(page);
  page.unload();
});
