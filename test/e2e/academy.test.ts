// In Chromium against the emulator, the academy's 点单—下单—送单 flow end to end: persona-enterprise
// orders a course, persona-admin accepts and schedules a session of capacity 2, three workers book
// (the third is waitlisted), one cancels and the third is promoted, the teacher scans attendance in the
// staff scanner, the attendee rates, and the enterprise sees attendance and the rating on its order.
// Lookups of ids and tokens go through the emulator's HTTP; the user steps go through the pages.
import type { Page } from 'playwright-core';
import { pickOption, setupE2E } from './harness';

const e2e = setupE2E();

const field = (page: Page, label: string) =>
  page.locator('.form-field').filter({ hasText: label }).locator('input').first();

async function bookAs(persona: string, sessionId: string, expectText: string, shot: string) {
  const page = await e2e.newPage({ persona, path: `/academy/pages/session/index?id=${sessionId}` });
  await page.getByText('5S现场管理法实操').first().waitFor();
  await page.locator('.academy-detail__book').click();
  await page.getByText(expectText).first().waitFor();
  await e2e.screenshot(page, shot);
  return page;
}

test('order → accept → schedule (capacity 2) → 3 book → cancel promotes the waitlisted → teacher scans → rating → report', async () => {
  // 点单 by the enterprise union contact, from the catalogue's 5S course.
  const ent = await e2e.newPage({
    persona: 'persona-enterprise',
    path: '/academy/pages/order/index?courseId=course-5s',
  });
  await ent.getByText('讲师：姚金海').waitFor();
  await field(ent, '参训人数').fill('25');
  await ent.locator('.form-field').filter({ hasText: '希望日期' }).locator('.form-field__picker').click();
  await ent.locator('.weui-picker__action:visible').filter({ hasText: '确定' }).click();
  await ent.locator('.weui-picker__action:visible').first().waitFor({ state: 'hidden' });
  await field(ent, '上课地点').fill('嘉兴纺织有限公司 三号车间');
  await e2e.screenshot(ent, 'academy-order-form');
  await ent.locator('button, taro-button-core').filter({ hasText: '提交点单' }).click();
  await ent.locator('.page-shell__title', { hasText: '点单进度' }).waitFor();
  await ent.locator('.card').filter({ hasText: '5S现场管理法实操' }).getByText('已点单').waitFor();
  await e2e.screenshot(ent, 'academy-order-submitted');
  await ent.context().close();

  // 下单: the academy admin accepts, then schedules a session of capacity 2, open to all workers.
  const admin = await e2e.newPage({ persona: 'persona-admin', path: '/academy/pages/orders/index' });
  const newCard = () => admin.locator('.card').filter({ hasText: '5S现场管理法实操' }).filter({ hasText: '三号车间' });
  await newCard().waitFor();
  await newCard().getByText('受理', { exact: true }).click();
  await admin.getByText('待排课').click();
  await newCard().getByText('已受理').waitFor();
  await newCard().getByText('排课', { exact: true }).click();
  await newCard().getByText('确认排课').waitFor();
  // The course's own teacher is offered first; the academy sends 孙国华 instead.
  await admin.locator('.form-field__picker', { hasText: '姚金海' }).waitFor();
  await pickOption(admin, '授课老师', '孙国华');
  await field(admin, '名额').fill('2');
  await e2e.screenshot(admin, 'academy-schedule-form');
  await newCard().getByText('确认排课').click();
  await admin.getByText('已排课').first().waitFor();
  await newCard().waitFor({ state: 'detached' });
  await admin.context().close();

  const orders = await e2e.callAs('persona-enterprise', 'academy', { action: 'myOrders' });
  const order = orders.find((o: any) => o.place === '嘉兴纺织有限公司 三号车间');
  expect(order).toMatchObject({ status: 'scheduled', statusLabel: '已排课' });
  const sessionId: string = order.sessionIds[0];

  // 送单: two seats, three workers; the third waits.
  const worker = await bookAs('persona-worker', sessionId, '入场签到码', 'academy-booked');
  const rider = await bookAs('persona-rider', sessionId, '入场签到码', 'academy-booked-2');
  await rider.context().close();
  const courier = await bookAs('persona-courier', sessionId, '候补第 1 位', 'academy-waitlisted');
  expect(await courier.locator('.status-tag').first().innerText()).toContain('候补中(1)');

  // The worker cancels before the deadline: the courier is promoted and notified.
  await worker.locator('.academy-detail__cancel').click();
  await worker
    .locator(':visible', { hasText: /^确定$/ })
    .last()
    .click();
  await worker.getByText('已取消（准时）').first().waitFor();
  await worker.context().close();
  await courier.reload();
  await courier.getByText('入场签到码').waitFor();
  expect(await courier.locator('.status-tag').first().innerText()).toContain('已预约');
  await e2e.screenshot(courier, 'academy-promoted');
  const inbox = await e2e.callAs('persona-courier', 'member', { action: 'listMessages' });
  expect(inbox.items.map((m: any) => m.title)).toContain('候补成功，已为您预约');

  // The emulator runs on the real clock: the admin moves the session to start in 10 minutes (a
  // schedule change, notified to the seat holders) so the teacher's scan is inside the window.
  const soon = Date.now() + 10 * 60_000;
  await e2e.callAs('persona-admin', 'academy', {
    action: 'updateSession',
    sessionId,
    startAt: soon,
    endAt: soon + 2 * 3600_000,
    requestId: `e2e-move-${Date.now()}`,
  });

  // The teacher scans the courier's seat code in the staff scanner (pasted in H5).
  const seat = await e2e.callAs('persona-courier', 'academy', { action: 'seatCode', sessionId });
  const teacher = await e2e.newPage({ persona: 'persona-teacher', path: '/staff/pages/scanner/index' });
  await teacher.evaluate(
    (key) => localStorage.setItem('staff.scope', JSON.stringify({ data: key })),
    `session:${sessionId}`,
  );
  await teacher.reload();
  await teacher.locator('.staff-scope-picker__name').filter({ hasText: '5S现场管理法实操' }).waitFor();
  await teacher.locator('.staff-scanner__input input, input.staff-scanner__input').first().fill(seat.token);
  await teacher.locator('.staff-scanner__verify').first().click();
  await teacher.locator('.staff-scan-result--ok').waitFor();
  expect(await teacher.locator('.staff-scan-result').innerText()).toContain('刘*峰');
  await e2e.screenshot(teacher, 'academy-teacher-scan');
  await teacher.context().close();

  // The attendee rates.
  await courier.reload();
  await courier.getByText('给这堂课打个分').waitFor();
  await courier.locator('.academy-rate__star').nth(4).click();
  await courier
    .locator('.academy-rate__comment textarea, textarea.academy-rate__comment')
    .first()
    .fill('实操性强，回去就能用在班组');
  await e2e.screenshot(courier, 'academy-rating');
  await courier.getByText('提交评价').click();
  await courier.getByText('您已评价，感谢反馈！').waitFor();
  await courier.context().close();

  // The enterprise sees attendance and the rating for its order.
  const report = await e2e.newPage({ persona: 'persona-enterprise', path: '/academy/pages/orders/index' });
  const card = report.locator('.card').filter({ hasText: '三号车间' });
  await card.getByText('课程安排与出勤').click();
  await card.getByText('签到 1').waitFor();
  const text = await card.innerText();
  expect(text).toContain('评分 5（1人）');
  expect(text).toContain('实操性强');
  await e2e.screenshot(report, 'academy-order-report');
  await report.context().close();
  expect(e2e.pageErrors).toEqual([]);
});
