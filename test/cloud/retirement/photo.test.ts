/**
 * The optional certificate photo: only a file of our own storage (under retirement-photos/, really
 * uploaded) is accepted; reviewers and the certificate get a temporary link; the file is deleted when
 * the request drops it (resubmit) or its submitter deletes their data (removed or anonymised request).
 */
import { memberActions } from '../../../cloud/domain/member';
import { checkTempFileLink, cloudPathOf, FILE_ID_PREFIX } from '../../../cloud/emulator/standin/storage';
import { DELETE_MY_DATA_CONFIRMATION } from '../../../types/api/member';
import { form, okData, PERSONAS, retirementWorld, rid, row, type RetirementWorld } from './world';

let w: RetirementWorld;
beforeEach(async () => {
  w = await retirementWorld();
});

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 0xff, 0xd9]);
let n = 0;
/** The caller's own photo folder, as formOptions hands it to the app. */
async function keyOf(openid: string): Promise<string> {
  return okData(await w.r(openid, 'formOptions')).photoUploaderKey;
}
/**
 * Uploads a photo to this world's storage as `openid`, as the app does before submitting (under the
 * caller's key from formOptions); answers its fileID.
 */
async function uploadPhoto(openid: string, name = `p${++n}abcdefgh.jpg`): Promise<string> {
  const cloudPath = `retirement-photos/${await keyOf(openid)}/2026-01/${name}`;
  return (await w.files.uploadFile({ cloudPath, fileContent: JPEG })).fileID;
}
const stored = async (id: string) => (await w.all('retirementRequests', { _id: id }))[0];
const deleteMyData = (openid: string) =>
  w.call(openid, memberActions, 'member', {
    action: 'deleteMyData',
    confirm: DELETE_MY_DATA_CONFIRMATION,
    requestId: rid('del'),
  });

