/**
 * Claiming: never oversold, one per person, OUT_OF_STOCK points elsewhere, cancel returns stock.
 */
import { PERSONAS, okData, rid } from '../helpers';
import { CAMPAIGN, WJJ, XCH, YCG, addWorkers, countClaims, giftWorld } from './fixture';

// 1,000 claims are ~12k SDK requests: generous on a busy 2-core runner.
jest.setTimeout(180_000);

test('1,000 concurrent claims from distinct workers on a station with 100 packs: exactly 100 vouchers, stock 0', async () => {
  const world = await giftWorld({ stock: { [XCH]: 100, [WJJ]: 50 } });
  const workers = await addWorkers(world, 1000);
  const results = await Promise.all(
    workers.map((w) =>
      world.gift(w, { action: 'claim', campaignId: CAMPAIGN, stationId: XCH, requestId: rid('claim') }),
    ),
  );
  const ok = results.filter((r) => r.ok);
  const out = results.filter((r) => !r.ok && r.code === 'OUT_OF_STOCK');
  expect(ok).toHaveLength(100);
  expect(out).toHaveLength(900);
  expect(await world.stock(XCH)).toEqual({ stock: 0, claimed: 100, redeemed: 0 });
  expect(await countClaims(world, { status: 'claimed' })).toBe(100);
  // Refused claims leave nothing behind: those workers may still claim elsewhere.
  expect(await countClaims(world)).toBe(100);
  const refused = out[0];
  expect(!refused.ok && refused.details).toEqual({ stations: [{ stationId: WJJ, name: '王江泾镇驿站', left: 50 }] });
  expect(!refused.ok && refused.message).toContain('王江泾镇驿站');
  // Every voucher id is distinct.
  expect(new Set(ok.map((r) => r.ok && (r.data as { id: string }).id)).size).toBe(100);
});

test('20 concurrent claims by one worker: one voucher, one pack taken', async () => {
  const world = await giftWorld();
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      world.gift(PERSONAS.rider, {
        action: 'claim',
        campaignId: CAMPAIGN,
        stationId: i % 2 ? XCH : WJJ,
        requestId: rid('dup'),
      }),
    ),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.filter((r) => !r.ok && r.code === 'ALREADY_CLAIMED')).toHaveLength(19);
  const a = await world.stock(XCH);
  const b = await world.stock(WJJ);
  expect(a.claimed + b.claimed).toBe(1);
  expect(a.stock + b.stock).toBe(149);
  expect(await countClaims(world)).toBe(1);
});

test('a retry with the same request id answers the same voucher', async () => {
  const world = await giftWorld();
  const requestId = rid('retry');
  const [a, b] = await Promise.all([
    world.gift(PERSONAS.rider, { action: 'claim', campaignId: CAMPAIGN, stationId: XCH, requestId }),
    world.gift(PERSONAS.rider, { action: 'claim', campaignId: CAMPAIGN, stationId: XCH, requestId }),
  ]);
  expect(okData(a).id).toBe(okData(b).id);
  expect((await world.stock(XCH)).claimed).toBe(1);
});

test('a claimed voucher: status, validity in Shanghai days, notification, shown in my vouchers', async () => {
  const world = await giftWorld();
  const v = okData(
    await world.gift(PERSONAS.rider, { action: 'claim', campaignId: CAMPAIGN, stationId: XCH, requestId: rid() }),
  );
  expect(v).toMatchObject({
    status: 'claimed',
    statusText: '已领取',
    stationName: '新城汇驿站',
    stationHours: '每天 08:00-20:00',
  });
  // Claimed 2026-01-21 09:00 Shanghai, 7 days counting that day: through the 27th, 23:59.
  expect(v.validUntilText).toBe('2026年1月27日（周二）23:59');
  const msgs = await world.all('messages', { to: PERSONAS.rider });
  expect(msgs.map((m) => m.title)).toContain('礼包领取成功');
  const mine = okData(await world.gift(PERSONAS.rider, { action: 'myVouchers' }));
  expect(mine.map((x: { id: string }) => x.id)).toEqual([v.id]);
  // Nobody else sees it.
  const other = await world.gift(PERSONAS.courier, { action: 'getVoucher', voucherId: v.id });
  expect(other).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await world.gift(PERSONAS.courier, { action: 'voucherCode', voucherId: v.id })).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
});

test('an empty station answers OUT_OF_STOCK naming stations with stock; nothing is written', async () => {
  const world = await giftWorld();
  const r = await world.gift(PERSONAS.rider, {
    action: 'claim',
    campaignId: CAMPAIGN,
    stationId: YCG,
    requestId: rid(),
  });
  expect(r).toMatchObject({ ok: false, code: 'OUT_OF_STOCK' });
  expect(!r.ok && (r.details?.stations as Array<{ stationId: string }>).map((s) => s.stationId)).toEqual([XCH, WJJ]);
  expect(await countClaims(world)).toBe(0);
  // ...and the worker can still claim at a station with stock.
  expect(
    await world.gift(PERSONAS.rider, { action: 'claim', campaignId: CAMPAIGN, stationId: WJJ, requestId: rid() }),
  ).toMatchObject({ ok: true });
});

