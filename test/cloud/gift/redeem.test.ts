/**
 * Redeeming a voucher through the one staff scanner (`checkin.scan` with the voucher's signed code):
 * once, only at its station, only while valid; undo; lookup and counts for the station.
 */
import { checkinActions } from '../../../cloud/domain/checkin';
import { voucherScan } from '../../../cloud/domain/gift/scan';
import { shanghaiTime } from '../../../cloud/lib/clock';
import { seedGift, OTHER_STATION_STAFF } from '../../../cloud/seed/gift';
import { PERSONAS, okData, rid } from '../helpers';
import { CAMPAIGN, WJJ, XCH, giftWorld } from './fixture';

const HOME = { kind: 'station', id: XCH } as const;
const OTHER = { kind: 'station', id: WJJ } as const;

async function withVoucher(opts: Parameters<typeof giftWorld>[0] = {}) {
  const w = await giftWorld(opts);
  await seedGift(w.db, w.clock.now()); // adds the 王江泾镇驿站 staff persona (and the seeded campaigns)
  const v = okData(
    await w.gift(PERSONAS.rider, { action: 'claim', campaignId: CAMPAIGN, stationId: XCH, requestId: rid() }),
  );
  const code = async () =>
    okData(await w.gift(PERSONAS.rider, { action: 'voucherCode', voucherId: v.id })).token as string;
  const scan = async (who: string, scope: { kind: 'station'; id: string } = HOME) =>
    w.call(who, checkinActions, 'checkin', { action: 'scan', code: await code(), scope, requestId: rid('scan') });
  return { w, v, code, scan };
}

test('20 concurrent scans of one voucher: exactly one success, the rest say who, when, where', async () => {
  const { w, code } = await withVoucher();
  const token = await code();
  const results = await Promise.all(
    Array.from({ length: 20 }, () =>
      w.call(PERSONAS.stationStaff, checkinActions, 'checkin', {
        action: 'scan',
        code: token,
        scope: HOME,
        requestId: rid('c'),
      }),
    ),
  );
  const data = results.map((r) => okData(r));
  expect(data.filter((d) => d.result === 'success')).toHaveLength(1);
  const used = data.filter((d) => d.result === 'used');
  expect(used).toHaveLength(19);
  expect(used[0]).toMatchObject({ personName: '陈*强', firstPlace: '新城汇驿站', firstStaff: '沈丽萍' });
  expect(await w.stock(XCH)).toEqual({ stock: 99, claimed: 1, redeemed: 1 });
  const mine = okData(await w.gift(PERSONAS.rider, { action: 'myVouchers' }));
  expect(mine[0]).toMatchObject({ status: 'redeemed', statusText: '已核销', redeemedPlace: '新城汇驿站' });
});

test("staff of another station: FORBIDDEN in the voucher station's scope, WRONG_SCOPE at their own", async () => {
  const { w, scan } = await withVoucher();
  expect(await scan(OTHER_STATION_STAFF, HOME)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const wrong = okData(await scan(OTHER_STATION_STAFF, OTHER));
  expect(wrong).toMatchObject({ result: 'refused', code: 'WRONG_SCOPE' });
  expect(wrong.message).toContain('新城汇驿站');
  expect(await w.stock(XCH)).toMatchObject({ redeemed: 0 });
  // Still redeemable at home.
  expect(okData(await scan(PERSONAS.stationStaff))).toMatchObject({ result: 'success', title: '礼包已核销' });
});

test('an any-station campaign redeems anywhere (counted on the station it was claimed from)', async () => {
  const { w, scan } = await withVoucher({ campaign: { anyStation: true } });
  expect(okData(await scan(OTHER_STATION_STAFF, OTHER))).toMatchObject({ result: 'success' });
  expect(await w.stock(XCH)).toMatchObject({ redeemed: 1 });
});

test('only while valid: after the validity (Shanghai day end) the scan is refused', async () => {
  const { w, code } = await withVoucher();
  const token = await code();
  w.clock.set(shanghaiTime('2026-01-27 23:59'));
  const fresh = await code();
  w.clock.set(shanghaiTime('2026-01-28 00:00') + 1000);
  const r = okData(
    await w.call(PERSONAS.stationStaff, checkinActions, 'checkin', {
      action: 'scan',
      code: fresh,
      scope: HOME,
      requestId: rid(),
    }),
  );
  expect(r).toMatchObject({ result: 'refused', code: 'INVALID_STATE' });
  expect(r.message).toContain('已过期');
  // The earlier code has also timed out on its own (a screenshot stops working).
  expect(
    okData(
      await w.call(PERSONAS.stationStaff, checkinActions, 'checkin', {
        action: 'scan',
        code: token,
        scope: HOME,
        requestId: rid(),
      }),
    ),
  ).toMatchObject({ code: 'TOKEN_EXPIRED' });
  expect(
    await w.gift(PERSONAS.rider, {
      action: 'voucherCode',
      voucherId: (await w.all('giftClaims', { openid: PERSONAS.rider }))[0].voucherId,
    }),
  ).toMatchObject({ ok: false, code: 'INVALID_STATE' });
});

test('a cancelled voucher cannot be redeemed', async () => {
  const { w, v } = await withVoucher();
  const ctx = await w.actionCtx(PERSONAS.stationStaff);
  okData(await w.gift(PERSONAS.rider, { action: 'cancelClaim', voucherId: v.id, requestId: rid() }));
  const stamp = {
    scanId: 'scan-x',
    at: w.clock.now(),
    staff: PERSONAS.stationStaff,
    staffName: '沈丽萍',
    scope: HOME,
    placeName: '新城汇驿站',
  };
  await expect(voucherScan.redeem(ctx, v.id, HOME, stamp)).rejects.toMatchObject({ code: 'INVALID_STATE' });
});

test('undo reverts to claimed and the voucher can be redeemed again', async () => {
  const { w, scan } = await withVoucher();
  const first = okData(await scan(PERSONAS.stationStaff));
  expect(first.result).toBe('success');
  okData(
    await w.call(PERSONAS.stationStaff, checkinActions, 'checkin', {
      action: 'undo',
      scanId: first.scanId,
      reason: '误扫',
      requestId: rid(),
    }),
  );
  expect(await w.stock(XCH)).toMatchObject({ redeemed: 0 });
  expect((await w.all('giftClaims', { openid: PERSONAS.rider }))[0]).toMatchObject({
    status: 'claimed',
    redeemed: null,
  });
  expect(okData(await scan(PERSONAS.stationStaff)).result).toBe('success');
});

test("lookup by name + phone tail finds only this station's vouchers, masked; counts show 已核销 / 库存", async () => {
  const { w, v } = await withVoucher();
  const ctx = await w.actionCtx(PERSONAS.stationStaff);
  const found = await voucherScan.lookup!(ctx, HOME, { name: '陈志强', phoneTail: '2345' });
  expect(found).toEqual([
    { kind: 'voucher', subjectId: v.id, personName: '陈*强', phone: '139****2345', summary: '测试春节礼包 · 待核销' },
  ]);
  expect(await voucherScan.lookup!(ctx, OTHER, { name: '陈志强', phoneTail: '2345' })).toEqual([]);
  expect(await voucherScan.lookup!(ctx, HOME, { name: '陈志强', phoneTail: '0000' })).toEqual([]);
  const counts = await voucherScan.counts!(ctx, HOME);
  expect(counts).toContainEqual({ label: '测试春节礼包 已核销 / 库存', done: 0, total: 100 });
});
