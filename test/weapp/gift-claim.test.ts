// The compiled 春节礼包 page in miniprogram-simulate: the campaign renders from the (stubbed) cloud,
// tapping 在此领取 at a station calls gift.claim and shows the confirmation with the voucher.
import { cloud, loadPage, wxMock } from './harness';

const station = (stationId: string, name: string, left: number) => ({
  stationId,
  name,
  address: `嘉兴市秀洲区${name}`,
  hours: '每天 08:00-20:00',
  lat: 30.77,
  lng: 120.7,
  left,
});

const campaign = {
  id: 'gift-2026-spring',
  name: '2026年“暖新暖心”春节礼包',
  items: ['洗发水', '沐浴露', '洗衣液'],
  startAt: 0,
  endAt: 0,
  windowText: '2026-01-18 10:00 至 2026-02-09 18:00',
  status: 'open',
  statusText: '领取中',
  validDays: 7,
  anyStation: false,
  groups: ['外卖', '快递'],
  groupsText: '外卖、快递等行业的工会会员',
  totalLeft: 149,
  eligibility: { eligible: true },
  myVoucher: null,
  stations: [station('station-xinchenghui', '新城汇驿站', 149), station('station-youchegang', '油车港驿站', 0)],
};

const voucher = {
  id: 'v0123456789abcdef0123',
  campaignId: campaign.id,
  campaignName: campaign.name,
  items: campaign.items,
  stationId: 'station-xinchenghui',
  stationName: '新城汇驿站',
  stationAddress: '嘉兴市秀洲区新城街道康和路新城汇商业中心1楼',
  stationHours: '每天 08:00-20:00',
  status: 'claimed',
  statusText: '已领取',
  claimedAt: 0,
  validUntil: 0,
  validUntilText: '2026-01-26 23:59',
  anyStation: false,
};

test('renders the campaign, claims at a station and shows the voucher confirmation', async () => {
  cloud.handle((name, data: any) => {
    if (name !== 'gift') return undefined;
    if (data.action === 'getCampaign') return { ok: true, data: campaign };
    if (data.action === 'claim') return { ok: true, data: voucher };
    return undefined;
  });
  const page = await loadPage('gifts/pages/campaign/index');
  await page.waitForText('暖新暖心');
  expect(page.text()).toContain('领取中');
  expect(page.text()).toContain('洗发水、沐浴露、洗衣液');
  expect(page.text()).toContain('您符合领取条件');
  expect(page.text()).toContain('剩余 149 份');
  expect(page.text()).toContain('本站已领完');

  const buttons = page.$$('.gift-station__claim');
  expect(buttons).toHaveLength(2);
  await page.tap(buttons[0]);
  await page.waitForText('您已领取：新城汇驿站');
  const claim = cloud.calls.find((c) => c.name === 'gift' && c.data.action === 'claim');
  expect(claim?.data).toEqual(
    expect.objectContaining({
      campaignId: 'gift-2026-spring',
      stationId: 'station-xinchenghui',
      requestId: expect.any(String),
    }),
  );
  expect(wxMock.showModal).toHaveBeenCalled();
  expect(wxMock.showToast.mock.calls.some((c: any[]) => c[0]?.title === '领取成功')).toBe(true);
  expect(page.text()).toContain('2026-01-26 23:59');
  // The claim buttons are gone once claimed.
  expect(page.$$('.gift-station__claim')).toHaveLength(0);
  await page.tap('.gift-campaign__open-voucher');
  await page.waitFor(() => wxMock.navigateTo.mock.calls.length > 0);
  expect(wxMock.navigateTo.mock.calls[0][0].url).toBe('/gifts/pages/voucher/index?id=v0123456789abcdef0123');
});
