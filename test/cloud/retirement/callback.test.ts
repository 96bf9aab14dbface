/**
 * The phone call-back to-do: a request asking for a call-back shows in the admin's list as not yet
 * called; the admin marks it done with a note (audited, idempotent); nobody else can.
 */
import { retirementActions } from '../../../cloud/domain/retirement';
import { form, okData, PERSONAS, retirementWorld, rid, type RetirementWorld } from './world';

let w: RetirementWorld;
beforeEach(async () => {
  w = await retirementWorld();
});

const NOTE = '已与本人通话，信息无误，选上午到新城汇领取';
const todoOf = async (id: string) => (await w.all('adminTodos', { _id: `callback-${id}` }))[0];
const audits = () => w.all('auditLog', { event: 'retirement.markCallbackDone' });
const inQueue = async (id: string, openid: string = PERSONAS.admin) =>
  okData(await w.r(openid, 'reviewQueue', { limit: 100 })).items.find((i: any) => i.id === id);

/** A fresh request by the retiree asking to be phoned in the afternoon. */
async function asking(): Promise<string> {
  const view = okData(
    await w.r(PERSONAS.retiree, 'submitRequest', form({ callbackRequested: true, callbackTime: '下午' })),
  );
  return view.id;
}

test('the admin marks a call-back done: the to-do, the review list and the audit log say so', async () => {
  const id = await asking();
  expect(await inQueue(id)).toMatchObject({ callbackRequested: true, callbackTime: '下午', callbackDone: false });
  expect(await todoOf(id)).toMatchObject({ done: false });

  const done = okData(await w.r(PERSONAS.admin, 'markCallbackDone', { id, note: `  ${NOTE} ` }));
  expect(done).toMatchObject({
    id,
    callbackRequested: true,
    callbackDone: true,
    callbackNote: NOTE,
    callbackDoneAt: w.clock.now(),
    status: 'submitted',
  });
  expect(await todoOf(id)).toMatchObject({ done: true, doneBy: PERSONAS.admin, note: NOTE, doneAt: w.clock.now() });
  expect(await inQueue(id)).toMatchObject({ callbackDone: true, callbackNote: NOTE });
  const log = await audits();
  expect(log).toEqual([
    expect.objectContaining({
      actor: PERSONAS.admin,
      fn: 'retirement',
      action: 'markCallbackDone',
      target: { kind: 'retirementRequest', id },
      detail: { note: NOTE },
    }),
  ]);
  // The request itself is untouched: no status change, no notice to the retiree.
  expect((await w.all('retirementRequests', { _id: id }))[0].history).toHaveLength(1);
});

test('the seeded call-back (沈阿根) is marked done; the enterprise list never shows admin to-do state', async () => {
  const [shen] = await w.all('retirementRequests', { name: '沈阿根' });
  expect(await inQueue(shen._id)).toMatchObject({ callbackDone: false });
  okData(await w.r(PERSONAS.admin, 'markCallbackDone', { id: shen._id, note: '电话无人接听，已发短信' }));
  expect(await inQueue(shen._id)).toMatchObject({ callbackDone: true, callbackNote: '电话无人接听，已发短信' });
  const forEmployer = await inQueue(shen._id, PERSONAS.enterprise);
  expect(forEmployer).toMatchObject({ callbackRequested: true });
  expect(forEmployer).not.toHaveProperty('callbackDone');
  expect(forEmployer).not.toHaveProperty('callbackNote');
});

test('nobody but the admin may mark it, and a refusal writes nothing', async () => {
  const id = await asking();
  const before = await w.snapshot(['adminTodos', 'auditLog', 'retirementRequests', 'idempotency']);
  // The employer contact of this very employer, the retiree who asked, staff, a worker: all refused.
  for (const who of [PERSONAS.enterprise, PERSONAS.retiree, PERSONAS.stationStaff, PERSONAS.worker, 'stranger-x1']) {
    expect([who, await w.r(who, 'markCallbackDone', { id, note: NOTE })]).toEqual([
      who,
      expect.objectContaining({ ok: false, code: 'FORBIDDEN' }),
    ]);
  }
  expect(await w.r('', 'markCallbackDone', { id, note: NOTE })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  expect(await w.snapshot(['adminTodos', 'auditLog', 'retirementRequests', 'idempotency'])).toEqual(before);
  expect(await todoOf(id)).toMatchObject({ done: false });
});

test('an unknown id is NOT_FOUND, a request without a call-back or a missing note is INVALID_INPUT', async () => {
  const [plain] = await w.all('retirementRequests', { name: '陆美娟' });
  expect(plain.callbackRequested).toBe(false);
  const before = await w.snapshot(['adminTodos', 'auditLog']);
  expect(await w.r(PERSONAS.admin, 'markCallbackDone', { id: 'rt-no-such-request', note: NOTE })).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  expect(await w.r(PERSONAS.admin, 'markCallbackDone', { id: plain._id, note: NOTE })).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    details: { field: 'id' },
  });
  for (const note of [undefined, '', ' 好 ', 'x'.repeat(201)]) {
    expect(await w.r(PERSONAS.admin, 'markCallbackDone', { id: plain._id, note })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      details: { field: 'note' },
    });
  }
  expect(await w.snapshot(['adminTodos', 'auditLog'])).toEqual(before);
});

