/**
 * 光荣退休 settings from the app: on a fresh database the campaign answers NOT_OPEN until the
 * retirement admin opens it; the window, pickup stations, serial prefix and honour text they save
 * are what the rest of the domain uses.
 */
import { adminWorld, okData, PERSONAS, rid, type AdminWorld } from '../admin/world';
import { form } from './world';

const RA = 'retirement-boss';

async function makeRetirementAdmin(w: AdminWorld): Promise<void> {
  const inv = okData(
    await w.admin(PERSONAS.admin, 'createInvitation', {
      kind: 'domainAdmin',
      domain: 'retirement',
      validDays: 1,
      maxUses: 1,
    }),
  );
  okData(await w.admin(RA, 'acceptInvitation', { token: inv.token }));
}

const SETTINGS = {
  open: true,
  year: 2026,
  title: '2026年企业职工「光荣退休」',
  opensAt: '2026-01-01 00:00',
  closesAt: '2026-03-31 18:00',
  futureDays: 30,
  pastDays: 365,
  certificateText: '{name}同志：\n\n感谢您在{employer}担任{position}的{years}年。\n\n祝退休生活幸福！',
  issuer: '嘉兴市秀洲区总工会',
  serialPrefix: '秀荣',
  pickupStationIds: ['station-xinchenghui'],
};

test('a fresh database: NOT_OPEN until the retirement admin opens it; then the saved settings are used end to end', async () => {
  const w = await adminWorld();
  const r = (openid: string, action: string, payload: Record<string, unknown> = {}) =>
    w.fn('retirement', openid, action, payload);
  expect(await r(PERSONAS.family, 'formOptions')).toMatchObject({ ok: false, code: 'NOT_OPEN' });
  await makeRetirementAdmin(w);
  const fresh = okData(await r(RA, 'getSettings'));
  expect(fresh).toMatchObject({
    configured: false,
    open: false,
    year: 2026,
    serialPrefix: '秀工荣退',
    pickupStations: [],
  });

  const saved = okData(await r(RA, 'saveSettings', SETTINGS));
  expect(saved).toMatchObject({
    configured: true,
    open: true,
    opensText: '2026-01-01 00:00',
    closesText: '2026-03-31 18:00',
    pickupStations: [{ id: 'station-xinchenghui', name: '新城汇驿站' }],
    issuedThisYear: 0,
  });
  expect(await w.all('auditLog', { event: 'retirement.saveSettings' })).toHaveLength(1);

  // An employer to name, then the whole path to a certificate.
  const emp = okData(await w.admin(PERSONAS.admin, 'saveEmployer', { name: '嘉兴纺织有限公司' }));
  const options = okData(await r(PERSONAS.family, 'formOptions'));
  expect(options).toMatchObject({ open: true, places: [{ id: 'station-xinchenghui', name: '新城汇驿站' }] });
  expect(options.employers).toEqual([{ id: emp.id, name: '嘉兴纺织有限公司' }]);
  const { id } = okData(
    await r(PERSONAS.family, 'submitRequest', {
      ...form({ requesterKind: 'family', relation: '子女', employerId: emp.id }),
      requestId: rid('s'),
    }),
  );
  // No enterprise contact yet: the retirement admin verifies the employment too.
  expect(okData(await r(RA, 'verifyEmployment', { ids: [id], decision: 'confirm', requestId: rid('v') })).done).toBe(1);
  expect(okData(await r(RA, 'approve', { ids: [id], requestId: rid('a') })).done).toBe(1);
  expect(okData(await r(RA, 'issue', { ids: [id], requestId: rid('i') })).done).toBe(1);
  const cert = okData(await r(PERSONAS.family, 'myCertificate', { id }));
  expect(cert.serial).toBe('秀荣〔2026〕第0001号');
  expect(cert.issuer).toBe('嘉兴市秀洲区总工会');
  expect(cert.honourText).toEqual(['金阿毛同志：', '感谢您在嘉兴纺织有限公司担任挡车工的35年。', '祝退休生活幸福！']);
  expect(okData(await r(RA, 'getSettings')).issuedThisYear).toBe(1);

  // After the window: closed, in words.
  w.clock.set(new Date('2026-04-01T02:00:00Z').getTime());
  expect(okData(await r(PERSONAS.family, 'formOptions')).open).toBe(false);
  const late = await r(PERSONAS.worker, 'submitRequest', { ...form(), requestId: rid('late') });
  expect(late).toMatchObject({ ok: false, code: 'NOT_OPEN', message: '本年度光荣退休申请已截止' });
});

test('settings that do not fit are refused field by field and write nothing; only retirement admins may', async () => {
  const w = await adminWorld();
  await makeRetirementAdmin(w);
  const before = await w.snapshot(['retirementSettings', 'auditLog']);
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ closesAt: '2025-12-31 00:00' }, 'closesAt'],
    [{ opensAt: '2026-13-01 00:00' }, 'opensAt'],
    [{ pickupStationIds: ['station-nowhere'] }, 'pickupStationIds.0'],
    [{ pickupStationIds: [] }, 'pickupStationIds'],
    [{ serialPrefix: '秀 荣' }, 'serialPrefix'],
    [{ certificateText: '太短' }, 'certificateText'],
  ];
  for (const [patch, field] of cases) {
    const res = await w.fn('retirement', RA, 'saveSettings', { ...SETTINGS, ...patch });
    expect([patch, res]).toEqual([
      patch,
      expect.objectContaining({ ok: false, code: 'INVALID_INPUT', details: { field } }),
    ]);
  }
  for (const who of [PERSONAS.contestAdmin, PERSONAS.enterprise, PERSONAS.worker]) {
    expect(await w.fn('retirement', who, 'saveSettings', SETTINGS)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.fn('retirement', who, 'getSettings')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  }
  expect(await w.snapshot(['retirementSettings', 'auditLog'])).toEqual(before);
});
