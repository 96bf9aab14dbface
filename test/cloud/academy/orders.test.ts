import { academyWorld, okData, PERSONAS, rid, type AcademyWorld } from './world';
import { academyActions } from '../../../cloud/domain/academy';

let w: AcademyWorld;
beforeEach(async () => {
  w = await academyWorld();
});

const order = {
  courseId: 'course-garment-pattern',
  headcount: 30,
  preferredDates: ['2026-03-20'],
  place: '嘉兴纺织有限公司 职工之家',
  format: 'onsite',
};

describe('点单 (placeOrder)', () => {
  it('an enterprise contact orders for its employer: 已点单', async () => {
    const o = okData(await w.academy(PERSONAS.enterprise, 'placeOrder', order));
    expect(o).toMatchObject({
      status: 'submitted',
      statusLabel: '已点单',
      title: '服装制版与高效版型优化',
      employerId: 'emp-jiaxing-textile',
      employerName: '嘉兴纺织有限公司',
      mine: true,
    });
  });

  it('the enterprise contact may propose a topic instead of a catalogue course', async () => {
    const o = okData(
      await w.academy(PERSONAS.enterprise, 'placeOrder', { ...order, courseId: undefined, topic: '五轴加工中心操作' }),
    );
    expect(o).toMatchObject({ title: '五轴加工中心操作', employerName: '嘉兴纺织有限公司' });
    expect(o.employerId).toBe('emp-jiaxing-textile');
  });

  it('a worker (or an admin) cannot order for an employer: FORBIDDEN, told whom to ask, nothing written', async () => {
    const before = await w.snapshot(['courseOrders']);
    for (const who of [PERSONAS.worker, PERSONAS.rider, PERSONAS.admin, PERSONAS.teacher]) {
      const res = await w.academy(who, 'placeOrder', { ...order, courseId: undefined, topic: '五轴加工中心操作' });
      expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect((res as any).message).toContain('单位工会');
    }
    expect(await w.snapshot(['courseOrders'])).toEqual(before);
  });

  it('the wanted date is at least 7 days ahead (China dates): today and 6 days are refused, 7 accepted', async () => {
    // T0 is 2026-03-02 09:00 in China.
    for (const day of ['2026-03-02', '2026-03-08']) {
      const before = await w.snapshot(['courseOrders']);
      const res = await w.academy(PERSONAS.enterprise, 'placeOrder', { ...order, preferredDates: ['2026-03-20', day] });
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'preferredDates' } });
      expect((res as any).message).toContain('最早可选2026年3月9日');
      expect(await w.snapshot(['courseOrders'])).toEqual(before);
    }
    okData(await w.academy(PERSONAS.enterprise, 'placeOrder', { ...order, preferredDates: ['2026-03-09'] }));
    // Just before midnight UTC is already the next China day: the earliest day moves with China time.
    w.clock.set(Date.UTC(2026, 2, 2, 16, 30)); // 2026-03-03 00:30 in China
    expect(
      await w.academy(PERSONAS.enterprise, 'placeOrder', { ...order, preferredDates: ['2026-03-09'] }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it.each([
    [{ ...order, courseId: undefined }, 'courseId'],
    [{ ...order, headcount: 0 }, 'headcount'],
    [{ ...order, preferredDates: ['2026-02-01'] }, 'preferredDates'],
    [{ ...order, preferredDates: ['2026-02-30'] }, 'preferredDates.0'],
    [{ ...order, format: 'tv' }, 'format'],
    [{ ...order, place: '' }, 'place'],
    [{ ...order, extra: 1 }, 'extra'],
  ])('refuses bad input %#, naming the field, writing nothing', async (payload, field) => {
    const before = await w.snapshot(['courseOrders']);
    const res = await w.academy(PERSONAS.enterprise, 'placeOrder', payload as never);
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field } });
    expect(await w.snapshot(['courseOrders'])).toEqual(before);
  });

  it('an unknown course is NOT_FOUND; a caller without a profile must complete it first', async () => {
    expect(await w.academy(PERSONAS.enterprise, 'placeOrder', { ...order, courseId: 'course-nope' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await w.academy(PERSONAS.newcomer, 'placeOrder', order)).toMatchObject({
      ok: false,
      code: 'PROFILE_INCOMPLETE',
    });
  });
});

