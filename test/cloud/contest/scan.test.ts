/**
 * The contest ticket in the one staff scanner (checkin.scan): at that contest's venue only, approved
 * registrations only, on the contest days only (Asia/Shanghai), single-use; undo, lookup, counts.
 */
import { checkinActions } from '../../../cloud/domain/checkin';
import { REGISTRATIONS } from '../../../cloud/domain/contest/model';
import { shanghaiTime } from '../../../cloud/lib/clock';
import { CONTEST, PERSONAS, contestWorld, okData, rid, type ContestWorld } from './fixture';

const STAFF = 'u-venue-staff';
const OTHER_STAFF = 'u-other-venue';
const SCOPE = { kind: 'contest', id: CONTEST };
let world: ContestWorld;
let regId: string;

const scan = (code: string, as = STAFF, scope: Record<string, string> = SCOPE) =>
  world.call(as, checkinActions, 'checkin', { action: 'scan', requestId: rid('scan'), code, scope });
const ticket = async (id = regId, who: string = PERSONAS.worker) =>
  okData(await world.contest(who, { action: 'ticketCode', registrationId: id })).token as string;

beforeEach(async () => {
  world = await contestWorld();
  for (const [id, scope] of [
    [STAFF, CONTEST],
    [OTHER_STAFF, 'c-other'],
  ]) {
    await world.db
      .collection('users')
      .doc(id)
      .set({
        data: {
          roles: ['staff'],
          scopes: [{ kind: 'contest', id: scope }],
          profile: { name: '钱卫东' },
          membership: { status: 'none' },
          createdAt: 0,
          updatedAt: 0,
        },
      });
  }
  regId = okData(await world.register(PERSONAS.worker, 'web')).id;
  okData(
    await world.contest(PERSONAS.admin, {
      action: 'review',
      requestId: rid(),
      registrationIds: [regId],
      decision: 'approve',
    }),
  );
});

const contestDay = () => world.clock.set(shanghaiTime('2026-03-25 08:10'));

test('on the contest day at the venue: green, then red naming the first scan', async () => {
  contestDay();
  const code = await ticket();
  const first = okData(await scan(code));
  expect(first).toMatchObject({
    result: 'success',
    kind: 'contest',
    title: '签到成功',
    personName: '王*国',
    detail: expect.stringContaining('互联网营销'),
  });
  expect(JSON.stringify(first)).not.toContain('王建国');
  world.clock.advance(60_000);
  const again = okData(await scan(await ticket()));
  expect(again).toMatchObject({
    result: 'used',
    firstAt: shanghaiTime('2026-03-25 08:10'),
    firstStaff: '钱卫东',
    firstPlace: '技能比武测试赛',
  });
  const [doc] = await world.all(REGISTRATIONS);
  expect(doc.status).toBe('checked_in');
  const [mine] = okData(await world.contest(PERSONAS.worker, { action: 'myRegistrations' }));
  expect(mine).toMatchObject({ status: 'checked_in', checkedInAt: shanghaiTime('2026-03-25 08:10') });
});

test('10 concurrent scans of one ticket: exactly one green', async () => {
  contestDay();
  const code = await ticket();
  const results = await Promise.all(Array.from({ length: 10 }, () => scan(code)));
  expect(results.map((r) => okData(r).result).filter((r) => r === 'success')).toHaveLength(1);
  expect(results.map((r) => okData(r).result).filter((r) => r === 'used')).toHaveLength(9);
});

test('before the contest day and after it: amber NOT_OPEN, nothing changed', async () => {
  world.clock.set(shanghaiTime('2026-03-24 23:59'));
  expect(okData(await scan(await ticket()))).toMatchObject({ result: 'refused', code: 'NOT_OPEN' });
  world.clock.set(shanghaiTime('2026-03-27 00:00'));
  expect(okData(await scan(await ticket()))).toMatchObject({ result: 'refused', code: 'NOT_OPEN' });
  expect((await world.all(REGISTRATIONS))[0].status).toBe('approved');
  world.clock.set(shanghaiTime('2026-03-26 23:59'));
  expect(okData(await scan(await ticket())).result).toBe('success');
});

test('at another venue: WRONG_SCOPE (staff of another contest; a station scope)', async () => {
  contestDay();
  const code = await ticket();
  expect(okData(await scan(code, OTHER_STAFF, { kind: 'contest', id: 'c-other' }))).toMatchObject({
    result: 'refused',
    code: 'WRONG_SCOPE',
  });
  expect(okData(await scan(code, PERSONAS.stationStaff, { kind: 'station', id: 'station-xinchenghui' }))).toMatchObject(
    { result: 'refused', code: 'WRONG_SCOPE' },
  );
  // A staff member cannot pick a scope they do not hold.
  expect(await scan(code, OTHER_STAFF, SCOPE)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect((await world.all(REGISTRATIONS))[0].status).toBe('approved');
});

test('only approved registrations check in', async () => {
  await world.addMember('u-2');
  const other = okData(await world.register('u-2', 'web')).id;
  // A forged-at-the-source ticket for a submitted registration (the app never issues one).
  const { signToken } = await import('../../../cloud/lib/token');
  contestDay();
  const code = signToken(world.env, { kind: 'contest', id: other, ttlMs: 60_000 }, world.clock.now()).token;
  expect(okData(await scan(code))).toMatchObject({
    result: 'refused',
    code: 'INVALID_STATE',
    message: expect.stringContaining('已提交'),
  });
});

test('undo reverts the check-in; the ticket works again', async () => {
  contestDay();
  const code = await ticket();
  const first = okData(await scan(code));
  okData(
    await world.call(STAFF, checkinActions, 'checkin', {
      action: 'undo',
      requestId: rid(),
      scanId: first.scanId,
      reason: '扫错了人',
    }),
  );
  expect((await world.all(REGISTRATIONS))[0]).toMatchObject({ status: 'approved' });
  expect((await world.all(REGISTRATIONS))[0].checkedIn).toBeUndefined();
  expect(okData(await scan(code)).result).toBe('success');
});

test('lookup by name + phone tail, in scope, masked; counts 已签到/应到 per trade', async () => {
  const found = okData(
    await world.call(STAFF, checkinActions, 'checkin', {
      action: 'lookup',
      scope: SCOPE,
      name: '王建国',
      phoneTail: '1234',
    }),
  );
  expect(found.filter((m: any) => m.kind === 'contest')).toEqual([
    { kind: 'contest', subjectId: regId, personName: '王*国', phone: '138****1234', summary: '互联网营销 · 审核通过' },
  ]);
  expect(
    okData(
      await world.call(STAFF, checkinActions, 'checkin', {
        action: 'lookup',
        scope: SCOPE,
        name: '王建国',
        phoneTail: '9999',
      }),
    ).filter((m: any) => m.kind === 'contest'),
  ).toEqual([]);
  let counts = okData(await world.call(STAFF, checkinActions, 'checkin', { action: 'counts', scope: SCOPE }));
  expect(counts).toContainEqual({ label: '互联网营销', done: 0, total: 1 });
  contestDay();
  okData(await scan(await ticket()));
  counts = okData(await world.call(STAFF, checkinActions, 'checkin', { action: 'counts', scope: SCOPE }));
  expect(counts).toContainEqual({ label: '互联网营销', done: 1, total: 1 });
  expect(counts).toContainEqual({ label: '数控铣工', done: 0, total: 0 });
});
