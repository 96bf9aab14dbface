// Journey 4 in the compiled weapp against the emulator (real functions, real wx-server-sdk), in 长辈模式: a daughter
// asks for her mother's 光荣退休 step by step; the employer's union verifies and the admin approves and issues on
// the review page; the family opens the certificate, and from it the verify page, which says 证书真实有效 with
// the masked name.
import { RETIREE_ID_NUMBER } from '../../cloud/seed/retirement';
import { loadPage, wxMock, type PageHandle } from './harness';
import { setupEmulator } from './emulator';

const emu = setupEmulator();
const SLOW = { timeout: 15_000 };
const FAMILY = 'persona-family';

const choice = (page: PageHandle, cls: string, text: string) =>
  page.$$(cls).find((el) => el.textContent?.includes(text))!;

/** As `persona`, on the compiled review page: selects 周桂芳's card in `tab` and runs the tab's batch `action`. */
async function reviewBatch(persona: string, tab: string, action: string) {
  emu.as(persona);
  const review = await loadPage('retirement/pages/review/index');
  await review.waitFor(() => review.$$('.retirement-review__tab').length > 0, SLOW);
  expect(review.$('.page.elder')).toBeNull();
  await review.tap(review.$$('.retirement-review__tab').find((t) => t.textContent === tab)!);
  const card = () => review.$$('.retirement-review-item').find((el) => el.textContent?.includes('周桂芳'));
  await review.waitFor(card, SLOW);
  expect(card()!.textContent).toContain('家属代办');
  await review.tap(card()!.querySelector('.retirement-review-item__head')!);
  await review.waitForText(`${action}（1）`);
  await review.tap('.retirement-review__run');
  await review.waitFor(() => wxMock.showToast.mock.calls.some((c: any[]) => c[0]?.title === `${action}：1份`), SLOW);
  // Done, the card leaves the tab's queue.
  await review.waitFor(() => !card(), SLOW);
  review.unload();
}

test('光荣退休 in 长辈模式: request → verification → certificate → verify page', async () => {
  emu.as(FAMILY);
  wxMock.storage.set('elder-mode', '1');

  // 1. The request wizard, in 长辈模式.
  const page = await loadPage('retirement/pages/request/index');
  await page.waitForText('申请前请阅读隐私说明', SLOW);
  expect(page.$('.page.elder')).not.toBeNull();
  await page.tap('.consent__agree');
  await page.waitForText('这次是谁来申请', SLOW);
  await page.tap('.who-choice--1');
  await page.waitFor(() => page.$('.relation-choice--0'));
  await page.tap('.relation-choice--0');
  await page.tap('.retirement-wizard__next');
  await page.waitForText('第2步');
  await page.input('.field-name', '周桂芳');
  await page.input('.field-idNumber', RETIREE_ID_NUMBER);
  await page.tap('.retirement-wizard__next');
  await page.waitForText('退休前在哪个单位工作', SLOW);
  await page.waitFor(() => choice(page, '.employer-choice', '嘉兴纺织有限公司'), SLOW);
  await page.tap(choice(page, '.employer-choice', '嘉兴纺织有限公司'));
  await page.input('.field-position', '挡车工');
  await page.input('.field-years', '32');
  await page.trigger('.field-retirementDate', 'change', { value: '2026-01-10' });
  await page.tap('.retirement-wizard__next');
  await page.waitForText('纪念牌怎么领取');
  await page.input('.field-phone', '13705734567');
  await page.tap('.delivery-choice--0');
  await page.waitForText('选择领取地点');
  await page.waitFor(() => choice(page, '.place-choice', '新城汇驿站'));
  await page.tap(choice(page, '.place-choice', '新城汇驿站'));
  await page.tap('.retirement-wizard__next');
  await page.waitForText('照片（可选）');
  await page.tap('.retirement-wizard__next'); // no photo
  await page.waitForText('请核对以下信息');
  expect(page.text()).toContain('家属代办');
  await page.tap('.retirement-wizard__next');
  await page.waitForText('申请已提交', SLOW);
  page.unload();
  const [request] = await emu.callAs(FAMILY, 'retirement', { action: 'myRequests' });
  expect(request).toMatchObject({ name: '周桂芳', status: 'submitted' });

  // 2. On the review page (on the staff's own phones: not in 长辈模式), the employer's union confirms her
  // employment (核实无误), then the district union approves (批准) and issues (签发证书).
  wxMock.storage.delete('elder-mode');
  await reviewBatch('persona-enterprise', '待核实', '核实无误');
  await reviewBatch('persona-admin', '待审批', '批准');
  await reviewBatch('persona-admin', '待签发', '签发证书');
  wxMock.storage.set('elder-mode', '1');
  emu.as(FAMILY);
  const issued = await emu.callAs(FAMILY, 'retirement', { action: 'getRequest', id: request.id });
  expect(issued.status).toBe('issued');

  // 3. The certificate page (长辈模式): its number and date, and 查看验证页面. miniprogram-simulate has no canvas
  // node (its selector query has no fields()), so the query answers "no canvas" and the drawing is left out here
  // (test/e2e/retirement.test.ts checks the drawn certificate pixel by pixel).
  const wx = (globalThis as any).wx;
  const selectorQuery = wx.createSelectorQuery;
  let askedForCanvas = false;
  wx.createSelectorQuery = () => {
    const query = {
      select: () => query,
      fields: () => query,
      exec: (cb: (res: unknown[]) => void) => {
        askedForCanvas = true;
        cb([null]);
      },
    };
    return query;
  };
  const cert = await loadPage('retirement/pages/certificate/index', { query: { id: request.id } });
  await cert.waitForText('证书编号', SLOW);
  expect(cert.$('.page.elder')).not.toBeNull();
  const { serial } = await emu.callAs(FAMILY, 'retirement', { action: 'myCertificate', id: request.id });
  expect(cert.text()).toContain(`证书编号：${serial}`);
  wxMock.navigateTo.mockClear();
  await cert.tap('.retirement-cert__verify');
  await cert.waitFor(() => wxMock.navigateTo.mock.calls.length > 0);
  const url: string = wxMock.navigateTo.mock.calls[0][0].url;
  expect(url).toMatch(/^\/retirement\/pages\/verify\/index\?t=/);
  // The page asks for its canvas 50 ms after the certificate loads, and unloading the page does not always cancel
  // that in time: keep the stand-in query until it has been asked.
  await cert.waitFor(() => askedForCanvas);
  cert.unload();
  wx.createSelectorQuery = selectorQuery;

  // 4. The verify page from that link: 证书真实有效, the masked name, never the full one or the phone.
  const t = decodeURIComponent(url.split('?t=')[1]);
  const verify = await loadPage('retirement/pages/verify/index', { query: { t: encodeURIComponent(t) } });
  await verify.waitForText('证书真实有效', SLOW);
  expect(verify.text()).toContain('周*芳');
  expect(verify.text()).toContain('嘉兴纺织有限公司');
  expect(verify.text()).not.toContain('周桂芳');
  expect(verify.text()).not.toContain('13705734567');
  expect(verify.text()).not.toContain('查无此证书');
});
