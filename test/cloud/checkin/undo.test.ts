/**
 * Undo: within 5 minutes, only by the staff member who made the scan, with a reason, audited; the
 * subject is redeemable again afterwards.
 */
import { checkinWorld, HOME, PERSONAS, rid, type CheckinWorld } from './world';

let w: CheckinWorld;
let scanId: string;
beforeEach(async () => {
  w = await checkinWorld();
  const res = await w.checkin(PERSONAS.stationStaff, {
    action: 'scan',
    code: w.code('voucher', 'tk-home-1'),
    scope: HOME,
    requestId: rid(),
  });
  if (!res.ok || res.data.result !== 'success') throw new Error('setup scan failed');
  expect(res.data.undoUntil).toBe(w.clock.now() + 5 * 60_000);
  scanId = res.data.scanId;
});

const undo = (who: string, reason = '发错了人，收回礼包') =>
  w.checkin(who, { action: 'undo', scanId, reason, requestId: rid('undo') });

test('within 5 minutes the scanner undoes it: the subject is free again, the scan flagged, the undo audited', async () => {
  w.clock.advance(4 * 60_000 + 59_000);
  expect(await undo(PERSONAS.stationStaff)).toEqual({ ok: true, data: { undone: true } });
  expect((await w.all('fakeTickets', { _id: 'tk-home-1' }))[0].redeemed).toBeNull();
  expect((await w.all('scans', { _id: scanId }))[0]).toMatchObject({ undone: true, undoReason: '发错了人，收回礼包' });
  const [entry] = await w.all('auditLog', { event: 'checkin.undo' });
  expect(entry).toMatchObject({
    actor: PERSONAS.stationStaff,
    target: { kind: 'scan', id: scanId },
    detail: { reason: '发错了人，收回礼包', subjectId: 'tk-home-1' },
  });

  // Redeemable again, and the recent list shows the undone scan without an undo button.
  const again = await w.checkin(PERSONAS.stationStaff, {
    action: 'scan',
    code: w.code('voucher', 'tk-home-1'),
    scope: HOME,
    requestId: rid(),
  });
  expect(again).toMatchObject({ ok: true, data: { result: 'success' } });
  const recent = await w.checkin(PERSONAS.stationStaff, { action: 'recent', scope: HOME });
  expect(recent.ok && recent.data.find((r: { scanId: string }) => r.scanId === scanId)).toEqual(
    expect.objectContaining({ undone: true }),
  );
  expect(recent.ok && recent.data.find((r: { scanId: string }) => r.scanId === scanId).undoUntil).toBeUndefined();
});

test('after 5 minutes it is refused with UNDO_EXPIRED and nothing changes', async () => {
  w.clock.advance(5 * 60_000 + 1);
  expect(await undo(PERSONAS.stationStaff)).toMatchObject({ ok: false, code: 'UNDO_EXPIRED' });
  expect((await w.all('fakeTickets', { _id: 'tk-home-1' }))[0].redeemed).not.toBeNull();
  expect(await w.all('auditLog', { event: 'checkin.undo' })).toHaveLength(0);
});

test('another staff member (even an admin) is FORBIDDEN', async () => {
  expect(await undo(PERSONAS.admin)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await undo(PERSONAS.venueStaff)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await undo(PERSONAS.worker)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect((await w.all('fakeTickets', { _id: 'tk-home-1' }))[0].redeemed).not.toBeNull();
});

test('a reason is required (INVALID_INPUT naming it)', async () => {
  expect(await undo(PERSONAS.stationStaff, ' ')).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    details: { field: 'reason' },
  });
  expect((await w.all('scans', { _id: scanId }))[0].undone).toBe(false);
});

