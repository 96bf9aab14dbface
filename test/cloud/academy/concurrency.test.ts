/**
 * The seat counter under load: never oversold, the waitlist numbered without gaps or repeats, and a
 * freed seat promoted exactly once even when two seats free at the same moment.
 */
import { academyWorld, okData, type AcademyWorld } from './world';

let w: AcademyWorld;
beforeEach(async () => {
  w = await academyWorld();
});

async function state(sessionId: string) {
  const bookings = await w.all('sessionBookings', { sessionId });
  const [session] = await w.all('sessions', { _id: sessionId });
  const by = (st: string) => bookings.filter((b) => b.status === st);
  return {
    session,
    booked: by('booked'),
    waitlisted: by('waitlisted').sort((a, b) => a.position - b.position),
    all: bookings,
  };
}

describe('capacity under concurrent booking', () => {
  it('30 book at once on capacity 5: exactly 5 seats, 25 waitlisted at positions 1..25', async () => {
    const s = okData(await w.schedule({ capacity: 5 }));
    const workers = await w.addWorkers(30);
    const results = await Promise.all(workers.map((id) => w.academy(id, 'book', { sessionId: s.id })));
    expect(results.every((r) => r.ok)).toBe(true);
    const st = await state(s.id);
    expect(st.booked).toHaveLength(5);
    expect(st.waitlisted).toHaveLength(25);
    expect(st.waitlisted.map((b) => b.position)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(st.session).toMatchObject({ booked: 5, waiting: 25, waitSeq: 25 });
    // What each caller was told matches what is stored.
    const told = results.map((r) => r.data.myBooking.status);
    expect(told.filter((x) => x === 'booked')).toHaveLength(5);
  });

  it('the same person booking 5 times at once gets one booking', async () => {
    const s = okData(await w.schedule({ capacity: 5 }));
    const [a] = await w.addWorkers(1);
    const results = await Promise.all(Array.from({ length: 5 }, () => w.academy(a, 'book', { sessionId: s.id })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => r.code === 'ALREADY_BOOKED')).toBe(true);
    expect((await state(s.id)).session.booked).toBe(1);
  });
});

describe('promotion when seats free', () => {
  it('two seats freed at the same moment promote the first two waitlisted, each exactly once', async () => {
    const s = okData(await w.schedule({ capacity: 5 }));
    const workers = await w.addWorkers(10);
    // Book in order so the waitlist order is known: workers 5..9 wait at positions 1..5.
    for (const id of workers) okData(await w.academy(id, 'book', { sessionId: s.id }));
    const [c1, c2] = await Promise.all([
      w.academy(workers[0], 'cancelBooking', { sessionId: s.id }),
      w.academy(workers[1], 'cancelBooking', { sessionId: s.id }),
    ]);
    expect(c1.ok && c2.ok).toBe(true);
    const st = await state(s.id);
    expect(st.booked.map((b) => b.openid).sort()).toEqual(
      [workers[2], workers[3], workers[4], workers[5], workers[6]].sort(),
    );
    expect(st.waitlisted.map((b) => b.openid)).toEqual([workers[7], workers[8], workers[9]]);
    expect(st.session).toMatchObject({ booked: 5, waiting: 3 });
    const promotedMsgs = await w.all('messages', { title: '候补成功，已为您预约' });
    expect(promotedMsgs.map((m) => m.to).sort()).toEqual([workers[5], workers[6]].sort());
  });

  it('many cancels and new bookings racing never oversell and keep counters true', async () => {
    const s = okData(await w.schedule({ capacity: 3 }));
    const workers = await w.addWorkers(20);
    for (const id of workers.slice(0, 8)) okData(await w.academy(id, 'book', { sessionId: s.id }));
    await Promise.all([
      ...workers.slice(0, 4).map((id) => w.academy(id, 'cancelBooking', { sessionId: s.id })),
      ...workers.slice(8).map((id) => w.academy(id, 'book', { sessionId: s.id })),
    ]);
    const st = await state(s.id);
    expect(st.booked).toHaveLength(3);
    expect(st.session.booked).toBe(3);
    expect(st.session.waiting).toBe(st.waitlisted.length);
    expect(st.waitlisted).toHaveLength(20 - 4 - 3);
    // The oldest waiters were served first: workers 4..6 hold the seats they queued for... or
    // earlier ones; no waiter who queued before a seated newcomer is still waiting.
    const seatedNewcomers = st.booked.filter((b) => workers.indexOf(b.openid) >= 8);
    const earlyWaiting = st.waitlisted.filter((b) => workers.indexOf(b.openid) < 8);
    expect(seatedNewcomers.length === 0 || earlyWaiting.length === 0).toBe(true);
  });
});