test('marking twice is fine: the same answer, the first note kept, one audit entry; a retry replays', async () => {
  const id = await asking();
  const first = okData(await w.r(PERSONAS.admin, 'markCallbackDone', { id, note: NOTE }));
  w.clock.advance(60_000);
  const second = okData(await w.r(PERSONAS.admin, 'markCallbackDone', { id, note: '又打了一次' }));
  expect(second).toMatchObject({ callbackDone: true, callbackNote: NOTE, callbackDoneAt: first.callbackDoneAt });
  expect(await audits()).toHaveLength(1);

  // The same request id (a network retry) answers what it answered the first time.
  const event = { action: 'markCallbackDone', requestId: rid('cb'), id, note: NOTE };
  const a = await w.call(PERSONAS.admin, retirementActions, 'retirement', event);
  const b = await w.call(PERSONAS.admin, retirementActions, 'retirement', event);
  expect(b).toEqual(a);
  expect(await audits()).toHaveLength(1);

  // Two taps at the same instant on a fresh one: both fine, one write.
  const other = await asking();
  const both = await Promise.all([
    w.r(PERSONAS.admin, 'markCallbackDone', { id: other, note: NOTE }),
    w.r(PERSONAS.admin, 'markCallbackDone', { id: other, note: '同时点了两次' }),
  ]);
  expect(both.map((r) => r.ok && r.data.callbackDone)).toEqual([true, true]);
  expect(await audits()).toHaveLength(2);
});

test('a call-back asked for only on resubmission (no to-do yet) can still be marked done', async () => {
  const [qian] = await w.all('retirementRequests', { name: '钱国庆' });
  expect(qian.status).toBe('returned');
  const {
    consent: _c,
    requesterKind: _k,
    idNumber: _i,
    ...fields
  } = form({
    name: '钱国庆',
    employerId: 'emp-xiuzhou-cnc',
    employer: '嘉兴秀洲精工机械有限公司',
    callbackRequested: true,
    callbackTime: '晚上',
  });
  okData(await w.r(qian.requester.openid, 'resubmitRequest', { id: qian._id, ...fields }));
  await w.db
    .collection('adminTodos')
    .doc(`callback-${qian._id}`)
    .remove()
    .catch(() => undefined);
  expect(await todoOf(qian._id)).toBeUndefined();
  expect(await inQueue(qian._id)).toMatchObject({ callbackRequested: true, callbackDone: false });

  okData(await w.r(PERSONAS.admin, 'markCallbackDone', { id: qian._id, note: '已回访，工龄已更正' }));
  expect(await todoOf(qian._id)).toMatchObject({
    kind: 'retirement-callback',
    requestId: qian._id,
    name: '钱国庆',
    preferredTime: '晚上',
    done: true,
    note: '已回访，工龄已更正',
  });
  expect(await audits()).toHaveLength(1);
});

/** The resubmission form of a request: everything but the identity number and the submitter. */
function resubmission(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  const { consent: _c, requesterKind: _k, relation: _r, idNumber: _i, ...fields } = form(over);
  return { id, ...fields };
}

test('a call-back first asked for on resubmission opens the same to-do as one asked for at submission', async () => {
  // One asked for at submission, for comparison.
  const atSubmit = await todoOf(await asking());
  // The family's request asks for no call-back; it is returned, and the corrected one asks for it.
  const { id } = okData(
    await w.r(PERSONAS.family, 'submitRequest', form({ requesterKind: 'family', relation: '子女', name: '金阿毛' })),
  );
  expect(await todoOf(id)).toBeUndefined();
  okData(await w.r(PERSONAS.admin, 'returnRequest', { id, reason: '工龄与档案不符' }));
  w.clock.advance(3600_000);
  okData(
    await w.r(
      PERSONAS.family,
      'resubmitRequest',
      resubmission(id, { name: '金阿毛', callbackRequested: true, callbackTime: '晚上' }),
    ),
  );
  const todo = await todoOf(id);
  expect(todo).toEqual({
    _id: `callback-${id}`,
    kind: 'retirement-callback',
    requestId: id,
    name: '金阿毛',
    preferredTime: '晚上',
    done: false,
    createdAt: w.clock.now(),
  });
  expect(Object.keys(todo).sort()).toEqual(Object.keys(atSubmit).sort());
  expect(await inQueue(id)).toMatchObject({ callbackRequested: true, callbackTime: '晚上', callbackDone: false });
});

test('resubmitting again keeps the one to-do: not doubled, and a call already made stays made', async () => {
  const id = await asking();
  okData(await w.r(PERSONAS.admin, 'returnRequest', { id, reason: '工龄与档案不符' }));
  // Resubmitted still asking for a call-back: the to-do from submission is there once, still open.
  okData(
    await w.r(PERSONAS.retiree, 'resubmitRequest', resubmission(id, { callbackRequested: true, callbackTime: '上午' })),
  );
  expect(await w.all('adminTodos', { requestId: id })).toHaveLength(1);
  expect(await todoOf(id)).toMatchObject({ done: false, createdAt: w.clock.now() });

  // The admin calls; the request is returned and resubmitted once more: the call stays recorded.
  okData(await w.r(PERSONAS.admin, 'markCallbackDone', { id, note: NOTE }));
  okData(await w.r(PERSONAS.admin, 'returnRequest', { id, reason: '照片不清晰' }));
  w.clock.advance(60_000);
  okData(
    await w.r(PERSONAS.retiree, 'resubmitRequest', resubmission(id, { callbackRequested: true, callbackTime: '上午' })),
  );
  expect(await w.all('adminTodos', { requestId: id })).toEqual([
    expect.objectContaining({ done: true, note: NOTE, doneBy: PERSONAS.admin }),
  ]);
  expect(await inQueue(id)).toMatchObject({ callbackDone: true, callbackNote: NOTE });
});
