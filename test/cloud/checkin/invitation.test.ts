/**
 * An invitation QR scanned by staff: recognised (whether the link, the 小程序码 scene or the bare
 * token) and refused with what to do, never looked up as a ticket; recorded like any refusal.
 */
import { checkinActions } from '../../../cloud/domain/checkin';
import { invitationToken } from '../../../cloud/lib/token';
import { ENV, HOME, PERSONAS, checkinWorld, rid, type CheckinWorld } from './world';
import { okData } from '../helpers';

let w: CheckinWorld;
beforeEach(async () => {
  w = await checkinWorld();
});

const scan = (code: string) =>
  w.call(PERSONAS.stationStaff, checkinActions, 'checkin', { action: 'scan', code, scope: HOME, requestId: rid('s') });

test.each([
  ['the bare token', (t: string) => t],
  ['the H5 link', (t: string) => `https://union.example.cn/#/admin/pages/invite/index?t=${t}`],
  ['the 小程序码 path', (t: string) => `admin/pages/invite/index?scene=${t}`],
])('%s: refused as an invitation with what to do, and recorded', async (_label, shape) => {
  const token = invitationToken(ENV, '0a1b2c3d4e');
  const r = okData(await scan(shape(token)));
  expect(r).toMatchObject({ result: 'refused', code: 'TOKEN_INVALID' });
  expect(r.message).toContain('这是工作邀请二维码');
  expect(r.message).toContain('扫一扫');
  expect(await w.all('scans', { staff: PERSONAS.stationStaff })).toHaveLength(1);
});

test('a forged invitation-shaped code is not called an invitation', async () => {
  const r = okData(await scan('0a1b2c3d4e' + 'f'.repeat(21)));
  expect(r).toMatchObject({ result: 'refused', code: 'TOKEN_INVALID' });
  expect(r.message).not.toContain('工作邀请');
});
