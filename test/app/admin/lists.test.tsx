/**
 * The admin lists in jsdom with a stub transport: a 驿站 closed for a while (and reopened), a duplicate
 * employer merged into the one kept, 光荣退休 settings saved from the defaults, a contest copied for next year.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import StationsPage from '../../../src/admin/pages/stations/index';
import EmployersPage from '../../../src/admin/pages/employers/index';
import RetirementSettingsPage from '../../../src/admin/pages/retirement/index';
import ContestsAdminPage from '../../../src/admin/pages/contests/index';
import { taroMock } from '../mocks/taro';
import { actions, serve } from './serve';

beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const pick = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label).closest('[data-picker]')!.querySelector('input')!, {
    target: { value },
  });
const click = async (el: HTMLElement) => {
  await act(async () => {
    fireEvent.click(el);
  });
};

const station = (over: Record<string, unknown> = {}) => ({
  id: 'st-1',
  name: '新城汇驿站',
  town: '新城街道',
  address: '康和路1号',
  hours: '每天 08:00-20:00',
  phone: '0573-82220001',
  services: ['热水'],
  latE6: 30771200,
  lngE6: 120734500,
  active: true,
  staff: [{ grantId: 'g1', name: '张站长' }],
  ...over,
});

test('stations: closed for a while with a reason (an end before the start is said first), then reopened', async () => {
  const closure = { from: 0, until: 0, text: '2026-01-25 18:00', reason: '设备检修', now: true };
  const sent = serve({
    listStationsAdmin: () => [station()],
    closeStation: () => station({ closure }),
    reopenStation: () => station(),
  });
  render(<StationsPage />);
  const table = await screen.findByRole('table', { name: '驿站' });
  expect(table.textContent).toContain('张站长');
  expect(table.textContent).toContain('开放');
  await click(screen.getByText('临时暂停'));
  pick('暂停开始日期', '2026-01-25');
  pick('暂停开始时刻', '09:00');
  pick('恢复时间日期', '2026-01-25');
  pick('恢复时间时刻', '08:00');
  type('暂停原因', '设备检修');
  await click(screen.getByText('确认暂停'));
  expect(screen.getByText('恢复时间：应晚于暂停开始')).toBeTruthy();
  expect(actions(sent, 'closeStation')).toHaveLength(0);
  pick('恢复时间时刻', '18:00');
  await click(screen.getByText('确认暂停'));
  await screen.findByText(/暂停中（至 2026-01-25 18:00）/);
  const { action, requestId, ...payload } = actions(sent, 'closeStation')[0].data;
  expect(payload).toEqual({
    stationId: 'st-1',
    from: '2026-01-25 09:00',
    until: '2026-01-25 18:00',
    reason: '设备检修',
  });
  await click(screen.getByText('恢复开放'));
  await waitFor(() => expect(actions(sent, 'reopenStation')).toHaveLength(1));
  expect(await screen.findByText('✓ 开放')).toBeTruthy();
  expect(screen.queryByText(/暂停中/)).toBeNull();
});

test('employers: a duplicate is merged into the likely original, and the moved records are told', async () => {
  const list = [
    { id: 'e1', name: '嘉兴纺织有限公司', active: true, verifiers: [{ grantId: 'g', name: '李主席' }] },
    { id: 'e2', name: '嘉兴纺织', active: true, verifiers: [] },
    { id: 'e3', name: '洪合毛衫织造厂', active: true, verifiers: [] },
  ];
  const sent = serve({
    listEmployers: () => list,
    mergeEmployers: () => ({
      kept: list[0],
      moved: { users: 3, registrations: 1, orders: 0, retirementRequests: 2, grants: 0 },
    }),
  });
  render(<EmployersPage />);
  const table = await screen.findByRole('table', { name: '单位' });
  expect(table.textContent).toContain('李主席');
  const rows = screen.getAllByRole('row').filter((r) => r.textContent?.includes('嘉兴纺织'));
  const dup = rows.find((r) => r.textContent?.startsWith('嘉兴纺织') && !r.textContent.includes('有限公司'))!;
  await click(Array.from(dup.querySelectorAll('button')).find((b) => b.textContent === '合并')!);
  expect(screen.getByText('要去掉的：嘉兴纺织')).toBeTruthy();
  await click(screen.getByText('合并', { selector: 'button' }));
  await waitFor(() => expect(actions(sent, 'mergeEmployers')).toHaveLength(1));
  expect(actions(sent, 'mergeEmployers')[0].data).toMatchObject({ keepId: 'e1', dropId: 'e2' });
  await waitFor(() =>
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '已合并', content: expect.stringContaining('会员 3 人') }),
    ),
  );
});

test('光荣退休 settings: the defaults are shown as such, and saving sends the window, the text and the pickup stations', async () => {
  const settings = {
    configured: false,
    open: false,
    year: 2026,
    title: '2026年企业职工「光荣退休」',
    opensAt: 0,
    closesAt: 0,
    opensText: '2026-01-01 00:00',
    closesText: '2026-12-31 23:59',
    futureDays: 30,
    pastDays: 730,
    certificateText: '{name}同志：您在{employer}辛勤工作{years}年，光荣退休。',
    issuer: '嘉兴市秀洲区总工会',
    serialPrefix: '秀工退',
    pickupStations: [],
    issuedThisYear: 0,
  };
  const sent = serve({
    getSettings: () => settings,
    listStationsAdmin: () => [station(), station({ id: 'st-2', name: '王江泾镇驿站' })],
    saveSettings: (d) => ({ ...settings, configured: true, open: d.open }),
  });
  render(<RetirementSettingsPage />);
  await screen.findByText(/还没有保存过设置/);
  expect(screen.getByText('下一张证书编号：秀工退〔2026〕第0001号')).toBeTruthy();
  fireEvent.click(screen.getByRole('switch', { name: '开放申请' }));
  fireEvent.click(screen.getByRole('checkbox', { name: /王江泾镇驿站/ }));
  type('证书编号前缀', '秀退');
  await click(screen.getByText('保存设置'));
  await waitFor(() => expect(actions(sent, 'saveSettings')).toHaveLength(1));
  const { action, requestId, ...payload } = actions(sent, 'saveSettings')[0].data;
  expect(payload).toEqual({
    open: true,
    year: 2026,
    title: '2026年企业职工「光荣退休」',
    opensAt: '2026-01-01 00:00',
    closesAt: '2026-12-31 23:59',
    futureDays: 30,
    pastDays: 730,
    certificateText: '{name}同志：您在{employer}辛勤工作{years}年，光荣退休。',
    issuer: '嘉兴市秀洲区总工会',
    serialPrefix: '秀退',
    pickupStationIds: ['st-2'],
  });
  await waitFor(() => expect(screen.queryByText(/还没有保存过设置/)).toBeNull());
});

test('contests: copied for next year opens the copy; a publish refused for want of trades is explained', async () => {
  const contest = (over: Record<string, unknown> = {}) => ({
    id: 'c1',
    title: '2026年职工技能比武',
    status: 'draft',
    statusText: '草稿',
    registrationOpensText: '2026-03-01 09:00',
    registrationClosesText: '2026-04-30 17:00',
    venue: '职校',
    trades: [],
    ...over,
  });
  const sent = serve({
    adminContests: () => [contest()],
    publishContest: () => {
      throw { code: 'INVALID_STATE', message: '请先添加至少一个比赛项目' };
    },
    copyContest: () => contest({ id: 'c2', title: '2027年职工技能比武' }),
  });
  render(<ContestsAdminPage />);
  const table = await screen.findByRole('table', { name: '比武' });
  expect(table.textContent).toContain('尚未添加');
  await click(screen.getByText('发布'));
  await waitFor(() =>
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '请先添加至少一个比赛项目' })),
  );
  await click(screen.getByText('复制为明年'));
  await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/pages/contest/index?id=c2' }));
  expect(actions(sent, 'copyContest')[0].data).toMatchObject({ contestId: 'c1' });
});
