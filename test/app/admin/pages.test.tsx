/**
 * The admin pages in jsdom with a stub transport: the first admin's setup code, accepting an invitation,
 * creating one (QR + link), a trade quota the server refuses (explained), and the services hub showing
 * each admin only their own domain.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import SetupPage from '../../../src/admin/pages/setup/index';
import InvitePage from '../../../src/admin/pages/invite/index';
import RolesPage from '../../../src/admin/pages/roles/index';
import ContestEditPage from '../../../src/admin/pages/contest/index';
import ServicesPage from '../../../src/pages/services/index';
import { taroMock } from '../mocks/taro';
import { STATION_GRANT, STATION_INVITATION_PREVIEW } from './fixtures';
import { actions, serve } from './serve';

beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const access = (over: Record<string, unknown> = {}) => ({
  roles: ['admin'],
  superAdmin: true,
  adminDomains: ['contests', 'academy', 'retirement', 'gifts', 'members'],
  scopes: [],
  ...over,
});

/** 数控铣工 (40 places) as the admin view lists it, with `taken` registered. */
const cncTrade = (taken: number, over: Record<string, unknown> = {}) => ({
  id: 't1',
  name: '数控铣工',
  rules: '实操加理论考试',
  quota: 40,
  taken,
  left: 40 - taken,
  resultsPublished: false,
  registrations: taken,
  ...over,
});

/** The admin view of a contest with one trade, as adminContest answers it. */
const contestView = (trade: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
  id: 'c1',
  title: '2026年职工技能比武',
  summary: '全区职工技能比武',
  venue: '职校',
  venueAddress: '康和路1号',
  status: 'published',
  statusText: '已发布',
  phase: 'open',
  registrationOpensAt: 0,
  registrationClosesAt: 0,
  contestStartsAt: 0,
  contestEndsAt: 0,
  registrationOpensText: '2026-03-01 09:00',
  registrationClosesText: '2026-04-30 17:00',
  contestStartsText: '2026-05-16 08:30',
  contestEndsText: '2026-05-17 17:00',
  rules: ['自带工具'],
  awards: '证书',
  eligibility: { minAge: 16, maxAgeExclusive: 60, membersOnly: true, refuseTitleHolders: true },
  createdAt: 0,
  schedule: [],
  trades: [trade],
  ...over,
});

test('setup: the code is sent as printed, once, and the new super admin is sent to the services tab', async () => {
  const sent = serve({ setupStatus: () => ({ needed: true }), claimSetup: () => access() });
  render(<SetupPage />);
  await screen.findByText('系统还没有管理员');
  // Too short: said under the field, nothing sent.
  type('设置码', 'ab');
  await act(async () => {
    fireEvent.click(screen.getByText('确认，成为超级管理员'));
  });
  expect(screen.getByText('请输入部署时给出的设置码')).toBeTruthy();
  expect(actions(sent, 'claimSetup')).toHaveLength(0);
  type('设置码', 'abcd efgh jklm npqr');
  await act(async () => {
    fireEvent.click(screen.getByText('确认，成为超级管理员'));
  });
  await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/services/index' }));
  expect(actions(sent, 'claimSetup').map((c) => c.data.code)).toEqual(['ABCD-EFGH-JKLM-NPQR']);
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '您已成为超级管理员' }));
  // WeChat and Taro's H5 refuse (throw on) a modal button over 4 characters.
  for (const [opts] of jest.mocked(Taro.showModal).mock.calls)
    expect(Array.from((opts as { confirmText?: string }).confirmText ?? '').length).toBeLessThanOrEqual(4);
});

test('setup: a wrong code is refused with the server message; a finished setup offers no form', async () => {
  serve({
    setupStatus: () => ({ needed: true }),
    claimSetup: () => {
      throw { code: 'SETUP_CODE_INVALID', message: '设置码不正确，请核对部署时给出的设置码' };
    },
  });
  const { unmount } = render(<SetupPage />);
  await screen.findByText('系统还没有管理员');
  type('设置码', 'ABCD-EFGH-JKLM-NPQX');
  await act(async () => {
    fireEvent.click(screen.getByText('确认，成为超级管理员'));
  });
  await waitFor(() =>
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '设置码不正确，请核对部署时给出的设置码' }),
    ),
  );
  expect(Taro.switchTab).not.toHaveBeenCalled();
  unmount();
  serve({ setupStatus: () => ({ needed: false }) });
  render(<SetupPage />);
  expect(await screen.findByText('系统已完成初始设置')).toBeTruthy();
  expect(screen.queryByLabelText('设置码')).toBeNull();
});

