// Journey 1 (入会) in the compiled weapp against the emulator (real functions, real wx-server-sdk): a newcomer
// completes the profile from 我的, applies to join, the admin approves on 入会审核, and 我的 shows the member card
// with its QR code.
import { loadPage, wxMock, type PageHandle } from './harness';
import { setupEmulator } from './emulator';

const emu = setupEmulator();
const SLOW = { timeout: 15_000 };
const NEWCOMER = 'persona-newcomer';

/** The url the page navigated to last (wx.navigateTo is a stub: the test loads the next page itself). */
async function navigatedTo(page: PageHandle): Promise<string> {
  await page.waitFor(() => wxMock.navigateTo.mock.calls.length > 0);
  const url: string = wxMock.navigateTo.mock.calls.at(-1)[0].url;
  wxMock.navigateTo.mockClear();
  return url;
}

test('profile → apply → admin approves → 我的 shows the member card', async () => {
  // 1. The newcomer on 我的: no profile yet.
  emu.as(NEWCOMER);
  const mine = await loadPage('pages/mine/index');
  await mine.waitForText('新朋友，您好', SLOW);
  expect(mine.text()).toContain('完善会员信息');
  await mine.tap('.mine__cta');
  expect(await navigatedTo(mine)).toBe('/member/pages/profile/index');
  mine.unload();

  // 2. 个人信息: a wrong phone number is refused under the field; corrected, the profile is saved.
  const profile = await loadPage('member/pages/profile/index');
  await profile.waitForText('个人信息', SLOW);
  await profile.waitFor(() => profile.$$('wx-input').length >= 3, SLOW);
  const [name, phone, employer] = profile.$$('wx-input');
  await profile.input(name, '吴小明');
  await profile.input(phone, '1381234');
  await profile.input(employer, '嘉兴秀洲光伏科技有限公司');
  const [district, category] = profile.$$('wx-picker');
  await profile.trigger(district, 'change', { value: 0 });
  await profile.trigger(category, 'change', { value: 0 });
  await profile.tap('.member-profile__consent .check-mark');
  await profile.waitFor(() => profile.$('.member-profile__consent .check-mark--on'));
  const save = () => profile.tap(profile.$$('wx-button').find((b) => b.textContent?.includes('保存'))!);
  await save();
  await profile.waitForText('手机号', SLOW);
  await profile.waitFor(() => /11位/.test(profile.text()) || wxMock.showModal.mock.calls.length > 0, SLOW);
  expect((await emu.callAs(NEWCOMER, 'member', { action: 'getMe' })).profileComplete).toBe(false);
  await profile.input(phone, '13812345670');
  await save();
  await profile.waitFor(() => wxMock.showToast.mock.calls.some((c: any[]) => c[0]?.title === '已保存'), SLOW);
  profile.unload();
  const me = await emu.callAs(NEWCOMER, 'member', { action: 'getMe' });
  expect(me).toMatchObject({ profileComplete: true, profile: { name: '吴小明', phone: expect.any(String) } });

  // 3. 申请加入工会 from 我的, with consent: 审核中.
  const mine2 = await loadPage('pages/mine/index');
  await mine2.waitForText('申请加入工会', SLOW);
  await mine2.tap('.mine__cta');
  expect(await navigatedTo(mine2)).toBe('/member/pages/apply/index');
  mine2.unload();
  const apply = await loadPage('member/pages/apply/index');
  await apply.waitForText('提交入会申请', SLOW);
  await apply.tap('.member-profile__consent .check-mark');
  await apply.waitFor(() => apply.$('.member-profile__consent .check-mark--on'));
  await apply.tap(apply.$$('wx-button').find((b) => b.textContent?.includes('提交入会申请'))!);
  await apply.waitForText('审核中', SLOW);
  apply.unload();

  // 4. The admin approves it on 入会审核.
  emu.as('persona-admin');
  const review = await loadPage('member/pages/applications/index');
  const card = () => review.$$('.card').find((el) => el.textContent?.includes('吴小明'));
  await review.waitFor(card, SLOW);
  await review.tap(card()!.querySelector('.member-applications__approve')!);
  await review.waitFor(() => !card()?.querySelector('.member-applications__approve'), SLOW);
  review.unload();

  // 5. The newcomer's 我的: 工会会员, a member number, and the QR on tap.
  emu.as(NEWCOMER);
  const card3 = await loadPage('pages/mine/index');
  await card3.waitForText('工会会员', SLOW);
  const { membership } = await emu.callAs(NEWCOMER, 'member', { action: 'getMe' });
  expect(membership).toMatchObject({ status: 'member', memberNo: expect.any(String) });
  expect(card3.text()).toContain(`会员号 ${membership.memberNo}`);
  await card3.tap('.member-card__toggle');
  await card3.waitFor(() => card3.$('.qr-code'), SLOW);
  expect(card3.$$('.qr-code__row').length).toBeGreaterThanOrEqual(29);
});
