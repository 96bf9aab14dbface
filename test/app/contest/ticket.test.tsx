/**
 * The contest ticket says whose it is (name, trade, contest, time, place) and, once the venue has
 * scanned it, turns to 已签到 instead of still asking to be shown.
 */
import { act, render, screen } from '@testing-library/react';
import { setTransport } from '../../../src/cloud-client';
import TicketPage from '../../../src/contest/pages/ticket/index';
import { taroMock } from '../mocks/taro';

const START = Date.UTC(2026, 4, 16, 0, 30); // 2026-05-16 08:30 China time
const reg = (over: Record<string, unknown> = {}) => ({
  id: 'reg-1',
  contestId: 'contest-2026-skills',
  contestTitle: '2026年秀洲区职工职业技能竞赛',
  tradeId: 'cnc',
  tradeName: '数控铣工',
  name: '王建国',
  phone: '138****5678',
  employer: '嘉兴秀洲精工机械有限公司',
  jobTitle: '铣工',
  skillLevel: '高级工',
  yearsInTrade: 8,
  status: 'approved',
  submittedAt: START - 30 * 86400_000,
  registrationClosesAt: START - 7 * 86400_000,
  contestStartsAt: START,
  venue: '秀洲区职业技能实训基地',
  ...over,
});

let status = 'approved';
beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
  taroMock.reset();
  taroMock.setRouterParams({ id: 'reg-1' });
  status = 'approved';
  setTransport(async (_name, data) => {
    if (data.action === 'ticketCode')
      return {
        ok: true,
        data: { token: 'v1.contest.reg-1.sig', expiresAt: Date.now() + 60_000, registrationId: 'reg-1' },
      } as any;
    if (data.action === 'myRegistrations')
      return {
        ok: true,
        data: [
          reg({ id: 'reg-0', tradeName: '服装制版' }),
          reg(status === 'checked_in' ? { status, checkedInAt: START - 1800_000 } : { status }),
        ],
      } as any;
    return { ok: false, code: 'INTERNAL', message: 'unexpected' } as any;
  });
});
afterEach(() => {
  jest.useRealTimers();
  setTransport(null);
});

test('shows whose ticket it is: name, trade, contest, time and place, with the code', async () => {
  const { container } = render(<TicketPage />);
  expect(await screen.findByText('王建国')).toBeTruthy();
  expect(screen.getByText('数控铣工')).toBeTruthy();
  expect(screen.getByText('2026年秀洲区职工职业技能竞赛')).toBeTruthy();
  expect(screen.getByText(/比赛时间：2026年5月16日.*08:30/)).toBeTruthy();
  expect(screen.getByText('比赛地点：秀洲区职业技能实训基地')).toBeTruthy();
  expect(screen.getByText('比赛当天请向赛场工作人员出示此码签到')).toBeTruthy();
  expect(container.querySelector('[data-token="v1.contest.reg-1.sig"]')).toBeTruthy();
  expect(screen.queryByText('已签到')).toBeNull();
});

test('once scanned at the venue the page turns to 已签到 at the next refresh, the code and the ask gone', async () => {
  const { container } = render(<TicketPage />);
  await screen.findByText('比赛当天请向赛场工作人员出示此码签到');
  status = 'checked_in';
  await act(async () => {
    jest.advanceTimersByTime(60_000);
  });
  expect(await screen.findByText('已签到')).toBeTruthy();
  expect(screen.getByText(/签到时间：2026年5月16日.*08:00/)).toBeTruthy();
  expect(screen.queryByText('比赛当天请向赛场工作人员出示此码签到')).toBeNull();
  expect(container.querySelector('[data-token]')).toBeNull();
  expect(screen.getByText('王建国')).toBeTruthy();
});
