/**
 * The submitter's notices are best effort: when the in-app message (and the subscribe message)
 * cannot be written after a state change, the change stands, is audited, and the action answers ok.
 */
import { checkinActions } from '../../../cloud/domain/checkin';
import type { CollectionReference } from '../../../cloud/lib/db';
import { form, okData, PERSONAS, retirementWorld, rid, row, type RetirementWorld } from './world';

let w: RetirementWorld;
let errors: jest.SpyInstance;
beforeEach(async () => {
  w = await retirementWorld();
  errors = jest.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => jest.restoreAllMocks());

/** From now on every in-app message write and every subscribe message fails. */
function breakMessages(): void {
  const real = w.db.collection.bind(w.db);
  jest.spyOn(w.db, 'collection').mockImplementation((name: string): CollectionReference => {
    const c = real(name);
    if (name === 'messages')
      c.add = async () => {
        throw new Error('messages: write failed');
      };
    return c;
  });
  jest.spyOn(w.openapi.subscribeMessage, 'send').mockRejectedValue(new Error('43101 user refused'));
}

const status = async (id: string) => (await w.all('retirementRequests', { _id: id }))[0].status;

test('every step from verification to pickup answers ok, changed and audited, without its notice', async () => {
  const { id } = okData(
    await w.r(PERSONAS.family, 'submitRequest', form({ requesterKind: 'family', relation: '配偶' })),
  );
  const before = (await w.all('messages', { to: PERSONAS.family })).length;
  breakMessages();

  expect(okData(await w.r(PERSONAS.enterprise, 'verifyEmployment', { ids: [id], decision: 'confirm' }))).toMatchObject({
    done: 1,
  });
  expect(await status(id)).toBe('employer_verified');
  expect(okData(await w.r(PERSONAS.admin, 'approve', { ids: [id] })).done).toBe(1);
  expect(await status(id)).toBe('approved');
  expect(okData(await w.r(PERSONAS.admin, 'issue', { ids: [id] })).done).toBe(1);
  expect(await status(id)).toBe('issued');
  expect(okData(await w.r(PERSONAS.admin, 'plaqueReady', { ids: [id] })).done).toBe(1);
  expect(await status(id)).toBe('plaque_pending');

  const cert = okData(await w.r(PERSONAS.family, 'myCertificate', { id }));
  const scan = await w.call(PERSONAS.stationStaff, checkinActions, 'checkin', {
    action: 'scan',
    requestId: rid('scan'),
    code: cert.token,
    scope: { kind: 'station', id: 'station-xinchenghui' },
  });
  expect(okData(scan)).toMatchObject({ result: 'success', title: '纪念牌领取成功' });
  expect(await status(id)).toBe('collected');

  const audited = (await w.all('auditLog', { 'target.id': id })).map((a) => a.event).sort();
  expect(audited).toEqual(
    ['retirement.approve', 'retirement.issue', 'retirement.plaqueReady', 'retirement.verifyEmployment'].sort(),
  );
  expect(await w.all('messages', { to: PERSONAS.family })).toHaveLength(before);
  // Each lost notice is logged (five: verified, approved, issued, plaque ready, collected).
  const logged = errors.mock.calls.filter((c) => String(c[0]).startsWith('[retirement] notice not recorded'));
  expect(logged.map((c) => c[1])).toEqual([
    '光荣退休：单位已核实',
    '光荣退休：已批准',
    '光荣退休：证书已签发',
    '光荣退休：纪念牌待领取',
    '光荣退休：已领取',
  ]);
});

test('a request is submitted (form and employer list) without its 已提交 notice: stored, answered ok, logged', async () => {
  breakMessages();
  const view = okData(
    await w.r(
      PERSONAS.family,
      'submitRequest',
      form({ requesterKind: 'family', relation: '配偶', callbackRequested: true, callbackTime: '上午' }),
    ),
  );
  expect(view).toMatchObject({ status: 'submitted', requesterKind: 'family' });
  expect(await status(view.id)).toBe('submitted');
  // The rest of the submission still happened: the call-back to-do is there.
  expect(await w.all('adminTodos', { _id: `callback-${view.id}` })).toHaveLength(1);
  expect(await w.all('messages', { to: PERSONAS.family })).toEqual([]);

  const list = okData(
    await w.r(PERSONAS.enterprise, 'submitBatch', {
      consent: true,
      employerId: 'emp-jiaxing-textile',
      retirees: [row(form({ name: '陆阿大' }))],
    }),
  );
  expect(list).toMatchObject({ done: 1, results: [{ index: 0, ok: true }] });
  expect(await status(list.results[0].id)).toBe('submitted');

  const logged = errors.mock.calls.filter((c) => String(c[0]).startsWith('[retirement] notice not recorded'));
  expect(logged.map((c) => c[1])).toEqual(['光荣退休：已提交', '光荣退休：已提交']);
});