test('invite: the person sees what they are invited to and accepts once; a used-up invitation says so', async () => {
  taroMock.setRouterParams({ t: 'abc123def456' });
  const preview = STATION_INVITATION_PREVIEW;
  const sent = serve({
    previewInvitation: () => preview,
    acceptInvitation: () => ({ grant: { roleText: '新城汇驿站 驿站工作人员' }, access: access() }),
  });
  const { unmount } = render(<InvitePage />);
  expect(await screen.findByText('新城汇驿站 驿站工作人员')).toBeTruthy();
  expect(actions(sent, 'previewInvitation')[0].data.token).toBe('abc123def456');
  await act(async () => {
    fireEvent.click(screen.getByText('接受邀请'));
    fireEvent.click(screen.getByText('接受邀请'));
  });
  await waitFor(() => expect(Taro.switchTab).toHaveBeenCalled());
  expect(actions(sent, 'acceptInvitation')).toHaveLength(1);
  expect(Taro.switchTab).toHaveBeenCalledTimes(1);
  unmount();

  serve({ previewInvitation: () => ({ ...preview, status: 'used_up', statusText: '名额已用完' }) });
  render(<InvitePage />);
  expect(await screen.findByText(/名额已用完/)).toBeTruthy();
  expect(screen.queryByText('接受邀请', { selector: 'button' })).toBeNull();
});

test('roles: who holds what as a table, and a new station-staff invitation shown as a QR with its link', async () => {
  const invitation = {
    id: 'inv-1',
    kind: 'stationStaff',
    roleText: '新城汇驿站 驿站工作人员',
    token: 'tok123',
    path: 'admin/pages/invite/index?t=tok123',
    expiresAt: 0,
    expiresText: '2026-01-27 10:00',
    maxUses: 2,
    used: 0,
    status: 'active',
    statusText: '可使用',
    createdAt: 0,
    createdBy: '管理员',
  };
  const sent = serve({
    myAccess: () => access({ superAdmin: false, roles: ['admin:gifts'], adminDomains: ['gifts'] }),
    listGrants: () => [STATION_GRANT],
    listInvitations: () => [],
    listStationsAdmin: () => [
      { id: 'st-1', name: '新城汇驿站', active: true, staff: [] },
      { id: 'st-2', name: '已停用驿站', active: false, staff: [] },
    ],
    createInvitation: () => invitation,
  });
  render(<RolesPage />);
  const table = await screen.findByRole('table', { name: '已授权' });
  expect(table.textContent).toContain('张站长');
  expect(table.textContent).toContain('新城汇驿站 驿站工作人员');
  fireEvent.click(screen.getByText('新建邀请'));
  // A gifts admin may invite station staff only.
  const kind = screen.getByLabelText('邀请身份').closest('[data-picker]')!.querySelector('select')!;
  expect(Array.from(kind.options).map((o) => o.textContent)).toEqual(['驿站工作人员']);
  const station = (await screen.findByLabelText('所属驿站')).closest('[data-picker]')!.querySelector('select')!;
  expect(Array.from(station.options).map((o) => o.textContent)).toEqual(['新城汇驿站']);
  fireEvent.change(station, { target: { value: '0' } });
  type('可用人数', '2');
  await act(async () => {
    fireEvent.click(screen.getByText('生成邀请'));
  });
  await screen.findByRole('region', { name: '邀请二维码' });
  const { action, requestId, ...payload } = actions(sent, 'createInvitation')[0].data;
  expect(payload).toEqual({ kind: 'stationStaff', scopeId: 'st-1', validDays: 7, maxUses: 2 });
  expect(screen.getByRole('img', { name: '新城汇驿站 驿站工作人员邀请二维码' })).toBeTruthy();
  expect(screen.getByText(/#\/admin\/pages\/invite\/index\?t=tok123$/)).toBeTruthy();
  fireEvent.click(screen.getByText('复制邀请链接'));
  await waitFor(() =>
    expect(Taro.setClipboardData).toHaveBeenCalledWith({
      data: expect.stringMatching(/#\/admin\/pages\/invite\/index\?t=tok123$/),
    }),
  );
});

test('contest: a quota below the places taken is refused before sending; the server refusal is explained', async () => {
  taroMock.setRouterParams({ id: 'c1' });
  const trade = cncTrade(12);
  const contest = contestView(trade, { schedule: [{ at: 0, atText: '2026-05-16 08:30', text: '检录' }] });
  const sent = serve({
    adminContest: () => contest,
    saveTrade: () => {
      throw { code: 'INVALID_STATE', message: '每单位名额不能少于嘉兴纺织已报名的3人', details: { taken: 3 } };
    },
  });
  render(<ContestEditPage />);
  await screen.findByText('已报 12 / 共 40');
  expect((screen.getByLabelText('日程（选填）') as HTMLTextAreaElement).value).toBe('2026-05-16 08:30 检录');
  fireEvent.click(screen.getByText('修改', { selector: 'button' }));
  type('名额', '10');
  await act(async () => {
    fireEvent.click(screen.getByText('保存项目'));
  });
  expect(screen.getByText('名额：已有12人报名，名额不能少于12')).toBeTruthy();
  expect(actions(sent, 'saveTrade')).toHaveLength(0);
  type('名额', '40');
  type('每单位名额（选填）', '1');
  await act(async () => {
    fireEvent.click(screen.getByText('保存项目'));
  });
  await waitFor(() =>
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '每单位名额不能少于嘉兴纺织已报名的3人' }),
    ),
  );
  expect(actions(sent, 'saveTrade')[0].data).toMatchObject({
    contestId: 'c1',
    tradeId: 't1',
    quota: 40,
    employerQuota: 1,
  });
});

