/**
 * The worker's campaign page in jsdom with a stub transport: why not (and no claim button), the
 * OUT_OF_STOCK answer naming stations that still have packs, one claim on a double tap.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import CampaignPage from '../../../src/gifts/pages/campaign/index';
import { taroMock } from '../mocks/taro';
import { actions, campaign, serve, station } from './fixtures';

// The mock has no getLocation: locate() answers null and the list keeps the server's order.
beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

test('an ineligible worker sees the reason and a way forward, and no claim button', async () => {
  serve({
    getCampaign: () =>
      campaign({
        eligibility: { eligible: false, code: 'PROFILE_INCOMPLETE', reason: '请先完善会员信息（从事行业）' },
      }),
  });
  render(<CampaignPage />);
  expect(await screen.findByText(/请先完善会员信息（从事行业）/)).toBeTruthy();
  expect(screen.queryByText('在此领取')).toBeNull();
  expect(screen.getByText('剩余 149 份')).toBeTruthy();
  fireEvent.click(screen.getByText('去完善会员信息'));
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/member/pages/profile/index' });
});

test('OUT_OF_STOCK: the modal names the stations with packs left, and the page reloads the stock', async () => {
  let loads = 0;
  const sent = serve({
    getCampaign: () =>
      ++loads === 1
        ? campaign()
        : campaign({
            stations: [
              station('station-xinchenghui', '新城汇驿站', 0),
              station('station-wangjiangjing', '王江泾镇驿站', 40),
            ],
          }),
    claim: () => {
      throw {
        code: 'OUT_OF_STOCK',
        message: '本站已领完，可到王江泾镇驿站（剩40份）领取',
        details: { stations: [{ stationId: 'station-wangjiangjing', name: '王江泾镇驿站', left: 40 }] },
      };
    },
  });
  render(<CampaignPage />);
  const [first] = await screen.findAllByText('在此领取');
  await act(async () => {
    fireEvent.click(first);
  });
  await waitFor(() =>
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '本站已领完', content: '本站已领完，可到王江泾镇驿站（剩40份）领取' }),
    ),
  );
  expect(actions(sent, 'claim')).toHaveLength(1);
  // Reloaded: 新城汇驿站 now reads 已领完 with its button disabled; 王江泾镇驿站 still offers 40.
  await screen.findByText('本站已领完');
  expect((screen.getByText('已领完') as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByText('剩余 40 份')).toBeTruthy();
});

test('a double tap on 在此领取 claims once, and the voucher appears', async () => {
  const sent = serve({
    getCampaign: () => campaign(),
    claim: (d) => ({
      id: 'v-1',
      campaignId: d.campaignId,
      campaignName: '2026年新春送温暖礼包',
      items: ['春联'],
      stationId: d.stationId,
      stationName: '新城汇驿站',
      stationAddress: '康和路',
      stationHours: '每天 08:00-20:00',
      status: 'claimed',
      statusText: '已领取',
      claimedAt: 0,
      validUntil: 0,
      validUntilText: '2026-01-26 23:59',
      anyStation: false,
    }),
  });
  // The confirmation stays open until released, as a real modal would while the worker reads it.
  let release!: () => void;
  jest
    .mocked(Taro.showModal)
    .mockImplementationOnce(
      () => new Promise((r) => (release = () => r({ confirm: true, cancel: false, errMsg: 'ok' } as any))),
    );
  render(<CampaignPage />);
  const [first] = await screen.findAllByText('在此领取');
  fireEvent.click(first);
  fireEvent.click(first);
  await act(async () => release());
  await screen.findByText('您已领取：新城汇驿站');
  expect(actions(sent, 'claim')).toHaveLength(1);
  expect(actions(sent, 'claim')[0].data).toMatchObject({
    campaignId: 'gift-2026-spring',
    stationId: 'station-xinchenghui',
  });
  expect(Taro.showModal).toHaveBeenCalledTimes(1);
});

test('a station closed for a while says why and until when, and offers no claim there', async () => {
  serve({
    getCampaign: () =>
      campaign({
        stations: [
          { ...station('station-xinchenghui', '新城汇驿站', 149), closed: '暂停服务（至 2026-01-25 18:00）：设备检修' },
          station('station-wangjiangjing', '王江泾镇驿站', 40),
        ],
      }),
  });
  render(<CampaignPage />);
  expect(await screen.findByText('暂停服务（至 2026-01-25 18:00）：设备检修')).toBeTruthy();
  expect((screen.getByText('暂停服务', { selector: 'button' }) as HTMLButtonElement).disabled).toBe(true);
  expect((screen.getByText('在此领取') as HTMLButtonElement).disabled).toBe(false);
  expect(screen.queryByText('剩余 149 份')).toBeNull();
});
