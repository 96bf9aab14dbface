import { shanghaiTime } from '../../../cloud/lib/clock';
import { academyWorld, HOUR, okData, PERSONAS, T0, type AcademyWorld } from './world';

let w: AcademyWorld;
beforeEach(async () => {
  w = await academyWorld();
});

describe('下单 (scheduleSession)', () => {
  it('schedules an accepted order: 已排课, the teacher gets the session scope, orderer and teacher are notified, audited', async () => {
    const s = okData(
      await w.schedule({ orderId: 'ord-seed-loom', courseId: undefined, audience: 'employer', capacity: 40 }),
    );
    expect(s).toMatchObject({
      title: '高速织机挡车操作与疵点防控',
      capacity: 40,
      booked: 0,
      audience: 'employer',
      employerName: '嘉兴纺织有限公司',
      teacherName: '孙国华',
    });
    const [order] = await w.all('courseOrders', { _id: 'ord-seed-loom' });
    expect(order).toMatchObject({ status: 'scheduled', sessionIds: [s.id] });
    const [teacher] = await w.all('users', { _id: PERSONAS.teacher });
    expect(teacher.scopes).toContainEqual({ kind: 'session', id: s.id });
    expect(await w.all('messages', { to: PERSONAS.enterprise, title: '课程已排课' })).toHaveLength(1);
    expect(await w.all('messages', { to: PERSONAS.teacher, title: '新的授课安排' })).toHaveLength(1);
    expect(await w.all('auditLog', { event: 'academy.scheduleSession' })).toHaveLength(1);
    // A second session for the same order keeps it 已排课 and lists both.
    const s2 = okData(await w.schedule({ orderId: 'ord-seed-loom', courseId: undefined }));
    const [again] = await w.all('courseOrders', { _id: 'ord-seed-loom' });
    expect(again.sessionIds).toEqual([s.id, s2.id]);
  });

  it('an order not yet accepted (or withdrawn) cannot be scheduled', async () => {
    expect(await w.schedule({ orderId: 'ord-seed-safety' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    okData(await w.academy(PERSONAS.enterprise, 'withdrawOrder', { orderId: 'ord-seed-loom' }));
    expect(await w.schedule({ orderId: 'ord-seed-loom' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  it.each([
    [{ startAt: T0 - HOUR }, 'startAt'],
    [{ endAt: shanghaiTime('2026-03-05 13:00') }, 'endAt'],
    [{ bookingClosesAt: T0 - 2 * HOUR }, 'bookingClosesAt'],
    [{ bookingClosesAt: shanghaiTime('2026-03-05 15:00') }, 'bookingClosesAt'],
    [{ cancelDeadline: shanghaiTime('2026-03-05 15:00') }, 'cancelDeadline'],
    [{ capacity: 0 }, 'capacity'],
    [{ teacherOpenid: PERSONAS.worker }, 'teacherOpenid'],
    [{ audience: 'employer' }, 'audience'],
    [{ venue: undefined }, 'venue'],
    [{ format: 'live', venue: undefined }, 'liveLink'],
    [{ format: 'live', liveLink: 'http://x.example/live' }, 'liveLink'],
  ])('refuses a bad schedule %#, naming the field, writing nothing', async (overrides, field) => {
    const before = await w.snapshot(['sessions', 'users', 'courseOrders']);
    expect(await w.schedule(overrides)).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field } });
    expect(await w.snapshot(['sessions', 'users', 'courseOrders'])).toEqual(before);
  });

  it('only admins schedule, change or list teachers', async () => {
    for (const who of [PERSONAS.teacher, PERSONAS.enterprise, PERSONAS.worker]) {
      expect(await w.schedule({}, who)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await w.academy(who, 'listTeachers')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await w.academy(who, 'updateSession', { sessionId: 'ses-seed-cnc', capacity: 50 })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
    }
    // Every catalogue teacher has an account (the seed's), persona-teacher among them.
    const teachers = okData(await w.academy(PERSONAS.admin, 'listTeachers'));
    expect(teachers).toContainEqual({ openid: PERSONAS.teacher, name: '孙国华' });
    expect(teachers.map((t: any) => t.name).sort()).toEqual(
      ['孙国华', '沈月琴', '陆佩华', '顾志明', '吴婷婷', '钱建国', '姚金海', '朱卫平'].sort(),
    );
  });
});

describe('schedule changes', () => {
  it('moving the time notifies everyone holding a seat or waiting; capacity cannot drop below the seats taken', async () => {
    const s = okData(await w.schedule({ capacity: 1 }));
    const [a, b] = await w.addWorkers(2);
    okData(await w.academy(a, 'book', { sessionId: s.id }));
    okData(await w.academy(b, 'book', { sessionId: s.id }));
    const moved = shanghaiTime('2026-03-06 14:00');
    okData(
      await w.academy(PERSONAS.admin, 'updateSession', { sessionId: s.id, startAt: moved, endAt: moved + 2 * HOUR }),
    );
    expect(await w.all('messages', { title: '课程安排变更' })).toHaveLength(2);
    expect(await w.academy(PERSONAS.admin, 'updateSession', { sessionId: s.id, endAt: moved - HOUR })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      details: { field: 'endAt' },
    });
    // Raising capacity promotes the waitlist.
    const bigger = okData(await w.academy(PERSONAS.admin, 'updateSession', { sessionId: s.id, capacity: 2 }));
    expect(bigger).toMatchObject({ capacity: 2, booked: 2, waiting: 0 });
    expect(await w.academy(PERSONAS.admin, 'updateSession', { sessionId: s.id, capacity: 1 })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
    });
  });
});

describe('rescheduling takes the booking rules along', () => {
  it('the booking deadline and cancel window keep their distance to the new start', async () => {
    const s = okData(await w.schedule({}));
    const closeLead = s.startAt - s.bookingClosesAt;
    const cancelLead = s.startAt - s.cancelDeadline;
    expect(cancelLead).toBeGreaterThan(0);
    const later = s.startAt + 3 * 24 * HOUR;
    const moved = okData(
      await w.academy(PERSONAS.admin, 'updateSession', { sessionId: s.id, startAt: later, endAt: later + 2 * HOUR }),
    );
    expect(moved.bookingClosesAt).toBe(later - closeLead);
    expect(moved.cancelDeadline).toBe(later - cancelLead);
    expect(moved.bookingOpensAt).toBe(s.bookingOpensAt);
    // Stored, not only answered: booking follows the new times.
    const [doc] = await w.all('sessions', { _id: s.id });
    expect(doc).toMatchObject({ bookingClosesAt: later - closeLead, cancelDeadline: later - cancelLead });
  });

  it('moved to start within the booking lead: nobody can book any more, and cancelling counts as late', async () => {
    const s = okData(await w.schedule({}));
    const [a, b] = await w.addWorkers(2);
    okData(await w.academy(a, 'book', { sessionId: s.id }));
    // Start in 30 minutes: the old deadline (an hour before the old start, days away) would keep 预约 open.
    const soon = w.clock.now() + 30 * 60_000;
    const moved = okData(
      await w.academy(PERSONAS.admin, 'updateSession', { sessionId: s.id, startAt: soon, endAt: soon + 2 * HOUR }),
    );
    expect(moved.bookingClosesAt).toBeLessThanOrEqual(w.clock.now());
    expect(await w.academy(b, 'book', { sessionId: s.id })).toMatchObject({ ok: false, code: 'DEADLINE_PASSED' });
    expect(moved.cancelDeadline).toBeLessThanOrEqual(w.clock.now());
    // Others no longer see it among the sessions open for booking.
    const open = okData(await w.academy(b, 'upcomingSessions', {}));
    expect(open.map((x: any) => x.id)).not.toContain(s.id);
  });

  it('a start moved into the past is refused, nothing written', async () => {
    const s = okData(await w.schedule({}));
    const before = await w.snapshot(['sessions']);
    const past = w.clock.now() - HOUR;
    expect(
      await w.academy(PERSONAS.admin, 'updateSession', { sessionId: s.id, startAt: past, endAt: past + 2 * HOUR }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'startAt' } });
    expect(await w.snapshot(['sessions'])).toEqual(before);
  });
});

describe('送达 and 评价 of an order', () => {
  it('已排课 → 已送达 on closing (unscanned seats 缺席) → 已评价 once an attendee rates; the enterprise sees the report', async () => {
    const s = okData(await w.schedule({ orderId: 'ord-seed-loom', courseId: undefined, audience: 'employer' }));
    okData(await w.academy(PERSONAS.retiree, 'book', { sessionId: s.id })); // 嘉兴纺织 worker
    okData(await w.academy(PERSONAS.enterprise, 'book', { sessionId: s.id }));
    expect(await w.academy(PERSONAS.teacher, 'closeSession', { sessionId: s.id })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
    });
    w.clock.set(s.startAt + 10 * 60_000);
    const [booking] = await w.all('sessionBookings', { openid: PERSONAS.retiree });
    await w.db
      .collection('sessionBookings')
      .doc(booking._id)
      .update({ data: { status: 'attended', attendedAt: w.clock.now() } });
    expect(await w.academy(PERSONAS.venueStaff, 'closeSession', { sessionId: s.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    okData(await w.academy(PERSONAS.teacher, 'closeSession', { sessionId: s.id }));
    expect((await w.all('courseOrders', { _id: 'ord-seed-loom' }))[0].status).toBe('delivered');
    const [absent] = await w.all('sessionBookings', { openid: PERSONAS.enterprise });
    expect(absent.status).toBe('absent');
    okData(await w.academy(PERSONAS.retiree, 'rate', { sessionId: s.id, stars: 5, comment: '老师讲得细，实操很有用' }));
    const report = okData(await w.academy(PERSONAS.enterprise, 'orderReport', { orderId: 'ord-seed-loom' }));
    expect(report.order).toMatchObject({ status: 'rated', statusLabel: '已评价' });
    expect(report.sessions).toEqual([
      expect.objectContaining({
        sessionId: s.id,
        booked: 2,
        attended: 1,
        absent: 1,
        ratingCount: 1,
        ratingAverage: 5,
        comments: ['老师讲得细，实操很有用'],
      }),
    ]);
    expect(JSON.stringify(report)).not.toContain(PERSONAS.retiree);
    expect(await w.academy(PERSONAS.teacher, 'closeSession', { sessionId: s.id })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
    });
  });
});
