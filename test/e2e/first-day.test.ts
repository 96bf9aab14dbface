// A union's first day, in Chromium against an EMPTY emulator (no seed: `--empty`): the deployer's setup
// code makes the super admin; the super admin adds a 驿站 and an employer, invites a station staff member
// and a contests admin, who accept; the contests admin creates and publishes a contest with two trades;
// the super admin creates a gift campaign and opens 光荣退休; a new worker joins, registers and claims a
// pack; a retiree requests a certificate; the station staff member scans the worker's voucher.
// Every step a person takes goes through the pages (the worker's profile and the retiree's wizard too);
// API calls only read back what the pages did. Screenshots land in test-results/screenshots/first-day-*.png.
import type { Page } from 'playwright-core';
import { fakeIdNumber } from '../../cloud/seed/retirement';
import { pickOption, setupE2E } from './harness';

const e2e = setupE2E({ empty: true });

const FOUNDER = 'o-first-day-founder';
const STAFF = 'o-first-day-station';
const CONTESTS = 'o-first-day-contests';
const WORKER = 'o-first-day-worker';
const RETIREE = 'o-first-day-retiree';

/** Shanghai calendar day, `days` from today: 'YYYY-MM-DD'. */
const shanghaiDay = (days = 0) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);

const shown = (page: Page) => page.locator('.taro_page:visible');
const field = (page: Page, label: string) => shown(page).locator('.form-field').filter({ hasText: label }).first();
const fill = (page: Page, label: string, value: string) => field(page, label).locator('input').first().fill(value);
const fillArea = (page: Page, label: string, value: string) =>
  field(page, label).locator('textarea').first().fill(value);
const link = (page: Page, title: string) => shown(page).locator('.services__link', { hasText: title });

/** A screenshot once any toast has gone (a toast over the page hides what it shows). */
async function shot(page: Page, name: string) {
  await e2e.settle(page, { toast: true });
  await e2e.screenshot(page, `first-day-${name}`);
}

/** Confirms Taro's H5 modal with the button labelled `text`. */
async function confirmModal(page: Page, text = '确定') {
  const button = page
    .locator('.taro__modal:visible .taro-modal__btn, .taro__modal:visible a')
    .filter({ hasText: text });
  if (await button.count()) return button.first().click();
  return page.getByText(text, { exact: true }).last().click();
}

