/**
 * Concurrency under transaction conflicts, as CloudBase has them: the real wx-server-sdk against the
 * stand-in, whose transactions conflict (-501001) when another wrote first and reject the read of a
 * missing document. N parallel calls: each succeeds or answers BUSY (nothing else), and the
 * invariants hold. Figures are printed (tries, conflicts, commits counted by faults.ts).
 */
import type { Envelope } from '../../types/envelope';
import { memberActions } from '../../cloud/domain/member';
import { retirementActions } from '../../cloud/domain/retirement';
import { academyActions } from '../../cloud/domain/academy';
import { contestActions } from '../../cloud/domain/contest';
import { CONTEST, FORM, contestWorld } from './contest/fixture';
import { dispatch } from '../../cloud/lib/router';
import type { ActionDefs } from '../../cloud/lib/router';
import { fakeIdNumber } from '../../cloud/seed/retirement';
import { countTransactions, type TxStats } from './faults';
import { makeWorld, okData, PERSONAS, type World } from './helpers';

jest.setTimeout(60_000);

const figures: string[] = [];
let warn: jest.SpyInstance;
beforeAll(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(() => {
  warn.mockRestore();
  console.log(figures.join('\n'));
});

function caller(w: World, fn: string, defs: ActionDefs<any>) {
  const { db, stats } = countTransactions(w.db);
  const call = (openid: string, event: Record<string, unknown>) =>
    dispatch(fn, defs, { ...w.ctxFor(openid), db }, event) as Promise<Envelope<any>>;
  return { call, stats };
}

function tally(results: Envelope<any>[]) {
  const codes: Record<string, number> = {};
  for (const r of results) codes[r.ok ? 'ok' : r.code] = (codes[r.ok ? 'ok' : r.code] ?? 0) + 1;
  return codes;
}

function figure(name: string, n: number, results: Envelope<any>[], stats: TxStats) {
  const t = tally(results);
  figures.push(
    `${name}: ${n} parallel calls → ${Object.entries(t)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; transactions: ${stats.attempts} tries, ${stats.conflicts} conflicts, ${stats.committed} committed`,
  );
  return t;
}

test('20 parallel member approvals (member number counter): each ok or BUSY, numbers distinct and gapless', async () => {
  const w = await makeWorld({ seed: 'base' });
  const N = 20;
  for (let i = 0; i < N; i++) {
    const openid = `applicant-${i}`;
    await w.db
      .collection('users')
      .doc(openid)
      .set({
        data: {
          roles: [],
          scopes: [],
          profile: {
            name: `申请人${i}`,
            phone: `1385730${1000 + i}`,
            employer: '嘉兴纺织有限公司',
            district: '秀洲区',
            category: '产业工人',
          },
          membership: { status: 'none' },
          createdAt: w.clock.now(),
          updatedAt: w.clock.now(),
        },
      });
    okData(
      await w.call(openid, memberActions, 'member', {
        action: 'applyMembership',
        requestId: `apply-${i}-0000`,
        agreeCharter: true,
      }),
    );
  }
  const apps = await w.all('membershipApplications', { status: 'pending' });
  expect(apps).toHaveLength(N);
  const { call, stats } = caller(w, 'member', memberActions);
  const results = await Promise.all(
    apps.map((a, i) =>
      call(PERSONAS.admin, {
        action: 'reviewApplication',
        requestId: `review-${i}-0000`,
        applicationId: a._id,
        decision: 'approve',
      }),
    ),
  );
  const t = figure('member approvals', N, results, stats);
  expect(Object.keys(t).filter((k) => k !== 'ok' && k !== 'BUSY')).toEqual([]);
  expect(stats.conflicts).toBeGreaterThan(0); // conflicts did happen, and were retried
  const approved = await w.all('membershipApplications', { status: 'approved' });
  expect(approved).toHaveLength(t.ok ?? 0);
  const numbers = approved.map((a) => a.memberNo).sort();
  expect(new Set(numbers).size).toBe(numbers.length);
  const seqs = numbers.map((n: string) => Number(n.slice(-6))).sort((a: number, b: number) => a - b);
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_v, i) => seqs[0] + i));
  // The BUSY ones changed nothing: still pending, users not members.
  expect(await w.all('membershipApplications', { status: 'pending' })).toHaveLength(t.BUSY ?? 0);
  expect(
    (await w.all('users', { 'membership.status': 'member' })).filter((u) => u._id.startsWith('applicant-')),
  ).toHaveLength(t.ok ?? 0);
});

