// In Chromium against the emulator, the whole 技能比武 flow on the seeded 现场赛 (contest days today):
// a worker registers, the admin approves, the worker opens the ticket, the venue staff pastes it in
// the scanner (green, then red), the admin publishes results, the worker sees the award.
import type { Page } from 'playwright-core';
import { setupE2E } from './harness';

const e2e = setupE2E();
const CONTEST = 'contest-2026-live';

const visible = (page: Page, text: string | RegExp) => page.locator('.taro_page:visible').getByText(text).first();

test('register → approve → ticket → scan green/red → results → the worker sees the award', async () => {
  // 1. The worker finds the contest and registers.
  const worker = await e2e.newPage({ persona: 'persona-worker', path: `/contest/pages/detail/index?id=${CONTEST}` });
  await visible(worker, '2026年秀洲区直播电商技能快赛（现场赛）').waitFor();
  await visible(worker, /剩余 28 \/ 30 个名额/).waitFor();
  await e2e.screenshot(worker, 'contest-detail');
  await visible(worker, '报名直播电商').click();
  await visible(worker, '报名信息使用说明').waitFor();
  await visible(worker, '我已阅读并同意以上说明').click();
  await visible(worker, '下一步').click();
  const inputs = worker.locator('.taro_page:visible input:not([type=hidden])');
  await inputs.nth(3).waitFor();
  expect(await inputs.nth(0).inputValue()).toBe('嘉兴秀洲精工机械有限公司'); // from the profile
  await inputs.nth(1).fill('电商主播');
  await inputs.nth(2).fill('6');
  await visible(worker, '请选择').click();
  await worker.getByText('确定', { exact: true }).last().click();
  await visible(worker, '暂无等级').waitFor();
  // The picker slides away after its choice shows: the screenshot waits for it to be gone.
  await worker.locator('.weui-picker__action:visible').first().waitFor({ state: 'hidden' });
  await e2e.screenshot(worker, 'contest-register-form');
  await visible(worker, '提交报名').click();
  await visible(worker, '报名已提交').waitFor();
  await e2e.screenshot(worker, 'contest-registered');
  await worker.context().close();

  // 2. The admin approves it in the review queue.
  const admin = await e2e.newPage({ persona: 'persona-admin', path: `/contest/pages/review/index?id=${CONTEST}` });
  const mine = admin.locator('.contest-review__item:visible', { hasText: '王建国' });
  await mine.waitFor();
  expect(await mine.innerText()).toContain('138****1234');
  await mine.click();
  await visible(admin, '通过所选（1）').click();
  await admin.locator('.contest-review__item:visible', { hasText: '王建国' }).waitFor({ state: 'detached' });
  await e2e.screenshot(admin, 'contest-review-approved');
  await admin.context().close();

  // 3. The worker opens the ticket from 我的报名.
  const ticketPage = await e2e.newPage({ persona: 'persona-worker', path: '/contest/pages/mine/index' });
  await visible(ticketPage, '审核通过').waitFor();
  await visible(ticketPage, '入场码').click();
  const code = ticketPage.locator('.contest-ticket__code:visible');
  await code.waitFor();
  await visible(ticketPage, '比赛当天请向赛场工作人员出示此码签到').waitFor();
  const token = await code.getAttribute('data-token');
  expect(token).toMatch(/^c\./);
  await e2e.screenshot(ticketPage, 'contest-ticket');
  await ticketPage.context().close();

  // 4. Venue staff at this contest paste it: green, then red.
  const staff = await e2e.newPage({ persona: 'persona-venue-staff', path: '/staff/pages/scanner/index' });
  await staff.evaluate(() =>
    localStorage.setItem('staff.scope', JSON.stringify({ data: 'contest:contest-2026-live' })),
  );
  await staff.reload();
  await visible(staff, '2026年秀洲区直播电商技能快赛（现场赛）').waitFor();
  const paste = async () => {
    await staff
      .locator('.staff-scanner__input input, input.staff-scanner__input')
      .first()
      .fill(token as string);
    await staff.locator('.staff-scanner__verify').first().click();
  };
  await paste();
  await staff.locator('.staff-scan-result--ok').waitFor();
  expect(await staff.locator('.staff-scan-result').innerText()).toContain('王*国');
  await e2e.screenshot(staff, 'contest-scan-green');
  await staff.getByText('继续扫码').click();
  await staff.locator('.staff-scan-result').waitFor({ state: 'detached' });
  await paste();
  await staff.locator('.staff-scan-result--used').waitFor();
  expect(await staff.locator('.staff-scan-result').innerText()).toContain('钱卫东');
  await e2e.screenshot(staff, 'contest-scan-red');
  await staff.context().close();

  // 5. The admin publishes the trade's results (the worker is the only one checked in: 第1名 一等奖).
  const results = await e2e.newPage({
    persona: 'persona-admin',
    path: `/contest/pages/review/index?id=${CONTEST}&tradeId=live-commerce&status=checked_in`,
  });
  await visible(results, /登记成绩（已签到 1 人）/).waitFor();
  await visible(results, '一等奖').waitFor();
  await visible(results, '发布成绩').click();
  await results.getByText('确定', { exact: true }).last().click();
  await results.locator('.contest-review__item:visible', { hasText: '王建国' }).waitFor({ state: 'detached' });
  await e2e.screenshot(results, 'contest-results-published');
  await results.context().close();

  // 6. The worker sees the award.
  const award = await e2e.newPage({ persona: 'persona-worker', path: '/contest/pages/mine/index' });
  await visible(award, '成绩：第1名 · 一等奖').waitFor();
  await visible(award, '获奖').waitFor();
  await e2e.screenshot(award, 'contest-award');
  await visible(award, '成绩公示').click();
  await visible(award, '王*国').waitFor();
  await e2e.screenshot(award, 'contest-results-board');
  await award.context().close();
  expect(e2e.pageErrors).toEqual([]);
});
