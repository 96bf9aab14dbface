// A new user picks a persona, fills the profile, applies to join; the admin approves; the member card shows its code.
import { setupE2E } from './harness';

const e2e = setupE2E();

test('a newcomer registers, joins the union and shows the member card', async () => {
  const page = await e2e.newPage({ path: '/pages/persona/index' });
  await page.getByText('新用户 (未登记)').click();
  await page.getByText('新朋友，您好').waitFor();
  await e2e.screenshot(page, 'member-1-mine-new');

  await page.getByText('完善会员信息').click();
  await page.getByText('我们只收集办理工会业务必需的信息').waitFor();
  const inputs = page.locator('.form-field__input input');
  await inputs.nth(0).fill('吴小明');
  await inputs.nth(1).fill('1381234');
  await inputs.nth(2).fill('嘉兴秀洲光伏科技有限公司');
  // Native pickers: open and confirm the first option (秀洲区, then 产业工人).
  for (const label of ['所在区县', '职工类别']) {
    await page.locator('.form-field', { hasText: label }).locator('.form-field__picker').click();
    await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
  }
  await page.locator('.profile__consent').locator('.weui-icon-checked, input, taro-checkbox-core').first().click();
  await page.getByText('保存', { exact: true }).click();
  // The short phone is refused with the field's message before anything is sent.
  await page.getByText('手机号：请输入11位手机号').first().waitFor();
  await page.getByText('确定', { exact: true }).last().click(); // closes the modal
  await inputs.nth(1).fill('13812345670');
  await page.getByText('保存', { exact: true }).click();
  await page.getByText('申请加入工会').waitFor();
  await e2e.screenshot(page, 'member-2-profile-saved');

  await page.getByText('申请加入工会').click();
  await page.getByText('提交入会申请').waitFor();
  await page.locator('.profile__consent').locator('.weui-icon-checked, input, taro-checkbox-core').first().click();
  await page.getByText('提交入会申请').click();
  await page.getByText('审核中').waitFor();
  await e2e.screenshot(page, 'member-3-applied');

  const admin = await e2e.newPage({ persona: 'persona-admin', path: '/member/pages/applications/index' });
  const card = admin.locator('.card', { hasText: '吴小明' });
  await card.waitFor();
  await e2e.screenshot(admin, 'member-4-admin-queue');
  await card.getByText('通过', { exact: true }).click();
  await admin.getByText('已通过').first().waitFor();

  const member = await e2e.newPage({ persona: 'persona-newcomer', path: '/pages/mine/index' });
  await member.getByText('工会会员').waitFor();
  await member.getByText('出示会员码').click();
  await member.locator('.qr-code').waitFor();
  expect(await member.locator('.qr-code__row').count()).toBeGreaterThanOrEqual(29);
  await e2e.screenshot(member, 'member-5-card');
  expect(e2e.pageErrors).toEqual([]);
});