/** A temporary link the emulator would serve: signed for that path, not expired. */
function expectServableLink(url: string, fileID: string) {
  const u = new URL(url);
  const path = decodeURIComponent(u.pathname.replace(/^\/file\//, ''));
  expect(path).toBe(cloudPathOf(fileID));
  expect(checkTempFileLink(path, u.searchParams.get('t'), u.searchParams.get('sign'))).toBe(true);
  expect(checkTempFileLink(`${path}x`, u.searchParams.get('t'), u.searchParams.get('sign'))).toBe(false);
}

describe('photoFileId on submit', () => {
  test('anything but an uploaded image of ours under retirement-photos/ is INVALID_INPUT and nothing is written', async () => {
    // a real file of ours, but in another folder / not an image name
    await w.files.uploadFile({ cloudPath: 'other/p.jpg', fileContent: JPEG });
    await w.files.uploadFile({ cloudPath: 'retirement-photos/notes.txt', fileContent: JPEG });
    const before = await w.snapshot(['retirementRequests', 'adminTodos', 'messages', 'users', 'auditLog']);
    const bad = [
      'https://evil.example/retirement-photos/a.jpg',
      'retirement-photos/a.jpg',
      `${FILE_ID_PREFIX}retirement-photos/../other/p.jpg`,
      `${FILE_ID_PREFIX}retirement-photos/./a.jpg`,
      `${FILE_ID_PREFIX}retirement-photos//a.jpg`,
      `${FILE_ID_PREFIX}other/p.jpg`,
      `${FILE_ID_PREFIX}retirement-photos/notes.txt`,
      `${FILE_ID_PREFIX}retirement-photos/never-uploaded.jpg`,
      'cloud://another-env.bucket/retirement-photos/a.jpg',
      `${FILE_ID_PREFIX}retirement-photos/a b.jpg`,
      '',
    ];
    for (const photoFileId of bad) {
      const res = await w.r(
        PERSONAS.family,
        'submitRequest',
        form({ requesterKind: 'family', relation: '子女', photoFileId }),
      );
      expect([photoFileId, res]).toEqual([
        photoFileId,
        expect.objectContaining({ ok: false, code: 'INVALID_INPUT', details: { field: 'photoFileId' } }),
      ]);
      if (!res.ok && photoFileId) expect(res.message).toContain('照片');
    }
    expect(await w.snapshot(['retirementRequests', 'adminTodos', 'messages', 'users', 'auditLog'])).toEqual(before);
  });

  test('a photo deleted from storage after upload is refused too', async () => {
    const fileID = await uploadPhoto(PERSONAS.retiree);
    await w.files.deleteFile({ fileList: [fileID] });
    const res = await w.r(PERSONAS.retiree, 'submitRequest', form({ photoFileId: fileID }));
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'photoFileId' } });
  });

  test('an uploaded photo is stored; the submitter sees its fileID, reviewers a temporary link, others neither', async () => {
    const fileID = await uploadPhoto(PERSONAS.family);
    const view = okData(
      await w.r(
        PERSONAS.family,
        'submitRequest',
        form({ requesterKind: 'family', relation: '子女', photoFileId: fileID }),
      ),
    );
    expect(view).toMatchObject({ hasPhoto: true, photoFileId: fileID });
    expect((await stored(view.id)).photoFileId).toBe(fileID);

    // the submitter opening it (to resubmit) gets a link for the preview
    const mine = okData(await w.r(PERSONAS.family, 'getRequest', { id: view.id }));
    expectServableLink(mine.photoUrl, fileID);

    // the admin's and the employer's review queues: a thumbnail link, never the fileID
    for (const reviewer of [PERSONAS.admin, PERSONAS.enterprise]) {
      const page = okData(await w.r(reviewer, 'reviewQueue', { status: 'submitted', limit: 100 }));
      const item = page.items.find((i: { id: string }) => i.id === view.id);
      expect(item).toMatchObject({ hasPhoto: true });
      expect(item).not.toHaveProperty('photoFileId');
      expectServableLink(item.photoUrl, fileID);
      // requests without a photo have no link
      for (const other of page.items.filter((i: { id: string }) => i.id !== view.id))
        expect([other.id, other.photoUrl]).toEqual([other.id, undefined]);
    }

    // the issued certificate carries the link for drawing
    okData(await w.r(PERSONAS.enterprise, 'verifyEmployment', { ids: [view.id], decision: 'confirm' }));
    okData(await w.r(PERSONAS.admin, 'approve', { ids: [view.id] }));
    okData(await w.r(PERSONAS.admin, 'issue', { ids: [view.id] }));
    const cert = okData(await w.r(PERSONAS.family, 'myCertificate', { id: view.id }));
    expectServableLink(cert.photoUrl, fileID);
  });

  test("an employer's list: a row with a bad photo fails alone, a row with a good one keeps it", async () => {
    const fileID = await uploadPhoto(PERSONAS.enterprise);
    const res = okData(
      await w.r(PERSONAS.enterprise, 'submitBatch', {
        consent: true,
        employerId: 'emp-jiaxing-textile',
        retirees: [
          row(form({ photoFileId: `${FILE_ID_PREFIX}retirement-photos/missing.jpg` })),
          row(form({ photoFileId: fileID })),
        ],
      }),
    );
    expect(res.done).toBe(1);
    expect(res.results[0]).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((await stored(res.results[1].id)).photoFileId).toBe(fileID);
  });
});

