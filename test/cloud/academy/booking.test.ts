import { verifyToken } from '../../../cloud/lib/token';
import { academyWorld, HOUR, okData, PERSONAS, T0, type AcademyWorld } from './world';

let w: AcademyWorld;
beforeEach(async () => {
  w = await academyWorld();
});

async function bookingOf(openid: string) {
  return (await w.all('sessionBookings', { openid }))[0];
}

describe('booking a seat', () => {
  it('books (已预约), lists it, refuses a second booking by the same person', async () => {
    const s = okData(await w.schedule());
    const view = okData(await w.academy(PERSONAS.worker, 'book', { sessionId: s.id }));
    expect(view).toMatchObject({ booked: 1, myBooking: { status: 'booked', statusLabel: '已预约' } });
    expect(await w.academy(PERSONAS.worker, 'book', { sessionId: s.id })).toMatchObject({
      ok: false,
      code: 'ALREADY_BOOKED',
    });
    const mine = okData(await w.academy(PERSONAS.worker, 'myBookings'));
    expect(mine).toEqual([
      expect.objectContaining({ status: 'booked', session: expect.objectContaining({ id: s.id, booked: 1 }) }),
    ]);
    expect(okData(await w.academy(PERSONAS.rider, 'myBookings'))).toEqual([]);
  });

  it('when full, joins the waitlist and sees their position; the position moves up as others leave', async () => {
    const s = okData(await w.schedule({ capacity: 1 }));
    const [a, b, c] = await w.addWorkers(3);
    okData(await w.academy(a, 'book', { sessionId: s.id }));
    expect(okData(await w.academy(b, 'book', { sessionId: s.id })).myBooking).toMatchObject({
      status: 'waitlisted',
      waitPosition: 1,
      statusLabel: '候补中(1)',
    });
    expect(okData(await w.academy(c, 'book', { sessionId: s.id })).myBooking).toMatchObject({
      waitPosition: 2,
      statusLabel: '候补中(2)',
    });
    // b leaves the waitlist: c becomes next, nobody is promoted (no seat freed).
    expect(okData(await w.academy(b, 'cancelBooking', { sessionId: s.id })).myBooking).toMatchObject({
      status: 'cancelled',
      statusLabel: '已取消（准时）',
    });
    const [cItem] = okData(await w.academy(c, 'myBookings'));
    expect(cItem).toMatchObject({ status: 'waitlisted', waitPosition: 1 });
    expect((await w.all('sessions', { _id: s.id }))[0]).toMatchObject({ booked: 1, waiting: 1 });
  });

  it('cancelling before the deadline frees the seat for the first waitlisted, who is notified', async () => {
    const s = okData(await w.schedule({ capacity: 1 }));
    const [a, b, c] = await w.addWorkers(3);
    for (const who of [a, b, c]) okData(await w.academy(who, 'book', { sessionId: s.id }));
    const after = okData(await w.academy(a, 'cancelBooking', { sessionId: s.id }));
    expect(after).toMatchObject({ booked: 1, waiting: 1, myBooking: { status: 'cancelled', late: false } });
    expect(await bookingOf(b)).toMatchObject({ status: 'booked', promotedAt: T0 });
    expect(await bookingOf(c)).toMatchObject({ status: 'waitlisted' });
    expect(await w.all('messages', { to: b, title: '候补成功，已为您预约' })).toHaveLength(1);
    expect(await w.all('messages', { to: c })).toHaveLength(0);
    // Booking again after an on-time cancel is allowed: to the back of the waitlist.
    expect(okData(await w.academy(a, 'book', { sessionId: s.id })).myBooking).toMatchObject({
      status: 'waitlisted',
      waitPosition: 2,
    });
  });

  it('cancelling after the deadline is recorded as late and promotes no one; a late canceller cannot rebook', async () => {
    const s = okData(await w.schedule({ capacity: 1 }));
    const [a, b] = await w.addWorkers(2);
    okData(await w.academy(a, 'book', { sessionId: s.id }));
    okData(await w.academy(b, 'book', { sessionId: s.id }));
    w.clock.set(s.cancelDeadline + 1);
    const after = okData(await w.academy(a, 'cancelBooking', { sessionId: s.id }));
    expect(after.myBooking).toMatchObject({ status: 'cancelled', late: true, statusLabel: '已取消（逾期）' });
    expect(after).toMatchObject({ booked: 1, waiting: 1 });
    expect(await bookingOf(b)).toMatchObject({ status: 'waitlisted' });
    expect(await w.all('messages', { to: b })).toHaveLength(0);
    expect(await w.academy(a, 'book', { sessionId: s.id })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    w.clock.set(s.startAt);
    expect(await w.academy(b, 'cancelBooking', { sessionId: s.id })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
    });
  });

  it('refuses outside the booking window', async () => {
    const s = okData(await w.schedule({ bookingOpensAt: T0 + HOUR }));
    expect(await w.academy(PERSONAS.worker, 'book', { sessionId: s.id })).toMatchObject({
      ok: false,
      code: 'NOT_OPEN',
    });
    expect(okData(await w.academy(PERSONAS.worker, 'upcomingSessions')).map((x: any) => x.id)).not.toContain(s.id);
    w.clock.set(s.bookingClosesAt);
    expect(await w.academy(PERSONAS.worker, 'book', { sessionId: s.id })).toMatchObject({
      ok: false,
      code: 'DEADLINE_PASSED',
    });
    expect(await w.all('sessionBookings', { sessionId: s.id })).toHaveLength(0);
  });

  it('a session closed to the ordering enterprise refuses (and hides from) another enterprise’s workers', async () => {
    const s = okData(await w.schedule({ orderId: 'ord-seed-loom', courseId: undefined, audience: 'employer' }));
    expect(await w.academy(PERSONAS.worker, 'book', { sessionId: s.id })).toMatchObject({
      ok: false,
      code: 'NOT_ELIGIBLE',
    });
    expect(await w.academy(PERSONAS.worker, 'getSession', { sessionId: s.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(okData(await w.academy(PERSONAS.worker, 'upcomingSessions')).map((x: any) => x.id)).toEqual([
      'ses-seed-cnc',
    ]);
    const [textileWorker] = await w.addWorkers(1, '嘉兴纺织有限公司');
    expect(okData(await w.academy(textileWorker, 'upcomingSessions')).map((x: any) => x.id)).toContain(s.id);
    expect(okData(await w.academy(textileWorker, 'book', { sessionId: s.id })).myBooking.status).toBe('booked');
  });

  it('bad input and unknown sessions', async () => {
    expect(await w.academy(PERSONAS.worker, 'book', { sessionId: 'a b' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      details: { field: 'sessionId' },
    });
    expect(await w.academy(PERSONAS.worker, 'book', {})).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      details: { field: 'sessionId' },
    });
    expect(await w.academy(PERSONAS.worker, 'book', { sessionId: 'ses-nope' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await w.academy(PERSONAS.newcomer, 'book', { sessionId: 'ses-seed-cnc' })).toMatchObject({
      ok: false,
      code: 'PROFILE_INCOMPLETE',
    });
    expect(await w.academy('', 'book', { sessionId: 'ses-seed-cnc' })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
    expect(await w.academy(PERSONAS.worker, 'cancelBooking', { sessionId: 'ses-seed-cnc' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});

describe('seat code and reminders', () => {
  it('the seat QR is a signed session token for the booking, only while a seat is held', async () => {
    const s = okData(await w.schedule({ capacity: 1 }));
    okData(await w.academy(PERSONAS.worker, 'book', { sessionId: s.id }));
    okData(await w.academy(PERSONAS.rider, 'book', { sessionId: s.id }));
    const code = okData(await w.academy(PERSONAS.worker, 'seatCode', { sessionId: s.id }));
    const claims = verifyToken(w.env, code.token, T0);
    expect(claims).toMatchObject({ kind: 'session', id: (await bookingOf(PERSONAS.worker))._id });
    expect(claims.id).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
    expect(await w.academy(PERSONAS.rider, 'seatCode', { sessionId: s.id })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
    });
    expect(await w.academy(PERSONAS.courier, 'seatCode', { sessionId: s.id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('reminds each seat holder once for sessions starting within 24 h (admins only)', async () => {
    const s = okData(await w.schedule({ capacity: 1 }));
    okData(await w.academy(PERSONAS.worker, 'book', { sessionId: s.id }));
    okData(await w.academy(PERSONAS.rider, 'book', { sessionId: s.id }));
    expect(okData(await w.academy(PERSONAS.admin, 'sendReminders'))).toEqual({ reminded: 0 });
    w.clock.set(s.startAt - 20 * HOUR);
    const [r1, r2] = await Promise.all([
      w.academy(PERSONAS.admin, 'sendReminders'),
      w.academy(PERSONAS.admin, 'sendReminders'),
    ]);
    // The worker's seat and the seeded session's three learners (same afternoon); the waitlisted rider none.
    expect(okData(r1).reminded + okData(r2).reminded).toBe(4);
    const sent = (await w.all('messages', { title: '课程即将开始' })).map((m) => m.to);
    expect(new Set(sent).size).toBe(4);
    expect(sent).toContain(PERSONAS.worker);
    expect(sent).not.toContain(PERSONAS.rider);
    expect(okData(await w.academy(PERSONAS.admin, 'sendReminders'))).toEqual({ reminded: 0 });
    expect(await w.academy(PERSONAS.worker, 'sendReminders')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('rating', () => {
  it('only attendees rate, once; 1–5 only', async () => {
    const s = okData(await w.schedule());
    okData(await w.academy(PERSONAS.worker, 'book', { sessionId: s.id }));
    okData(await w.academy(PERSONAS.rider, 'book', { sessionId: s.id }));
    expect(await w.academy(PERSONAS.worker, 'rate', { sessionId: s.id, stars: 5 })).toMatchObject({
      ok: false,
      code: 'NOT_ATTENDED',
    });
    expect(await w.academy(PERSONAS.courier, 'rate', { sessionId: s.id, stars: 5 })).toMatchObject({
      ok: false,
      code: 'NOT_ATTENDED',
    });
    const b = await bookingOf(PERSONAS.worker);
    await w.db
      .collection('sessionBookings')
      .doc(b._id)
      .update({ data: { status: 'attended', attendedAt: s.startAt } });
    expect(await w.academy(PERSONAS.worker, 'rate', { sessionId: s.id, stars: 6 })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      details: { field: 'stars' },
    });
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) => w.academy(PERSONAS.worker, 'rate', { sessionId: s.id, stars: n, comment: `第${n}次` })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => r.code)).toEqual([
      'ALREADY_RATED',
      'ALREADY_RATED',
      'ALREADY_RATED',
    ]);
    expect(await w.all('sessionRatings', { sessionId: s.id })).toHaveLength(1);
    const [session] = await w.all('sessions', { _id: s.id });
    expect(session.ratingCount).toBe(1);
    expect(okData(await w.academy(PERSONAS.worker, 'getSession', { sessionId: s.id })).myBooking).toMatchObject({
      rated: true,
      status: 'attended',
    });
  });
});
