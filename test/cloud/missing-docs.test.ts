/**
 * Inside a transaction the real wx-server-sdk rejects `doc(id).get()` of a missing document (the
 * look-alike answered `{ data: null }`). Under those semantics (the stand-in has them; faults.ts `cloudBaseTransactions` adds them on any backend),
 * the documents a transaction reads are created first: the first certificate of a year, the first
 * member number, stock moved to a 驿站 that had none — each succeeds, and a second call counts on.
 */
import type { Envelope } from '../../types/envelope';
import { giftActions } from '../../cloud/domain/gift';
import { memberActions } from '../../cloud/domain/member';
import { retirementActions } from '../../cloud/domain/retirement';
import type { ActionDefs } from '../../cloud/lib/router';
import { dispatch } from '../../cloud/lib/router';
import { transact } from '../../cloud/lib/transact';
import { cloudBaseTransactions } from './faults';
import { makeWorld, okData, PERSONAS, type World } from './helpers';

function strict(w: World, fn: string, defs: ActionDefs<any>) {
  const { db } = cloudBaseTransactions(w.db);
  return (openid: string, event: Record<string, unknown>) =>
    dispatch(fn, defs, { ...w.ctxFor(openid), db }, event) as Promise<Envelope<any>>;
}

test('the emulated SDK does reject a missing document inside a transaction (the semantics these tests rely on)', async () => {
  const w = await makeWorld({ seed: 'none' });
  const { db } = cloudBaseTransactions(w.db);
  await expect(transact(db, (tx) => tx.collection('counters').doc('nope').get())).rejects.toMatchObject({
    errCode: -1,
    message: 'document.get:fail document with _id nope does not exist',
  });
});

test('the first certificate of a year (no serial counter yet) is issued, and the next one counts on', async () => {
  const w = await makeWorld({ seed: 'full' });
  const [settings] = await w.all('retirementSettings');
  await w.db
    .collection('retirementSettings')
    .doc(settings._id)
    .update({ data: { year: 2032 } });
  const call = strict(w, 'retirement', retirementActions);
  const approved = await w.all('retirementRequests', { status: 'approved' });
  const verified = await w.all('retirementRequests', { status: 'employer_verified' });
  okData(await call(PERSONAS.admin, { action: 'approve', requestId: 'mdoc-approve-1', ids: [verified[0]._id] }));
  const first = okData(
    await call(PERSONAS.admin, { action: 'issue', requestId: 'mdoc-issue-1', ids: [approved[0]._id] }),
  );
  expect(first).toMatchObject({ done: 1 });
  const second = okData(
    await call(PERSONAS.admin, { action: 'issue', requestId: 'mdoc-issue-2', ids: [verified[0]._id] }),
  );
  expect(second).toMatchObject({ done: 1 });
  const serials = (await w.all('retirementRequests', { _id: approved[0]._id }))
    .concat(await w.all('retirementRequests', { _id: verified[0]._id }))
    .map((d) => d.serial);
  expect(serials).toEqual(['秀工荣退〔2032〕第0001号', '秀工荣退〔2032〕第0002号']);
  expect((await w.all('retirementCounters', { _id: 'serial-2032' }))[0].seq).toBe(2);
});

test('the first member number (no counter yet) is issued', async () => {
  const w = await makeWorld({ seed: 'full' });
  await w.db.collection('counters').where({ _id: 'memberNo' }).remove();
  const call = strict(w, 'member', memberActions);
  const [app] = await w.all('membershipApplications', { status: 'pending' });
  const res = okData(
    await call(PERSONAS.admin, {
      action: 'reviewApplication',
      requestId: 'mdoc-review-1',
      applicationId: app._id,
      decision: 'approve',
    }),
  );
  expect(res.memberNo).toMatch(/000001$/);
  expect((await w.all('counters', { _id: 'memberNo' }))[0].value).toBe(1);
});

test('stock moved to a 驿站 without a stock document arrives there; the total is kept', async () => {
  const w = await makeWorld({ seed: 'full' });
  const [station] = await w.all('stations', { _id: 'station-honghe' });
  const { _id, ...rest } = station;
  void _id;
  await w.db
    .collection('stations')
    .doc('station-new')
    .set({ data: { ...rest, name: '新开驿站' } });
  const before = await w.all('giftStock', { campaignId: 'gift-2026-spring' });
  const call = strict(w, 'gift', giftActions);
  const move = (requestId: string) =>
    call(PERSONAS.admin, {
      action: 'moveStock',
      requestId,
      campaignId: 'gift-2026-spring',
      fromStationId: 'station-xinchenghui',
      toStationId: 'station-new',
      amount: 5,
    });
  okData(await move('mdoc-move-1'));
  okData(await move('mdoc-move-2'));
  const after = await w.all('giftStock', { campaignId: 'gift-2026-spring' });
  expect(after.find((s) => s.stationId === 'station-new')).toMatchObject({ stock: 10, claimed: 0, redeemed: 0 });
  const total = (list: any[]) => list.reduce((n, s) => n + s.stock, 0);
  expect(total(after)).toBe(total(before));
});

test('a refused move writes nothing, not even the empty stock document of the new 驿站', async () => {
  const w = await makeWorld({ seed: 'full' });
  const [station] = await w.all('stations', { _id: 'station-honghe' });
  const { _id, ...rest } = station;
  void _id;
  await w.db
    .collection('stations')
    .doc('station-new')
    .set({ data: { ...rest, name: '新开驿站' } });
  const before = await w.snapshot(['giftStock', 'auditLog']);
  const call = strict(w, 'gift', giftActions);
  const res = await call(PERSONAS.admin, {
    action: 'moveStock',
    requestId: 'mdoc-move-9',
    campaignId: 'gift-2026-spring',
    fromStationId: 'station-xinchenghui',
    toStationId: 'station-new',
    amount: 100_000,
  });
  expect(res).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  expect(await w.snapshot(['giftStock', 'auditLog'])).toEqual(before);
});