describe('the photo file goes when the request no longer holds it', () => {
  async function returned(photoFileId: string) {
    const { id } = okData(await w.r(PERSONAS.retiree, 'submitRequest', form({ photoFileId })));
    okData(await w.r(PERSONAS.admin, 'returnRequest', { id, reason: '照片不清楚' }));
    return id;
  }
  const resubmit = (id: string, extra: Record<string, unknown>) => {
    const { consent: _c, requesterKind: _k, idNumber: _i, ...fields } = form();
    return w.r(PERSONAS.retiree, 'resubmitRequest', { id, ...fields, ...extra });
  };

  test('resubmitted with another photo: the old file is deleted, the new one kept', async () => {
    const first = await uploadPhoto(PERSONAS.retiree);
    const id = await returned(first);
    const second = await uploadPhoto(PERSONAS.retiree);
    okData(await resubmit(id, { photoFileId: second }));
    expect((await stored(id)).photoFileId).toBe(second);
    expect(await w.files.list()).toEqual([cloudPathOf(second)]);
  });

  test('resubmitted keeping the photo: nothing deleted; without it: the file is deleted', async () => {
    const fileID = await uploadPhoto(PERSONAS.retiree);
    const id = await returned(fileID);
    okData(await resubmit(id, { photoFileId: fileID }));
    expect(await w.files.list()).toEqual([cloudPathOf(fileID)]);
    okData(await w.r(PERSONAS.admin, 'returnRequest', { id, reason: '请去掉照片' }));
    okData(await resubmit(id, {}));
    expect(await stored(id)).not.toHaveProperty('photoFileId');
    expect(await w.files.list()).toEqual([]);
  });

  test('a bad photo on resubmit changes nothing and deletes nothing', async () => {
    const fileID = await uploadPhoto(PERSONAS.retiree);
    const id = await returned(fileID);
    const before = await stored(id);
    const res = await resubmit(id, { photoFileId: `${FILE_ID_PREFIX}retirement-photos/../x.jpg` });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'photoFileId' } });
    expect(await stored(id)).toEqual(before);
    expect(await w.files.list()).toEqual([cloudPathOf(fileID)]);
  });

  test('deleteMyData: an unissued request is removed with its photo file', async () => {
    const fileID = await uploadPhoto(PERSONAS.family);
    const other = await uploadPhoto(PERSONAS.worker); // someone else's upload stays
    const { id } = okData(
      await w.r(
        PERSONAS.family,
        'submitRequest',
        form({ requesterKind: 'family', relation: '子女', photoFileId: fileID }),
      ),
    );
    okData(await deleteMyData(PERSONAS.family));
    expect(await w.all('retirementRequests', { _id: id })).toEqual([]);
    expect(await w.files.list()).toEqual([cloudPathOf(other)]);
  });

  test('deleteMyData: an issued certificate is kept anonymised, still verifiable, but its photo is deleted', async () => {
    const fileID = await uploadPhoto(PERSONAS.family);
    const { id } = okData(
      await w.r(
        PERSONAS.family,
        'submitRequest',
        form({ requesterKind: 'family', relation: '子女', photoFileId: fileID }),
      ),
    );
    okData(await w.r(PERSONAS.enterprise, 'verifyEmployment', { ids: [id], decision: 'confirm' }));
    okData(await w.r(PERSONAS.admin, 'approve', { ids: [id] }));
    okData(await w.r(PERSONAS.admin, 'issue', { ids: [id] }));
    const { serial } = await stored(id);

    const res = okData(await deleteMyData(PERSONAS.family));
    expect(res.kept).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'retirementRequests', treatment: expect.stringContaining('照片') }),
      ]),
    );
    const kept = await stored(id);
    expect(kept).not.toHaveProperty('photoFileId');
    expect(kept.requester.openid).not.toBe(PERSONAS.family);
    expect(await w.files.list()).toEqual([]);
    expect(okData(await w.r('', 'verifyCertificate', { serial }))).toMatchObject({ status: 'valid' });
    // the admin now sees no photo
    const page = okData(await w.r(PERSONAS.admin, 'reviewQueue', { status: 'issued', limit: 100 }));
    expect(page.items.find((i: { id: string }) => i.id === id)).toMatchObject({ hasPhoto: false });
  });

  test('deleteMyData: if storage refuses the deletion, the request keeps pointing at the file and a retry finishes', async () => {
    const fileID = await uploadPhoto(PERSONAS.family);
    const { id } = okData(
      await w.r(
        PERSONAS.family,
        'submitRequest',
        form({ requesterKind: 'family', relation: '子女', photoFileId: fileID }),
      ),
    );
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const refuse = jest
      .spyOn(w.files, 'deleteFile')
      .mockResolvedValueOnce({ fileList: [{ fileID, status: -1, errMsg: 'STORAGE_EXCEED_AUTHORITY' }], errMsg: 'ok' });
    expect(await deleteMyData(PERSONAS.family)).toMatchObject({ ok: false, code: 'INTERNAL' });
    errors.mockRestore();
    expect((await stored(id)).photoFileId).toBe(fileID);
    expect(await w.files.list()).toEqual([cloudPathOf(fileID)]);

    okData(await deleteMyData(PERSONAS.family));
    expect(refuse).toHaveBeenCalledTimes(2);
    expect(await w.all('retirementRequests', { _id: id })).toEqual([]);
    expect(await w.files.list()).toEqual([]);
  });
});

