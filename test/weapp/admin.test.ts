// The compiled admin subpackage in miniprogram-simulate: a 驿站 placed with WeChat's own map picker
// (wx.chooseLocation, weapp only) and saved with the picked micro-degrees; an invitation handed over by
// the share button (open-type="share") rather than a link.
import { cloud, loadPage, resetWx, wxMock } from './harness';

const g = globalThis as any;
beforeEach(() => resetWx());

test('stations: the place is picked on the map and saved as micro-degrees', async () => {
  g.wx.chooseLocation = jest.fn((opts: any) => {
    const res = {
      latitude: 30.771234,
      longitude: 120.734567,
      name: '新城汇',
      address: '嘉兴市秀洲区康和路',
      errMsg: 'ok',
    };
    opts?.success?.(res);
    opts?.complete?.(res);
    return Promise.resolve(res);
  });
  const saved: any[] = [];
  cloud.handle((name, data: any) => {
    if (name !== 'admin') return undefined;
    if (data.action === 'listStationsAdmin') return { ok: true, data: [] };
    if (data.action === 'saveStation') {
      saved.push(data);
      return {
        ok: true,
        data: { id: 'st-1', ...data, active: true, staff: [] },
      };
    }
    return undefined;
  });
  const page = await loadPage('admin/pages/stations/index');
  await page.waitForText('还没有驿站');
  await page.tap('.admin-stations__add');
  await page.waitForText('在地图上选点');
  const inputs = page.$$('wx-input');
  page.input(inputs[0], '新城汇驿站');
  page.input(inputs[1], '新城街道');
  page.input(inputs[4], '0573-82220001');
  await page.tap('.admin-stations__map');
  await page.waitFor(() => page.text().includes('在地图上重新选点'));
  expect(g.wx.chooseLocation).toHaveBeenCalled();
  await page.tap('.admin-stations__save');
  await page.waitFor(() => saved.length === 1);
  expect(saved[0]).toMatchObject({
    name: '新城汇驿站',
    town: '新城街道',
    // The address came with the picked place.
    address: '嘉兴市秀洲区康和路',
    latE6: 30771234,
    lngE6: 120734567,
    requestId: expect.any(String),
  });
  await page.waitForText('新城汇驿站');
  expect(wxMock.showToast.mock.calls.some((c: any[]) => c[0]?.title === '已新增驿站')).toBe(true);
});

test('roles: a new invitation shows its 小程序码 and offers 发给微信好友 (a share button), not a link to copy', async () => {
  cloud.handle((name, data: any) => {
    if (name !== 'admin') return undefined;
    if (data.action === 'myAccess')
      return { ok: true, data: { roles: ['admin:academy'], superAdmin: false, adminDomains: ['academy'], scopes: [] } };
    if (data.action === 'listGrants' || data.action === 'listInvitations') return { ok: true, data: [] };
    if (data.action === 'invitationPoster')
      return {
        ok: true,
        data: { contentType: 'image/png', base64: 'iVBORw0KGgo=', page: 'admin/pages/invite/index', scene: 'tok123' },
      };
    if (data.action === 'createInvitation')
      return {
        ok: true,
        data: {
          id: 'inv-1',
          kind: 'teacher',
          roleText: '学院讲师',
          token: 'tok123',
          path: 'admin/pages/invite/index?t=tok123',
          expiresAt: 0,
          expiresText: '2026-01-27 10:00',
          maxUses: 1,
          used: 0,
          status: 'active',
          statusText: '可使用',
          createdAt: 0,
          createdBy: '管理员',
        },
      };
    return undefined;
  });
  const page = await loadPage('admin/pages/roles/index');
  await page.waitForText('新建邀请');
  await page.tap('.admin-roles__new');
  await page.waitFor(() => page.$('.admin-roles__create'));
  await page.tap('.admin-roles__create');
  await page.waitForText('发给微信好友');
  const share = page.$$('wx-button').find((b) => b.textContent?.includes('发给微信好友'));
  expect(share).toBeTruthy();
  // Taro keeps the button's props in the page's render data (short keys): the node of 发给微信好友 carries 'share'.
  const find = (n: any): any =>
    n && typeof n === 'object'
      ? Array.isArray(n.cn) && n.cn.some((c: any) => c.v === '发给微信好友')
        ? n
        : Object.values(n).reduce((hit: any, v) => hit ?? find(v), undefined)
      : undefined;
  expect(Object.values(find(page.data) ?? {})).toContain('share');
  expect(page.text()).not.toContain('复制邀请链接');
  // The 小程序码 (opens the invite page from WeChat's own scanner) instead of a plain QR.
  await page.waitFor(() => page.$('wx-image'));
  expect(cloud.calls).toContainEqual({
    name: 'admin',
    data: expect.objectContaining({ action: 'invitationPoster', invitationId: 'inv-1' }),
  });
  expect(page.$('.qr-code')).toBeNull();
  expect(page.instance.config.enableShareAppMessage).toBe(true);
});