/** Creates an invitation on 邀请与授权 and answers the path of its link (what a share / QR carries). */
async function invite(page: Page, kind: string, scopeLabel: string, scope: string): Promise<string> {
  await shown(page).locator('.admin-roles__new').click();
  const current = (await field(page, '邀请身份').locator('.form-field__picker').innerText()).trim();
  if (current !== kind) await pickOption(page, '邀请身份', kind);
  await field(page, scopeLabel).waitFor();
  await pickOption(page, scopeLabel, scope);
  await shown(page).locator('.admin-roles__create').click();
  await shown(page).locator('.admin-roles__shown .qr-code').waitFor();
  const href = (await shown(page).locator('.admin-roles__link').innerText()).trim();
  expect(href).toMatch(/#\/admin\/pages\/invite\/index\?t=[a-z0-9]+$/);
  return href.slice(href.indexOf('#') + 1);
}

async function accept(persona: string, path: string, role: string, name: string) {
  const page = await e2e.newPage({ persona, path });
  await shown(page).getByText(role).first().waitFor();
  await shot(page, `invite-${name}`);
  await shown(page).locator('.admin-invite__accept').click();
  await page.getByText('已接受邀请').waitFor();
  await confirmModal(page, '去服务页');
  await page.context().close();
}

test('first day: setup code → super admin → invitations → station, contest, gifts, 光荣退休 → a worker and a retiree → staff scan', async () => {
  // 1. The deployer's setup code, read from the emulator's output, makes the first super admin.
  const code = e2e.setupCode();
  expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
  const founder = await e2e.newPage({ persona: FOUNDER, path: '/pages/services/index' });
  await link(founder, '成为超级管理员').click();
  await shown(founder).getByText('系统还没有管理员').waitFor();
  // Typed the way people type it: lower case, no dashes.
  await fill(founder, '设置码', code.toLowerCase().replace(/-/g, ''));
  await shot(founder, '01-setup');
  await shown(founder).locator('.admin-setup__claim').click();
  await founder.getByText('您已成为超级管理员').waitFor();
  await confirmModal(founder, '开始设置');
  await link(founder, '邀请与授权').waitFor();
  await shot(founder, '02-admin-area');
  // The code is dead now.
  const again = await e2e.callRaw('o-first-day-someone-else', 'admin', {
    action: 'claimSetup',
    code,
    requestId: 'fd-again-1',
  });
  expect(again).toMatchObject({ ok: false, code: 'SETUP_DONE' });

  // 2. A 驿站 and an employer, from the admin pages.
  await link(founder, '驿站管理').click();
  await shown(founder).getByText('还没有驿站').waitFor();
  await shown(founder).locator('.admin-stations__add').click();
  await fill(founder, '驿站名称', '新城汇驿站');
  await fill(founder, '所在镇街', '新城街道');
  await fill(founder, '地址', '嘉兴市秀洲区新城街道康和路新城汇商业中心1楼');
  await fill(founder, '联系电话', '0573-82220001');
  await shown(founder).getByRole('checkbox', { name: /热水/ }).click();
  await shown(founder).getByRole('checkbox', { name: /充电/ }).click();
  await fill(founder, '纬度', '30.7712');
  await fill(founder, '经度', '120.7345');
  await shot(founder, '03-station-form');
  await shown(founder).locator('.admin-stations__save').click();
  const stationRow = shown(founder).locator('.admin-table__row', { hasText: '新城汇驿站' });
  await stationRow.waitFor();
  expect(await stationRow.innerText()).toContain('开放');
  await shot(founder, '04-stations');
  await founder.goBack();

  await link(founder, '单位名录').click();
  await shown(founder).locator('.admin-employers__add').click();
  await fill(founder, '单位名称', '嘉兴秀洲光伏科技有限公司');
  await shown(founder).locator('.admin-employers__save').click();
  await shown(founder).locator('.admin-table__row', { hasText: '嘉兴秀洲光伏科技有限公司' }).waitFor();
  await shot(founder, '05-employers');
  await founder.goBack();

  // 3. Invitations: station staff of 新城汇驿站 and the contests admin; each accepts on their own phone.
  await link(founder, '邀请与授权').click();
  await shown(founder).getByText('已授权（1）').waitFor(); // the founder's own 超级管理员
  const staffPath = await invite(founder, '驿站工作人员', '所属驿站', '新城汇驿站');
  await shot(founder, '06-invitation-qr');
  await shown(founder).getByText('完成', { exact: true }).click();
  const contestsPath = await invite(founder, '业务管理员', '管理业务', '技能比武');
  await shown(founder).getByText('完成', { exact: true }).click();
  await accept(STAFF, staffPath, '驿站工作人员', 'station-staff');
  await accept(CONTESTS, contestsPath, '业务管理员', 'contests-admin');
  await founder.reload();
  await shown(founder).getByText('已授权（3）').waitFor();
  await shot(founder, '07-grants');

  // 4. The contests admin sees only contests, creates one with two trades and publishes it.
  const admin = await e2e.newPage({ persona: CONTESTS, path: '/pages/services/index' });
  await link(admin, '比武赛事设置').waitFor();
  expect(await link(admin, '驿站管理').count()).toBe(0);
  expect(await link(admin, '光荣退休设置').count()).toBe(0);
  await shot(admin, '08-contests-admin-hub');
  await link(admin, '比武赛事设置').click();
  await shown(admin).locator('.admin-contests__new').click();
  await fill(admin, '比武名称', '2027年秀洲区职工职业技能比武');
  await fillArea(admin, '简介', '全区职工技能比武，数控铣工和服装制版两个项目，获奖选手可晋升技能等级。');
  await fill(admin, '比赛场地', '秀洲区职业技术学校实训楼');
  await fill(admin, '场地地址', '嘉兴市秀洲区康和路1号');
  await fillArea(admin, '奖励', '一等奖颁发证书并推荐“嘉兴工匠”');
  await shot(admin, '09-contest-form');
  await shown(admin).locator('.admin-contest__save').click();
  await shown(admin).getByText('草稿只有管理员看得到').waitFor();
  for (const [name, quota] of [
    ['数控铣工', '30'],
    ['服装制版', '20'],
  ]) {
    await shown(admin).locator('.admin-contest__add-trade').click();
    await fill(admin, '项目名称', name);
    await fillArea(admin, '项目规则', `${name}理论考试加实际操作，满分100分`);
    await fill(admin, '名额', quota);
    await shown(admin).locator('.admin-contest__trade-save').click();
    await shown(admin).locator('.admin-table__row', { hasText: name }).waitFor();
  }
  await shown(admin).locator('.admin-contest__publish').click();
  await shown(admin).getByText('已发布：修改会立即生效').waitFor();
  await shot(admin, '10-contest-published');
  await admin.context().close();

  // 5. The super admin creates a gift campaign and opens 光荣退休.
  await founder.goto(`${e2e.appUrl}#/pages/services/index`);
  await link(founder, '新建礼包活动').click();
  await shown(founder).locator('.gift-edit__station', { hasText: '新城汇驿站' }).waitFor();
  await fill(founder, '活动名称', '2027年新春送温暖礼包');
  await fill(founder, '礼包内容', '春联、福字、大米');
  await shown(founder).locator('.gift-edit__station', { hasText: '新城汇驿站' }).locator('input').fill('100');
  await shot(founder, '11-gift-campaign');
  await shown(founder).locator('.gift-edit__save').click();
  await founder.waitForFunction(() => !location.hash.includes('/gifts/pages/edit/'));
  const campaigns = await e2e.callAs(FOUNDER, 'gift', { action: 'listCampaigns' });
  expect(campaigns).toEqual([expect.objectContaining({ name: '2027年新春送温暖礼包', total: 100, left: 100 })]);

  await founder.goto(`${e2e.appUrl}#/admin/pages/retirement/index`);
  await shown(founder).getByText('还没有保存过设置').waitFor();
  const openSwitch = shown(founder).locator('.admin__switch', { hasText: '开放申请' });
  if (!(await openSwitch.locator('input').first().isChecked())) await openSwitch.locator('input').first().click();
  expect(await openSwitch.locator('input').first().isChecked()).toBe(true);
  await fill(founder, '申请开始', `${shanghaiDay(-1)} 00:00`);
  await fill(founder, '申请截止', `${shanghaiDay(60)} 17:00`);
  await fill(founder, '证书编号前缀', '秀工退');
  const pickup = shown(founder).getByRole('checkbox', { name: /新城汇驿站/ });
  if ((await pickup.getAttribute('aria-checked')) !== 'true') await pickup.click();
  await shot(founder, '12-retirement-settings');
  await shown(founder).locator('.admin-retirement__save').click();
  await shown(founder).getByText('还没有保存过设置').waitFor({ state: 'detached' });
  const settings = await e2e.callAs(FOUNDER, 'retirement', { action: 'getSettings' });
  expect(settings).toMatchObject({ configured: true, open: true, serialPrefix: '秀工退' });

  // 6. A new worker joins the union (the founder approves), registers for the contest and claims a pack.
  // Through the forms a worker meets: 我的 → 完善会员信息, then 申请加入工会.
  const worker = await e2e.newPage({ persona: WORKER, path: '/pages/mine/index' });
  await shown(worker).getByText('完善会员信息').click();
  await shown(worker).getByText('我们只收集办理工会业务必需的信息').waitFor();
  await fill(worker, '姓名', '吴小明');
  await fill(worker, '手机号', '13812345670');
  await fill(worker, '工作单位', '嘉兴秀洲光伏科技有限公司');
  await pickOption(worker, '所在区县', '秀洲区');
  await pickOption(worker, '职工类别', '产业工人');
  // The date picker opens at 1990-01-01; 确定 takes it (the contest needs a birth date to judge the age).
  await field(worker, '出生日期').locator('.form-field__picker').click();
  await worker.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
  await field(worker, '出生日期').locator('.form-field__picker', { hasText: '1990' }).waitFor();
  await shown(worker).locator('.member-profile__consent .check-mark').click();
  await shot(worker, '13a-worker-profile');
  await shown(worker).getByText('保存', { exact: true }).click();
  // The profile page goes back to 我的 a moment after 已保存: tapping on before it has left races the router.
  await worker.getByText('我们只收集办理工会业务必需的信息').waitFor({ state: 'hidden' });
  await shown(worker).getByText('申请加入工会').click();
  await shown(worker).getByText('提交入会申请').waitFor();
  await shown(worker)
    .getByRole('checkbox', { name: /自愿加入工会/ })
    .click();
  await shown(worker).getByText('提交入会申请').click();
  await shown(worker).getByText('审核中').waitFor();
  await founder.goto(`${e2e.appUrl}#/member/pages/applications/index`);
  const application = shown(founder).locator('.card', { hasText: '吴小明' });
  await application.locator('.member-applications__approve').click();
  await founder.locator('.taro-modal__foot').getByText('确认通过', { exact: true }).click();
  await shown(founder).getByText('已通过').first().waitFor();

  const me = await e2e.callAs(WORKER, 'member', { action: 'getMe' });
  expect(me.profile).toMatchObject({
    name: '吴小明',
    employer: '嘉兴秀洲光伏科技有限公司',
    district: '秀洲区',
    category: '产业工人',
    birthDate: '1990-01-01',
  });
  const [contest] = await e2e.callAs(WORKER, 'contest', { action: 'listContests' });
  expect(contest).toMatchObject({
    title: '2027年秀洲区职工职业技能比武',
    phase: 'open',
    tradeNames: ['数控铣工', '服装制版'],
  });
  await worker.goto(`${e2e.appUrl}#/contest/pages/detail/index?id=${contest.id}`);
  await shown(worker).getByText('报名数控铣工').click();
  await shown(worker).getByText('我已阅读并同意以上说明').click();
  await shown(worker).getByText('下一步').click();
  const inputs = shown(worker).locator('input:not([type=hidden])');
  await inputs.nth(3).waitFor();
  expect(await inputs.nth(0).inputValue()).toBe('嘉兴秀洲光伏科技有限公司');
  await inputs.nth(1).fill('数控铣工');
  await inputs.nth(2).fill('5');
  await shown(worker).getByText('请选择').click();
  await worker.getByText('确定', { exact: true }).last().click();
  await shown(worker).getByText('暂无等级').waitFor();
  await shown(worker).getByText('提交报名').click();
  await shown(worker).getByText('报名已提交').waitFor();
  await shot(worker, '13-worker-registered');

  await worker.goto(`${e2e.appUrl}#/gifts/pages/campaign/index`);
  const home = shown(worker).locator('.gift-station', { hasText: '新城汇驿站' });
  await home.locator('.gift-station__claim').click();
  await worker.getByText('确认领取', { exact: true }).last().click();
  await shown(worker).getByText('您已领取：新城汇驿站').waitFor();
  await shot(worker, '14-worker-claimed');
  const [voucher] = await e2e.callAs(WORKER, 'gift', { action: 'myVouchers' });
  const { token } = await e2e.callAs(WORKER, 'gift', { action: 'voucherCode', voucherId: voucher.id });
  await worker.context().close();

  // A retiree asks for the certificate through the 光荣退休 wizard, to be picked up at the new 驿站.
  const retiree = await e2e.newPage({ persona: RETIREE, path: '/retirement/pages/request/index' });
  const next = () => retiree.locator('.retirement-wizard__next').click();
  await retiree.getByText('申请前请阅读隐私说明').waitFor();
  await retiree.locator('.consent__agree').click();
  await retiree.locator('.who-choice--0').click();
  await next();
  await retiree.locator('.field-name input').fill('钱秀英');
  await retiree.locator('.field-idNumber input').fill(fakeIdNumber('1966-11-02', 311));
  await next();
  // The employer named by the super admin this morning is offered in the list.
  await retiree.locator('.employer-choice', { hasText: '嘉兴秀洲光伏科技有限公司' }).click();
  await retiree.locator('.field-position input').fill('质检员');
  await retiree.locator('.field-years input').fill('32');
  await retiree.getByText('点这里选择日期').click();
  await retiree.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
  await next();
  await retiree.locator('.field-phone input').fill('13957310088');
  await retiree.locator('.delivery-choice', { hasText: '到颁发仪式现场领取' }).click();
  await retiree.locator('.place-choice', { hasText: '新城汇驿站' }).click();
  await next();
  // The photo is optional: on without one.
  await retiree.getByText('照片（可选）').first().waitFor();
  await next();
  await retiree.getByText('请核对以下信息').waitFor();
  expect(await retiree.locator('.retirement-summary').innerText()).toContain('新城汇驿站');
  await shot(retiree, '15a-retiree-summary');
  await next();
  await retiree.getByText('申请已提交').waitFor();
  const [request] = await e2e.callAs(RETIREE, 'retirement', { action: 'myRequests' });
  expect(request).toMatchObject({ status: 'submitted', name: '钱秀英', employer: '嘉兴秀洲光伏科技有限公司' });
  await retiree.goto(`${e2e.appUrl}#/retirement/pages/mine/index`);
  // The wizard's page may still be visible as the list slides in: wait for the list's own card.
  await retiree.locator('.retirement-mine-request__name', { hasText: '钱秀英' }).waitFor();
  await shot(retiree, '15-retiree-request');
  await retiree.context().close();

  // 7. The station staff member scans the worker's voucher: green.
  const staff = await e2e.newPage({ persona: STAFF, path: '/pages/services/index' });
  await link(staff, '扫码核验').click();
  await shown(staff).getByText('新城汇驿站').first().waitFor();
  await shown(staff).locator('.staff-scanner__input input, input.staff-scanner__input').first().fill(token);
  await shown(staff).locator('.staff-scanner__verify').first().click();
  await shown(staff).locator('.staff-scan-result--ok').waitFor();
  expect(await shown(staff).locator('.staff-scan-result').innerText()).toContain('吴*明');
  await shot(staff, '16-staff-scan');
  await staff.context().close();

  // 8. At a desk: the admin lists are tables.
  const desk = await e2e.newPage({
    persona: FOUNDER,
    path: '/admin/pages/roles/index',
    viewport: { width: 1280, height: 800 },
  });
  await shown(desk).getByRole('table', { name: '已授权' }).waitFor();
  const head = shown(desk).locator('.admin-table__head').first();
  expect(await head.evaluate((el) => getComputedStyle(el).display)).toBe('table-row');
  await shot(desk, '17-desk-grants-table');
  await desk.goto(`${e2e.appUrl}#/admin/pages/stations/index`);
  await shown(desk).locator('.admin-table__row', { hasText: '新城汇驿站' }).waitFor();
  await shot(desk, '18-desk-stations-table');
  await desk.context().close();

  expect(e2e.pageErrors).toEqual([]);
  await founder.context().close();
});
