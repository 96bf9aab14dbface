/**
 * A call that dies between two writes (the fake database fails its nth write) and is retried: a
 * claim, a cancel, an expiry and an on-the-spot hand-over all finish on retry, and stock + live
 * vouchers still equals the allocation; a stuck claim is resumed, never claimed over with a second pack.
 * Writes of a claim: 1 idempotency record, 2 claim insert, 3 take the pack, 4 'claimed', 5 message, 6 done.
 */
import { PERSONAS, okData, rid } from '../helpers';
import { CAMPAIGN, WJJ, XCH, YCG, countClaims, giftWorld } from './fixture';

const errors = jest.spyOn(console, 'error');
beforeEach(() => errors.mockImplementation(() => {}));
afterAll(() => errors.mockRestore());

const claimEvent = (stationId = XCH, requestId = rid('claim')) => ({
  action: 'claim',
  campaignId: CAMPAIGN,
  stationId,
  requestId,
});

test.each([2, 3, 4])('a claim that died at write %i: its retry ends with the voucher and one pack', async (n) => {
  const w = await giftWorld();
  const event = claimEvent();
  w.db.failNthWrite(n);
  expect(await w.gift(PERSONAS.rider, event)).toMatchObject({ ok: false, code: 'INTERNAL' });
  const v = okData(await w.gift(PERSONAS.rider, event));
  expect(v).toMatchObject({ status: 'claimed', stationId: XCH });
  expect(await w.stock(XCH)).toEqual({ stock: 99, claimed: 1, redeemed: 0 });
  // A new request later is a second claim: refused, nothing more taken.
  w.clock.advance(61_000);
  expect(await w.gift(PERSONAS.rider, claimEvent())).toMatchObject({ ok: false, code: 'ALREADY_CLAIMED' });
  expect(await w.stock(XCH)).toEqual({ stock: 99, claimed: 1, redeemed: 0 });
  expect(await countClaims(w, { status: 'claimed' })).toBe(1);
  expect(okData(await w.gift(PERSONAS.rider, { action: 'myVouchers' })).map((x: { id: string }) => x.id)).toEqual([
    v.id,
  ]);
});

test('a claim stuck after taking its pack is resumed by a later request, not claimed over', async () => {
  const w = await giftWorld();
  w.db.failNthWrite(4);
  expect(await w.gift(PERSONAS.rider, claimEvent(XCH))).toMatchObject({ ok: false, code: 'INTERNAL' });
  // Too soon for another request: the first might still be running.
  expect(await w.gift(PERSONAS.rider, claimEvent(WJJ))).toMatchObject({ ok: false, code: 'ALREADY_CLAIMED' });
  w.clock.advance(61_000);
  // It holds a pack at 新城汇: that is the voucher, whatever station the new request names.
  expect(okData(await w.gift(PERSONAS.rider, claimEvent(WJJ)))).toMatchObject({ status: 'claimed', stationId: XCH });
  expect(await w.stock(XCH)).toEqual({ stock: 99, claimed: 1, redeemed: 0 });
  expect(await w.stock(WJJ)).toEqual({ stock: 50, claimed: 0, redeemed: 0 });
});

test('a failed notification does not fail the claim', async () => {
  const w = await giftWorld();
  w.db.failNthWrite(5);
  expect(okData(await w.gift(PERSONAS.rider, claimEvent()))).toMatchObject({ status: 'claimed' });
  expect(await w.all('messages', { to: PERSONAS.rider })).toHaveLength(0);
  expect(await w.stock(XCH)).toEqual({ stock: 99, claimed: 1, redeemed: 0 });
});

test('a claim whose answer was lost (last write) answers the same voucher to its retry', async () => {
  const w = await giftWorld();
  const event = claimEvent();
  w.db.failNthWrite(6);
  const a = okData(await w.gift(PERSONAS.rider, event));
  const b = okData(await w.gift(PERSONAS.rider, event));
  expect(b.id).toBe(a.id);
  // One message, not one per attempt.
  expect(await w.all('messages', { to: PERSONAS.rider })).toHaveLength(1);
  expect(await w.stock(XCH)).toEqual({ stock: 99, claimed: 1, redeemed: 0 });
});

