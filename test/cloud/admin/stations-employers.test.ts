/**
 * 驿站 and employers from the app: add, edit, close for a while (claims and redemptions there are
 * refused meanwhile), retire; employers renamed and merged with every reference moved.
 */
import { adminActions } from '../../../cloud/domain/admin';
import { checkinActions } from '../../../cloud/domain/checkin';
import { seedRetirement } from '../../../cloud/seed/retirement';
import { CAMPAIGN, XCH, giftWorld } from '../gift/fixture';
import { adminWorld, okData, PERSONAS, rid } from './world';

const STATION = {
  name: '高照驿站',
  town: '高照街道',
  address: '嘉兴市秀洲区高照街道秀园路88号',
  hours: '每天 08:00-19:00',
  phone: '0573-82201009',
  services: ['热水', '充电', '热水'],
  latE6: 30762345,
  lngE6: 120731234,
};

test('a gifts or super admin adds and edits a station; the public list shows it; duplicates refused', async () => {
  const w = await adminWorld();
  const added = okData(await w.admin(PERSONAS.admin, 'saveStation', STATION));
  expect(added).toMatchObject({
    name: '高照驿站',
    services: ['热水', '充电'],
    latE6: 30762345,
    active: true,
    staff: [],
  });
  const listed = okData(await w.fn('portal', '', 'listStations', {}));
  expect(listed.find((s: any) => s.id === added.id)).toMatchObject({
    lat: 30.762345,
    lng: 120.731234,
    town: '高照街道',
  });

  const edited = okData(
    await w.admin(PERSONAS.admin, 'saveStation', { ...STATION, stationId: added.id, hours: '每天 07:30-20:00' }),
  );
  expect(edited.hours).toBe('每天 07:30-20:00');
  const before = await w.snapshot(['stations', 'auditLog']);
  expect(await w.admin(PERSONAS.admin, 'saveStation', { ...STATION, name: '新城汇驿站' })).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    details: { field: 'name' },
  });
  expect(await w.admin(PERSONAS.admin, 'saveStation', { ...STATION, latE6: 91_000_000 })).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    details: { field: 'latE6' },
  });
  expect(await w.admin(PERSONAS.contestAdmin, 'saveStation', STATION)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await w.admin(PERSONAS.stationStaff, 'saveStation', STATION)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await w.snapshot(['stations', 'auditLog'])).toEqual(before);

  // Retired: gone from the public list and from invitations; restored: back.
  okData(await w.admin(PERSONAS.admin, 'setStationActive', { stationId: added.id, active: false }));
  expect(okData(await w.fn('portal', '', 'listStations', {})).map((s: any) => s.id)).not.toContain(added.id);
  expect(
    await w.admin(PERSONAS.admin, 'createInvitation', {
      kind: 'stationStaff',
      scopeId: added.id,
      validDays: 1,
      maxUses: 1,
    }),
  ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  // ...and from new gift campaigns.
  expect(
    await w.fn('gift', PERSONAS.admin, 'createCampaign', {
      name: '停用驿站测试',
      items: ['毛巾'],
      startAt: '2026-01-21 10:00',
      endAt: '2026-01-28 18:00',
      groups: [],
      validDays: 3,
      stock: [{ stationId: added.id, stock: 10 }],
    }),
  ).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'stock.0.stationId' } });
  okData(await w.admin(PERSONAS.admin, 'setStationActive', { stationId: added.id, active: true }));
  expect(okData(await w.fn('portal', '', 'listStations', {})).map((s: any) => s.id)).toContain(added.id);
  expect((await w.all('auditLog')).map((a) => a.event)).toEqual(
    expect.arrayContaining([
      'admin.createStation',
      'admin.updateStation',
      'admin.retireStation',
      'admin.restoreStation',
    ]),
  );
  // The list for the admin shows the station's staff (by grant).
  const rows = okData(await w.admin(PERSONAS.admin, 'listStationsAdmin'));
  expect(rows.find((r: any) => r.id === XCH).staff.map((s: any) => s.name)).toContain('沈丽萍');
});

