// In Chromium against the emulator, the academy admin keeps the catalogue: adds a course (teacher
// picked from the academy's teachers), it shows in the worker's catalogue and the enterprise orders
// it; the admin withdraws it (after a confirmation): it leaves the catalogue and cannot be ordered,
// but the enterprise's order of it still shows. The course form is measured in 长辈模式 too.
import type { Page } from 'playwright-core';
import { pickOption, setupE2E } from './harness';

const e2e = setupE2E();

const TITLE = '经编机保全与故障排除';
const ADMIN_PAGE = '/academy/pages/courses-admin/index';

const fieldOf = (page: Page, label: string) => page.locator('.form-field').filter({ hasText: label });
const input = (page: Page, label: string) => fieldOf(page, label).locator('input, textarea').first();

const courseCard = (page: Page) => page.locator('.card').filter({ hasText: TITLE });

/** Confirms Taro's H5 modal with its primary button. */
async function confirmModal(page: Page, text: string) {
  const foot = page.locator('.taro-modal__foot:visible');
  await foot.waitFor();
  await foot.getByText(text, { exact: true }).click();
}

test('add a course → in the catalogue, ordered → withdrawn: gone from the catalogue, the order still shows', async () => {
  // The admin adds a 纺织 course taught by 沈月琴.
  const admin = await e2e.newPage({ persona: 'persona-admin', path: ADMIN_PAGE });
  await admin.getByText('共 8 门课程：上架 8 门，已下架 0 门').waitFor();
  await e2e.screenshot(admin, 'academy-courses-admin');
  await admin.locator('.academy-courses__add').click();
  await admin.getByRole('heading', { name: '新增课程' }).waitFor();
  await input(admin, '课程名称').fill(TITLE);
  await pickOption(admin, '课程类别', '纺织');
  await pickOption(admin, '授课老师', '沈月琴');
  // Her 称号 comes from the course she already teaches.
  expect(await input(admin, '老师称号').inputValue()).toBe('嘉兴工匠 · 纺织高级技师');
  await input(admin, '学时').fill('3');
  await admin.getByRole('checkbox', { name: /送教上门/ }).click();
  await admin.getByRole('checkbox', { name: /基层分课堂/ }).click();
  await input(admin, '课程简介').fill('经编机日常保全、梳栉与送经机构调整，常见停车故障的判断与排除，车间现场实操。');
  await e2e.screenshot(admin, 'academy-course-form');
  await admin.locator('.academy-courses__save').click();
  await admin.getByText('共 9 门课程：上架 9 门，已下架 0 门').waitFor();
  await courseCard(admin).getByText('讲师：沈月琴（嘉兴工匠 · 纺织高级技师）').waitFor();
  expect(await admin.locator('.academy-courses__category').first().innerText()).toBe('纺织（3）');
  await e2e.screenshot(admin, 'academy-course-added');

  const all = await e2e.callAs('persona-admin', 'academy', { action: 'listAllCourses' });
  const added = all.find((c: any) => c.title === TITLE);
  expect(added).toMatchObject({ category: '纺织', teacherName: '沈月琴', hours: 3, formats: ['onsite', 'branch'] });

  // A worker sees it in the catalogue under 纺织.
  const worker = await e2e.newPage({ persona: 'persona-worker', path: '/academy/pages/catalogue/index' });
  await worker.locator('.academy-course').filter({ hasText: TITLE }).waitFor();
  await worker.locator('.academy-chip', { hasText: '纺织' }).click();
  // The new course is in the unfiltered list too: wait for the 纺织 list (its 3 courses) before looking for it.
  await worker.waitForFunction(() => document.querySelectorAll('.academy-course').length === 3);
  await worker.locator('.academy-course').filter({ hasText: TITLE }).getByText('讲师：沈月琴').waitFor();
  await e2e.screenshot(worker, 'academy-catalogue-with-new-course');
  await worker.context().close();

  // The enterprise orders it from the catalogue.
  const ent = await e2e.newPage({ persona: 'persona-enterprise', path: '/academy/pages/catalogue/index' });
  await ent.locator('.academy-course').filter({ hasText: TITLE }).getByText('点这门课').click();
  await ent.locator('.academy-order__teacher', { hasText: '讲师：沈月琴' }).waitFor();
  await input(ent, '参训人数').fill('18');
  await ent.locator('.form-field').filter({ hasText: '希望日期' }).locator('.form-field__picker').click();
  await ent.locator('.weui-picker__action:visible').filter({ hasText: '确定' }).click();
  await ent.locator('.weui-picker__action:visible').first().waitFor({ state: 'hidden' });
  await input(ent, '上课地点').fill('嘉兴纺织有限公司 经编车间');
  await ent.locator('button, taro-button-core').filter({ hasText: '提交点单' }).click();
  await ent.locator('.page-shell__title', { hasText: '点单进度' }).waitFor();
  await ent.locator('.card').filter({ hasText: TITLE }).getByText('已点单').waitFor();
  await ent.context().close();

  // The admin withdraws it: asked first, then 已下架.
  await courseCard(admin).getByText('下架', { exact: true }).click();
  await admin.locator('.taro-modal__content', { hasText: '已经点了的单、排好的课照常进行' }).waitFor();
  await e2e.screenshot(admin, 'academy-course-withdraw-confirm');
  await confirmModal(admin, '下架');
  await courseCard(admin).getByText('重新上架').waitFor();
  await admin.getByText('共 9 门课程：上架 8 门，已下架 1 门').waitFor();
  expect(await courseCard(admin).locator('.status-tag').innerText()).toContain('已下架');
  await e2e.settle(admin, { toast: true });
  await e2e.screenshot(admin, 'academy-course-withdrawn');
  await admin.context().close();

  // Gone from the worker's catalogue (all, and 纺织); ordering it is refused with a clear error.
  const after = await e2e.newPage({ persona: 'persona-worker', path: '/academy/pages/catalogue/index' });
  await after.locator('.academy-course').filter({ hasText: '高速织机挡车操作与疵点防控' }).waitFor();
  expect(await after.locator('.academy-course').filter({ hasText: TITLE }).count()).toBe(0);
  await after.locator('.academy-chip', { hasText: '纺织' }).click();
  // The chip filters as the list reloads: wait for the filtered list, not the first frame.
  await after.waitForFunction(() => document.querySelectorAll('.academy-course').length === 2);
  await after.locator('.academy-course').filter({ hasText: '印染工艺节能降耗' }).waitFor();
  await e2e.screenshot(after, 'academy-catalogue-after-withdraw');
  await after.context().close();
  const refused = await e2e.callRaw('persona-enterprise', 'academy', {
    action: 'placeOrder',
    courseId: added.id,
    headcount: 10,
    preferredDates: [new Date(Date.now() + 8 * 86400_000).toISOString().slice(0, 10)],
    place: '嘉兴纺织有限公司 经编车间',
    format: 'onsite',
    requestId: `e2e-withdrawn-${Date.now()}`,
  });
  expect(refused).toMatchObject({ ok: false, code: 'COURSE_WITHDRAWN' });
  expect(refused.message).toContain('已下架');

  // An old link to it says so; the enterprise's order of it still shows.
  const link = await e2e.newPage({
    persona: 'persona-enterprise',
    path: `/academy/pages/order/index?courseId=${added.id}`,
  });
  await link.getByText('这门课程已下架，请从目录中另选一门').waitFor();
  await link.context().close();
  const orders = await e2e.newPage({ persona: 'persona-enterprise', path: '/academy/pages/orders/index' });
  const card = orders.locator('.card').filter({ hasText: TITLE });
  await card.getByText('已点单').waitFor();
  expect(await card.innerText()).toContain('经编车间');
  await e2e.screenshot(orders, 'academy-order-of-withdrawn-course');
  await orders.context().close();
  expect(e2e.pageErrors).toEqual([]);
});