test('a cancel that died before returning the pack: its retry returns it, once', async () => {
  const w = await giftWorld();
  const v = okData(await w.gift(PERSONAS.rider, claimEvent()));
  const cancel = { action: 'cancelClaim', voucherId: v.id, requestId: rid('cancel') };
  w.db.failNthWrite(3); // 1 idempotency, 2 'cancelled', 3 the return
  expect(await w.gift(PERSONAS.rider, cancel)).toMatchObject({ ok: false, code: 'INTERNAL' });
  expect(await w.stock(XCH)).toEqual({ stock: 99, claimed: 1, redeemed: 0 });
  // Another request is a second tap: refused as before.
  expect(await w.gift(PERSONAS.rider, { ...cancel, requestId: rid('tap') })).toMatchObject({
    ok: false,
    code: 'INVALID_STATE',
  });
  expect(okData(await w.gift(PERSONAS.rider, cancel))).toMatchObject({ status: 'cancelled' });
  expect(okData(await w.gift(PERSONAS.rider, cancel))).toMatchObject({ status: 'cancelled' });
  expect(await w.stock(XCH)).toEqual({ stock: 100, claimed: 0, redeemed: 0 });
  // And the worker may claim again: one pack taken.
  okData(await w.gift(PERSONAS.rider, claimEvent()));
  expect(await w.stock(XCH)).toEqual({ stock: 99, claimed: 1, redeemed: 0 });
});

test('a return owed by a dead cancel is settled by the expiry sweep, once', async () => {
  const w = await giftWorld();
  const v = okData(await w.gift(PERSONAS.rider, claimEvent()));
  w.db.failNthWrite(3);
  await w.gift(PERSONAS.rider, { action: 'cancelClaim', voucherId: v.id, requestId: rid('cancel') });
  for (let i = 0; i < 2; i++) okData(await w.gift(PERSONAS.admin, { action: 'expireSweep', requestId: rid('sweep') }));
  expect(await w.stock(XCH)).toEqual({ stock: 100, claimed: 0, redeemed: 0 });
});

test('an expiry that died before returning the pack is settled by the next sweep, once', async () => {
  const w = await giftWorld();
  okData(await w.gift(PERSONAS.rider, claimEvent()));
  w.clock.advance(8 * 24 * 3600_000);
  w.db.failNthWrite(3); // 1 idempotency, 2 'expired', 3 the return
  expect(await w.gift(PERSONAS.admin, { action: 'expireSweep', requestId: rid('sweep') })).toMatchObject({
    ok: false,
    code: 'INTERNAL',
  });
  expect(await w.stock(XCH)).toEqual({ stock: 99, claimed: 1, redeemed: 0 });
  okData(await w.gift(PERSONAS.admin, { action: 'expireSweep', requestId: rid('sweep') }));
  okData(await w.gift(PERSONAS.admin, { action: 'expireSweep', requestId: rid('sweep') }));
  expect(await w.stock(XCH)).toEqual({ stock: 100, claimed: 0, redeemed: 0 });
  expect(await countClaims(w, { status: 'expired' })).toBe(1);
});

