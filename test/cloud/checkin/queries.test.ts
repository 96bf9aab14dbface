/**
 * The 工作台's read side: my scopes, lookup (never outside the scope), counts, recent scans.
 */
import { checkinWorld, HOME, OTHER, OTHER_STAFF, PERSONAS, rid, type CheckinWorld } from './world';

let w: CheckinWorld;
beforeEach(async () => {
  w = await checkinWorld();
});

describe('myScopes', () => {
  test('station staff see their station by name', async () => {
    expect(await w.checkin(PERSONAS.stationStaff, { action: 'myScopes' })).toEqual({
      ok: true,
      data: [{ kind: 'station', id: 'station-xinchenghui', name: '新城汇驿站' }],
    });
  });

  test('a scope whose document is missing shows its id', async () => {
    const res = await w.checkin(PERSONAS.venueStaff, { action: 'myScopes' });
    expect(res).toMatchObject({ ok: true, data: [{ kind: 'contest', id: 'contest-2026-skills' }] });
    expect(res.ok && typeof res.data[0].name).toBe('string');
  });

  test('admins get every station; members are FORBIDDEN', async () => {
    const admin = await w.checkin(PERSONAS.admin, { action: 'myScopes' });
    expect(admin.ok && admin.data.filter((s: { kind: string }) => s.kind === 'station')).toHaveLength(5);
    expect(await w.checkin(PERSONAS.worker, { action: 'myScopes' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.checkin(PERSONAS.stationStaff, { action: 'myScopes', x: 1 })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
  });
});

describe('lookup', () => {
  const look = (who: string, scope = HOME, name = '王建国', phoneTail = '1234') =>
    w.checkin(who, { action: 'lookup', scope, name, phoneTail });

  test('finds the person of this station, masked, and never the same person at another station', async () => {
    const res = await look(PERSONAS.stationStaff);
    if (!res.ok) throw new Error(res.message);
    const tickets = res.data.filter((m: { kind: string }) => m.kind === 'voucher');
    expect(tickets).toEqual([
      { kind: 'voucher', subjectId: 'tk-home-1', personName: '王*国', phone: '138****1234', summary: '待核销' },
    ]);
    expect(JSON.stringify(res.data)).not.toContain('tk-other-1');
    expect(JSON.stringify(res.data)).not.toContain('13857301234');
  });

  test('staff of another station cannot look up here (FORBIDDEN), and see only their own', async () => {
    expect(await look(OTHER_STAFF, HOME)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const own = await look(OTHER_STAFF, OTHER);
    expect(
      own.ok &&
        own.data.filter((m: { kind: string }) => m.kind === 'voucher').map((m: { subjectId: string }) => m.subjectId),
    ).toEqual(['tk-other-1']);
  });

  test('a wrong phone tail finds nobody; a bad tail is INVALID_INPUT', async () => {
    const none = await look(PERSONAS.stationStaff, HOME, '王建国', '9999');
    expect(none).toEqual({ ok: true, data: [] });
    expect(await look(PERSONAS.stationStaff, HOME, '王建国', '12a4')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      details: { field: 'phoneTail' },
    });
  });

  test('then act on the match with redeemManual', async () => {
    const res = await w.checkin(PERSONAS.stationStaff, {
      action: 'redeemManual',
      kind: 'voucher',
      subjectId: 'tk-home-1',
      scope: HOME,
      requestId: rid(),
    });
    expect(res).toMatchObject({ ok: true, data: { result: 'success', personName: '王*国' } });
    const other = await w.checkin(PERSONAS.stationStaff, {
      action: 'redeemManual',
      kind: 'voucher',
      subjectId: 'tk-other-1',
      scope: HOME,
      requestId: rid(),
    });
    expect(other).toMatchObject({ ok: true, data: { result: 'refused', code: 'WRONG_SCOPE' } });
  });
});

describe('counts and recent', () => {
  test('counts follow redemptions; recent shows only my scans in this scope, newest first', async () => {
    const scan = (who: string, id: string, scope = HOME) =>
      w.checkin(who, { action: 'scan', code: w.code('voucher', id), scope, requestId: rid() });
    await scan(PERSONAS.stationStaff, 'tk-home-1');
    w.clock.advance(1000);
    await scan(PERSONAS.stationStaff, 'tk-home-1');
    await scan(PERSONAS.admin, 'tk-home-2');
    await scan(OTHER_STAFF, 'tk-other-1', OTHER);

    expect(await w.checkin(PERSONAS.stationStaff, { action: 'counts', scope: HOME })).toEqual({
      ok: true,
      data: [{ label: '礼包已核销', done: 2, total: 2 }],
    });
    const recent = await w.checkin(PERSONAS.stationStaff, { action: 'recent', scope: HOME });
    if (!recent.ok) throw new Error(recent.message);
    expect(recent.data.map((r: { result: string }) => r.result)).toEqual(['used', 'success']);
    expect(recent.data[1]).toMatchObject({
      kind: 'voucher',
      personName: '王*国',
      undone: false,
      undoUntil: expect.any(Number),
    });
    expect(await w.checkin(PERSONAS.stationStaff, { action: 'counts', scope: OTHER })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await w.checkin(PERSONAS.stationStaff, { action: 'recent', scope: OTHER })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});
