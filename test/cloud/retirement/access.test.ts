import { form, okData, PERSONAS, retirementWorld, type RetirementWorld } from './world';

let w: RetirementWorld;
beforeEach(async () => {
  w = await retirementWorld();
});

const byName = async (name: string) => (await w.all('retirementRequests', { name }))[0];

describe('who reads what', () => {
  test('a family member reads only the requests they submitted', async () => {
    const mine = okData(
      await w.r(PERSONAS.family, 'submitRequest', form({ requesterKind: 'family', relation: '子女' })),
    );
    const list = okData(await w.r(PERSONAS.family, 'myRequests'));
    expect(list.map((r: any) => r.id)).toEqual([mine.id]);
    const other = await byName('沈阿根');
    expect(await w.r(PERSONAS.family, 'getRequest', { id: other._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.r(PERSONAS.family, 'myCertificate', { id: (await byName('褚连生'))._id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(okData(await w.r(PERSONAS.family, 'getRequest', { id: mine.id })).mine).toBe(true);
    // a stranger cannot read it either
    expect(await w.r(PERSONAS.worker, 'getRequest', { id: mine.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(okData(await w.r(PERSONAS.worker, 'myRequests'))).toEqual([]);
  });

  test('the retiree sees the request her daughter filed (linked by identity hash), marked not hers to edit', async () => {
    const { RETIREE_ID_NUMBER } = await import('../../../cloud/seed/retirement');
    const filed = okData(
      await w.r(
        PERSONAS.family,
        'submitRequest',
        form({ requesterKind: 'family', relation: '子女', name: '周桂芳', idNumber: RETIREE_ID_NUMBER }),
      ),
    );
    const hers = okData(await w.r(PERSONAS.retiree, 'myRequests'));
    expect(hers).toEqual([expect.objectContaining({ id: filed.id, name: '周桂芳', mine: false })]);
  });

  test('the employer contact sees only its employer, and cannot forge another employer id', async () => {
    const page = okData(await w.r(PERSONAS.enterprise, 'reviewQueue', {}));
    expect(page.total).toBe(3);
    expect(new Set(page.items.map((i: any) => i.employerId))).toEqual(new Set(['emp-jiaxing-textile']));
    expect(await w.r(PERSONAS.enterprise, 'reviewQueue', { employerId: 'emp-xiuzhou-cnc' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const cnc = await byName('钱国庆');
    expect(await w.r(PERSONAS.enterprise, 'getRequest', { id: cnc._id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    // a request typed with a free-text employer (no id) is not in any employer queue
    okData(await w.r(PERSONAS.worker, 'submitRequest', form({ employerId: undefined, employer: '嘉兴纺织有限公司' })));
    expect(okData(await w.r(PERSONAS.enterprise, 'reviewQueue', {})).total).toBe(3);
    expect(okData(await w.r(PERSONAS.admin, 'reviewQueue', {})).total).toBe(7);
    expect(okData(await w.r(PERSONAS.admin, 'reviewQueue', { employerId: 'emp-xiuzhou-cnc' })).total).toBe(2);
  });

  test('the employer contact verifies its own requests only; admin-only actions refuse it', async () => {
    const own = await byName('沈阿根');
    const other = okData(await w.r(PERSONAS.worker, 'submitRequest', form({ employerId: 'emp-xiuzhou-cnc' })));
    const res = okData(
      await w.r(PERSONAS.enterprise, 'verifyEmployment', { ids: [own._id, other.id], decision: 'confirm' }),
    );
    expect(res.results).toEqual([
      expect.objectContaining({ ok: true, id: own._id }),
      expect.objectContaining({ ok: false, id: other.id, code: 'FORBIDDEN' }),
    ]);
    expect((await w.all('retirementRequests', { _id: other.id }))[0].status).toBe('submitted');
    for (const action of ['approve', 'issue', 'plaqueReady']) {
      expect(await w.r(PERSONAS.enterprise, action, { ids: [own._id] })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
    }
    expect(await w.r(PERSONAS.enterprise, 'revoke', { id: own._id, reason: '测试撤销' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await w.r(PERSONAS.worker, 'reviewQueue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.r(PERSONAS.family, 'verifyEmployment', { ids: [own._id], decision: 'confirm' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await w.r(PERSONAS.newcomer, 'approve', { ids: [own._id] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('returning needs a reason; the reason reaches the submitter', async () => {
    const own = await byName('沈阿根');
    expect(await w.r(PERSONAS.enterprise, 'verifyEmployment', { ids: [own._id], decision: 'return' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      details: { field: 'reason' },
    });
    okData(
      await w.r(PERSONAS.enterprise, 'verifyEmployment', {
        ids: [own._id],
        decision: 'return',
        reason: '岗位填写有误',
      }),
    );
    const view = okData(await w.r(PERSONAS.enterprise, 'getRequest', { id: own._id }));
    expect(view).toMatchObject({ status: 'returned', returnReason: '岗位填写有误' });
    expect(await w.all('auditLog', { event: 'retirement.verifyEmployment' })).toHaveLength(1);
  });
});
