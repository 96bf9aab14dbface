// TEMPORARY (not committed): screenshots of the pages h17b changed, phone size, normal and 长辈模式.
import type { Page } from 'playwright-core';
import { setupE2E } from './harness';

const e2e = setupE2E();
const SHOT = (n: string) => `h17b-${n}`;

async function open(persona: string | undefined, path: string, elder: boolean): Promise<Page> {
  const page = await e2e.newPage({ persona, path });
  await page.evaluate((on) => localStorage.setItem('elder-mode', JSON.stringify({ data: on ? '1' : '0' })), elder);
  await page.reload();
  await page.locator('.taro_page .page').first().waitFor({ state: 'visible', timeout: 20_000 });
  await page
    .waitForFunction(() => !document.querySelector('.taro_page [aria-busy="true"]'), undefined, { timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(800);
  return page;
}

async function shoot(name: string, persona: string | undefined, path: string, act?: (p: Page) => Promise<void>) {
  for (const elder of [false, true]) {
    const page = await open(persona, path, elder);
    try {
      if (act) await act(page);
    } catch (e) {
      console.log(`act failed for ${name}: ${String(e).slice(0, 200)}`);
    }
    await page.waitForTimeout(500);
    await e2e.screenshot(page, SHOT(`${name}-${elder ? 'elder' : 'normal'}`));
    await page.context().close();
  }
}

test('screens', async () => {
  // A worker with an approved entry for the ticket.
  const reg = await e2e.callAs('persona-worker', 'contest', {
    action: 'register',
    contestId: 'contest-2026-live',
    tradeId: 'live-commerce',
    employer: '嘉兴秀洲精工机械有限公司',
    jobTitle: '电商主播',
    skillLevel: '高级工',
    yearsInTrade: 6,
    phone: '13857301234',
    consent: true,
    requestId: `shot-${Date.now()}`,
  }).catch((e) => (console.log('register', e), null));
  if (reg) await e2e.callAs('persona-admin', 'contest', { action: 'review', registrationIds: [reg.id], decision: 'approve', requestId: `shot-r-${Date.now()}` }).catch((e) => console.log('review', e));
  if (reg) await shoot('ticket', 'persona-worker', `/contest/pages/ticket/index?id=${reg.id}`);

  await shoot('my-data', 'persona-worker', '/member/pages/my-data/index');
  await shoot('verify', undefined, '/retirement/pages/verify/index', async (p) => {
    await p.locator('.verify__serial input, input.verify__serial').first().fill('2026-0001');
    await p.getByText('查询', { exact: true }).first().click();
    await p.locator('.verify__result').first().waitFor();
  });
  await shoot('verify-none', undefined, '/retirement/pages/verify/index', async (p) => {
    await p.locator('.verify__serial input, input.verify__serial').first().fill('秀工荣退(2026)第0099号');
    await p.getByText('查询', { exact: true }).first().click();
    await p.locator('.verify__result').first().waitFor();
  });
  await shoot('contest-review', 'persona-admin', '/contest/pages/review/index', async (p) => {
    await p.locator('.review__item').first().click();
  });
  await shoot('applications', 'persona-admin', '/member/pages/applications/index');
  await shoot('order-worker', 'persona-worker', '/academy/pages/order/index?courseId=course-5s');
  await shoot('order-enterprise', 'persona-enterprise', '/academy/pages/order/index?courseId=course-5s');
  await shoot('session-admin', 'persona-admin', '/academy/pages/session-admin/index?id=ses-seed-cnc');
  await shoot('retirement-review', 'persona-admin', '/retirement/pages/review/index');
  await shoot('profile', 'persona-newcomer', '/member/pages/profile/index');
  await shoot('request-draft', 'persona-retiree', '/retirement/pages/request/index', async (p) => {
    const agree = p.getByText('我已阅读并同意，开始申请');
    if (await agree.count()) await agree.first().click();
    await p.locator('.who-choice--0').first().click();
    await p.locator('.wizard__next').first().click();
    await p.locator('.field-name input, input.field-name').first().fill('周桂芳');
    await p.waitForTimeout(500);
    await p.reload();
    await p.getByText('已为您恢复上次没有提交的填写内容。').first().waitFor();
  });
  const reqs = await e2e.callAs('persona-enterprise', 'retirement', { action: 'myRequests' }).catch(() => []);
  const chu = (reqs as any[]).find((r) => r.name === '褚连生');
  if (chu) await shoot('certificate', 'persona-enterprise', `/retirement/pages/certificate/index?id=${chu.id}`, async (p) => {
    await p.getByText('证书已生成').first().waitFor({ timeout: 15_000 });
  });
  else console.log('no 褚连生 in', JSON.stringify(reqs).slice(0, 300));
});