test('a station closed for a while refuses claims and redemptions with the reopening time; then works again', async () => {
  const w = await giftWorld();
  const call = (openid: string, action: string, payload: Record<string, unknown>) =>
    w.call(openid, adminActions, 'admin', { action, requestId: rid('st'), ...payload });
  // A voucher claimed before the closure.
  const v = okData(
    await w.gift(PERSONAS.rider, { action: 'claim', campaignId: CAMPAIGN, stationId: XCH, requestId: rid() }),
  );
  const closed = okData(
    await call(PERSONAS.admin, 'closeStation', {
      stationId: XCH,
      from: '2026-01-21 08:00',
      until: '2026-01-23 18:00',
      reason: '设备检修',
    }),
  );
  expect(closed.closure).toMatchObject({
    now: true,
    text: '2026年1月21日（周三）08:00 至 2026年1月23日（周五）18:00',
    reason: '设备检修',
  });

  const claim = await w.gift(PERSONAS.courier, {
    action: 'claim',
    campaignId: CAMPAIGN,
    stationId: XCH,
    requestId: rid(),
  });
  expect(claim).toMatchObject({
    ok: false,
    code: 'STATION_CLOSED',
    message: '新城汇驿站暂停服务（至 2026年1月23日（周五）18:00）：设备检修，请选择其他驿站',
  });
  expect(await w.stock(XCH)).toMatchObject({ stock: 99, claimed: 1 });
  // The public list of 驿站 says so too.
  const { portalActions } = await import('../../../cloud/domain/portal');
  const pub = okData(await w.call('', portalActions, 'portal', { action: 'listStations' }));
  expect(pub.find((s: any) => s.id === XCH).closed).toContain('暂停服务');
  // The campaign page says which station is closed, and why.
  const page = okData(await w.gift(PERSONAS.courier, { action: 'getCampaign', campaignId: CAMPAIGN }));
  expect(page.stations.find((s: any) => s.stationId === XCH).closed).toContain(
    '暂停服务（至 2026年1月23日（周五）18:00）',
  );
  expect(page.stations.find((s: any) => s.stationId !== XCH).closed).toBeUndefined();

  const token = okData(await w.gift(PERSONAS.rider, { action: 'voucherCode', voucherId: v.id })).token;
  const scan = () =>
    w.call(PERSONAS.stationStaff, checkinActions, 'checkin', {
      action: 'scan',
      code: token,
      scope: { kind: 'station', id: XCH },
      requestId: rid('scan'),
    });
  expect(okData(await scan())).toMatchObject({ result: 'refused', code: 'STATION_CLOSED' });
  expect(await w.stock(XCH)).toMatchObject({ redeemed: 0 });

  // Reopened early by the admin: both work again.
  okData(await call(PERSONAS.admin, 'reopenStation', { stationId: XCH }));
  expect(okData(await scan())).toMatchObject({ result: 'success' });
  expect(
    await w.gift(PERSONAS.courier, { action: 'claim', campaignId: CAMPAIGN, stationId: XCH, requestId: rid() }),
  ).toMatchObject({ ok: true });

  // A closure window: refused inside it, fine once it is over.
  okData(
    await call(PERSONAS.admin, 'closeStation', {
      stationId: XCH,
      from: '2026-01-21 09:00',
      until: '2026-01-21 12:00',
      reason: '停电',
    }),
  );
  expect(
    await call(PERSONAS.admin, 'closeStation', {
      stationId: XCH,
      from: '2026-01-21 12:00',
      until: '2026-01-21 09:00',
      reason: '停电',
    }),
  ).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'until' } });
  w.clock.advance(4 * 3600_000);
  const after = okData(await call(PERSONAS.admin, 'listStationsAdmin', {})).find((s: any) => s.id === XCH);
  expect(after.closure).toBeUndefined();
});