describe('seeing orders', () => {
  it('the enterprise contact sees its employer’s orders; another worker sees none and may not open one', async () => {
    const mine = okData(await w.academy(PERSONAS.enterprise, 'myOrders'));
    expect(mine.map((o: any) => o.id)).toEqual(expect.arrayContaining(['ord-seed-loom', 'ord-seed-safety']));
    expect(okData(await w.academy(PERSONAS.worker, 'myOrders'))).toEqual([]);
    expect(await w.academy(PERSONAS.worker, 'getOrder', { orderId: 'ord-seed-loom' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await w.academy(PERSONAS.worker, 'orderReport', { orderId: 'ord-seed-loom' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('only admins list the queue', async () => {
    expect(await w.academy(PERSONAS.enterprise, 'listOrders', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const page = okData(await w.academy(PERSONAS.admin, 'listOrders', { status: 'submitted' }));
    expect(page.items.map((o: any) => o.id)).toEqual(['ord-seed-safety']);
    expect(page.total).toBe(1);
  });
});

describe('受理 / 婉拒 / 撤回', () => {
  it('admin accepts: 已受理, the orderer is notified, audited; accepting twice is INVALID_STATE', async () => {
    const o = okData(await w.academy(PERSONAS.admin, 'acceptOrder', { orderId: 'ord-seed-safety', note: '下周排课' }));
    expect(o).toMatchObject({ status: 'accepted', statusLabel: '已受理', acceptNote: '下周排课' });
    expect(await w.all('messages', { to: PERSONAS.enterprise, title: '课程点单已受理' })).toHaveLength(1);
    expect(await w.all('auditLog', { event: 'academy.acceptOrder' })).toHaveLength(1);
    expect(await w.academy(PERSONAS.admin, 'acceptOrder', { orderId: 'ord-seed-safety' })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
    });
  });

  it('only an admin accepts or declines', async () => {
    const before = await w.snapshot(['courseOrders', 'messages']);
    expect(await w.academy(PERSONAS.enterprise, 'acceptOrder', { orderId: 'ord-seed-safety' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(
      await w.academy(PERSONAS.teacher, 'declineOrder', { orderId: 'ord-seed-safety', reason: '不想上' }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.snapshot(['courseOrders', 'messages'])).toEqual(before);
  });

  it('declining needs a reason, which the orderer reads', async () => {
    expect(await w.academy(PERSONAS.admin, 'declineOrder', { orderId: 'ord-seed-safety' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      details: { field: 'reason' },
    });
    const o = okData(
      await w.academy(PERSONAS.admin, 'declineOrder', {
        orderId: 'ord-seed-safety',
        reason: '该月讲师已排满，请改选4月',
      }),
    );
    expect(o).toMatchObject({ status: 'declined', statusLabel: '已婉拒', declineReason: '该月讲师已排满，请改选4月' });
    const [msg] = await w.all('messages', { to: PERSONAS.enterprise });
    expect(msg.body).toContain('该月讲师已排满');
  });

  it('the orderer withdraws while 已点单 or 已受理; others may not; a scheduled order cannot be withdrawn', async () => {
    expect(await w.academy(PERSONAS.worker, 'withdrawOrder', { orderId: 'ord-seed-safety' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await w.academy(PERSONAS.admin, 'withdrawOrder', { orderId: 'ord-seed-safety' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(okData(await w.academy(PERSONAS.enterprise, 'withdrawOrder', { orderId: 'ord-seed-safety' }))).toMatchObject(
      { status: 'withdrawn', statusLabel: '已撤回' },
    );
    okData(await w.schedule({ orderId: 'ord-seed-loom' }));
    expect(await w.academy(PERSONAS.enterprise, 'withdrawOrder', { orderId: 'ord-seed-loom' })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
    });
  });

  it('a racing decline and withdraw: exactly one wins', async () => {
    const [a, b] = await Promise.all([
      w.academy(PERSONAS.admin, 'declineOrder', { orderId: 'ord-seed-safety', reason: '讲师已排满' }),
      w.academy(PERSONAS.enterprise, 'withdrawOrder', { orderId: 'ord-seed-safety' }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const [doc] = await w.all('courseOrders', { _id: 'ord-seed-safety' });
    expect(doc.status).toBe(a.ok ? 'declined' : 'withdrawn');
  });

  it('a retried accept with the same request id answers the same, once', async () => {
    const requestId = rid('same');
    const call = () =>
      w.call(PERSONAS.admin, academyActions, 'academy', {
        action: 'acceptOrder',
        orderId: 'ord-seed-safety',
        requestId,
      });
    const [a, b] = await Promise.all([call(), call()]);
    expect(a).toEqual(b);
    expect(await w.all('messages', { title: '课程点单已受理' })).toHaveLength(1);
  });
});
