/**
 * 查看我的数据 / 申请删除 end to end: a newcomer fills a profile, applies, is approved (a message),
 * and has records in every other domain; export shows exactly theirs; deletion leaves nothing that
 * names them except the records the response lists as kept.
 */
import { memberActions } from '../../../cloud/domain/member';
import { DELETE_MY_DATA_CONFIRMATION } from '../../../types/api/member';
import { findUnmaskedPii } from '../masking';
import { makeWorld, okData, PERSONAS, rid, type World } from '../helpers';

const ME = PERSONAS.newcomer;
const OTHER = PERSONAS.rider;
const NAME = '张晓明';
const PHONE = '13812345678';
const RETIREE_PHONE = '13900001111';
const profile = {
  name: NAME,
  phone: PHONE,
  employer: '嘉兴秀洲精工机械有限公司',
  district: '秀洲区',
  category: '产业工人',
};
const confirm = DELETE_MY_DATA_CONFIRMATION;

const call = (world: World, openid: string, event: Record<string, unknown>) =>
  world.call(openid, memberActions, 'member', event);

/** Records of the caller (and one of someone else's each) in the other domains' collections. */
async function seedElsewhere(world: World): Promise<void> {
  const add = (c: string, data: Record<string, unknown>) => world.db.collection(c).add({ data });
  const reg = {
    contestId: 'contest-2026-skills',
    tradeId: 'cnc',
    tradeName: '数控铣工',
    employer: '精工机械',
    jobTitle: '铣工',
    skillLevel: '高级工',
    yearsInTrade: 6,
    submittedAt: 1,
    attempt: 1,
  };
  await add('contestRegistrations', {
    _id: 'cr-mine-awarded',
    openid: ME,
    name: NAME,
    phone: PHONE,
    status: 'awarded',
    rank: 1,
    ...reg,
  });
  await add('contestRegistrations', {
    _id: 'cr-mine-cancelled',
    openid: ME,
    name: NAME,
    phone: PHONE,
    status: 'cancelled',
    ...reg,
  });
  await add('contestRegistrations', {
    _id: 'cr-other',
    openid: OTHER,
    name: '陈志强',
    phone: '13700002222',
    status: 'submitted',
    ...reg,
  });
  await add('titles', {
    _id: `数控铣工:${ME}`,
    openid: ME,
    trade: '数控铣工',
    title: '2026年秀洲区数控铣工技术能手',
    year: 2026,
  });
  await add('courseOrders', {
    _id: 'order-mine',
    ordererOpenid: ME,
    ordererName: NAME,
    employerName: '精工机械',
    title: '安全生产',
    headcount: 30,
    status: 'accepted',
  });
  await add('sessionBookings', {
    _id: 'bk-mine-attended',
    sessionId: 's1',
    openid: ME,
    name: NAME,
    phoneTail: '5678',
    employer: '精工机械',
    status: 'attended',
    bookedAt: 1,
    rated: true,
  });
  await add('sessionBookings', {
    _id: 'bk-mine-cancelled',
    sessionId: 's2',
    openid: ME,
    name: NAME,
    phoneTail: '5678',
    employer: '精工机械',
    status: 'cancelled',
    bookedAt: 1,
    rated: false,
  });
  await add('sessionRatings', { _id: 'bk-mine-attended', sessionId: 's1', openid: ME, stars: 5, at: 1 });
  const retire = {
    idHash: 'h'.repeat(64),
    idMasked: '330***********1234',
    employer: '嘉兴纺织',
    position: '挡车工',
    yearsOfService: 30,
    retirementDate: '2026-01-01',
    delivery: 'pickup',
    callbackRequested: true,
    callbackTime: '上午',
    history: [],
    submittedAt: 1,
    updatedAt: 1,
  };
  await add('retirementRequests', {
    _id: 'rt-issued',
    name: '张阿婆',
    phone: RETIREE_PHONE,
    requester: { kind: 'family', openid: ME, relation: '子女' },
    status: 'issued',
    serial: 'XZTX2026-0001',
    ...retire,
  });
  await add('retirementRequests', {
    _id: 'rt-pending',
    name: '张阿公',
    phone: '13900003333',
    requester: { kind: 'family', openid: ME, relation: '子女' },
    status: 'submitted',
    ...retire,
  });
  await add('adminTodos', {
    _id: 'callback-rt-pending',
    kind: 'retirement-callback',
    requestId: 'rt-pending',
    name: '张阿公',
    done: false,
  });
  await add('giftClaims', {
    _id: `cny-2026:${ME}`,
    voucherId: 'v-mine',
    campaignId: 'cny-2026',
    openid: ME,
    stationId: 'station-xinchenghui',
    status: 'redeemed',
    holderName: NAME,
    holderPhoneTail: '5678',
    holderPhoneMasked: '138****5678',
    memberNo: 'XZ2026000009',
    redeemed: null,
  });
}

