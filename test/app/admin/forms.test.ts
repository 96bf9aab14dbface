/** The admin forms' rules, apart from the pages: what each sends and what it refuses before sending. */
import { normalizeSetupCode } from '../../../src/admin/forms/setup';
import { invitableKinds, inviteLink, toInvitationInput, emptyInviteDraft } from '../../../src/admin/forms/invite';
import { toMicro, toSaveStationInput, emptyStationDraft, toCloseInput } from '../../../src/admin/forms/station';
import {
  parseSchedule,
  toSaveContestInput,
  emptyContestDraft,
  toSaveTradeInput,
} from '../../../src/admin/forms/contest';
import { likelyDuplicates } from '../../../src/admin/forms/employer';
import { serialPreview, toSaveSettingsInput, type SettingsDraft } from '../../../src/admin/forms/retirement';

test('a setup code typed loosely becomes the printed form', () => {
  expect(normalizeSetupCode(' abcd efgh-jklm－npqr ')).toBe('ABCD-EFGH-JKLM-NPQR');
  expect(normalizeSetupCode('abcdefghjklmnpqr')).toBe('ABCD-EFGH-JKLM-NPQR');
  expect(normalizeSetupCode('short')).toBe('SHORT');
});

test('who may invite whom: the super admin everything, a domain admin only their own staff', () => {
  expect(invitableKinds({ superAdmin: true, adminDomains: [] })).toEqual([
    'stationStaff',
    'venueStaff',
    'teacher',
    'enterprise',
    'domainAdmin',
  ]);
  expect(invitableKinds({ superAdmin: false, adminDomains: ['gifts'] })).toEqual(['stationStaff']);
  expect(invitableKinds({ superAdmin: false, adminDomains: ['contests', 'members'] })).toEqual([
    'venueStaff',
    'enterprise',
  ]);
  expect(invitableKinds({ superAdmin: false, adminDomains: ['retirement'] })).toEqual([]);
});

test('an invitation needs its scope; teachers need none; domain admins need a domain', () => {
  const base = emptyInviteDraft();
  expect(toInvitationInput(base)).toMatchObject({ ok: false, issue: { path: 'kind' } });
  expect(toInvitationInput({ ...base, kind: 'stationStaff' })).toMatchObject({
    ok: false,
    issue: { path: 'scopeId', message: '所属范围：请选择驿站' },
  });
  expect(toInvitationInput({ ...base, kind: 'domainAdmin' })).toMatchObject({ ok: false, issue: { path: 'domain' } });
  expect(
    toInvitationInput({ ...base, kind: 'stationStaff', scopeId: 'station-a', validDays: '3', maxUses: '2' }),
  ).toEqual({
    ok: true,
    value: { kind: 'stationStaff', scopeId: 'station-a', validDays: 3, maxUses: 2 },
  });
  // A stale scope from another kind is not sent.
  expect(toInvitationInput({ ...base, kind: 'teacher', scopeId: 'station-a' })).toEqual({
    ok: true,
    value: { kind: 'teacher', validDays: 7, maxUses: 1 },
  });
  expect(toInvitationInput({ ...base, kind: 'teacher', validDays: '0' })).toMatchObject({
    ok: false,
    issue: { path: 'validDays' },
  });
  expect(toInvitationInput({ ...base, kind: 'teacher', maxUses: '2.5' })).toMatchObject({
    ok: false,
    issue: { path: 'maxUses' },
  });
});

test('the invite link: the H5 address with the page in the hash; the bare path in the weapp', () => {
  const path = 'admin/pages/invite/index?t=abc123';
  expect(inviteLink(path, { href: 'http://127.0.0.1:10086/#/admin/pages/roles/index' })).toBe(
    'http://127.0.0.1:10086/#/admin/pages/invite/index?t=abc123',
  );
  expect(inviteLink(path)).toBe('/admin/pages/invite/index?t=abc123');
});

test('a station: typed degrees become micro-degrees; a missing place is named', () => {
  expect(toMicro('30.7712')).toBe(30771200);
  expect(toMicro('120.734512')).toBe(120734512);
  expect(toMicro('北纬30')).toBeNaN();
  const d = {
    ...emptyStationDraft(),
    name: '新城汇驿站',
    town: '新城街道',
    address: '康和路新城汇商业中心1楼',
    phone: '0573-82220001',
    services: ['热水' as const, '充电' as const],
  };
  expect(toSaveStationInput(d)).toMatchObject({ ok: false, issue: { path: 'latE6' } });
  expect(toSaveStationInput({ ...d, lat: '30.7712', lng: '120.7345' }, 'st-1')).toEqual({
    ok: true,
    value: {
      stationId: 'st-1',
      name: '新城汇驿站',
      town: '新城街道',
      address: '康和路新城汇商业中心1楼',
      hours: '每天 08:00-20:00',
      phone: '0573-82220001',
      services: ['热水', '充电'],
      latE6: 30771200,
      lngE6: 120734500,
    },
  });
  expect(
    toCloseInput('st-1', { from: '2026-01-20 09:00', until: '2026-01-20 08:00', reason: '设备检修' }),
  ).toMatchObject({
    ok: false,
    issue: { path: 'until', message: '恢复时间：应晚于暂停开始' },
  });
});