const me = (roles: string[]) => ({
  openid: 'o1',
  roles,
  scopes: [],
  profile: null,
  profileComplete: false,
  membership: { status: 'none' },
  unreadMessages: 0,
});

test('services hub: a gifts admin sees 驿站管理 but not contests; the super admin sees every admin link', async () => {
  serve({ getMe: () => me(['member', 'admin:gifts']) });
  const { unmount } = render(<ServicesPage />);
  await screen.findByText('管理后台');
  expect(screen.getByText('驿站管理')).toBeTruthy();
  expect(screen.getByText('春节礼包管理')).toBeTruthy();
  // Vouchers are theirs to redeem at any 驿站's desk too.
  expect(screen.getByText('扫码核验')).toBeTruthy();
  expect(screen.getByText('人工查找')).toBeTruthy();
  expect(screen.queryByText('比武赛事设置')).toBeNull();
  expect(screen.queryByText('光荣退休设置')).toBeNull();
  expect(screen.queryByText('入会审核')).toBeNull();
  unmount();
  serve({ getMe: () => me(['admin']) });
  render(<ServicesPage />);
  await screen.findByText('管理后台');
  for (const t of ['邀请与授权', '比武赛事设置', '驿站管理', '单位名录', '光荣退休设置', '入会审核', '扫码核验'])
    expect(screen.getByText(t)).toBeTruthy();
  // Enterprise-only links stay theirs.
  expect(screen.queryByText('我要点单')).toBeNull();
});