async function setUp(): Promise<World> {
  const world = await makeWorld();
  okData(await call(world, ME, { action: 'updateProfile', ...profile, requestId: rid() }));
  okData(await call(world, ME, { action: 'applyMembership', agreeCharter: true, requestId: rid() }));
  const [app] = await world.all('membershipApplications', { openid: ME });
  okData(
    await call(world, PERSONAS.admin, {
      action: 'reviewApplication',
      applicationId: app._id,
      decision: 'approve',
      requestId: rid(),
    }),
  );
  await seedElsewhere(world);
  return world;
}

/** Every document of every collection the database holds, as one JSON text per collection. */
async function everything(world: World): Promise<Record<string, string>> {
  const names = [...((world.db.core as any).stores as Map<string, unknown>).keys()];
  const out: Record<string, string> = {};
  for (const n of names) {
    let docs = await world.all(n);
    // Other people's replay cache (the admin's reviewApplication answer names the applicant) is
    // theirs, keyed by their OPENID; only the caller's own replay records are in scope here.
    if (n === 'idempotency') docs = docs.filter((d) => String(d._id).startsWith(`${ME}:`));
    out[n] = JSON.stringify(docs);
  }
  return out;
}

describe('member: 查看我的数据 (exportMyData)', () => {
  test('holds the caller’s records from every domain, and nobody else’s', async () => {
    const world = await setUp();
    const data = okData(await call(world, ME, { action: 'exportMyData' }));
    const byKey = Object.fromEntries(data.sections.map((s: any) => [s.key, s.items]));
    expect(byKey.account[0].profile).toMatchObject({ name: NAME, phone: PHONE });
    expect(byKey.account[0].membership.status).toBe('member');
    expect(byKey.membershipApplication).toHaveLength(1);
    expect(byKey.messages.length).toBeGreaterThanOrEqual(1);
    expect(byKey.contestRegistrations.map((r: any) => r.id).sort()).toEqual(['cr-mine-awarded', 'cr-mine-cancelled']);
    expect(byKey.titles).toHaveLength(1);
    expect(byKey.courseOrders).toHaveLength(1);
    expect(byKey.sessionBookings).toHaveLength(2);
    expect(byKey.sessionRatings).toHaveLength(1);
    expect(byKey.retirementRequests).toHaveLength(2);
    expect(byKey.giftClaims).toHaveLength(1);
    const text = JSON.stringify(data);
    expect(text).not.toContain('陈志强');
    expect(text).not.toContain('h'.repeat(64)); // identity hash never leaves
    // Only the caller's own phone is in clear; the retiree they applied for stays masked.
    expect(findUnmaskedPii(data, { allow: [PHONE] })).toEqual([]);
    expect(text).toContain('139****1111');
  });

  test('a record that points at a session, station or campaign by id carries its name for the reader', async () => {
    const world = await setUp();
    const add = (c: string, data: Record<string, unknown>) => world.db.collection(c).add({ data });
    await add('sessions', { _id: 's1', title: '数控铣床精度调校实操', startAt: 1_800_000_000_000 });
    // The seed holds the station and (maybe) the campaign; their names are what the export must carry.
    const [station] = await world.all('stations', { _id: 'station-xinchenghui' });
    const [campaign] = await world.all('giftCampaigns', { _id: 'cny-2026' });
    if (!campaign) await add('giftCampaigns', { _id: 'cny-2026', name: '2026年春节送温暖' });
    const campaignName = campaign?.name ?? '2026年春节送温暖';
    const data = okData(await call(world, ME, { action: 'exportMyData' }));
    const byKey = Object.fromEntries(data.sections.map((s: any) => [s.key, s.items]));
    const attended = byKey.sessionBookings.find((b: any) => b.id === 'bk-mine-attended');
    expect(attended).toMatchObject({ sessionTitle: '数控铣床精度调校实操', sessionStartAt: 1_800_000_000_000 });
    // s2 does not exist: the booking is exported as it is, unnamed.
    expect(byKey.sessionBookings.find((b: any) => b.id === 'bk-mine-cancelled').sessionTitle).toBeUndefined();
    expect(byKey.sessionRatings[0].sessionTitle).toBe('数控铣床精度调校实操');
    expect(station.name).toMatch(/驿站/);
    expect(byKey.giftClaims[0]).toMatchObject({ stationName: station.name, campaignName });
  });

  test('a first-time caller gets empty sections; a caller without OPENID is UNAUTHENTICATED', async () => {
    const world = await makeWorld();
    const data = okData(await call(world, 'persona-nobody', { action: 'exportMyData' }));
    expect(data.sections.every((s: any) => s.items.length === 0)).toBe(true);
    expect(await call(world, '', { action: 'exportMyData' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('member: 申请删除 (deleteMyData)', () => {
  test('removes or anonymises; only the listed kept records remain, without name or phone', async () => {
    const world = await setUp();
    const otherBefore = await world.all('contestRegistrations', { openid: OTHER });
    const res = okData(await call(world, ME, { action: 'deleteMyData', confirm }));
    const keptKeys = res.kept.map((k: any) => k.key).sort();
    expect(keptKeys).toEqual([
      'auditLog',
      'contestRegistrations',
      'courseOrders',
      'giftClaims',
      'retirementRequests',
      'sessionBookings',
      'sessionRatings',
      'titles',
    ]);
    for (const k of res.kept) expect(k.reason).toMatch(/[\u4e00-\u9fa5]/);
    expect(res.removed.map((r: any) => r.key)).toEqual(
      expect.arrayContaining([
        'account',
        'membershipApplication',
        'messages',
        'contestRegistrations',
        'sessionBookings',
        'retirementRequests',
      ]),
    );
    const all = await everything(world);
    for (const [collection, text] of Object.entries(all)) {
      expect({ collection, hasName: text.includes(NAME), hasPhone: text.includes(PHONE) }).toEqual({
        collection,
        hasName: false,
        hasPhone: false,
      });
      // The OPENID survives only where the response says so: gift claim and title ids (one per person) and the audit log.
      if (text.includes(ME)) expect(['giftClaims', 'titles', 'auditLog']).toContain(collection);
    }
    expect(await world.all('users', { _id: ME })).toEqual([]);
    expect(await world.all('adminTodos', { _id: 'callback-rt-pending' })).toEqual([]);
    const [issued] = await world.all('retirementRequests', { _id: 'rt-issued' });
    expect(issued).toMatchObject({ serial: 'XZTX2026-0001', name: '张*婆', phone: '' });
    expect(await world.all('contestRegistrations', { openid: OTHER })).toEqual(otherBefore);
    expect(await world.all('users', { _id: OTHER })).toHaveLength(1);
  });

  test('is idempotent: a second request finds nothing more and changes nothing', async () => {
    const world = await setUp();
    okData(await call(world, ME, { action: 'deleteMyData', confirm }));
    const after = await everything(world);
    const again = okData(await call(world, ME, { action: 'deleteMyData', confirm, requestId: rid() }));
    expect(again.removed).toEqual([]);
    expect(again.summary).toContain('没有找到');
    expect(await everything(world)).toEqual(after);
  });

  test('needs the exact confirmation; refused calls write nothing', async () => {
    const world = await setUp();
    const before = await everything(world);
    expect(await call(world, ME, { action: 'deleteMyData' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      details: { field: 'confirm' },
    });
    expect(await call(world, ME, { action: 'deleteMyData', confirm: '确认' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      details: { field: 'confirm' },
    });
    expect(await call(world, '', { action: 'deleteMyData', confirm })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
    // Nobody can name whose data to delete: the OPENID comes from the call context only.
    expect(await call(world, PERSONAS.admin, { action: 'deleteMyData', confirm, openid: ME })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(await everything(world)).toEqual(before);
  });

  test('staff keep the roles the union granted, nothing personal', async () => {
    const world = await makeWorld();
    const res = okData(await call(world, PERSONAS.stationStaff, { action: 'deleteMyData', confirm }));
    const [doc] = await world.all('users', { _id: PERSONAS.stationStaff });
    expect(doc.roles).toContain('staff');
    expect(doc.profile).toBeUndefined();
    expect(res.kept.map((k: any) => k.key)).toContain('account');
    expect(findUnmaskedPii(doc)).toEqual([]);
  });
});
