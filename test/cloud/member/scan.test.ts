/** 会员核验 through the scanner's ScanKindHandler: green for active members, amber otherwise. */
import { memberScanHandler } from '../../../cloud/domain/member';
import type { ActionCtx } from '../../../cloud/lib/context';
import { loadUser } from '../../../cloud/lib/router';
import type { ScanStamp } from '../../../cloud/lib/scan';
import { assertNoUnmaskedPii } from '../masking';
import { makeWorld, PERSONAS, type World } from '../helpers';

const scope = { kind: 'station' as const, id: 'station-xinchenghui' };

async function staffCtx(world: World): Promise<ActionCtx> {
  const base = world.ctxFor(PERSONAS.stationStaff);
  return { ...base, fn: 'checkin', action: 'scan', user: await loadUser(base) };
}
const stamp = (world: World): ScanStamp => ({
  scanId: 'scan-1',
  at: world.clock.now(),
  staff: PERSONAS.stationStaff,
  staffName: '沈*萍',
  scope,
  placeName: '新城汇驿站',
});

describe('member: 会员核验 scan handler', () => {
  test('an active member → 会员有效 with masked name; nothing changes and it can be scanned again', async () => {
    const world = await makeWorld();
    const ctx = await staffCtx(world);
    const before = await world.snapshot(['users', 'auditLog']);
    const first = await memberScanHandler.redeem(ctx, 'XZ2024000002', scope, stamp(world));
    expect(first).toEqual({
      result: 'success',
      kind: 'member',
      title: '会员有效',
      personName: '陈*强',
      detail: '会员号 XZ2024000002 · 嘉兴秀洲外卖配送站',
    });
    expect(await memberScanHandler.redeem(ctx, 'XZ2024000002', scope, stamp(world))).toEqual(first);
    expect(await world.snapshot(['users', 'auditLog'])).toEqual(before);
    expect(memberScanHandler.undo).toBeUndefined();
  });

  test('an unknown number or an inactive membership → amber NOT_MEMBER', async () => {
    const world = await makeWorld();
    const ctx = await staffCtx(world);
    expect(await memberScanHandler.redeem(ctx, 'XZ2026999999', scope, stamp(world))).toMatchObject({
      result: 'refused',
      code: 'NOT_MEMBER',
      title: '非有效会员',
    });
    await world.db
      .collection('users')
      .doc(PERSONAS.courier)
      .update({ data: { 'membership.status': 'none' } });
    expect(await memberScanHandler.redeem(ctx, 'XZ2025000003', scope, stamp(world))).toMatchObject({
      result: 'refused',
      code: 'NOT_MEMBER',
    });
  });

  test('lookup by name + phone tail finds members only, masked', async () => {
    const world = await makeWorld();
    const ctx = await staffCtx(world);
    const found = await memberScanHandler.lookup!(ctx, scope, { name: '王建国', phoneTail: '1234' });
    expect(found).toEqual([
      {
        kind: 'member',
        subjectId: 'XZ2019000001',
        personName: '王*国',
        phone: '138****1234',
        summary: '会员 · 嘉兴秀洲精工机械有限公司',
      },
    ]);
    assertNoUnmaskedPii(found);
    expect(await memberScanHandler.lookup!(ctx, scope, { name: '王建国', phoneTail: '0000' })).toEqual([]);
    // 周晓燕 has a profile but is not a member.
    expect(await memberScanHandler.lookup!(ctx, scope, { name: '周晓燕', phoneTail: '5678' })).toEqual([]);
  });
});
