/**
 * `checkin.scan`: every refusal a volunteer meets at the door (forged, altered, expired, wrong
 * place, replayed), who may scan at all, and the trail each attempt leaves in `scans` and the
 * audit log.
 */
import { checkinWorld, HOME, OTHER, OTHER_STAFF, PERSONAS, rid, type CheckinWorld } from './world';

let w: CheckinWorld;
beforeEach(async () => {
  w = await checkinWorld();
});

const scan = (code: string, who: string = PERSONAS.stationStaff, scope = HOME) =>
  w.checkin(who, { action: 'scan', code, scope, requestId: rid('scan') });

describe('the member card (real kind)', () => {
  test('a member code scans green 会员有效 with a masked name', async () => {
    const res = await scan(w.code('member', 'XZ2019000001'));
    expect(res).toEqual({
      ok: true,
      data: expect.objectContaining({ result: 'success', kind: 'member', title: '会员有效', personName: '王*国' }),
    });
    // Verifying a membership changes nothing: no undo offered.
    expect(res.ok && res.data.undoUntil).toBeUndefined();
  });
});

describe('refusals', () => {
  test('a forged code (made-up signature) is amber TOKEN_INVALID', async () => {
    const real = w.code('voucher', 'tk-home-1');
    const forged = `${real.slice(0, real.lastIndexOf('.'))}.AAAAAAAAAAAAAAAA`;
    const res = await scan(forged);
    expect(res).toEqual({
      ok: true,
      data: expect.objectContaining({ result: 'refused', code: 'TOKEN_INVALID', title: '二维码无效' }),
    });
    expect((await w.all('fakeTickets', { _id: 'tk-home-1' }))[0].redeemed).toBeNull();
  });

  test('a code signed with another key is TOKEN_INVALID', async () => {
    w.env.QR_TOKEN_KEY_1 = 'somebody-elses-key';
    const foreign = w.code('voucher', 'tk-home-1');
    w.env.QR_TOKEN_KEY_1 = 'test-key-one';
    expect(await scan(foreign)).toMatchObject({ ok: true, data: { result: 'refused', code: 'TOKEN_INVALID' } });
  });

  test('a code pointing at another subject (id altered) is TOKEN_INVALID and redeems nothing', async () => {
    const altered = w.code('voucher', 'tk-home-1').replace('tk-home-1', 'tk-home-2');
    expect(await scan(altered)).toMatchObject({ ok: true, data: { result: 'refused', code: 'TOKEN_INVALID' } });
    expect((await w.all('fakeTickets', { _id: 'tk-home-2' }))[0].redeemed).toBeNull();
  });

  test('an expired code is amber TOKEN_EXPIRED with what to do', async () => {
    const code = w.code('voucher', 'tk-home-1', 60_000);
    w.clock.advance(61_000);
    const res = await scan(code);
    expect(res).toMatchObject({
      ok: true,
      data: { result: 'refused', code: 'TOKEN_EXPIRED', kind: 'voucher', title: '二维码已过期' },
    });
    expect(res.ok && res.data.message).toMatch(/刷新/);
  });

  test('a code of another station is refused as the wrong place, and stays unredeemed', async () => {
    const res = await scan(w.code('voucher', 'tk-other-1'));
    expect(res).toMatchObject({
      ok: true,
      data: { result: 'refused', code: 'WRONG_SCOPE', message: expect.stringContaining('此码不属于本场活动/本站点') },
    });
    expect((await w.all('fakeTickets', { _id: 'tk-other-1' }))[0].redeemed).toBeNull();
  });

  test('a replayed single-use code is red, naming the first scan (time, place, staff)', async () => {
    const code = w.code('voucher', 'tk-home-1');
    const first = await scan(code);
    expect(first).toMatchObject({ ok: true, data: { result: 'success', title: '礼包已核销', personName: '王*国' } });
    const firstAt = w.clock.now();
    w.clock.advance(30_000);
    const again = await scan(code);
    expect(again).toEqual({
      ok: true,
      data: expect.objectContaining({ result: 'used', firstAt, firstPlace: '新城汇驿站', firstStaff: '沈丽萍' }),
    });
  });

  test('an unknown record of a real kind answers amber, not an error', async () => {
    const res = await scan(w.code('certificate', 'cert-1'));
    expect(res).toMatchObject({ ok: true, data: { result: 'refused' } });
  });
});

