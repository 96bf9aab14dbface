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
  await page.locator('.member-profile__consent .check-mark').click();
  await page.getByText('保存', { exact: true }).click();
  // The short phone is refused with the field's message before anything is sent: under the field, no modal.
  await page
    .locator('.form-field', { hasText: '手机号' })
    .locator('.form-field__error', { hasText: '请填写11位手机号' })
    .waitFor();
  await inputs.nth(1).fill('13812345670');
  // Corrected: the message goes as soon as the field changes.
  await page.getByText('请填写11位手机号').waitFor({ state: 'detached' });
  await page.getByText('保存', { exact: true }).click();
  await page.getByText('申请加入工会').waitFor();
  await e2e.screenshot(page, 'member-2-profile-saved');

  await page.getByText('申请加入工会').click();
  await page.getByText('提交入会申请').waitFor();
  await page.locator('.member-profile__consent .check-mark').click();
  await page.getByText('提交入会申请').click();
  await page.getByText('审核中').waitFor();
  await e2e.screenshot(page, 'member-3-applied');

  const admin = await e2e.newPage({ persona: 'persona-admin', path: '/member/pages/applications/index' });
  const card = admin.locator('.card', { hasText: '吴小明' });
  await card.waitFor();
  await e2e.screenshot(admin, 'member-4-admin-queue');
  // The applicant's 备注 is on the card; 通过 asks first (Taro's H5 modal).
  await card.getByText('申请人备注').waitFor();
  await card.getByText('通过', { exact: true }).click();
  await admin.locator('.taro-modal__content', { hasText: '吴小明' }).waitFor();
  await e2e.screenshot(admin, 'member-4b-approve-confirm');
  await admin.locator('.taro-modal__foot').getByText('确认通过', { exact: true }).click();
  await admin.getByText('已通过').first().waitFor();

  const member = await e2e.newPage({ persona: 'persona-newcomer', path: '/pages/mine/index' });
  await member.getByText('工会会员').waitFor();
  await member.getByText('出示会员码').click();
  await member.locator('.qr-code').waitFor();
  expect(await member.locator('.qr-code__row').count()).toBeGreaterThanOrEqual(29);
  await e2e.screenshot(member, 'member-5-card');
  expect(e2e.pageErrors).toEqual([]);
});

test('the admin returns an application with a reason typed in the page; 已退回 shows it', async () => {
  const reason = '请把工作单位填写完整（营业执照上的全称）';
  const admin = await e2e.newPage({ persona: 'persona-admin', path: '/member/pages/applications/index' });
  const card = admin.locator('.card', { hasText: '李春燕' });
  await card.locator('.member-applications__return').click();
  const field = card.locator('.reason-sheet__input textarea');
  await field.waitFor();
  expect(await card.locator('.member-applications__approve').count()).toBe(0);
  await field.click();
  await admin.keyboard.type(reason);
  await e2e.screenshot(admin, 'member-6-return-reason');
  await card.locator('.reason-sheet__confirm').click();
  await card.waitFor({ state: 'detached' });

  await admin.locator('.tabs__item', { hasText: '已退回' }).click();
  await admin.locator('.card', { hasText: '李春燕' }).getByText(`退回原因：${reason}`).waitFor();
  await e2e.screenshot(admin, 'member-7-returned');
  expect(e2e.pageErrors).toEqual([]);
});

test('in 长辈模式 the reason card is large: text ≥ 18 px, buttons ≥ 60 px tall', async () => {
  const admin = await e2e.newPage({ persona: 'persona-admin', path: '/member/pages/applications/index' });
  // Taro's H5 storage format; reload so the store reads it on start.
  await admin.evaluate(() => localStorage.setItem('elder-mode', JSON.stringify({ data: '1' })));
  await admin.reload();
  const card = admin.locator('.page.elder .card', { hasText: '赵磊' });
  await card.locator('.member-applications__return').click();
  // The sheet's textarea is drawn by its custom element after the sheet is in the page: measure it once it is.
  await card.locator('.reason-sheet__input textarea').waitFor();
  const sizes = await card.locator('.reason-sheet').evaluate((sheet) => {
    const px = (sel: string, prop: 'fontSize' | 'height') =>
      parseFloat(
        prop === 'height'
          ? String(sheet.querySelector(sel)!.getBoundingClientRect().height)
          : getComputedStyle(sheet.querySelector(sel)!).fontSize,
      );
    return {
      title: px('.reason-sheet__title', 'fontSize'),
      field: px('.reason-sheet__input textarea', 'fontSize'),
      hint: px('.reason-sheet__hint', 'fontSize'),
      fieldHeight: px('.reason-sheet__input', 'height'),
      cancel: px('.reason-sheet__cancel', 'height'),
      confirm: px('.reason-sheet__confirm', 'height'),
    };
  });
  for (const key of ['title', 'field', 'hint'] as const) expect([key, sizes[key] >= 18]).toEqual([key, true]);
  for (const key of ['fieldHeight', 'cancel', 'confirm'] as const) expect([key, sizes[key] >= 60]).toEqual([key, true]);
  await card.locator('.reason-sheet').scrollIntoViewIfNeeded();
  await e2e.screenshot(admin, 'member-8-return-reason-elder');
  await card.locator('.reason-sheet__cancel').click();
  await card.locator('.member-applications__approve').waitFor();
  expect(e2e.pageErrors).toEqual([]);
});
