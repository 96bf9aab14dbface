/**
 * Station staff's on-the-spot claim: the lookup checks its input locally, shows the match with its
 * eligibility (no 现场发放 when ineligible), and one confirmed tap hands over exactly one pack.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import OnSpotPage from '../../../src/gifts/pages/on-spot/index';
import { taroMock } from '../mocks/taro';
import { actions, campaign, serve } from './fixtures';

const MY_SCOPES = [{ kind: 'station', id: 'station-xinchenghui', name: '新城汇驿站' }];
const rider = {
  memberNo: 'JX2026001',
  personName: '陈*强',
  phone: '139****2345',
  group: '外卖',
  eligibility: { eligible: true },
  alreadyClaimed: null,
};
const worker = {
  memberNo: 'JX2026002',
  personName: '陈*明',
  phone: '139****2345',
  eligibility: { eligible: false, code: 'NOT_ELIGIBLE', reason: '您不在本次发放范围（外卖、快递）' },
  alreadyClaimed: null,
};

beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

test('staff at a station outside the campaign are told so', async () => {
  serve({
    getCampaign: () => campaign(),
    myScopes: () => [{ kind: 'station', id: 'station-honghe', name: '洪合镇驿站' }],
  });
  render(<OnSpotPage />);
  expect(await screen.findByText('您负责的驿站不在本次礼包发放站点中')).toBeTruthy();
});

test('lookup: a bad phone tail is refused locally; matches show eligibility, and only the eligible can be given a pack', async () => {
  const sent = serve({ getCampaign: () => campaign(), myScopes: () => MY_SCOPES, onSpotLookup: () => [rider, worker] });
  render(<OnSpotPage />);
  expect(await screen.findByText('新城汇驿站（剩 149 份）')).toBeTruthy();
  type('职工姓名', '陈志强');
  type('手机号后4位', '23');
  fireEvent.click(screen.getByText('查找职工'));
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请输入手机号后4位' }));
  expect(actions(sent, 'onSpotLookup')).toHaveLength(0);

  type('手机号后4位', '2345');
  await act(async () => {
    fireEvent.click(screen.getByText('查找职工'));
  });
  await screen.findByText(/陈\*强/);
  expect(actions(sent, 'onSpotLookup')[0].data).toMatchObject({
    campaignId: 'gift-2026-spring',
    stationId: 'station-xinchenghui',
    name: '陈志强',
    phoneTail: '2345',
  });
  expect(screen.getByText('您不在本次发放范围（外卖、快递）')).toBeTruthy();
  // Two matches, one eligible: exactly one 现场发放 button.
  expect(screen.getAllByText('现场发放')).toHaveLength(1);
});

test('a match who already claimed is shown so, in words, with when and where, and cannot be given a pack', async () => {
  const claimed = {
    ...rider,
    memberNo: 'JX2026003',
    personName: '陈*华',
    alreadyClaimed: {
      at: 1768957200000,
      atText: '2026-01-21 09:00',
      stationName: '王江泾镇驿站',
      status: 'claimed',
      statusText: '已领取',
    },
  };
  const sent = serve({
    getCampaign: () => campaign(),
    myScopes: () => MY_SCOPES,
    onSpotLookup: () => [claimed, rider],
  });
  render(<OnSpotPage />);
  await screen.findByText('新城汇驿站（剩 149 份）');
  type('职工姓名', '陈志强');
  type('手机号后4位', '2345');
  await act(async () => {
    fireEvent.click(screen.getByText('查找职工'));
  });
  await screen.findByText(/陈\*华/);
  expect(screen.getByText(/已领过/)).toBeTruthy();
  expect(screen.getByText('2026-01-21 09:00 已在王江泾镇驿站领取（已领取），每人限一份，不能再发放。')).toBeTruthy();
  // Two matches, one already holding a pack: only the other one can be given one.
  expect(screen.getAllByText('现场发放')).toHaveLength(1);
  expect(screen.getAllByText(/符合领取条件/)).toHaveLength(1);
  expect(actions(sent, 'onSpotClaim')).toHaveLength(0);
});

test('现场发放: confirmation first, one onSpotClaim even on a double tap, then 已发放', async () => {
  const sent = serve({
    getCampaign: () => campaign(),
    myScopes: () => MY_SCOPES,
    onSpotLookup: () => [rider],
    onSpotClaim: () => ({
      personName: '陈*强',
      voucher: { campaignName: '2026年新春送温暖礼包', stationName: '新城汇驿站', statusText: '已核销' },
    }),
  });
  let release!: () => void;
  render(<OnSpotPage />);
  await screen.findByText('新城汇驿站（剩 149 份）');
  type('职工姓名', '陈志强');
  type('手机号后4位', '2345');
  await act(async () => {
    fireEvent.click(screen.getByText('查找职工'));
  });
  const give = await screen.findByText('现场发放');
  jest
    .mocked(Taro.showModal)
    .mockImplementationOnce(
      () => new Promise((r) => (release = () => r({ confirm: true, cancel: false, errMsg: 'ok' } as any))),
    );
  fireEvent.click(give);
  fireEvent.click(give);
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认现场发放' }));
  expect(actions(sent, 'onSpotClaim')).toHaveLength(0); // nothing before the confirmation
  await act(async () => release());
  expect(await screen.findByText('已发放：陈*强')).toBeTruthy();
  expect(actions(sent, 'onSpotClaim')).toHaveLength(1);
  expect(actions(sent, 'onSpotClaim')[0].data).toMatchObject({
    campaignId: 'gift-2026-spring',
    stationId: 'station-xinchenghui',
    memberNo: 'JX2026001',
    requestId: expect.any(String),
  });
  expect(Taro.showModal).toHaveBeenCalledTimes(1);
});

test('凭会员码发放 sends the pasted code; a ALREADY_CLAIMED is told in staff words', async () => {
  const sent = serve({
    getCampaign: () => campaign(),
    myScopes: () => MY_SCOPES,
    onSpotClaim: () => {
      throw { code: 'ALREADY_CLAIMED', message: '您已领取本次礼包，每人限领一份，可在“我的礼包”查看' };
    },
  });
  render(<OnSpotPage />);
  await screen.findByText('新城汇驿站（剩 149 份）');
  type('会员码', ' m.abc.123 ');
  await act(async () => {
    fireEvent.click(screen.getByText('凭会员码发放'));
  });
  await waitFor(() => expect(actions(sent, 'onSpotClaim')).toHaveLength(1));
  expect(actions(sent, 'onSpotClaim')[0].data).toMatchObject({ memberCode: 'm.abc.123' });
  await waitFor(() =>
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('这位职工已经领过本次礼包') }),
    ),
  );
  expect(screen.queryByText(/已发放/)).toBeNull();
});