test('a contest: schedule lines, window order, and a quota below the places taken is said before sending', () => {
  expect(parseSchedule('2026-5-16 8:30 检录\n\n2026-05-16 09:00 开赛')).toEqual({
    ok: true,
    value: [
      { at: '2026-05-16 08:30', text: '检录' },
      { at: '2026-05-16 09:00', text: '开赛' },
    ],
  });
  expect(parseSchedule('上午 检录')).toMatchObject({
    ok: false,
    issue: { message: expect.stringContaining('日程第1行') },
  });
  const d = {
    ...emptyContestDraft('2027-03-01'),
    title: '2027年职工技能比武',
    summary: '全区职工技能比武',
    venue: '秀洲区职业技术学校',
    venueAddress: '嘉兴市秀洲区康和路1号',
    awards: '一等奖颁发证书',
  };
  const ok = toSaveContestInput(d);
  expect(ok).toMatchObject({
    ok: true,
    value: {
      registrationOpensAt: '2027-03-01 00:00',
      registrationClosesAt: '2027-03-31 17:00',
      contestStartsAt: '2027-04-14 08:30',
      rules: [],
      schedule: [],
    },
  });
  expect(toSaveContestInput({ ...d, registrationClosesAt: '2027-02-01 09:00' })).toMatchObject({
    ok: false,
    issue: { path: 'registrationClosesAt', message: '报名截止：应晚于报名开始' },
  });
  expect(toSaveContestInput({ ...d, contestStartsAt: '2027-03-20 09:00' })).toMatchObject({
    ok: false,
    issue: { path: 'contestStartsAt' },
  });
  const trade = {
    id: 't1',
    name: '数控铣工',
    rules: '实操',
    quota: 40,
    taken: 12,
    left: 28,
    resultsPublished: false,
    registrations: 12,
  };
  expect(
    toSaveTradeInput('c1', { name: '数控铣工', rules: '实操加理论', quota: '10', employerQuota: '' }, trade),
  ).toEqual({
    ok: false,
    issue: { path: 'quota', message: '名额：已有12人报名，名额不能少于12' },
  });
  expect(
    toSaveTradeInput('c1', { name: '数控铣工', rules: '实操加理论', quota: '30', employerQuota: '3' }, trade),
  ).toEqual({
    ok: true,
    value: { contestId: 'c1', tradeId: 't1', name: '数控铣工', rules: '实操加理论', quota: 30, employerQuota: 3 },
  });
});

test('employers that look like the same one typed twice are offered for a merge', () => {
  const e = (id: string, name: string, active = true) => ({ id, name, active, verifiers: [] });
  const list = [
    e('a', '嘉兴纺织有限公司'),
    e('b', '嘉兴纺织'),
    e('c', '洪合毛衫织造厂'),
    e('d', '嘉兴纺织集团', false),
  ];
  expect(likelyDuplicates(list, list[1]).map((x) => x.id)).toEqual(['a']);
});

test('光荣退休 settings: the window in order, and the next serial as it will read', () => {
  const d: SettingsDraft = {
    open: true,
    year: '2026',
    title: '2026年企业职工「光荣退休」',
    opensAt: '2026-01-01 00:00',
    closesAt: '2026-12-31 23:59',
    futureDays: '30',
    pastDays: '730',
    certificateText: '{name}同志：您在{employer}辛勤工作{years}年，光荣退休。',
    issuer: '嘉兴市秀洲区总工会',
    serialPrefix: '秀工退',
    pickupStationIds: ['st-1'],
  };
  expect(serialPreview(d, 41)).toBe('秀工退〔2026〕第0042号');
  expect(toSaveSettingsInput(d)).toMatchObject({
    ok: true,
    value: { year: 2026, futureDays: 30, pickupStationIds: ['st-1'] },
  });
  expect(toSaveSettingsInput({ ...d, closesAt: '2025-12-31 00:00' })).toMatchObject({
    ok: false,
    issue: { path: 'closesAt' },
  });
  expect(toSaveSettingsInput({ ...d, serialPrefix: '秀 工' })).toMatchObject({
    ok: false,
    issue: { path: 'serialPrefix' },
  });
});