describe("photos are bound to their uploader: someone else's photo (its path is in every link reviewers see) is refused", () => {
  /** The fileID behind a temporary link, as anyone shown the link can work it out. */
  const fileIdOfLink = (url: string) =>
    `${FILE_ID_PREFIX}${decodeURIComponent(new URL(url).pathname.replace(/^\/file\//, ''))}`;
  const WRITES = ['retirementRequests', 'adminTodos', 'messages', 'users', 'auditLog'];

  test('formOptions hands each caller their own folder: stable, 32 hex characters, not their OPENID', async () => {
    const family = await keyOf(PERSONAS.family);
    expect(family).toMatch(/^[0-9a-f]{32}$/);
    expect(await keyOf(PERSONAS.family)).toBe(family);
    expect(await keyOf(PERSONAS.worker)).not.toBe(family);
    expect(family).not.toContain('persona');
  });

  test("the reviewer's repro: a worker sends the family's photo from the review link; refused, nothing written, and his deleteMyData leaves it", async () => {
    const familyPhoto = await uploadPhoto(PERSONAS.family);
    const { id } = okData(
      await w.r(
        PERSONAS.family,
        'submitRequest',
        form({ requesterKind: 'family', relation: '子女', photoFileId: familyPhoto }),
      ),
    );
    const page = okData(await w.r(PERSONAS.enterprise, 'reviewQueue', { status: 'submitted', limit: 100 }));
    const seen = fileIdOfLink(page.items.find((i: { id: string }) => i.id === id).photoUrl);
    expect(seen).toBe(familyPhoto);

    const before = await w.snapshot(WRITES);
    const res = await w.r(PERSONAS.worker, 'submitRequest', form({ photoFileId: seen }));
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'photoFileId' } });
    expect(!res.ok && res.message).toBe('照片：没有找到上传的照片，请重新选择');
    expect(await w.snapshot(WRITES)).toEqual(before);

    okData(await deleteMyData(PERSONAS.worker));
    expect(await w.files.list()).toEqual([cloudPathOf(familyPhoto)]);
    expect((await stored(id)).photoFileId).toBe(familyPhoto);
  });

  test("refused too: a file someone put under another's folder, a path without a folder, and on resubmit or in an employer's list", async () => {
    // The worker uploads (storage lets anyone signed in create a file) under the family's key, or under none.
    const familyKey = await keyOf(PERSONAS.family);
    const forged = (
      await w.files.uploadFile({ cloudPath: `retirement-photos/${familyKey}/2026-01/w.jpg`, fileContent: JPEG })
    ).fileID;
    const bare = (await w.files.uploadFile({ cloudPath: 'retirement-photos/2026-01/old.jpg', fileContent: JPEG }))
      .fileID;
    const keyOnly = (
      await w.files.uploadFile({
        cloudPath: `retirement-photos/${await keyOf(PERSONAS.worker)}.jpg`,
        fileContent: JPEG,
      })
    ).fileID;
    for (const photoFileId of [forged, bare, keyOnly]) {
      expect(await w.r(PERSONAS.worker, 'submitRequest', form({ photoFileId }))).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
        details: { field: 'photoFileId' },
      });
    }

    // resubmitting the retiree's returned request with the family's photo
    const familyPhoto = await uploadPhoto(PERSONAS.family);
    const { id } = okData(await w.r(PERSONAS.retiree, 'submitRequest', form()));
    okData(await w.r(PERSONAS.admin, 'returnRequest', { id, reason: '请补照片' }));
    const { consent: _c, requesterKind: _k, idNumber: _i, ...fields } = form();
    const before = await stored(id);
    expect(await w.r(PERSONAS.retiree, 'resubmitRequest', { id, ...fields, photoFileId: familyPhoto })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      details: { field: 'photoFileId' },
    });
    expect(await stored(id)).toEqual(before);

    // the employer contact is the uploader of its list's photos: its own pass, the family's do not
    const own = await uploadPhoto(PERSONAS.enterprise);
    const res = okData(
      await w.r(PERSONAS.enterprise, 'submitBatch', {
        consent: true,
        employerId: 'emp-jiaxing-textile',
        retirees: [row(form({ photoFileId: familyPhoto })), row(form({ photoFileId: own }))],
      }),
    );
    expect(res.results[0]).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(res.results[1]).toMatchObject({ ok: true });
    expect(await w.files.list()).toEqual(
      expect.arrayContaining([cloudPathOf(familyPhoto), cloudPathOf(own)].map((p) => p as string)),
    );
  });

  test('one photo serves one request: the same uploader cannot send it again for another retiree, nor twice in a list', async () => {
    const photo = await uploadPhoto(PERSONAS.family);
    okData(
      await w.r(
        PERSONAS.family,
        'submitRequest',
        form({ requesterKind: 'family', relation: '子女', photoFileId: photo }),
      ),
    );
    const before = await w.snapshot(WRITES);
    const again = await w.r(
      PERSONAS.family,
      'submitRequest',
      form({ requesterKind: 'family', relation: '子女', name: '周阿大', photoFileId: photo }),
    );
    expect(again).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'photoFileId' } });
    expect(!again.ok && again.message).toContain('另一份申请');
    expect(await w.snapshot(WRITES)).toEqual(before);

    const shared = await uploadPhoto(PERSONAS.enterprise);
    const res = okData(
      await w.r(PERSONAS.enterprise, 'submitBatch', {
        consent: true,
        employerId: 'emp-jiaxing-textile',
        retirees: [row(form({ photoFileId: shared })), row(form({ photoFileId: shared }))],
      }),
    );
    expect(res.results.map((r: { ok: boolean; code?: string }) => r.code ?? 'ok')).toEqual(['ok', 'INVALID_INPUT']);
  });

  test('defence in depth: a file two requests hold (written before this rule) is never deleted while one still holds it', async () => {
    const familyPhoto = await uploadPhoto(PERSONAS.family);
    const { id: familyReq } = okData(
      await w.r(
        PERSONAS.family,
        'submitRequest',
        form({ requesterKind: 'family', relation: '子女', photoFileId: familyPhoto }),
      ),
    );
    // Two requests of the worker's that point at the family's photo, as an older version let through.
    const { id: a } = okData(await w.r(PERSONAS.worker, 'submitRequest', form()));
    const { id: b } = okData(
      await w.r(PERSONAS.worker, 'submitRequest', form({ requesterKind: 'family', relation: '子女' })),
    );
    for (const id of [a, b])
      await w.db
        .collection('retirementRequests')
        .doc(id)
        .update({ data: { photoFileId: familyPhoto } });

    // Resubmitting one without the photo: the request lets go of it, the file stays.
    okData(await w.r(PERSONAS.admin, 'returnRequest', { id: a, reason: '照片不是本人' }));
    const { consent: _c, requesterKind: _k, idNumber: _i, ...fields } = form();
    okData(await w.r(PERSONAS.worker, 'resubmitRequest', { id: a, ...fields }));
    expect(await stored(a)).not.toHaveProperty('photoFileId');
    expect(await stored(a)).not.toHaveProperty('droppedPhotoFileId');
    expect(await w.files.list()).toEqual([cloudPathOf(familyPhoto)]);

    // His deleteMyData removes his requests, not the family's file.
    okData(await deleteMyData(PERSONAS.worker));
    expect(await w.all('retirementRequests', { _id: b })).toEqual([]);
    expect(await w.files.list()).toEqual([cloudPathOf(familyPhoto)]);

    // The family's own deletion, the last holder, deletes it.
    okData(await deleteMyData(PERSONAS.family));
    expect(await w.all('retirementRequests', { _id: familyReq })).toEqual([]);
    expect(await w.files.list()).toEqual([]);
  });
});
