/**
 * Notices and audit entries are written once per request: a retry that resumes after a crash
 * writes what the crash lost and never a second copy; two notices of one request that read the
 * same but concern different records (`ref`) are both kept; without a requestId nothing is merged.
 */
import { audit } from '../../cloud/lib/audit';
import { notify } from '../../cloud/lib/notify';
import { retirementActions } from '../../cloud/domain/retirement';
import { fakeIdNumber } from '../../cloud/seed/retirement';
import { makeWorld, okData, PERSONAS } from './helpers';

async function setup(requestId?: string) {
  const w = await makeWorld({ seed: 'base' });
  const ctx = { ...w.ctxFor(PERSONAS.admin), fn: 'retirement', action: 'approve', user: null, requestId };
  return { w, ctx };
}
const notice = { to: PERSONAS.worker, title: '光荣退休：已批准', body: '王阿大的光荣退休申请已批准。' };
const entry = { event: 'retirement.approve', target: { kind: 'retirementRequest', id: 'rt-1' } };

test('the same notice twice in one request is one message; another ref or another request is another', async () => {
  const { w, ctx } = await setup('once-req-0001');
  await notify(ctx, notice);
  await notify(ctx, notice);
  expect(await w.all('messages', { to: PERSONAS.worker })).toHaveLength(1);
  await notify(ctx, { ...notice, ref: 'rt-2' });
  expect(await w.all('messages', { to: PERSONAS.worker })).toHaveLength(2);
  const again = { ...ctx, requestId: 'once-req-0002' };
  await notify(again, notice);
  expect(await w.all('messages', { to: PERSONAS.worker })).toHaveLength(3);
});

test('without a requestId (a timer run) every notice and entry is appended', async () => {
  const { w, ctx } = await setup(undefined);
  await notify(ctx, notice);
  await notify(ctx, notice);
  await audit(ctx, entry);
  await audit(ctx, entry);
  expect(await w.all('messages', { to: PERSONAS.worker })).toHaveLength(2);
  expect(await w.all('auditLog', { event: 'retirement.approve' })).toHaveLength(2);
});

test('an audit entry per request, event and target: a retry adds none, another target one more', async () => {
  const { w, ctx } = await setup('once-req-0003');
  await audit(ctx, entry);
  await audit(ctx, entry);
  await audit(ctx, { ...entry, target: { kind: 'retirementRequest', id: 'rt-2' } });
  expect((await w.all('auditLog', { event: 'retirement.approve' })).map((e) => e.target.id).sort()).toEqual([
    'rt-1',
    'rt-2',
  ]);
});

test('an employer submitting two retirees of the same name in one list: both requesters are told', async () => {
  const w = await makeWorld({ seed: 'full' });
  const row = (n: number) => ({
    name: '王小妹',
    idNumber: fakeIdNumber('1966-02-02', 800 + n),
    position: '挡车工',
    yearsOfService: 30,
    retirementDate: '2026-01-10',
    phone: '13957310001',
    deliveryMethod: 'pickup',
    pickupStationId: 'station-xinchenghui',
  });
  const res = okData(
    await w.call(PERSONAS.enterprise, retirementActions, 'retirement', {
      action: 'submitBatch',
      requestId: 'once-batch-0001',
      consent: true,
      employerId: 'emp-jiaxing-textile',
      retirees: [row(1), row(2)],
    }),
  );
  expect(res.done).toBe(2);
  expect(await w.all('messages', { to: PERSONAS.enterprise, title: '光荣退休：已提交' })).toHaveLength(2);
});
