/**
 * Single use under a crowd: 50 scans of one code at once (several phones at a busy 驿站, or a
 * screenshot passed around) give exactly one success; the 49 others are red and name the winner.
 */
import { checkinWorld, HOME, PERSONAS, rid } from './world';

test('50 concurrent scans of one code: 1 success, 49 used naming the first scan', async () => {
  const w = await checkinWorld();
  const code = w.code('voucher', 'tk-home-1');
  const staff = [PERSONAS.stationStaff, PERSONAS.admin];
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      w.checkin(staff[i % 2], { action: 'scan', code, scope: HOME, requestId: rid(`c${i}`) }),
    ),
  );
  const data = results.map((r) => {
    if (!r.ok) throw new Error(`${r.code} ${r.message}`);
    return r.data;
  });
  const wins = data.filter((d) => d.result === 'success');
  const used = data.filter((d) => d.result === 'used');
  expect(wins).toHaveLength(1);
  expect(used).toHaveLength(49);

  const [ticket] = await w.all('fakeTickets', { _id: 'tk-home-1' });
  expect(ticket.redeemed.scanId).toBe(wins[0].scanId);
  const winner = (await w.all('scans', { _id: wins[0].scanId }))[0];
  const winnerName = winner.staff === PERSONAS.admin ? '徐文斌' : '沈丽萍';
  for (const u of used) {
    expect(u).toMatchObject({ firstAt: winner.at, firstPlace: '新城汇驿站', firstStaff: winnerName });
  }
  expect(await w.all('scans')).toHaveLength(50);
  expect(await w.all('auditLog', { event: 'checkin.scan' })).toHaveLength(50);
});

test('50 concurrent manual redemptions of one record: 1 success', async () => {
  const w = await checkinWorld();
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      w.checkin(PERSONAS.stationStaff, {
        action: 'redeemManual',
        kind: 'voucher',
        subjectId: 'tk-home-2',
        scope: HOME,
        requestId: rid(`m${i}`),
      }),
    ),
  );
  const outcomes = results.map((r) => (r.ok ? r.data.result : r.code));
  expect(outcomes.filter((o) => o === 'success')).toHaveLength(1);
  expect(outcomes.filter((o) => o === 'used')).toHaveLength(49);
});
