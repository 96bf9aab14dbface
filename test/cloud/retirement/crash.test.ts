/**
 * Crash between writes in 光荣退休 (the fake database fails the nth write; see test/cloud/crash.test.ts):
 * the client retries with the same requestId, and the retry must finish what the first attempt left
 * undone. markCallbackDone: the to-do marked done but no audit entry yet. resubmitRequest: the state
 * changed but the call-back to-do not opened, or the dropped photo not deleted.
 */
import { retirementActions } from '../../../cloud/domain/retirement';
import { cloudPathOf } from '../../../cloud/emulator/standin/storage';
import { form, okData, PERSONAS, retirementWorld, rid, type RetirementWorld } from './world';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 0xff, 0xd9]);
const NOTE = '已与本人通话，信息无误';

let errors: jest.SpyInstance;
beforeEach(() => {
  errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => errors.mockRestore());

/** The same event twice, the first with the nth write from now failing (if it gets that far): both answers. */
async function crashThenRetry(w: RetirementWorld, n: number, openid: string, event: Record<string, unknown>) {
  const sent = { ...event, requestId: rid('crash') };
  w.db.failNthWrite(n);
  const first = await w.call(openid, retirementActions, 'retirement', sent);
  w.db.failNthWrite(1e9); // disarmed: past the call, the fault does not strike the retry
  w.clock.advance(2_000);
  const retry = await w.call(openid, retirementActions, 'retirement', sent);
  return { first, retry };
}

describe('markCallbackDone: the retry writes the audit entry the crash lost, once', () => {
  // 1 idempotency claim, 2 the to-do marked done, 3 the audit entry, 4 idempotency "done"; 5 none.
  test.each([1, 2, 3, 4, 5])('crash at write %i', async (n) => {
    const w = await retirementWorld();
    const { id } = okData(
      await w.r(PERSONAS.retiree, 'submitRequest', form({ callbackRequested: true, callbackTime: '下午' })),
    );
    const { first, retry } = await crashThenRetry(w, n, PERSONAS.admin, { action: 'markCallbackDone', id, note: NOTE });
    expect(first).toMatchObject(n <= 3 ? { ok: false, code: 'INTERNAL' } : { ok: true });
    expect(retry).toMatchObject({ ok: true, data: { id, callbackDone: true, callbackNote: NOTE } });
    const todo = (await w.all('adminTodos', { _id: `callback-${id}` }))[0];
    expect(todo).toMatchObject({ done: true, doneBy: PERSONAS.admin, note: NOTE });
    const log = await w.all('auditLog', { event: 'retirement.markCallbackDone' });
    expect(log).toEqual([
      expect.objectContaining({
        actor: PERSONAS.admin,
        target: { kind: 'retirementRequest', id },
        detail: { note: NOTE },
      }),
    ]);
    // Tapping again later (a new requestId) still writes no second entry.
    okData(await w.r(PERSONAS.admin, 'markCallbackDone', { id, note: '又点了一次' }));
    expect(await w.all('auditLog', { event: 'retirement.markCallbackDone' })).toHaveLength(1);
  });

  test('another admin finding it done writes nothing', async () => {
    const w = await retirementWorld();
    const { id } = okData(
      await w.r(PERSONAS.retiree, 'submitRequest', form({ callbackRequested: true, callbackTime: '下午' })),
    );
    // The first admin's call dies between the to-do and its audit entry; a second admin then marks it.
    await w.db
      .collection('users')
      .doc('admin-2')
      .set({ data: { roles: ['admin'], scopes: [], membership: { status: 'none' }, createdAt: 0, updatedAt: 0 } });
    w.db.failNthWrite(3);
    expect(await w.r(PERSONAS.admin, 'markCallbackDone', { id, note: NOTE })).toMatchObject({ ok: false });
    okData(await w.r('admin-2', 'markCallbackDone', { id, note: '我也打了' }));
    expect(await w.all('auditLog', { event: 'retirement.markCallbackDone' })).toEqual([]);
    // The first admin's retry (or any call of theirs) writes the entry they owe.
    okData(await w.r(PERSONAS.admin, 'markCallbackDone', { id, note: NOTE }));
    expect(await w.all('auditLog', { event: 'retirement.markCallbackDone' })).toEqual([
      expect.objectContaining({ actor: PERSONAS.admin, detail: { note: NOTE } }),
    ]);
  });
});

describe('resubmitRequest: the retry of the same request finishes the call-back to-do and the photo', () => {
  async function returnedWithPhoto(w: RetirementWorld) {
    const key = okData(await w.r(PERSONAS.retiree, 'formOptions')).photoUploaderKey;
    const upload = async (name: string) =>
      (await w.files.uploadFile({ cloudPath: `retirement-photos/${key}/2026-01/${name}.jpg`, fileContent: JPEG }))
        .fileID;
    const old = await upload('oldphoto1');
    const { id } = okData(await w.r(PERSONAS.retiree, 'submitRequest', form({ photoFileId: old })));
    okData(await w.r(PERSONAS.admin, 'returnRequest', { id, reason: '照片不清楚，请换一张' }));
    return { id, old, replacement: await upload('newphoto1') };
  }

  // 1 claim, 2 the state change, 3 the notice (best effort), 4 the to-do, 5 forgetting the dropped
  // photo, 6 idempotency "done"; 7 none.
  test.each([1, 2, 3, 4, 5, 6, 7])('crash at write %i', async (n) => {
    const w = await retirementWorld();
    const { id, old, replacement } = await returnedWithPhoto(w);
    const {
      consent: _c,
      requesterKind: _k,
      idNumber: _i,
      ...fields
    } = form({
      photoFileId: replacement,
      callbackRequested: true,
      callbackTime: '上午',
    });
    const { first, retry } = await crashThenRetry(w, n, PERSONAS.retiree, { action: 'resubmitRequest', id, ...fields });
    // The notice is best effort and the "done" record's loss leaves the answer standing.
    expect(first).toMatchObject([3, 6, 7].includes(n) ? { ok: true } : { ok: false, code: 'INTERNAL' });
    expect(retry).toMatchObject({
      ok: true,
      data: { id, status: 'submitted', hasPhoto: true, photoFileId: replacement },
    });
    const [doc] = await w.all('retirementRequests', { _id: id });
    expect(doc).toMatchObject({ status: 'submitted', photoFileId: replacement, callbackRequested: true });
    expect(doc).not.toHaveProperty('droppedPhotoFileId');
    expect(doc.history.filter((h: { status: string }) => h.status === 'submitted')).toHaveLength(2);
    expect(await w.all('adminTodos', { _id: `callback-${id}` })).toEqual([
      expect.objectContaining({ done: false, preferredTime: '上午' }),
    ]);
    expect(await w.files.list()).toEqual([cloudPathOf(replacement)]);
    expect(await w.files.list()).not.toContain(cloudPathOf(old));
  });

  test('a retry after the request moved on (verified by the employer) still finishes, and changes nothing else', async () => {
    const w = await retirementWorld();
    const { id, replacement } = await returnedWithPhoto(w);
    const {
      consent: _c,
      requesterKind: _k,
      idNumber: _i,
      ...fields
    } = form({
      photoFileId: replacement,
      callbackRequested: true,
      callbackTime: '上午',
    });
    const event = { action: 'resubmitRequest', requestId: rid('crash'), id, ...fields };
    w.db.failNthWrite(4); // the to-do
    expect(await w.call(PERSONAS.retiree, retirementActions, 'retirement', event)).toMatchObject({ ok: false });
    okData(await w.r(PERSONAS.enterprise, 'verifyEmployment', { ids: [id], decision: 'confirm' }));
    const retry = await w.call(PERSONAS.retiree, retirementActions, 'retirement', event);
    expect(retry).toMatchObject({ ok: true, data: { status: 'employer_verified' } });
    expect(await w.all('adminTodos', { _id: `callback-${id}` })).toHaveLength(1);
    expect(await w.files.list()).toEqual([cloudPathOf(replacement)]);
  });
});