describe('a cancel that died before returning the pack, then a claim over it and the sweep', () => {
  /**
   * The crash tests' books, plus the pack ledger: per station, stock + live vouchers = allocation and
   * stock + claimed = allocation; every live voucher's ledger entry holds a pack, every dead one's
   * gave it back, and the ledger holds exactly `claimed` packs.
   */
  const books = async (w: Awaited<ReturnType<typeof giftWorld>>, allocation: Record<string, number>) => {
    const problems: string[] = [];
    const claims = await w.all('giftClaims', { campaignId: CAMPAIGN });
    for (const s of await w.all('giftStock', { campaignId: CAMPAIGN })) {
      const mine = claims.filter((c) => c.stationId === s.stationId);
      const live = mine.filter((c) => ['claimed', 'redeemed'].includes(c.status));
      if (s.stock + live.length !== allocation[s.stationId])
        problems.push(`${s.stationId}: stock ${s.stock} + vouchers ${live.length} ≠ ${allocation[s.stationId]}`);
      if (s.stock + s.claimed !== allocation[s.stationId])
        problems.push(`${s.stationId}: stock ${s.stock} + claimed ${s.claimed} ≠ ${allocation[s.stationId]}`);
      const packs = (s.packs ?? {}) as Record<string, string>;
      const holding = Object.values(packs).filter((p) => p !== 'returned').length;
      if (holding !== s.claimed) problems.push(`${s.stationId}: ledger holds ${holding} packs, claimed ${s.claimed}`);
      for (const c of live)
        if (!['held', 'redeemed'].includes(packs[c.voucherId]))
          problems.push(`live voucher ${c.voucherId}: ledger ${packs[c.voucherId]}`);
      for (const [voucherId, state] of Object.entries(packs))
        if (state !== 'returned' && !live.some((c) => c.voucherId === voucherId))
          problems.push(`voucher ${voucherId} no longer live, ledger still ${state}`);
    }
    return problems;
  };
  const ALLOCATION = { [XCH]: 100, [WJJ]: 50, [YCG]: 0 };

  test('the owed return is settled by the claim over it: no pack lost, the new voucher keeps its own', async () => {
    const w = await giftWorld();
    const v1 = okData(await w.gift(PERSONAS.rider, claimEvent()));
    w.db.failNthWrite(3); // 1 idempotency, 2 'cancelled', 3 the return
    const cancel1 = { action: 'cancelClaim', voucherId: v1.id, requestId: rid('cancel') };
    expect(await w.gift(PERSONAS.rider, cancel1)).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(await w.stock(XCH)).toEqual({ stock: 99, claimed: 1, redeemed: 0 });

    // The worker claims again (a new voucher): V1's pack is back, V2 holds one.
    const v2 = okData(await w.gift(PERSONAS.rider, claimEvent()));
    expect(v2.id).not.toBe(v1.id);
    expect(await w.stock(XCH)).toEqual({ stock: 99, claimed: 1, redeemed: 0 });
    expect(await books(w, ALLOCATION)).toEqual([]);
    const [doc] = await w.all('giftClaims', { voucherId: v2.id });
    expect(doc).not.toHaveProperty('stockBack');
    expect(doc).not.toHaveProperty('cancelRequestId');
    expect(doc).not.toHaveProperty('cancelledAt');

    // The sweep finds nothing owed; the live voucher's pack stays held.
    for (let i = 0; i < 2; i++)
      okData(await w.gift(PERSONAS.admin, { action: 'expireSweep', requestId: rid('sweep') }));
    expect(await w.stock(XCH)).toEqual({ stock: 99, claimed: 1, redeemed: 0 });
    expect(await books(w, ALLOCATION)).toEqual([]);

    // The old cancel's retry no longer finds its voucher; it changes nothing.
    expect(await w.gift(PERSONAS.rider, cancel1)).toMatchObject({ ok: false });
    expect(await w.stock(XCH)).toEqual({ stock: 99, claimed: 1, redeemed: 0 });

    // V2 cancelled: every pack is back, nothing live.
    okData(await w.gift(PERSONAS.rider, { action: 'cancelClaim', voucherId: v2.id, requestId: rid('cancel') }));
    expect(await w.stock(XCH)).toEqual({ stock: 100, claimed: 0, redeemed: 0 });
    expect(await countClaims(w, { status: 'claimed' })).toBe(0);
    expect(await books(w, ALLOCATION)).toEqual([]);
  });

  test('the sweep settles owed returns of cancelled and expired vouchers only, never of a live one', async () => {
    const w = await giftWorld();
    const v = okData(await w.gift(PERSONAS.rider, claimEvent()));
    // A live voucher still carrying `stockBack: false` (as a claim over an owed cancel used to leave it).
    await w.db
      .collection('giftClaims')
      .where({ voucherId: v.id })
      .update({ data: { stockBack: false } });
    okData(await w.gift(PERSONAS.admin, { action: 'expireSweep', requestId: rid('sweep') }));
    expect(await w.stock(XCH)).toEqual({ stock: 99, claimed: 1, redeemed: 0 });
    expect(await books(w, ALLOCATION)).toEqual([]);
  });
});
