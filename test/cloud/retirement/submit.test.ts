import { shanghaiTime } from '../../../cloud/lib/clock';
import { badIdNumber, form, okData, PERSONAS, retirementWorld, row, type RetirementWorld } from './world';

let w: RetirementWorld;
beforeEach(async () => {
  w = await retirementWorld(shanghaiTime('2026-01-20 10:00'));
});

const count = async () => (await w.all('retirementRequests')).length;
const SEEDED = 6;

describe('submitRequest', () => {
  test('the retiree asks: stored with a hash and a masked number only, answered masked', async () => {
    const f = form({ phone: '13957310001' });
    const view = okData(await w.r(PERSONAS.retiree, 'submitRequest', f));
    expect(view).toMatchObject({
      status: 'submitted',
      statusLabel: '已提交',
      requesterKind: 'self',
      employer: '嘉兴纺织有限公司',
      phoneMasked: '139****0001',
      mine: true,
    });
    expect(view.idMasked).toBe(`330${'*'.repeat(11)}${(f.idNumber as string).slice(-4)}`);
    const [stored] = await w.all('retirementRequests', { _id: view.id });
    expect(JSON.stringify(stored)).not.toContain(f.idNumber as string);
    expect(stored.idHash).toMatch(/^[0-9a-f]{64}$/);
    expect(view).not.toHaveProperty('idHash');
    // the submitter is told in the inbox
    expect(await w.all('messages', { to: PERSONAS.retiree })).toEqual([
      expect.objectContaining({ title: '光荣退休：已提交' }),
    ]);
  });

  test('a family member must say how they are related', async () => {
    const res = await w.r(PERSONAS.family, 'submitRequest', form({ requesterKind: 'family' }));
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'relation' } });
    const ok = okData(await w.r(PERSONAS.family, 'submitRequest', form({ requesterKind: 'family', relation: '子女' })));
    expect(ok).toMatchObject({ requesterKind: 'family', relation: '子女' });
  });

  test('an invalid identity number is refused with a clear message and nothing is written', async () => {
    for (const idNumber of [badIdNumber(), '33041119661315001X', '1234', 12345678901]) {
      const res = await w.r(PERSONAS.retiree, 'submitRequest', form({ idNumber }));
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'idNumber' } });
      if (!res.ok) expect(res.message).toContain('身份证号');
    }
    expect(await count()).toBe(SEEDED);
  });

  test('the retirement date window comes from the campaign settings', async () => {
    const late = await w.r(PERSONAS.retiree, 'submitRequest', form({ retirementDate: '2026-02-20' }));
    expect(late).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'retirementDate' } });
    if (!late.ok) expect(late.message).toContain('2026-02-19');
    const early = await w.r(PERSONAS.retiree, 'submitRequest', form({ retirementDate: '2024-01-20' }));
    expect(early).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'retirementDate' } });
    expect(await count()).toBe(SEEDED);
    // the edges are inside
    okData(await w.r(PERSONAS.retiree, 'submitRequest', form({ retirementDate: '2026-02-19' })));
    okData(await w.r(PERSONAS.retiree, 'submitRequest', form({ retirementDate: '2024-01-21' })));
    // a wider window set by the admin is honoured
    await w.db
      .collection('retirementSettings')
      .doc('current')
      .update({ data: { futureDays: 60 } });
    okData(await w.r(PERSONAS.retiree, 'submitRequest', form({ retirementDate: '2026-02-20' })));
  });

  test('bad input names the field and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ consent: false }, 'consent'],
      [{ phone: '1234567' }, 'phone'],
      [{ yearsOfService: 0 }, 'yearsOfService'],
      [{ retirementDate: '2026-02-30' }, 'retirementDate'],
      [{ deliveryMethod: 'drone' }, 'deliveryMethod'],
      [{ pickupStationId: undefined }, 'pickupStationId'],
      [{ pickupStationId: 'station-honghe' }, 'pickupStationId'],
      [{ deliveryMethod: 'post', pickupStationId: undefined }, 'postAddress'],
      [{ employerId: 'emp-nowhere' }, 'employerId'],
      [{ callbackRequested: true }, 'callbackTime'],
      [{ isAdmin: true }, 'isAdmin'],
    ];
    for (const [patch, field] of cases) {
      const res = await w.r(PERSONAS.retiree, 'submitRequest', form(patch));
      expect({ field, res }).toMatchObject({ field, res: { ok: false, code: 'INVALID_INPUT', details: { field } } });
    }
    expect(await count()).toBe(SEEDED);
  });

  test('a call-back request creates an admin to-do', async () => {
    const view = okData(
      await w.r(PERSONAS.retiree, 'submitRequest', form({ callbackRequested: true, callbackTime: '下午' })),
    );
    expect(await w.all('adminTodos', { requestId: view.id })).toEqual([
      expect.objectContaining({ kind: 'retirement-callback', preferredTime: '下午', done: false }),
    ]);
  });

  test('a closed campaign refuses with NOT_OPEN', async () => {
    await w.db
      .collection('retirementSettings')
      .doc('current')
      .update({ data: { open: false } });
    expect(await w.r(PERSONAS.retiree, 'submitRequest', form())).toMatchObject({ ok: false, code: 'NOT_OPEN' });
  });

  test('only the employer union may ask in the employer name, and only for its own employer', async () => {
    expect(await w.r(PERSONAS.worker, 'submitRequest', form({ requesterKind: 'employer' }))).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(
      await w.r(
        PERSONAS.enterprise,
        'submitRequest',
        form({ requesterKind: 'employer', employerId: 'emp-xiuzhou-cnc' }),
      ),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const ok = okData(await w.r(PERSONAS.enterprise, 'submitRequest', form({ requesterKind: 'employer' })));
    expect(ok.requesterKind).toBe('employer');
    expect(await w.r('', 'submitRequest', form())).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('one certificate per person', () => {
  test('the retiree first, then the employer list with the same person: refused, the rest of the list goes through', async () => {
    const me = form({ idNumber: form().idNumber });
    okData(await w.r(PERSONAS.retiree, 'submitRequest', me));
    const other = form();
    const batch = okData(
      await w.r(PERSONAS.enterprise, 'submitBatch', {
        consent: true,
        employerId: 'emp-jiaxing-textile',
        retirees: [row(me), row(other)],
      }),
    );
    expect(batch.done).toBe(1);
    expect(batch.results[0]).toMatchObject({ ok: false, code: 'DUPLICATE_REQUEST' });
    expect(batch.results[0].message).toContain('已有光荣退休申请');
    expect(batch.results[1]).toMatchObject({ ok: true });
  });

  test('the same person by family, retiree and employer at the same instant: exactly one succeeds', async () => {
    const person = form();
    const attempts = await Promise.all([
      w.r(PERSONAS.retiree, 'submitRequest', person),
      w.r(PERSONAS.family, 'submitRequest', { ...person, requesterKind: 'family', relation: '子女' }),
      w.r(PERSONAS.enterprise, 'submitBatch', {
        consent: true,
        employerId: 'emp-jiaxing-textile',
        retirees: [row(person)],
      }),
      w.r(PERSONAS.enterprise, 'submitRequest', { ...person, requesterKind: 'employer' }),
      w.r(PERSONAS.retiree, 'submitRequest', person),
    ]);
    const wins = attempts.filter((a) => a.ok && (a.data.results ? a.data.done === 1 : true));
    expect(wins).toHaveLength(1);
    for (const a of attempts.filter((x) => !wins.includes(x))) {
      if (a.ok) expect(a.data.results[0]).toMatchObject({ ok: false, code: 'DUPLICATE_REQUEST' });
      else expect(a).toMatchObject({ code: 'DUPLICATE_REQUEST' });
    }
    expect(await count()).toBe(SEEDED + 1);
  });

  test('the employer batch is scoped and validated row by row', async () => {
    expect(
      await w.r(PERSONAS.enterprise, 'submitBatch', {
        consent: true,
        employerId: 'emp-xiuzhou-cnc',
        retirees: [row(form())],
      }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(
      await w.r(PERSONAS.worker, 'submitBatch', {
        consent: true,
        employerId: 'emp-jiaxing-textile',
        retirees: [row(form())],
      }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const bad = await w.r(PERSONAS.enterprise, 'submitBatch', {
      consent: true,
      employerId: 'emp-jiaxing-textile',
      retirees: [row(form()), row(form({ idNumber: badIdNumber() }))],
    });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'retirees.1.idNumber' } });
    const window = okData(
      await w.r(PERSONAS.enterprise, 'submitBatch', {
        consent: true,
        employerId: 'emp-jiaxing-textile',
        retirees: [row(form({ retirementDate: '2027-01-01' }))],
      }),
    );
    expect(window.results[0]).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await count()).toBe(SEEDED);
  });
});