test('employers: add, rename (the words move too), duplicate refused, retire', async () => {
  const w = await adminWorld();
  await seedRetirement(w.db, w.clock.now());
  const e = okData(
    await w.admin(PERSONAS.admin, 'saveEmployer', {
      name: '嘉兴 新能源科技有限公司',
      contactName: '陆海',
      contactPhone: '13905731234',
    }),
  );
  expect(e).toMatchObject({
    name: '嘉兴新能源科技有限公司',
    contactName: '陆海',
    contactPhone: '139****1234',
    active: true,
  });
  expect(await w.admin(PERSONAS.admin, 'saveEmployer', { name: '嘉兴纺织有限公司' })).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    details: { field: 'name' },
  });
  // Renaming 嘉兴纺织 carries to the profiles and requests that name it.
  okData(
    await w.admin(PERSONAS.admin, 'saveEmployer', { employerId: 'emp-jiaxing-textile', name: '嘉兴纺织集团有限公司' }),
  );
  const [retiree] = await w.all('users', { _id: PERSONAS.retiree });
  expect(retiree.profile.employer).toBe('嘉兴纺织集团有限公司');
  expect(retiree.membership.employer).toBe('嘉兴纺织集团有限公司');
  const reqs = await w.all('retirementRequests', { employerId: 'emp-jiaxing-textile' });
  expect(reqs.length).toBeGreaterThan(0);
  expect(reqs.every((r) => r.employer === '嘉兴纺织集团有限公司')).toBe(true);

  okData(await w.admin(PERSONAS.admin, 'setEmployerActive', { employerId: e.id, active: false }));
  const form = okData(await w.fn('retirement', PERSONAS.worker, 'formOptions'));
  expect(form.employers.map((x: any) => x.id)).not.toContain(e.id);
  expect(await w.admin(PERSONAS.contestAdmin, 'saveEmployer', { name: '某某公司' })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
});

test('merging a duplicate moves users, enterprise contacts and retirement requests to the kept employer', async () => {
  const w = await adminWorld();
  await seedRetirement(w.db, w.clock.now());
  const dup = okData(await w.admin(PERSONAS.admin, 'saveEmployer', { name: '嘉兴纺织' }));
  // A worker and a retirement request that name the duplicate, and its enterprise contact.
  await w.db
    .collection('users')
    .doc(PERSONAS.worker)
    .update({ data: { 'profile.employer': '嘉兴纺织' } });
  const [req] = await w.all('retirementRequests');
  await w.db
    .collection('retirementRequests')
    .doc(req._id)
    .update({ data: { employerId: dup.id, employer: '嘉兴纺织' } });
  const inv = okData(
    await w.admin(PERSONAS.admin, 'createInvitation', {
      kind: 'enterprise',
      scopeId: dup.id,
      validDays: 3,
      maxUses: 1,
    }),
  );
  okData(await w.admin('dup-contact', 'acceptInvitation', { token: inv.token }));

  const same = await w.admin(PERSONAS.admin, 'mergeEmployers', { keepId: dup.id, dropId: dup.id });
  expect(same).toMatchObject({ ok: false, code: 'INVALID_INPUT', details: { field: 'dropId' } });

  const merged = okData(
    await w.admin(PERSONAS.admin, 'mergeEmployers', { keepId: 'emp-jiaxing-textile', dropId: dup.id }),
  );
  expect(merged.kept).toMatchObject({ id: 'emp-jiaxing-textile', name: '嘉兴纺织有限公司' });
  expect(merged.kept.verifiers.map((v: any) => v.grantId)).toHaveLength(2); // 朱美华 (seed) and the new contact
  expect(merged.moved).toMatchObject({ retirementRequests: 1, grants: 1 });
  expect(merged.moved.users).toBeGreaterThanOrEqual(2);
  expect(await w.all('employers', { _id: dup.id })).toEqual([]);
  const [worker] = await w.all('users', { _id: PERSONAS.worker });
  expect(worker.profile.employer).toBe('嘉兴纺织有限公司');
  const [contact] = await w.all('users', { _id: 'dup-contact' });
  expect(contact.scopes).toEqual([{ kind: 'employer', id: 'emp-jiaxing-textile' }]);
  const [moved] = await w.all('retirementRequests', { _id: req._id });
  expect(moved).toMatchObject({ employerId: 'emp-jiaxing-textile', employer: '嘉兴纺织有限公司' });
  // The moved contact now verifies for the kept employer.
  const queue = okData(await w.fn('retirement', 'dup-contact', 'reviewQueue', {}));
  expect(queue.items.map((i: any) => i.id)).toContain(req._id);
  expect(await w.all('auditLog', { event: 'admin.mergeEmployers' })).toHaveLength(1);
});