test('20 parallel certificate issues, first of the year (no serial counter): each ok or BUSY, serials distinct and consecutive', async () => {
  const w = await makeWorld({ seed: 'full' });
  const N = 20;
  // A year no certificate was issued in yet: its serial counter does not exist.
  const [settings] = await w.all('retirementSettings');
  await w.db
    .collection('retirementSettings')
    .doc(settings._id)
    .update({ data: { year: 2031 } });
  expect(await w.all('retirementCounters', { _id: 'serial-2031' })).toEqual([]);
  const ids: string[] = [];
  for (let i = 0; i < N; i++) {
    const res = okData(
      await w.call(PERSONAS.enterprise, retirementActions, 'retirement', {
        action: 'submitRequest',
        requestId: `cert-submit-${i}`,
        consent: true,
        requesterKind: 'employer',
        name: '测试退休',
        idNumber: fakeIdNumber('1965-06-01', 300 + i),
        employer: '嘉兴纺织有限公司',
        employerId: 'emp-jiaxing-textile',
        position: '挡车工',
        yearsOfService: 30,
        retirementDate: '2026-01-10',
        phone: '13957310001',
        deliveryMethod: 'pickup',
        pickupStationId: 'station-xinchenghui',
      }),
    );
    ids.push(res.id);
    for (const action of ['verifyEmployment', 'approve'])
      okData(
        await w.call(action === 'approve' ? PERSONAS.admin : PERSONAS.enterprise, retirementActions, 'retirement', {
          action,
          requestId: `cert-${action}-${i}`,
          ids: [res.id],
          ...(action === 'verifyEmployment' ? { decision: 'confirm' } : {}),
        }),
      );
  }
  const { call, stats } = caller(w, 'retirement', retirementActions);
  const results = await Promise.all(
    ids.map((id, i) => call(PERSONAS.admin, { action: 'issue', requestId: `cert-issue-${i}`, ids: [id] })),
  );
  // A batch answers ok with per-id results: count those.
  const perId = results.flatMap((r) => (r.ok ? r.data.results : [r])) as Array<{ ok: boolean; code?: string }>;
  const flat = perId.map((r) => (r.ok ? ({ ok: true, data: null } as Envelope<any>) : (r as Envelope<any>)));
  const t = figure('certificate issues', N, flat, stats);
  expect(Object.keys(t).filter((k) => k !== 'ok' && k !== 'BUSY')).toEqual([]);
  expect(stats.conflicts).toBeGreaterThan(0); // conflicts did happen, and were retried
  const issued = (await w.all('retirementRequests', { status: 'issued' })).filter((d) => ids.includes(d._id));
  expect(issued).toHaveLength(t.ok ?? 0);
  const seqs = issued.map((d) => Number(/第(\d+)号/.exec(d.serial)![1])).sort((a, b) => a - b);
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_v, i) => i + 1));
  expect((await w.all('retirementCounters', { _id: 'serial-2031' }))[0].seq).toBe(seqs.length);
  // Nothing half-done: every request is issued with a serial, or still approved without one.
  const rest = (await w.all('retirementRequests', { status: 'approved' })).filter((d) => ids.includes(d._id));
  expect(rest).toHaveLength(t.BUSY ?? 0);
  expect(rest.filter((d) => d.serial)).toEqual([]);
});

