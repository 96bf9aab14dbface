/**
 * Campaign management and staff tools: create, move stock (totals kept, never below claimed),
 * FORBIDDEN for workers, station scope for staff, on-the-spot claim.
 */
import { signToken } from '../../../cloud/lib/token';
import { seedGift, OTHER_STATION_STAFF } from '../../../cloud/seed/gift';
import { PERSONAS, okData, rid } from '../helpers';
import { CAMPAIGN, WJJ, XCH, YCG, addWorkers, countClaims, giftWorld } from './fixture';

const move = (amount: number, from = XCH, to = WJJ) => ({
  action: 'moveStock',
  campaignId: CAMPAIGN,
  fromStationId: from,
  toStationId: to,
  amount,
  requestId: rid('mv'),
});
const totalOf = (view: { total: number }) => view.total;

test('moving stock keeps the total, concurrently too', async () => {
  const w = await giftWorld({ stock: { [XCH]: 100, [WJJ]: 50, [YCG]: 0 } });
  const before = okData(await w.gift(PERSONAS.admin, { action: 'listCampaigns' })).find(
    (c: { id: string }) => c.id === CAMPAIGN,
  );
  expect(totalOf(before)).toBe(150);
  const results = await Promise.all([
    ...Array.from({ length: 10 }, () => w.gift(PERSONAS.admin, move(5, XCH, WJJ))),
    ...Array.from({ length: 10 }, () => w.gift(PERSONAS.admin, move(3, WJJ, YCG))),
  ]);
  expect(results.every((r) => r.ok)).toBe(true);
  expect(await w.stock(XCH)).toMatchObject({ stock: 50 });
  expect(await w.stock(WJJ)).toMatchObject({ stock: 70 });
  expect(await w.stock(YCG)).toMatchObject({ stock: 30 });
  const after = okData(await w.gift(PERSONAS.admin, { action: 'listCampaigns' })).find(
    (c: { id: string }) => c.id === CAMPAIGN,
  );
  expect(totalOf(after)).toBe(150);
  expect((await w.all('auditLog', { event: 'gift.moveStock' })).length).toBe(20);
});

test('cannot move packs already claimed; a new station gets its own stock doc', async () => {
  const w = await giftWorld({ stock: { [XCH]: 10, [WJJ]: 0 } });
  const workers = await addWorkers(w, 8);
  for (const id of workers)
    okData(await w.gift(id, { action: 'claim', campaignId: CAMPAIGN, stationId: XCH, requestId: rid() }));
  const r = await w.gift(PERSONAS.admin, move(3));
  expect(r).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  expect(!r.ok && r.message).toContain('剩2份');
  expect(await w.stock(XCH)).toEqual({ stock: 2, claimed: 8, redeemed: 0 });
  const view = okData(await w.gift(PERSONAS.admin, move(2, XCH, 'station-honghe')));
  expect(view.stations.find((s: { stationId: string }) => s.stationId === 'station-honghe')).toMatchObject({
    total: 2,
    left: 2,
  });
  expect(view.total).toBe(10);
  // Racing claims and moves never push a station below zero.
  const more = await addWorkers(w, 5, '快递', 'x');
  await Promise.all([
    ...more.map((id) =>
      w.gift(id, { action: 'claim', campaignId: CAMPAIGN, stationId: 'station-honghe', requestId: rid() }),
    ),
    w.gift(PERSONAS.admin, move(2, 'station-honghe', WJJ)),
  ]);
  const honghe = await w.stock('station-honghe');
  expect(honghe.stock).toBeGreaterThanOrEqual(0);
  expect(honghe.stock + honghe.claimed + (await w.stock(WJJ)).stock).toBe(2);
});

