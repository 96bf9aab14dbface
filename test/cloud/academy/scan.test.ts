/** Attendance through the one staff scanner (checkin), with the academy's 'session' code kind. */
import { checkinActions } from '../../../cloud/domain/checkin';
import { academyWorld, HOUR, okData, PERSONAS, rid, type AcademyWorld } from './world';

let w: AcademyWorld;
let sessionId: string;
let startAt: number;
beforeEach(async () => {
  w = await academyWorld();
  const s = okData(await w.schedule({ capacity: 1 }));
  sessionId = s.id;
  startAt = s.startAt;
  okData(await w.academy(PERSONAS.worker, 'book', { sessionId }));
  okData(await w.academy(PERSONAS.rider, 'book', { sessionId })); // waitlisted
});

const scope = () => ({ kind: 'session', id: sessionId });
const checkin = (openid: string, action: string, payload: Record<string, unknown>) =>
  w.call(openid, checkinActions, 'checkin', { action, requestId: rid(action), ...payload });

describe('attendance scan', () => {
  it('the teacher scans in the window: 签到成功 once; the second scan says who and when', async () => {
    w.clock.set(startAt - 20 * 60_000);
    const { token } = okData(await w.academy(PERSONAS.worker, 'seatCode', { sessionId }));
    const first = okData(await checkin(PERSONAS.teacher, 'scan', { code: token, scope: scope() }));
    expect(first).toMatchObject({ result: 'success', kind: 'session', title: '签到成功', personName: '王*国' });
    const again = okData(await checkin(PERSONAS.teacher, 'scan', { code: token, scope: scope() }));
    expect(again).toMatchObject({ result: 'used', firstStaff: '孙国华', firstAt: startAt - 20 * 60_000 });
    const view = okData(await w.academy(PERSONAS.worker, 'getSession', { sessionId }));
    expect(view.myBooking).toMatchObject({ status: 'attended', statusLabel: '已签到' });
    expect(okData(await checkin(PERSONAS.teacher, 'counts', { scope: scope() }))).toContainEqual({
      label: '已签到/已预约',
      done: 1,
      total: 1,
    });
  });

  it('concurrent scans of one seat code: exactly one success', async () => {
    w.clock.set(startAt);
    const { token } = okData(await w.academy(PERSONAS.worker, 'seatCode', { sessionId }));
    const results = await Promise.all(
      Array.from({ length: 6 }, () => checkin(PERSONAS.teacher, 'scan', { code: token, scope: scope() })),
    );
    expect(results.map((r) => okData(r).result).sort()).toEqual(['success', 'used', 'used', 'used', 'used', 'used']);
  });

  it('outside the window (earlier than 30 minutes before, or after the end) is NOT_OPEN', async () => {
    w.clock.set(startAt - HOUR);
    const { token } = okData(await w.academy(PERSONAS.worker, 'seatCode', { sessionId }));
    expect(okData(await checkin(PERSONAS.teacher, 'scan', { code: token, scope: scope() }))).toMatchObject({
      result: 'refused',
      code: 'NOT_OPEN',
    });
    w.clock.set(startAt + 3 * HOUR + 60_000);
    const late = okData(await w.academy(PERSONAS.worker, 'seatCode', { sessionId }));
    expect(okData(await checkin(PERSONAS.teacher, 'scan', { code: late.token, scope: scope() }))).toMatchObject({
      result: 'refused',
      code: 'NOT_OPEN',
    });
    const [b] = await w.all('sessionBookings', { openid: PERSONAS.worker });
    expect(b.status).toBe('booked');
  });

  it('staff of another scope cannot scan; a code of another session is WRONG_SCOPE', async () => {
    w.clock.set(startAt);
    const { token } = okData(await w.academy(PERSONAS.worker, 'seatCode', { sessionId }));
    expect(await checkin(PERSONAS.stationStaff, 'scan', { code: token, scope: scope() })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const other = okData(
      await checkin(PERSONAS.teacher, 'scan', { code: token, scope: { kind: 'session', id: 'ses-seed-cnc' } }),
    );
    expect(other).toMatchObject({ result: 'refused', code: 'WRONG_SCOPE' });
  });

  it('undo returns the seat to 已预约; lookup by name + phone tail finds only this session’s seats, masked', async () => {
    w.clock.set(startAt);
    const { token } = okData(await w.academy(PERSONAS.worker, 'seatCode', { sessionId }));
    const first = okData(await checkin(PERSONAS.teacher, 'scan', { code: token, scope: scope() }));
    okData(await checkin(PERSONAS.teacher, 'undo', { scanId: first.scanId, reason: '扫错人了' }));
    expect((await w.all('sessionBookings', { openid: PERSONAS.worker }))[0].status).toBe('booked');
    const found = okData(
      await checkin(PERSONAS.teacher, 'lookup', { scope: scope(), name: '王建国', phoneTail: '1234' }),
    );
    const seats = found.filter((m: any) => m.kind === 'session');
    expect(seats).toEqual([
      expect.objectContaining({ personName: '王*国', phone: '*******1234', summary: '5S现场管理法实操 · 已预约' }),
    ]);
    expect(JSON.stringify(found)).not.toContain('13857301234');
    // The waitlisted rider has no seat: manual check-in is refused.
    const [rider] = await w.all('sessionBookings', { openid: PERSONAS.rider });
    const manual = okData(
      await checkin(PERSONAS.teacher, 'redeemManual', { kind: 'session', subjectId: rider._id, scope: scope() }),
    );
    expect(manual).toMatchObject({ result: 'refused', code: 'INVALID_STATE' });
  });
});