test('30 parallel bookings of 5 seats (waitlist tickets by transaction): each ok or BUSY, seats and tickets consistent', async () => {
  const w = await makeWorld({ seed: 'full' });
  const N = 30;
  await w.db
    .collection('sessions')
    .doc('ses-seed-cnc')
    .update({ data: { capacity: 8 } }); // 3 seeded bookings: 5 seats left
  const workers: string[] = [];
  for (let i = 0; i < N; i++) {
    const openid = `booker-${String(i).padStart(2, '0')}`;
    await w.db
      .collection('users')
      .doc(openid)
      .set({
        data: {
          roles: ['member'],
          scopes: [],
          profile: {
            name: `职工${i}号`,
            phone: `1385730${1000 + i}`,
            employer: '嘉兴纺织有限公司',
            district: '秀洲区',
            category: '产业工人',
          },
          membership: { status: 'member', employer: '嘉兴纺织有限公司' },
          createdAt: w.clock.now(),
          updatedAt: w.clock.now(),
        },
      });
    workers.push(openid);
  }
  const { call, stats } = caller(w, 'academy', academyActions);
  const results = await Promise.all(
    workers.map((openid, i) =>
      call(openid, { action: 'book', requestId: `book-${i}-0000`, sessionId: 'ses-seed-cnc' }),
    ),
  );
  const t = figure('bookings', N, results, stats);
  expect(Object.keys(t).filter((k) => k !== 'ok' && k !== 'BUSY')).toEqual([]);
  const session = (await w.all('sessions', { _id: 'ses-seed-cnc' }))[0];
  const mine = (await w.all('sessionBookings', { sessionId: 'ses-seed-cnc' })).filter((b) =>
    workers.includes(b.openid),
  );
  const booked = mine.filter((b) => b.status === 'booked');
  const waiting = mine.filter((b) => b.status === 'waitlisted');
  expect(session.booked).toBeLessThanOrEqual(session.capacity);
  expect(session.booked).toBe(3 + booked.length);
  expect(booked).toHaveLength(5);
  expect(session.waiting).toBe(waiting.length);
  expect(new Set(waiting.map((b) => b.position)).size).toBe(waiting.length);
  expect(booked.length + waiting.length).toBe(t.ok ?? 0);
  // Whoever was told BUSY tries again (same request id: BUSY is not the request's final answer) and
  // gets a place in the queue, not 您已预约 for a booking they never got.
  const busy = workers.filter((_o, i) => !results[i].ok);
  for (const openid of busy) {
    const i = workers.indexOf(openid);
    let again: Envelope<any> = results[i];
    for (let k = 0; k < 5 && !again.ok; k++)
      again = await call(openid, { action: 'book', requestId: `book-${i}-0000`, sessionId: 'ses-seed-cnc' });
    expect([openid, again.ok ? 'ok' : again.code]).toEqual([openid, 'ok']);
  }
  const after = (await w.all('sessionBookings', { sessionId: 'ses-seed-cnc' })).filter((b) =>
    workers.includes(b.openid),
  );
  expect(after.filter((b) => b.status === 'waitlisted')).toHaveLength(N - 5);
  expect((await w.all('sessions', { _id: 'ses-seed-cnc' }))[0].waiting).toBe(N - 5);
});

test('50 parallel contest registrations for 10 places, 3 per employer (places taken by transaction): each placed, refused or BUSY; counters equal the holders', async () => {
  const w = await contestWorld();
  const N = 50;
  await w.db
    .collection('contestTrades')
    .doc(`${CONTEST}:smart`)
    .update({ data: { quota: 10, employerQuota: 3 } });
  const people = Array.from({ length: N }, (_u, i) => ({ openid: `reg-${i}`, employer: `单位${i % 5}` }));
  for (const p of people) await w.addMember(p.openid, { employer: p.employer });
  const { call, stats } = caller(w, 'contest', contestActions);
  const results = await Promise.all(
    people.map((p, i) =>
      call(p.openid, {
        action: 'register',
        requestId: `reg-${i}-0000`,
        contestId: CONTEST,
        tradeId: 'smart',
        ...FORM,
        employer: p.employer,
      }),
    ),
  );
  const t = figure('contest registrations', N, results, stats);
  expect(Object.keys(t).filter((k) => !['ok', 'BUSY', 'CONTEST_FULL', 'EMPLOYER_QUOTA_FULL'].includes(k))).toEqual([]);
  const trade = (await w.all('contestTrades', { _id: `${CONTEST}:smart` }))[0];
  const regs = await w.all('contestRegistrations', { tradeId: 'smart' });
  expect(trade.taken).toBeLessThanOrEqual(10);
  expect(trade.taken).toBe(t.ok ?? 0);
  expect(regs.filter((r) => r.placed !== false)).toHaveLength(t.ok ?? 0);
  expect(regs).toHaveLength(t.ok ?? 0);
  for (const share of await w.all('contestEmployerPlaces')) {
    expect(share.taken).toBeLessThanOrEqual(3);
    expect(share.taken).toBe(regs.filter((r) => r.employerKey === share._id).length);
  }
});
