/** The 光荣退休 request flow in 长辈模式: the stored 'elder-mode' flag that PageShell reads. */
import { loadPage, resetWx, wxMock } from './harness';
import { fillAndSubmit, program } from './retirement-flow';

test('a family member requests step by step, in 长辈模式', async () => {
  resetWx();
  program();
  wxMock.storage.set('elder-mode', '1');
  const page = await loadPage('retirement/pages/request/index');
  await page.waitFor(() => page.$('.consent'));
  expect(page.$('.page.elder')).not.toBeNull();
  await fillAndSubmit(page);
  page.unload();
});