test('cancelling returns the pack at once, only once, and the worker may claim again', async () => {
  const world = await giftWorld();
  const v = okData(
    await world.gift(PERSONAS.rider, { action: 'claim', campaignId: CAMPAIGN, stationId: XCH, requestId: rid() }),
  );
  expect(await world.stock(XCH)).toMatchObject({ stock: 99, claimed: 1 });
  const cancels = await Promise.all(
    Array.from({ length: 5 }, () =>
      world.gift(PERSONAS.rider, { action: 'cancelClaim', voucherId: v.id, requestId: rid('cancel') }),
    ),
  );
  expect(cancels.filter((r) => r.ok)).toHaveLength(1);
  expect(cancels.filter((r) => !r.ok && r.code === 'INVALID_STATE')).toHaveLength(4);
  expect(await world.stock(XCH)).toMatchObject({ stock: 100, claimed: 0 });
  // Someone else cannot cancel it.
  expect(
    await world.gift(PERSONAS.courier, { action: 'cancelClaim', voucherId: v.id, requestId: rid() }),
  ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  const again = okData(
    await world.gift(PERSONAS.rider, { action: 'claim', campaignId: CAMPAIGN, stationId: WJJ, requestId: rid() }),
  );
  expect(again.id).not.toBe(v.id);
  expect(await world.stock(WJJ)).toMatchObject({ stock: 49, claimed: 1 });
  expect(await countClaims(world)).toBe(1);
});

test('a station outside the campaign is refused', async () => {
  const world = await giftWorld();
  const r = await world.gift(PERSONAS.rider, {
    action: 'claim',
    campaignId: CAMPAIGN,
    stationId: 'station-honghe',
    requestId: rid(),
  });
  expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await countClaims(world)).toBe(0);
});

test('bad input names the field and writes nothing', async () => {
  const world = await giftWorld();
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ action: 'claim', campaignId: CAMPAIGN }, 'stationId'],
    [{ action: 'claim', campaignId: 'bad id!', stationId: XCH }, 'campaignId'],
    [{ action: 'claim', campaignId: CAMPAIGN, stationId: XCH, extra: 1 }, 'extra'],
    [{ action: 'claim', campaignId: CAMPAIGN, stationId: 12 }, 'stationId'],
    [{ action: 'cancelClaim', voucherId: '' }, 'voucherId'],
  ];
  for (const [event, field] of cases) {
    const r = await world.gift(PERSONAS.rider, { ...event, requestId: rid() });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field } });
  }
  expect(await countClaims(world)).toBe(0);
  expect(await world.stock(XCH)).toMatchObject({ stock: 100, claimed: 0 });
});

describe('one person claiming at several stations at once, some with stock and some without', () => {
  const claimAt = (world: Awaited<ReturnType<typeof giftWorld>>, stationId: string) =>
    world.gift(PERSONAS.rider, { action: 'claim', campaignId: CAMPAIGN, stationId, requestId: rid('tap') });

  /** Ends with exactly one voucher, at the station with stock; every other answer is true. */
  async function expectOneVoucher(world: Awaited<ReturnType<typeof giftWorld>>, stations: string[], results: any[]) {
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(1);
    expect(ok[0].data).toMatchObject({ status: 'claimed' });
    results.forEach((r, i) => {
      if (r.ok) return;
      // 已领完 only from the empty station; 您已领取 only now that a voucher is held.
      if (r.code === 'OUT_OF_STOCK') expect(stations[i]).toBe(YCG);
      else expect(r.code).toBe('ALREADY_CLAIMED');
    });
    expect(await countClaims(world, { status: 'claimed' })).toBe(1);
    expect(await world.stock(XCH)).toMatchObject({ stock: 99, claimed: 1 });
    expect(await world.stock(YCG)).toMatchObject({ stock: 0, claimed: 0 });
    const mine = okData(await world.gift(PERSONAS.rider, { action: 'myVouchers' }));
    expect(JSON.stringify(mine)).toContain(ok[0].data.id);
  }

  const taps = [
    [YCG, XCH],
    [XCH, YCG],
    [YCG, YCG, XCH],
    [YCG, XCH, YCG, XCH, YCG, XCH],
  ];

  test.each(taps)(
    'after cancelling a voucher, a tap at %s and %s ... : one voucher, the pack taken',
    async (...stations) => {
      for (let round = 0; round < 4; round++) {
        const world = await giftWorld({ stock: { [XCH]: 100, [YCG]: 0 } });
        const v = okData(await claimAt(world, XCH));
        okData(await world.gift(PERSONAS.rider, { action: 'cancelClaim', voucherId: v.id, requestId: rid('cancel') }));
        expect(await world.stock(XCH)).toMatchObject({ stock: 100, claimed: 0 });
        const results = await Promise.all(stations.map((s) => claimAt(world, s)));
        await expectOneVoucher(world, stations, results);
      }
    },
  );

  test.each(taps)('a first claim, a tap at %s and %s ... : one voucher, the pack taken', async (...stations) => {
    for (let round = 0; round < 4; round++) {
      const world = await giftWorld({ stock: { [XCH]: 100, [YCG]: 0 } });
      const results = await Promise.all(stations.map((s) => claimAt(world, s)));
      await expectOneVoucher(world, stations, results);
    }
  });

  test('every station empty: each tap is a true 已领完 and nothing is held', async () => {
    const world = await giftWorld({ stock: { [XCH]: 0, [YCG]: 0 } });
    const results = await Promise.all([YCG, XCH, YCG, XCH].map((s) => claimAt(world, s)));
    expect(results.map((r) => !r.ok && r.code)).toEqual(Array(4).fill('OUT_OF_STOCK'));
    results.forEach((r) => expect(!r.ok && r.message).toContain('本次礼包已全部领完'));
    expect(await countClaims(world)).toBe(0);
  });
});