test('bad input for admin actions names the field and changes nothing', async () => {
  const w = await giftWorld();
  const cases: Array<[Record<string, unknown>, string]> = [
    [move(0), 'amount'],
    [{ ...move(1), toStationId: XCH }, 'toStationId'],
    [{ ...move(1), toStationId: 'station-nowhere' }, 'toStationId'],
    [{ action: 'setPaused', campaignId: CAMPAIGN, paused: 'yes' }, 'paused'],
    [
      {
        action: 'createCampaign',
        name: '礼包',
        items: ['洗发水'],
        startAt: '2026-01-20',
        endAt: '2026-02-01 18:00',
        groups: [],
        validDays: 7,
        stock: [{ stationId: XCH, stock: 1 }],
      },
      'startAt',
    ],
    [
      {
        action: 'createCampaign',
        name: '礼包',
        items: ['洗发水'],
        startAt: '2026-02-20 10:00',
        endAt: '2026-02-01 18:00',
        groups: [],
        validDays: 7,
        stock: [{ stationId: XCH, stock: 1 }],
      },
      'endAt',
    ],
    [
      {
        action: 'createCampaign',
        name: '礼包',
        items: ['洗发水'],
        startAt: '2026-01-20 10:00',
        endAt: '2026-02-01 18:00',
        groups: ['宇航员'],
        validDays: 7,
        stock: [{ stationId: XCH, stock: 1 }],
      },
      'groups.0',
    ],
    [
      {
        action: 'createCampaign',
        name: '礼包',
        items: ['洗发水'],
        startAt: '2026-01-20 10:00',
        endAt: '2026-02-01 18:00',
        groups: [],
        validDays: 7,
        stock: [{ stationId: XCH, stock: -1 }],
      },
      'stock.0.stock',
    ],
  ];
  for (const [event, field] of cases) {
    expect(await w.gift(PERSONAS.admin, { requestId: rid(), ...event })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      details: { field },
    });
  }
  expect(await w.stock(XCH)).toMatchObject({ stock: 100 });
  expect(await w.all('giftCampaigns')).toHaveLength(1);
});

test('an admin creates a campaign judged in Shanghai wall time', async () => {
  const w = await giftWorld();
  const view = okData(
    await w.gift(PERSONAS.admin, {
      action: 'createCampaign',
      name: '元宵节礼包',
      items: ['汤圆'],
      startAt: '2026-03-01 10:00',
      endAt: '2026-03-05 18:00',
      groups: ['环卫'],
      validDays: 3,
      stock: [
        { stationId: XCH, stock: 20 },
        { stationId: WJJ, stock: 10 },
      ],
      requestId: rid(),
    }),
  );
  expect(view).toMatchObject({
    total: 30,
    left: 30,
    status: 'upcoming',
    windowText: '2026年3月1日（周日）10:00 至 2026年3月5日（周四）18:00',
    groupsText: '环卫等行业的工会会员',
  });
});

test('workers and staff are FORBIDDEN from admin actions; nothing changes', async () => {
  const w = await giftWorld();
  for (const who of [PERSONAS.rider, PERSONAS.stationStaff, PERSONAS.newcomer]) {
    for (const event of [
      move(5),
      { action: 'setPaused', campaignId: CAMPAIGN, paused: true },
      { action: 'listCampaigns' },
    ]) {
      const r = await w.gift(who, { requestId: rid(), ...event });
      expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(r).not.toHaveProperty('data');
    }
  }
  expect(await w.stock(XCH)).toMatchObject({ stock: 100 });
});

test('station stock: staff see their own station only; another station is FORBIDDEN', async () => {
  const w = await giftWorld();
  await seedGift(w.db, w.clock.now());
  const mine = okData(await w.gift(PERSONAS.stationStaff, { action: 'stationStock', campaignId: CAMPAIGN }));
  expect(mine.map((r: { stationId: string }) => r.stationId)).toEqual([XCH]);
  expect(
    await w.gift(OTHER_STATION_STAFF, { action: 'stationStock', campaignId: CAMPAIGN, stationId: XCH }),
  ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await w.gift(PERSONAS.rider, { action: 'stationStock', campaignId: CAMPAIGN })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect(okData(await w.gift(PERSONAS.admin, { action: 'stationStock', campaignId: CAMPAIGN }))).toHaveLength(3);
});

test('on-the-spot claim by member code takes stock and hands the pack over; other station FORBIDDEN', async () => {
  const w = await giftWorld();
  await seedGift(w.db, w.clock.now());
  const code = signToken(w.env, { kind: 'member', id: 'XZ2024000002', ttlMs: 90_000 }, w.clock.now()).token;
  const event = { action: 'onSpotClaim', campaignId: CAMPAIGN, stationId: XCH, memberCode: code };
  expect(await w.gift(OTHER_STATION_STAFF, { ...event, requestId: rid() })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect(await w.gift(PERSONAS.rider, { ...event, requestId: rid() })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const res = okData(await w.gift(PERSONAS.stationStaff, { ...event, requestId: rid() }));
  expect(res).toMatchObject({ personName: '陈*强', voucher: { status: 'redeemed', onSpot: true } });
  expect(await w.stock(XCH)).toEqual({ stock: 99, claimed: 1, redeemed: 1 });
  // Still one per person: the online claim is now refused.
  expect(
    await w.gift(PERSONAS.rider, { action: 'claim', campaignId: CAMPAIGN, stationId: XCH, requestId: rid() }),
  ).toMatchObject({ ok: false, code: 'ALREADY_CLAIMED' });
  // An ineligible worker found by lookup is refused with the reason.
  const found = okData(
    await w.gift(PERSONAS.stationStaff, {
      action: 'onSpotLookup',
      campaignId: CAMPAIGN,
      stationId: XCH,
      name: '王建国',
      phoneTail: '1234',
    }),
  );
  expect(found).toEqual([
    expect.objectContaining({
      memberNo: 'XZ2019000001',
      personName: '王*国',
      phone: '138****1234',
      eligibility: expect.objectContaining({ eligible: false, code: 'NOT_IN_SCOPE' }),
    }),
  ]);
  expect(
    await w.gift(PERSONAS.stationStaff, {
      action: 'onSpotClaim',
      campaignId: CAMPAIGN,
      stationId: XCH,
      memberNo: 'XZ2019000001',
      requestId: rid(),
    }),
  ).toMatchObject({ ok: false, code: 'NOT_IN_SCOPE' });
  expect(
    await w.gift(PERSONAS.stationStaff, {
      action: 'onSpotClaim',
      campaignId: CAMPAIGN,
      stationId: XCH,
      requestId: rid(),
    }),
  ).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'memberCode' } });
  expect(await countClaims(w)).toBe(1);
  expect((await w.all('auditLog', { event: 'gift.onSpotClaim' })).length).toBe(1);
});