test('长辈模式: the course form keeps text ≥ 18 px and every control ≥ 60 px high', async () => {
  const page = await e2e.newPage({ persona: 'persona-admin', path: ADMIN_PAGE });
  await page.evaluate(() => localStorage.setItem('elder-mode', JSON.stringify({ data: '1' })));
  await page.reload();
  await page.locator('.academy-courses__item').first().waitFor();
  await page.locator('.academy-courses__item').first().getByText('修改').click();
  await page.getByRole('heading', { name: '修改课程' }).waitFor();
  // The form's textarea is drawn by its custom element after the form is in the page: measure it once it is.
  await page.locator('.academy-courses__form textarea').waitFor();
  await e2e.screenshot(page, 'elder-academy-course-form');
  await page.locator('.academy-courses__save').scrollIntoViewIfNeeded();
  await e2e.screenshot(page, 'elder-academy-course-form-end');
  const m = await page.evaluate(() => {
    const form = document.querySelector('.page.elder .academy-courses__form') as HTMLElement;
    const fonts = Array.from(form.querySelectorAll<HTMLElement>('*'))
      .filter((el) => Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim()))
      .map((el) => parseFloat(getComputedStyle(el).fontSize));
    const controls = Array.from(
      form.querySelectorAll<HTMLElement>('.form-field__input, [role=checkbox], taro-textarea-core, taro-button-core'),
    ).map((el) => el.getBoundingClientRect().height);
    return { fonts, controls, textarea: parseFloat(getComputedStyle(form.querySelector('textarea')!).fontSize) };
  });
  await page.context().close();
  expect(m.controls.length).toBeGreaterThanOrEqual(10);
  expect(Math.min(...m.fonts)).toBeGreaterThanOrEqual(18);
  expect(Math.min(...m.controls)).toBeGreaterThanOrEqual(60);
  expect(m.textarea).toBeGreaterThanOrEqual(18);
  expect(e2e.pageErrors).toEqual([]);
});
