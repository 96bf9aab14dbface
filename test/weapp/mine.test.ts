// The compiled 我的 page: the profile comes from (stubbed) wx.cloud, a tap reaches the React handler, the QR appears.
import { cloud, loadPage } from './harness';

const me = {
  openid: 'persona-worker',
  roles: ['member'],
  scopes: [],
  profile: {
    name: '王建国',
    phone: '13812345678',
    employer: '嘉兴纺织有限公司',
    district: '秀洲区',
    category: '产业工人',
  },
  profileComplete: true,
  membership: { status: 'member', memberNo: 'XZ2026000123', since: 1767225600000, employer: '嘉兴纺织有限公司' },
  unreadMessages: 2,
};

test('renders the member card from the cloud and shows the QR code on tap', async () => {
  cloud.handle((name, data: any) => {
    if (name !== 'member') return undefined;
    if (data.action === 'getMe') return { ok: true, data: me };
    if (data.action === 'memberCode')
      return {
        ok: true,
        data: {
          token: 'm.XZ2026000123.t4k9q0.1.abcdefghijklmnop',
          expiresAt: Date.now() + 90000,
          memberNo: 'XZ2026000123',
        },
      };
    return undefined;
  });
  const page = await loadPage('pages/mine/index');
  await page.waitForText('王建国');
  expect(page.text()).toContain('工会会员');
  expect(page.text()).toContain('会员号 XZ2026000123');
  expect(page.text()).toContain('2 条未读');
  expect(page.$('.qr-code')).toBeNull();

  await page.tap('.member-card__toggle');
  await page.waitFor(() => page.$('.qr-code'));
  expect(cloud.calls).toContainEqual({ name: 'member', data: expect.objectContaining({ action: 'memberCode' }) });
  // The drawn code has one row per module (version 3+ with quiet zone) and dark cells.
  const rows = page.$$('.qr-code__row');
  expect(rows.length).toBeGreaterThanOrEqual(29);
  expect(page.$$('.qr-code__dark').length).toBeGreaterThan(100);
  expect(page.text()).toContain('收起会员码');
});