test('two undo taps at once revert once; a third is refused', async () => {
  const both = await Promise.all([undo(PERSONAS.stationStaff), undo(PERSONAS.stationStaff)]);
  expect(both.filter((r) => r.ok)).toHaveLength(1);
  expect(both.find((r) => !r.ok)).toMatchObject({ code: 'INVALID_STATE' });
  expect(await undo(PERSONAS.stationStaff)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  expect(await w.all('auditLog', { event: 'checkin.undo' })).toHaveLength(1);
});

test('a scan that changed nothing (member check, or a red one) cannot be undone; an unknown scan is NOT_FOUND', async () => {
  await w.checkin(PERSONAS.stationStaff, {
    action: 'scan',
    code: w.code('member', 'XZ2019000001'),
    scope: HOME,
    requestId: rid(),
  });
  await w.checkin(PERSONAS.stationStaff, {
    action: 'scan',
    code: w.code('voucher', 'tk-home-1'),
    scope: HOME,
    requestId: rid(),
  });
  const member = (await w.all('scans', { kind: 'member' }))[0];
  const used = (await w.all('scans', { result: 'used' }))[0];
  for (const id of [member._id, used._id]) {
    const res = await w.checkin(PERSONAS.stationStaff, {
      action: 'undo',
      scanId: id,
      reason: '测试撤销',
      requestId: rid(),
    });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  }
  const unknown = await w.checkin(PERSONAS.stationStaff, {
    action: 'undo',
    scanId: 'nope12345',
    reason: '测试撤销',
    requestId: rid(),
  });
  expect(unknown).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await w.all('auditLog', { event: 'checkin.undo' })).toHaveLength(0);
});

describe('an undo whose call died between writes is completed by its retry (same requestId)', () => {
  // Writes of an undo (this kind reverts in one write): 1 idempotency record, 2 flag the scan,
  // 3 the kind's revert, 4 the audit entry, 5 done.
  const REASON = '发错了人，收回礼包';
  // The injected faults are logged by the router as unexpected errors.
  beforeEach(() => void jest.spyOn(console, 'error').mockImplementation(() => {}));
  afterEach(() => jest.restoreAllMocks());
  const state = async () => ({
    ticket: (await w.all('fakeTickets', { _id: 'tk-home-1' }))[0].redeemed,
    undone: (await w.all('scans', { _id: scanId }))[0].undone,
    audits: (await w.all('auditLog', { event: 'checkin.undo' })).map((a) => [a.target.id, a.detail.reason]),
  });
  const done = { ticket: null, undone: true, audits: [[expect.any(String), REASON]] };

  test.each([
    [3, 'the revert', 'INTERNAL'],
    [4, 'the audit entry', 'INTERNAL'],
    [5, 'the answer', 'ok'],
  ])('died at write %i (%s): the retry answers ok; subject free, scan flagged, audited once', async (n, _w, first) => {
    const event = { action: 'undo', scanId, reason: REASON, requestId: rid('undo') };
    w.db.failNthWrite(n);
    const res = await w.checkin(PERSONAS.stationStaff, event);
    expect(res.ok ? 'ok' : res.code).toBe(first);
    const retry = await w.checkin(PERSONAS.stationStaff, event);
    expect(retry).toEqual({ ok: true, data: { undone: true } });
    expect(await state()).toEqual(done);
    expect((await state()).audits[0][0]).toBe(scanId);
    // Asked again: the same answer, nothing more written; another request is told it is done.
    expect(await w.checkin(PERSONAS.stationStaff, event)).toEqual(retry);
    expect(await undo(PERSONAS.stationStaff)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await state()).toEqual(done);
  });

  test('died right after the flag, before the kind reverted: the retry reverts the subject, even after the window', async () => {
    const requestId = rid('undo');
    await w.db
      .collection('scans')
      .doc(scanId)
      .update({ data: { undone: true, undoneAt: w.clock.now(), undoReason: REASON, undoRequestId: requestId } });
    w.clock.advance(6 * 60_000);
    // Only that request completes it: another one is refused, and nothing is reverted.
    expect(await undo(PERSONAS.stationStaff)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect((await state()).ticket).not.toBeNull();
    const retry = await w.checkin(PERSONAS.stationStaff, { action: 'undo', scanId, reason: REASON, requestId });
    expect(retry).toEqual({ ok: true, data: { undone: true } });
    expect(await state()).toEqual(done);
  });
});
