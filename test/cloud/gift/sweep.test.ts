/**
 * The expiry sweep: expired vouchers return their pack exactly once, however often and however
 * concurrently the sweep runs; holders are reminded once within 24 hours of expiry.
 */
import { runExpirySweep } from '../../../cloud/domain/gift';
import { shanghaiTime } from '../../../cloud/lib/clock';
import { PERSONAS, okData, rid } from '../helpers';
import { CAMPAIGN, WJJ, XCH, addWorkers, countClaims, giftWorld } from './fixture';

async function claimedWorld(n: number) {
  const w = await giftWorld();
  const workers = await addWorkers(w, n);
  for (const id of workers)
    okData(await w.gift(id, { action: 'claim', campaignId: CAMPAIGN, stationId: XCH, requestId: rid() }));
  return w;
}

test('run twice, and concurrently: stock returned once per expired voucher', async () => {
  const w = await claimedWorld(30);
  expect(await w.stock(XCH)).toMatchObject({ stock: 70, claimed: 30 });
  w.clock.set(shanghaiTime('2026-01-28 08:00')); // claimed on the 21st, valid through the 27th
  // The timer trigger and an admin's button at the same moment (direct runs interleave the most).
  const concurrent = await Promise.all([
    // Each run a millisecond apart, so a run that rewrote an already expired voucher would count it again.
    ...Array.from({ length: 4 }, (_, i) => runExpirySweep({ ...w.ctxFor(''), now: () => w.clock.now() + i + 1 })),
    w.gift(PERSONAS.admin, { action: 'expireSweep', requestId: rid('sweep') }).then(okData),
  ]);
  const expired = concurrent.reduce((n, r) => n + r.expired, 0);
  expect(expired).toBe(30);
  expect(await w.stock(XCH)).toEqual({ stock: 100, claimed: 0, redeemed: 0 });
  const again = okData(await w.gift(PERSONAS.admin, { action: 'expireSweep', requestId: rid('sweep') }));
  expect(again).toEqual({ expired: 0, reminded: 0 });
  expect(await runExpirySweep(w.ctxFor(''))).toEqual({ expired: 0, reminded: 0 });
  expect(await w.stock(XCH)).toEqual({ stock: 100, claimed: 0, redeemed: 0 });
  expect(await countClaims(w, { status: 'expired' })).toBe(30);
});

test('a redeemed voucher never expires, a valid one is left alone, an expired one reads 已过期', async () => {
  const w = await giftWorld();
  const rider = okData(
    await w.gift(PERSONAS.rider, { action: 'claim', campaignId: CAMPAIGN, stationId: XCH, requestId: rid() }),
  );
  w.clock.set(shanghaiTime('2026-01-25 12:00'));
  const courier = okData(
    await w.gift(PERSONAS.courier, { action: 'claim', campaignId: CAMPAIGN, stationId: WJJ, requestId: rid() }),
  );
  w.clock.set(shanghaiTime('2026-01-28 00:00') + 1);
  // Before the sweep runs, the owner already sees it as expired.
  expect(okData(await w.gift(PERSONAS.rider, { action: 'getVoucher', voucherId: rider.id }))).toMatchObject({
    status: 'expired',
    statusText: '已过期',
  });
  expect(okData(await w.gift(PERSONAS.admin, { action: 'expireSweep', requestId: rid() })).expired).toBe(1);
  expect(okData(await w.gift(PERSONAS.courier, { action: 'getVoucher', voucherId: courier.id })).status).toBe(
    'claimed',
  );
  expect(await w.stock(WJJ)).toMatchObject({ stock: 49, claimed: 1 });
});

test('reminds holders expiring within 24 hours, once', async () => {
  const w = await giftWorld();
  okData(await w.gift(PERSONAS.rider, { action: 'claim', campaignId: CAMPAIGN, stationId: XCH, requestId: rid() }));
  w.clock.set(shanghaiTime('2026-01-27 09:00'));
  const [a, b] = await Promise.all([runExpirySweep(w.ctxFor('')), runExpirySweep(w.ctxFor(''))]);
  expect(a.reminded + b.reminded).toBe(1);
  expect((await runExpirySweep(w.ctxFor(''))).reminded).toBe(0);
  const msgs = await w.all('messages', { to: PERSONAS.rider, title: '礼包券即将过期' });
  expect(msgs).toHaveLength(1);
  expect(msgs[0].body).toContain('2026年1月27日（周二）23:59');
});

test('only admins may run the sweep', async () => {
  const w = await claimedWorld(1);
  w.clock.set(shanghaiTime('2026-01-29 00:00'));
  for (const who of [PERSONAS.rider, PERSONAS.stationStaff]) {
    expect(await w.gift(who, { action: 'expireSweep', requestId: rid() })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  }
  expect(await countClaims(w, { status: 'claimed' })).toBe(1);
});
