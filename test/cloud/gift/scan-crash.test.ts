/**
 * A voucher scan (or an undo) that died between two writes and is retried: the pack is counted
 * once, every stamp has exactly one success record and one audit entry, and the staff member's
 * retry is green (上次扫码已生效), not 已使用 naming themselves; anyone else still sees red.
 * Writes of a scan: 1 idempotency record, 2 open the scan record, 3 stamp, 4 count, 5 outcome,
 * 6 audit, 7 done.
 */
import { checkinActions } from '../../../cloud/domain/checkin';
import { PERSONAS, okData, rid } from '../helpers';
import { CAMPAIGN, XCH, giftWorld } from './fixture';

const HOME = { kind: 'station', id: XCH } as const;
const errors = jest.spyOn(console, 'error');
beforeEach(() => errors.mockImplementation(() => {}));
afterAll(() => errors.mockRestore());

async function claimedVoucher() {
  const w = await giftWorld();
  const v = okData(
    await w.gift(PERSONAS.rider, { action: 'claim', campaignId: CAMPAIGN, stationId: XCH, requestId: rid() }),
  );
  const token = okData(await w.gift(PERSONAS.rider, { action: 'voucherCode', voucherId: v.id })).token as string;
  const scan = (who: string, requestId = rid('scan')) =>
    w.call(who, checkinActions, 'checkin', { action: 'scan', code: token, scope: HOME, requestId });
  /** The books: stamp, success records, audit entries of the stamp's scan, redeemed counter. */
  const books = async () => {
    const claim = (await w.all('giftClaims', { voucherId: v.id }))[0];
    const successes = await w.all('scans', { subjectId: v.id, result: 'success', undone: false });
    const stampId = claim.redeemed?.scanId;
    return {
      status: claim.status,
      successes: successes.map((s) => s._id),
      stamp: stampId ?? null,
      audits: stampId ? (await w.all('auditLog', { 'target.id': stampId, event: 'checkin.scan' })).length : 0,
      redeemed: (await w.stock(XCH)).redeemed,
    };
  };
  return { w, v, scan, books };
}

test.each([2, 3, 4, 5, 6, 7])('a scan that died at write %i: its retry is green and the books balance', async (n) => {
  const { w, scan, books } = await claimedVoucher();
  const requestId = rid('scan');
  w.db.failNthWrite(n);
  const first = await scan(PERSONAS.stationStaff, requestId);
  const retry = okData(await scan(PERSONAS.stationStaff, requestId));
  expect(retry).toMatchObject({ result: 'success', title: '礼包已核销' });
  if (first.ok) expect(retry).toEqual(first.data);
  const b = await books();
  expect(b).toEqual({ status: 'redeemed', successes: [b.stamp], stamp: retry.scanId, audits: 1, redeemed: 1 });
  // A real second scan later is red, naming the first.
  expect(okData(await scan(PERSONAS.stationStaff))).toMatchObject({ result: 'used', firstStaff: '沈丽萍' });
  expect(await books()).toEqual(b);
});

test('after a crash past the stamp, a new scan by the same staff member completes it (green)', async () => {
  const { w, scan, books } = await claimedVoucher();
  w.db.failNthWrite(4); // stamped, not counted, record still pending
  expect(await scan(PERSONAS.stationStaff)).toMatchObject({ ok: false, code: 'INTERNAL' });
  w.clock.advance(20_000); // past the lease: that scan is dead, not in flight
  const again = okData(await scan(PERSONAS.stationStaff));
  expect(again).toMatchObject({ result: 'success', title: '礼包已核销' });
  expect(again.detail).toContain('上次扫码已生效');
  const b = await books();
  expect(b).toEqual({ status: 'redeemed', successes: [again.scanId], stamp: again.scanId, audits: 1, redeemed: 1 });
  // This attempt itself is on record as having found the code used.
  expect(await w.all('scans', { result: 'used', staff: PERSONAS.stationStaff })).toHaveLength(1);
  // The recovered scan can be undone by its staff member, within the window.
  okData(
    await w.call(PERSONAS.stationStaff, checkinActions, 'checkin', {
      action: 'undo',
      scanId: again.scanId,
      reason: '测试撤销',
      requestId: rid('undo'),
    }),
  );
  expect(await books()).toMatchObject({ status: 'claimed', successes: [], redeemed: 0 });
});

test('after a crash past the stamp, someone else scanning sees red; the first scan is completed', async () => {
  const { w, scan, books } = await claimedVoucher();
  w.db.failNthWrite(5); // stamped and counted, record still pending
  expect(await scan(PERSONAS.stationStaff)).toMatchObject({ ok: false, code: 'INTERNAL' });
  w.clock.advance(20_000);
  expect(okData(await scan(PERSONAS.admin))).toMatchObject({ result: 'used', firstStaff: '沈丽萍' });
  const b = await books();
  expect(b).toMatchObject({ status: 'redeemed', successes: [b.stamp], audits: 1, redeemed: 1 });
  const owner = (await w.all('scans', { _id: b.stamp }))[0];
  expect(owner).toMatchObject({ staff: PERSONAS.stationStaff, result: 'success', title: '礼包已核销' });
});

test('an undo that died between reverting and uncounting: its retry finishes it', async () => {
  const { w, scan, books } = await claimedVoucher();
  const scanId = okData(await scan(PERSONAS.stationStaff)).scanId;
  const undo = { action: 'undo', scanId, reason: '发错了人', requestId: rid('undo') };
  w.db.failNthWrite(4); // 1 idempotency, 2 flag the scan, 3 revert the voucher, 4 uncount
  expect(await w.call(PERSONAS.stationStaff, checkinActions, 'checkin', undo)).toMatchObject({
    ok: false,
    code: 'INTERNAL',
  });
  okData(await w.call(PERSONAS.stationStaff, checkinActions, 'checkin', undo));
  expect(await books()).toMatchObject({ status: 'claimed', successes: [], redeemed: 0 });
  // Redeemable again, counted once.
  expect(okData(await scan(PERSONAS.stationStaff))).toMatchObject({ result: 'success' });
  expect((await books()).redeemed).toBe(1);
});
