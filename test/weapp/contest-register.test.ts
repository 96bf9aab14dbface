// The compiled 比武报名 page in miniprogram-simulate: consent first, then the form (prefilled from the
// profile, the employer picked from the 单位名录), submit calls contest.register with the form, and the
// page shows 报名已提交.
import { cloud, loadPage, wxMock } from './harness';

const contest = {
  id: 'contest-2026-skills',
  title: '2026年秀洲区职工技能比武',
  summary: '',
  phase: 'open',
  venue: '秀洲区职工技能实训基地',
  venueAddress: '洪兴西路1288号',
  registrationOpensAt: 0,
  registrationClosesAt: 0,
  contestStartsAt: 0,
  contestEndsAt: 0,
  tradeNames: ['数控铣工'],
  placesLeft: 1,
  resultsPublished: false,
  schedule: [],
  rules: [],
  awards: '',
  trades: [
    { id: 'cnc-milling', name: '数控铣工', rules: '数控铣削', quota: 12, taken: 11, left: 1, resultsPublished: false },
  ],
};

const me = {
  openid: 'persona-worker',
  roles: ['member'],
  scopes: [],
  profile: {
    name: '王建国',
    phone: '13857301234',
    employer: '嘉兴秀洲精工机械有限公司',
    district: '秀洲区',
    category: '产业工人',
    birthDate: '1986-04-12',
  },
  profileComplete: true,
  membership: { status: 'member' },
  unreadMessages: 0,
};

test('consent, fill the form, submit: the register call carries the form; success is shown', async () => {
  cloud.handle((name, data: any) => {
    if (name === 'member' && data.action === 'getMe') return { ok: true, data: me };
    if (name !== 'contest') return undefined;
    if (data.action === 'getContest') return { ok: true, data: contest };
    if (data.action === 'employerNames') return { ok: true, data: ['嘉兴纺织有限公司', '嘉兴秀洲精工机械有限公司'] };
    if (data.action === 'register') {
      return {
        ok: true,
        data: {
          id: 'cr0123',
          contestId: contest.id,
          contestTitle: contest.title,
          tradeId: 'cnc-milling',
          tradeName: '数控铣工',
          name: '王建国',
          phone: '138****1234',
          employer: data.employer,
          jobTitle: data.jobTitle,
          skillLevel: data.skillLevel,
          yearsInTrade: data.yearsInTrade,
          status: 'submitted',
          submittedAt: 0,
          registrationClosesAt: 0,
          contestStartsAt: 0,
          venue: contest.venue,
        },
      };
    }
    return undefined;
  });
  const page = await loadPage('contest/pages/register/index', {
    query: { contestId: 'contest-2026-skills', tradeId: 'cnc-milling' },
  });
  await page.waitForText('报名信息使用说明');
  expect(page.text()).toContain('数控铣工');
  expect(page.$$('wx-input')).toHaveLength(0); // no form before consent

  // 下一步 without ticking the box is refused with a dialog.
  await page.tap('.contest-register__next');
  await page.waitFor(() => wxMock.showModal.mock.calls.length > 0);
  expect(page.$$('wx-input')).toHaveLength(0);

  await page.tap('.contest-register__agree');
  await page.tap('.contest-register__next');
  await page.waitFor(() => page.$$('wx-input').length === 4);
  const [employer, jobTitle, years, phone] = page.$$('wx-input');
  // Typed short, the name is shown as the 单位名录 spells it (its places count by that name).
  await page.input(employer, '秀洲精工机械');
  await page.waitForText('单位名录里写作“嘉兴秀洲精工机械有限公司”');
  await page.input(employer, '嘉兴秀洲精工机械股份有限公司');
  await page.waitFor(() => !page.text().includes('单位名录里写作'));
  await page.input(jobTitle, '数控铣工');
  await page.input(years, '12');
  await page.input(phone, '13857301234');
  // Two pickers: the 单位名录 under 工作单位, then the skill level.
  await page.waitFor(() => page.$$('wx-picker').length === 2);
  const [employerList, level] = page.$$('wx-picker');
  expect(page.text()).toContain('从单位名录选');
  // Picked from the list, the employer is spelt as the union's list spells it (a place per named employer counts by name).
  await page.trigger(employerList, 'change', { value: 1 });
  await page.trigger(level, 'change', { value: 3 });
  await page.waitForText('高级工');

  await page.tap('.contest-register__submit');
  await page.waitForText('报名已提交');
  const call = cloud.calls.find((c) => c.name === 'contest' && c.data.action === 'register');
  expect(call?.data).toEqual({
    action: 'register',
    requestId: expect.any(String),
    contestId: 'contest-2026-skills',
    tradeId: 'cnc-milling',
    employer: '嘉兴秀洲精工机械有限公司',
    jobTitle: '数控铣工',
    skillLevel: '高级工',
    yearsInTrade: 12,
    phone: '13857301234',
    consent: true,
  });
  expect(page.text()).toContain('您已报名数控铣工');
  expect(wxMock.storage.get('privacy-consent')).toEqual({ contest: expect.any(Number) });
});