test('services hub: on a fresh system a signed-in user is offered 成为超级管理员; a worker otherwise sees no admin area', async () => {
  const sent = serve({ getMe: () => me([]), setupStatus: () => ({ needed: true }) });
  const { unmount } = render(<ServicesPage />);
  fireEvent.click(await screen.findByText('成为超级管理员'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/pages/setup/index' });
  expect(actions(sent, 'setupStatus')).toHaveLength(1);
  unmount();
  serve({ getMe: () => me(['member']), setupStatus: () => ({ needed: false }) });
  render(<ServicesPage />);
  await screen.findByText('技能比武');
  await waitFor(() => expect(screen.queryByText('管理后台')).toBeNull());
  expect(screen.queryByText('成为超级管理员')).toBeNull();
});

test('roles: revoking a grant asks first, sends its id once, and the list shows it revoked', async () => {
  const grant = STATION_GRANT;
  let revoked = false;
  const sent = serve({
    myAccess: () => access(),
    listGrants: () => [revoked ? { ...grant, active: false, revokeReason: undefined } : grant],
    listInvitations: () => [],
    revokeGrant: () => {
      revoked = true;
      return { ...grant, active: false };
    },
  });
  render(<RolesPage />);
  await screen.findByText('张站长');
  // Cancelled at the question: nothing sent.
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true } as any);
  await act(async () => {
    fireEvent.click(screen.getByText('撤销', { selector: 'button' }));
  });
  expect(actions(sent, 'revokeGrant')).toHaveLength(0);
  await act(async () => {
    fireEvent.click(screen.getByText('撤销', { selector: 'button' }));
  });
  await screen.findByText('– 已撤销');
  expect(actions(sent, 'revokeGrant').map((c) => c.data.grantId)).toEqual(['g1']);
  expect(Taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ title: '撤销授权', content: expect.stringContaining('张站长') }),
  );
  expect(screen.queryByText('撤销', { selector: 'button' })).toBeNull();
});

test('contest trade: places for a named employer are added as rows, checked against what it holds, and sent', async () => {
  taroMock.setRouterParams({ id: 'c1' });
  const trade = cncTrade(5, {
    employerQuota: 2,
    employerPlaces: [{ employer: '嘉兴纺织有限公司', places: 4, taken: 3 }],
  });
  const contest = contestView(trade);
  const sent = serve({
    adminContest: () => contest,
    saveTrade: () => contest,
    employerNames: () => ['嘉兴纺织有限公司', '秀洲新材料科技有限公司'],
  });
  render(<ContestEditPage />);
  await screen.findByText('2 人；嘉兴纺织有限公司 4 人（已报 3）');
  fireEvent.click(screen.getByText('修改', { selector: 'button' }));
  expect((screen.getByLabelText('单位1名称') as HTMLInputElement).value).toBe('嘉兴纺织有限公司');
  expect(screen.getByText('已报名 3 人，不能少于这个数')).toBeTruthy();
  type('单位1名额', '2');
  await act(async () => {
    fireEvent.click(screen.getByText('保存项目'));
  });
  expect(screen.getByText('单位名额：嘉兴纺织有限公司已有3人报名，名额不能少于3')).toBeTruthy();
  expect(actions(sent, 'saveTrade')).toHaveLength(0);
  type('单位1名额', '3');
  fireEvent.click(screen.getByText('添加单位名额'));
  // Each row offers the 单位名录; a name it does not have is flagged, not refused.
  await waitFor(() => expect(screen.getAllByText('从单位名录选')).toHaveLength(2));
  expect(screen.queryByText(/单位名录里没有这个名称/)).toBeNull();
  type('单位2名称', '王江泾丝绸服饰有限公司');
  expect(screen.getByText(/单位名录里没有这个名称/)).toBeTruthy();
  type('单位2名额', '5');
  await act(async () => {
    fireEvent.click(screen.getByText('保存项目'));
  });
  await waitFor(() => expect(actions(sent, 'saveTrade')).toHaveLength(1));
  expect(actions(sent, 'saveTrade')[0].data).toMatchObject({
    employerQuota: 2,
    employerPlaces: [
      { employer: '嘉兴纺织有限公司', places: 3 },
      { employer: '王江泾丝绸服饰有限公司', places: 5 },
    ],
  });
});

test('invite: opened without a code (H5 我的 → 扫一扫), the pasted link is read and previewed', async () => {
  taroMock.setRouterParams({});
  const token = '0123456789abcdef0123456789abcde';
  const sent = serve({
    previewInvitation: () => STATION_INVITATION_PREVIEW,
  });
  render(<InvitePage />);
  expect(actions(sent, 'previewInvitation')).toHaveLength(0);
  fireEvent.click(screen.getByText('打开邀请'));
  expect(screen.getByText('请先粘贴邀请链接，或用微信扫一扫扫邀请二维码')).toBeTruthy();
  type('邀请链接或邀请码', `https://union.example.cn/#/admin/pages/invite/index?t=${token}`);
  fireEvent.click(screen.getByText('打开邀请'));
  await screen.findByText('接受邀请');
  expect(actions(sent, 'previewInvitation').map((c) => c.data.token)).toEqual([token]);
});
