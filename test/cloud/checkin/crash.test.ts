/**
 * Any kind, any crash: a scan whose call died after the kind stamped the subject (here a kind that
 * writes once more after its stamp, as the plaque pickup does with its notification) is completed
 * by the staff member's retry: green, one success record with the stamp's scan id, one audit entry.
 * A new request completes it only once it is surely dead (PENDING_LEASE_MS), never while it may be
 * in flight, so two concurrent scans never both answer green.
 * Writes: 1 idempotency record, 2 open the scan record, 3 stamp, 4 the kind's extra write,
 * 5 outcome, 6 audit, 7 done.
 */
import { registerScanKind } from '../../../cloud/domain/checkin/kinds';
import type { ScanKindHandler } from '../../../cloud/lib/scan';
import { FAKE, fakeVoucherKind } from './fake-kind';
import { HOME, PERSONAS, checkinWorld, rid } from './world';

const errors = jest.spyOn(console, 'error');
beforeEach(() => errors.mockImplementation(() => {}));
afterAll(() => errors.mockRestore());

const chatty: ScanKindHandler = {
  ...fakeVoucherKind,
  async redeem(ctx, subjectId, scope, stamp) {
    const r = await fakeVoucherKind.redeem(ctx, subjectId, scope, stamp);
    if (r.result === 'success') await ctx.db.collection('messages').add({ data: { to: subjectId, at: stamp.at } });
    return r;
  },
};

async function crashedAfterStamp() {
  const w = await checkinWorld();
  const restore = registerScanKind(chatty);
  const scan = (who: string, requestId = rid('scan')) =>
    w.checkin(who, { action: 'scan', code: w.code('voucher', 'tk-home-1'), scope: HOME, requestId });
  const requestId = rid('scan');
  w.db.failNthWrite(4);
  expect(await scan(PERSONAS.stationStaff, requestId)).toMatchObject({ ok: false, code: 'INTERNAL' });
  const stampId = (await w.all(FAKE, { _id: 'tk-home-1' }))[0].redeemed.scanId as string;
  const trail = async () => ({
    successes: (await w.all('scans', { result: 'success' })).map((s) => s._id),
    audits: (await w.all('auditLog', { 'target.id': stampId })).length,
  });
  return { w, restore, scan, requestId, stampId, trail };
}

test('the retry of the same request is green and completes the record', async () => {
  const { restore, scan, requestId, stampId, trail } = await crashedAfterStamp();
  try {
    const retry = await scan(PERSONAS.stationStaff, requestId);
    expect(retry).toMatchObject({ ok: true, data: { result: 'success', title: '礼包已核销', scanId: stampId } });
    expect(await trail()).toEqual({ successes: [stampId], audits: 1 });
    // Asked again (its answer lost): the same answer, nothing more written.
    expect(await scan(PERSONAS.stationStaff, requestId)).toEqual(retry);
    expect(await trail()).toEqual({ successes: [stampId], audits: 1 });
  } finally {
    restore();
  }
});

test('a new scan by the same staff member is green once; then red, like anyone else', async () => {
  const { w, restore, scan, stampId, trail } = await crashedAfterStamp();
  try {
    // Within seconds the dead scan cannot be told from one still in flight: red, nothing completed.
    expect(await scan(PERSONAS.stationStaff)).toMatchObject({ ok: true, data: { result: 'used' } });
    expect(await trail()).toEqual({ successes: [], audits: 0 });
    w.clock.advance(20_000);
    const again = await scan(PERSONAS.stationStaff);
    expect(again).toMatchObject({ ok: true, data: { result: 'success', scanId: stampId } });
    expect(!again.ok || again.data.detail).toContain('上次扫码已生效');
    expect(await trail()).toEqual({ successes: [stampId], audits: 1 });
    // That attempt itself is on record as having found the code used.
    expect((await w.all('scans', { result: 'used' })).map((s) => s.staff)).toEqual([
      PERSONAS.stationStaff,
      PERSONAS.stationStaff,
    ]);
    expect(await scan(PERSONAS.stationStaff)).toMatchObject({ ok: true, data: { result: 'used' } });
    expect(await scan(PERSONAS.admin)).toMatchObject({ ok: true, data: { result: 'used', firstStaff: '沈丽萍' } });
    expect(await trail()).toEqual({ successes: [stampId], audits: 1 });
  } finally {
    restore();
  }
});

test('another staff member scanning first sees red; the dead scan is completed as the success it was', async () => {
  const { w, restore, scan, stampId, trail } = await crashedAfterStamp();
  try {
    w.clock.advance(20_000);
    expect(await scan(PERSONAS.admin)).toMatchObject({ ok: true, data: { result: 'used', firstStaff: '沈丽萍' } });
    expect(await trail()).toEqual({ successes: [stampId], audits: 1 });
    expect((await w.all('scans', { _id: stampId }))[0]).toMatchObject({
      staff: PERSONAS.stationStaff,
      result: 'success',
      title: '礼包已核销',
    });
  } finally {
    restore();
  }
});

test('pending attempts are not listed in recent scans', async () => {
  const w = await checkinWorld();
  w.db.failNthWrite(3); // the stamp: the attempt stays pending, nothing stamped
  const event = { action: 'scan', code: w.code('voucher', 'tk-home-1'), scope: HOME, requestId: rid('scan') };
  expect(await w.checkin(PERSONAS.stationStaff, event)).toMatchObject({ ok: false, code: 'INTERNAL' });
  expect(await w.all('scans', { result: 'pending' })).toHaveLength(1);
  expect(await w.checkin(PERSONAS.stationStaff, { action: 'recent', scope: HOME })).toEqual({ ok: true, data: [] });
});

test('a scan in flight (stamped, not yet recorded) is not taken for a dead one: the second scan is red', async () => {
  const w = await checkinWorld();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let stamped!: () => void;
  const isStamped = new Promise<void>((r) => (stamped = r));
  const slow: ScanKindHandler = {
    ...fakeVoucherKind,
    async redeem(ctx, subjectId, scope, stamp) {
      const r = await fakeVoucherKind.redeem(ctx, subjectId, scope, stamp);
      if (r.result === 'success') {
        stamped();
        await gate;
      }
      return r;
    },
  };
  const restore = registerScanKind(slow);
  try {
    const code = w.code('voucher', 'tk-home-1');
    const scan = () => w.checkin(PERSONAS.stationStaff, { action: 'scan', code, scope: HOME, requestId: rid('c') });
    const first = scan();
    await isStamped;
    const second = await scan();
    release();
    expect(second).toMatchObject({ ok: true, data: { result: 'used' } });
    expect(await first).toMatchObject({ ok: true, data: { result: 'success' } });
    expect(await w.all('scans', { result: 'success' })).toHaveLength(1);
  } finally {
    restore();
  }
});
