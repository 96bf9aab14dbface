/**
 * Who may claim and why not: groups, profile, membership, window edges in Asia/Shanghai, pause.
 */
import { shanghaiTime } from '../../../cloud/lib/clock';
import { PERSONAS, okData, rid } from '../helpers';
import { CAMPAIGN, XCH, countClaims, giftWorld } from './fixture';

const claim = (w: Awaited<ReturnType<typeof giftWorld>>, who: string) =>
  w.gift(who, { action: 'claim', campaignId: CAMPAIGN, stationId: XCH, requestId: rid() });

test('an ineligible group is refused with the reason, and getCampaign says why before the button', async () => {
  const w = await giftWorld();
  // persona-worker is 产业工人 with no 从事行业: not in 外卖/快递/网约车/环卫/施工.
  const r = await claim(w, PERSONAS.worker);
  expect(r).toMatchObject({ ok: false, code: 'NOT_IN_SCOPE' });
  expect(!r.ok && r.message).toContain('不在本次发放范围');
  expect(!r.ok && r.message).toContain('外卖、快递、网约车、环卫、施工');
  const view = okData(await w.gift(PERSONAS.worker, { action: 'getCampaign', campaignId: CAMPAIGN }));
  expect(view.eligibility).toMatchObject({ eligible: false, code: 'NOT_IN_SCOPE' });
  expect(okData(await w.gift(PERSONAS.rider, { action: 'getCampaign' })).eligibility).toEqual({ eligible: true });
  expect(await countClaims(w)).toBe(0);
  expect(await w.stock(XCH)).toMatchObject({ stock: 100, claimed: 0 });
});

test('a campaign for all members admits the 产业工人', async () => {
  const w = await giftWorld({ campaign: { groups: [] } });
  expect(okData(await claim(w, PERSONAS.worker)).status).toBe('claimed');
});

test('no profile → PROFILE_INCOMPLETE; not a member → NOT_MEMBER', async () => {
  const w = await giftWorld({ campaign: { groups: [] } });
  expect(await claim(w, PERSONAS.newcomer)).toMatchObject({ ok: false, code: 'PROFILE_INCOMPLETE' });
  expect(await claim(w, PERSONAS.family)).toMatchObject({ ok: false, code: 'NOT_MEMBER' });
  const view = okData(await w.gift(PERSONAS.newcomer, { action: 'getCampaign' }));
  expect(view.eligibility).toMatchObject({ eligible: false, code: 'PROFILE_INCOMPLETE' });
  expect(await countClaims(w)).toBe(0);
});

test('window edges are judged in Asia/Shanghai', async () => {
  const w = await giftWorld({ now: shanghaiTime('2026-01-20 09:59') });
  const early = await claim(w, PERSONAS.rider);
  expect(early).toMatchObject({ ok: false, code: 'NOT_IN_WINDOW' });
  expect(!early.ok && early.message).toContain('2026年1月20日（周二）10:00');
  // 10:00 Shanghai is 02:00 UTC: a UTC reading of the wall time would refuse this.
  w.clock.set(shanghaiTime('2026-01-20 10:00'));
  expect(okData(await claim(w, PERSONAS.rider)).status).toBe('claimed');
  w.clock.set(shanghaiTime('2026-02-09 17:59'));
  expect(okData(await claim(w, PERSONAS.courier)).validUntilText).toBe('2026年2月9日（周一）18:00'); // capped at the campaign end
  w.clock.set(shanghaiTime('2026-02-09 18:00'));
  const late = await claim(w, PERSONAS.worker);
  expect(late).toMatchObject({ ok: false, code: 'NOT_IN_WINDOW' });
  expect(okData(await w.gift(PERSONAS.worker, { action: 'getCampaign', campaignId: CAMPAIGN })).status).toBe('ended');
});

test('a paused campaign refuses claims until resumed', async () => {
  const w = await giftWorld();
  okData(await w.gift(PERSONAS.admin, { action: 'setPaused', campaignId: CAMPAIGN, paused: true, requestId: rid() }));
  expect(await claim(w, PERSONAS.rider)).toMatchObject({ ok: false, code: 'CAMPAIGN_PAUSED' });
  expect(okData(await w.gift(PERSONAS.rider, { action: 'getCampaign' })).statusText).toBe('暂停发放');
  okData(await w.gift(PERSONAS.admin, { action: 'setPaused', campaignId: CAMPAIGN, paused: false, requestId: rid() }));
  expect(okData(await claim(w, PERSONAS.rider)).status).toBe('claimed');
  expect((await w.all('auditLog', { event: 'gift.pause' })).length).toBe(1);
});

test('getCampaign shows stations with stock left and my voucher once claimed', async () => {
  const w = await giftWorld();
  const v = okData(await claim(w, PERSONAS.rider));
  const view = okData(await w.gift(PERSONAS.rider, { action: 'getCampaign' }));
  expect(view.myVoucher.id).toBe(v.id);
  expect(view.eligibility).toMatchObject({ eligible: false, code: 'ALREADY_CLAIMED' });
  expect(view.stations.find((s: { stationId: string }) => s.stationId === XCH)).toMatchObject({
    name: '新城汇驿站',
    left: 99,
    hours: '每天 08:00-20:00',
  });
  expect(view.totalLeft).toBe(149);
  expect(view.windowText).toBe('2026年1月20日（周二）10:00 至 2026年2月9日（周一）18:00');
});
