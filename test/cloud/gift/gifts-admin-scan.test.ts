/**
 * The gifts admin (admin:gifts) at a 驿站's voucher desk: redeems vouchers at any station like its
 * staff, and nothing else there. Who may do what, as a matrix: action × caller → outcome.
 */
import { checkinActions } from '../../../cloud/domain/checkin';
import { memberActions } from '../../../cloud/domain/member';
import { seedGift, OTHER_STATION_STAFF } from '../../../cloud/seed/gift';
import { PERSONAS, okData, rid } from '../helpers';
import { CAMPAIGN, WJJ, XCH, giftWorld } from './fixture';

const GIFTS_ADMIN = 'gifts-admin-1';
const CONTESTS_ADMIN = PERSONAS.contestAdmin;
const HOME = { kind: 'station', id: XCH } as const;
const OTHER = { kind: 'station', id: WJJ } as const;

async function world(anyStation = false) {
  const w = await giftWorld({ campaign: { anyStation } });
  await seedGift(w.db, w.clock.now());
  await w.db
    .collection('users')
    .doc(GIFTS_ADMIN)
    .set({
      data: {
        roles: ['member', 'admin:gifts'],
        scopes: [],
        profile: { name: '钱礼包', phone: '13900007777' },
        membership: { status: 'none' },
        createdAt: 0,
        updatedAt: 0,
      },
    });
  const v = okData(
    await w.gift(PERSONAS.rider, { action: 'claim', campaignId: CAMPAIGN, stationId: XCH, requestId: rid() }),
  );
  const voucher = async () =>
    okData(await w.gift(PERSONAS.rider, { action: 'voucherCode', voucherId: v.id })).token as string;
  const checkin = (who: string, event: Record<string, unknown>) =>
    w.call(who, checkinActions, 'checkin', { requestId: rid('ck'), ...event });
  return { w, v, voucher, checkin };
}

const outcome = (r: { ok: boolean; code?: string; data?: any }): string =>
  r.ok ? (r.data?.result ?? 'ok') + (r.data?.code ? `:${r.data.code}` : '') : String(r.code);

test('matrix: a voucher scanned at its station, by each caller', async () => {
  const callers = {
    'station staff': PERSONAS.stationStaff,
    'gifts admin': GIFTS_ADMIN,
    'other station staff': OTHER_STATION_STAFF,
    'contests admin': CONTESTS_ADMIN,
    worker: PERSONAS.worker,
  };
  const got: Record<string, string> = {};
  for (const [label, who] of Object.entries(callers)) {
    const { voucher, checkin } = await world();
    got[label] = outcome(await checkin(who, { action: 'scan', code: await voucher(), scope: HOME }));
  }
  expect(got).toEqual({
    'station staff': 'success',
    'gifts admin': 'success',
    'other station staff': 'FORBIDDEN',
    'contests admin': 'FORBIDDEN',
    worker: 'FORBIDDEN',
  });
});

test('the gifts admin redeems once, sees every 驿站 in the picker, undoes their own scan, looks up and counts vouchers', async () => {
  const { w, voucher, checkin } = await world();
  const scopes = okData(await checkin(GIFTS_ADMIN, { action: 'myScopes' }));
  expect(scopes.every((s: any) => s.kind === 'station')).toBe(true);
  expect(scopes.map((s: any) => s.id)).toEqual(expect.arrayContaining([XCH, WJJ]));
  const token = await voucher();
  const first = okData(await checkin(GIFTS_ADMIN, { action: 'scan', code: token, scope: HOME }));
  expect(first).toMatchObject({ result: 'success', title: '礼包已核销' });
  const again = okData(await checkin(PERSONAS.stationStaff, { action: 'scan', code: token, scope: HOME }));
  expect(again).toMatchObject({ result: 'used', firstStaff: '钱礼包', firstPlace: '新城汇驿站' });
  expect(await w.stock(XCH)).toMatchObject({ redeemed: 1 });
  const counts = okData(await checkin(GIFTS_ADMIN, { action: 'counts', scope: HOME }));
  expect(counts.length).toBeGreaterThan(0);
  const found = okData(
    await checkin(GIFTS_ADMIN, { action: 'lookup', scope: HOME, name: '陈志强', phoneTail: '2345' }),
  );
  expect(found.length).toBeGreaterThan(0);
  expect(found.every((m: any) => m.kind === 'voucher')).toBe(true);
  // Station staff asking the same see the member card too: the gifts admin's list is narrowed on purpose.
  const staffFound = okData(
    await checkin(PERSONAS.stationStaff, { action: 'lookup', scope: HOME, name: '陈志强', phoneTail: '2345' }),
  );
  expect(staffFound.map((m: any) => m.kind)).toEqual(expect.arrayContaining(['voucher', 'member']));
  okData(await checkin(GIFTS_ADMIN, { action: 'undo', scanId: first.scanId, reason: '发错人了' }));
  expect(await w.stock(XCH)).toMatchObject({ redeemed: 0 });
  expect(await w.all('auditLog', { event: 'checkin.undo', actor: GIFTS_ADMIN })).toHaveLength(1);
});

test('the gifts admin is held to the voucher’s rules: its home station unless any-station', async () => {
  const { voucher, checkin } = await world();
  const wrong = okData(await checkin(GIFTS_ADMIN, { action: 'scan', code: await voucher(), scope: OTHER }));
  expect(wrong).toMatchObject({ result: 'refused', code: 'WRONG_SCOPE' });
  const any = await world(true);
  expect(
    okData(await any.checkin(GIFTS_ADMIN, { action: 'scan', code: await any.voucher(), scope: OTHER })),
  ).toMatchObject({ result: 'success' });
});

test('nothing but vouchers: a member card at a station is refused (recorded); other scopes FORBIDDEN', async () => {
  const { w, checkin } = await world();
  const card = okData(await w.call(PERSONAS.worker, memberActions, 'member', { action: 'memberCode' }));
  const r = okData(await checkin(GIFTS_ADMIN, { action: 'scan', code: card.token, scope: HOME }));
  expect(r).toMatchObject({ result: 'refused', code: 'FORBIDDEN', kind: 'member' });
  expect(r.message).toContain('只能核销礼包券');
  expect(await w.all('auditLog', { event: 'checkin.scan', actor: GIFTS_ADMIN })).toHaveLength(1);
  for (const scope of [
    { kind: 'contest', id: 'contest-2026-skills' },
    { kind: 'session', id: 'any-session' },
  ])
    for (const [action, extra] of [
      ['scan', { code: card.token }],
      ['counts', {}],
      ['recent', {}],
      ['lookup', { name: '王建国', phoneTail: '1234' }],
    ] as const)
      expect([action, scope.kind, outcome(await checkin(GIFTS_ADMIN, { action, scope, ...extra }))]).toEqual([
        action,
        scope.kind,
        'FORBIDDEN',
      ]);
  // Staff of the station still scan every kind there.
  expect(
    okData(await checkin(PERSONAS.stationStaff, { action: 'scan', code: card.token, scope: HOME })).result,
  ).not.toBe('refused');
});