describe('who may scan', () => {
  test.each([
    ['a member', PERSONAS.worker],
    ['an enterprise contact', PERSONAS.enterprise],
    ['a newcomer without a record', PERSONAS.newcomer],
  ])('%s is FORBIDDEN and nothing is redeemed or recorded', async (_label, who) => {
    const res = await scan(w.code('voucher', 'tk-home-1'), who);
    expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await w.all('fakeTickets', { _id: 'tk-home-1' }))[0].redeemed).toBeNull();
    expect(await w.all('scans')).toHaveLength(0);
  });

  test('staff of another station cannot scan here', async () => {
    expect(await scan(w.code('voucher', 'tk-home-1'), OTHER_STAFF)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await scan(w.code('voucher', 'tk-home-1'), PERSONAS.venueStaff)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect((await w.all('fakeTickets', { _id: 'tk-home-1' }))[0].redeemed).toBeNull();
  });

  test('an admin may scan anywhere', async () => {
    expect(await scan(w.code('voucher', 'tk-other-1'), PERSONAS.admin, OTHER)).toMatchObject({
      ok: true,
      data: { result: 'success' },
    });
  });

  test('no caller at all is UNAUTHENTICATED', async () => {
    expect(await scan(w.code('voucher', 'tk-home-1'), '')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('bad input', () => {
  test.each([
    [{ code: '', scope: HOME }, 'code'],
    [{ code: 'x', scope: { kind: 'shop', id: 'a' } }, 'scope.kind'],
    [{ code: 'x' }, 'scope'],
    [{ code: 'x', scope: HOME, extra: 1 }, 'extra'],
  ])('%j is INVALID_INPUT naming %s, nothing written', async (payload, field) => {
    const res = await w.checkin(PERSONAS.stationStaff, { action: 'scan', requestId: rid(), ...payload });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field } });
    expect(await w.all('scans')).toHaveLength(0);
    expect(await w.all('auditLog')).toHaveLength(0);
  });
});

describe('the trail', () => {
  test('every attempt is in scans and in the audit log, with who, where and the outcome', async () => {
    const code = w.code('voucher', 'tk-home-1');
    await scan(code);
    await scan(code);
    await scan('not-a-code');
    await w.checkin(PERSONAS.stationStaff, {
      action: 'redeemManual',
      kind: 'voucher',
      subjectId: 'tk-home-2',
      scope: HOME,
      requestId: rid(),
    });

    const scans = (await w.all('scans')).sort((a, b) => a.result.localeCompare(b.result));
    expect(scans.map((s) => [s.result, s.via, s.subjectId])).toEqual(
      expect.arrayContaining([
        ['success', 'scan', 'tk-home-1'],
        ['used', 'scan', 'tk-home-1'],
        ['refused', 'scan', null],
        ['success', 'manual', 'tk-home-2'],
      ]),
    );
    const log = await w.all('auditLog');
    expect(log).toHaveLength(4);
    expect(log.filter((e) => e.event === 'checkin.scan')).toHaveLength(3);
    expect(log.filter((e) => e.event === 'checkin.redeemManual')).toHaveLength(1);
    for (const e of log) {
      expect(e.actor).toBe(PERSONAS.stationStaff);
      expect(scans.map((s) => s._id)).toContain(e.target.id);
      expect(e.detail.scope).toEqual(HOME);
    }
  });

  test('a retry with the same request id answers the same and records once', async () => {
    const event = { action: 'scan', code: w.code('voucher', 'tk-home-1'), scope: HOME, requestId: rid('same') };
    const a = await w.checkin(PERSONAS.stationStaff, event);
    const b = await w.checkin(PERSONAS.stationStaff, event);
    expect(b).toEqual(a);
    expect(a).toMatchObject({ ok: true, data: { result: 'success' } });
    expect(await w.all('scans')).toHaveLength(1);
  });
});