test('on-the-spot lookup says who already claimed (when, where, how far); their on-the-spot claim is ALREADY_CLAIMED', async () => {
  const w = await giftWorld();
  const lookup = async () =>
    okData(
      await w.gift(PERSONAS.stationStaff, {
        action: 'onSpotLookup',
        campaignId: CAMPAIGN,
        stationId: XCH,
        name: '陈志强',
        phoneTail: '2345',
      }),
    );
  const onSpot = () =>
    w.gift(PERSONAS.stationStaff, {
      action: 'onSpotClaim',
      campaignId: CAMPAIGN,
      stationId: XCH,
      memberNo: 'XZ2024000002',
      requestId: rid('spot'),
    });
  expect(await lookup()).toEqual([
    expect.objectContaining({ memberNo: 'XZ2024000002', eligibility: { eligible: true }, alreadyClaimed: null }),
  ]);

  // Claimed online at another station a little earlier.
  const claimedAt = w.clock.now();
  const v = okData(
    await w.gift(PERSONAS.rider, { action: 'claim', campaignId: CAMPAIGN, stationId: WJJ, requestId: rid() }),
  );
  w.clock.advance(3600_000);
  const found = await lookup();
  expect(found).toEqual([
    expect.objectContaining({
      memberNo: 'XZ2024000002',
      alreadyClaimed: {
        at: claimedAt,
        atText: '2026年1月21日（周三）09:00',
        stationName: '王江泾镇驿站',
        status: 'claimed',
        statusText: '已领取',
      },
    }),
  ]);
  // Minimal: nothing that names the voucher itself.
  expect(JSON.stringify(found)).not.toContain(v.id);

  // Trying anyway is refused as a second pack, without the other voucher's id; nothing taken.
  const refused = await onSpot();
  expect(refused).toMatchObject({ ok: false, code: 'ALREADY_CLAIMED' });
  expect(JSON.stringify(refused)).not.toContain(v.id);
  expect(await w.stock(XCH)).toEqual({ stock: 100, claimed: 0, redeemed: 0 });
  expect(await w.stock(WJJ)).toEqual({ stock: 49, claimed: 1, redeemed: 0 });
  expect(await countClaims(w)).toBe(1);
  expect(await w.all('auditLog', { event: 'gift.onSpotClaim' })).toHaveLength(0);

  // A cancelled claim is no claim: found as free, handed over on the spot, then found as 已核销 here.
  okData(await w.gift(PERSONAS.rider, { action: 'cancelClaim', voucherId: v.id, requestId: rid('cancel') }));
  expect((await lookup())[0].alreadyClaimed).toBeNull();
  okData(await onSpot());
  expect((await lookup())[0].alreadyClaimed).toMatchObject({
    stationName: '新城汇驿站',
    status: 'redeemed',
    statusText: '已核销',
  });
  expect(await onSpot()).toMatchObject({ ok: false, code: 'ALREADY_CLAIMED' });
  expect(await w.stock(XCH)).toEqual({ stock: 99, claimed: 1, redeemed: 1 });
});
