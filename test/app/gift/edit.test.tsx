/**
 * The admin's campaign form: what a create sends (Shanghai wall time, groups, only the stations given
 * a number), what it refuses before sending, and an edit that starts from the campaign as it is.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import EditCampaignPage from '../../../src/gifts/pages/edit/index';
import { taroMock } from '../mocks/taro';
import { actions, campaign, serve } from './fixtures';

const STATIONS = [
  {
    id: 'station-xinchenghui',
    name: '新城汇驿站',
    town: '',
    address: '',
    hours: '',
    phone: '',
    services: [],
    lat: 0,
    lng: 0,
  },
  {
    id: 'station-honghe',
    name: '洪合镇驿站',
    town: '',
    address: '',
    hours: '',
    phone: '',
    services: [],
    lat: 0,
    lng: 0,
  },
];

beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const pick = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label).closest('[data-picker]')!.querySelector('input')!, {
    target: { value },
  });

test('create: sends the wall-time window, the ticked groups and stock only for stations given a number', async () => {
  const sent = serve({ listStations: () => STATIONS, createCampaign: () => ({ id: 'gc-1' }) });
  render(<EditCampaignPage />);
  await screen.findByText('新城汇驿站');
  type('活动名称', '2026年元宵送温暖');
  type('礼包内容', '汤圆、春联，福字');
  pick('开始时间日期', '2026-02-20');
  pick('开始时间时刻', '10:00');
  pick('结束时间日期', '2026-02-28');
  pick('结束时间时刻', '18:00');
  fireEvent.click(screen.getByRole('checkbox', { name: /外卖/ }));
  fireEvent.click(screen.getByRole('checkbox', { name: /快递/ }));
  fireEvent.click(screen.getByRole('checkbox', { name: /外卖/ })); // untick again
  type('核销有效天数', '5');
  fireEvent.click(screen.getByRole('switch', { name: '可在任一驿站核销' }));
  type('新城汇驿站礼包数量', '30');
  await act(async () => {
    fireEvent.click(screen.getByText('创建活动'));
  });
  await waitFor(() => expect(actions(sent, 'createCampaign')).toHaveLength(1));
  const { action, requestId, ...payload } = actions(sent, 'createCampaign')[0].data;
  expect(requestId).toEqual(expect.any(String));
  expect(payload).toEqual({
    name: '2026年元宵送温暖',
    items: ['汤圆', '春联', '福字'],
    startAt: '2026-02-20 10:00',
    endAt: '2026-02-28 18:00',
    groups: ['快递'],
    validDays: 5,
    anyStation: true,
    stock: [{ stationId: 'station-xinchenghui', stock: 30 }],
  });
  await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
});

test('create: refuses without stock or with the end before the start, and sends nothing', async () => {
  const sent = serve({ listStations: () => STATIONS, createCampaign: () => ({ id: 'gc-1' }) });
  render(<EditCampaignPage />);
  await screen.findByText('新城汇驿站');
  type('活动名称', '元宵礼包');
  type('礼包内容', '汤圆');
  fireEvent.click(screen.getByText('创建活动'));
  expect((await screen.findByRole('alert')).textContent).toContain('请至少给一个驿站分配礼包');

  type('洪合镇驿站礼包数量', '20');
  pick('开始时间日期', '2026-02-28');
  pick('结束时间日期', '2026-02-20');
  fireEvent.click(screen.getByText('创建活动'));
  expect(await screen.findByText('结束时间请晚于开始时间')).toBeTruthy();
  expect(actions(sent, 'createCampaign')).toHaveLength(0);
});

test('edit: the form starts from the campaign and sends updateCampaign with its id', async () => {
  taroMock.setRouterParams({ id: 'gift-2026-spring' });
  const sent = serve({ getCampaign: () => campaign(), updateCampaign: () => ({ id: 'gift-2026-spring' }) });
  render(<EditCampaignPage />);
  expect(((await screen.findByLabelText('活动名称')) as HTMLInputElement).value).toBe('2026年新春送温暖礼包');
  expect(screen.getByRole('checkbox', { name: /外卖/ }).getAttribute('aria-checked')).toBe('true');
  expect(screen.getByText(/新城汇驿站 剩149份/)).toBeTruthy();
  expect(screen.queryByLabelText('新城汇驿站礼包数量')).toBeNull(); // stock is moved on the manage page
  type('核销有效天数', '10');
  await act(async () => {
    fireEvent.click(screen.getByText('保存修改'));
  });
  await waitFor(() => expect(actions(sent, 'updateCampaign')).toHaveLength(1));
  expect(actions(sent, 'updateCampaign')[0].data).toMatchObject({
    campaignId: 'gift-2026-spring',
    validDays: 10,
    startAt: '2026-01-18 10:00',
    endAt: '2026-02-09 18:00',
    groups: ['外卖', '快递'],
  });
  expect(actions(sent, 'updateCampaign')[0].data.stock).toBeUndefined();
});
