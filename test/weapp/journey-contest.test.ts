// Journey 2 in the compiled weapp against the emulator (real functions, real wx-server-sdk): a worker registers for
// the 直播电商 trade from the contest page, the admin approves on 报名审核, the worker opens the 入场码, venue
// staff scan it in the 工作台 scanner (green), undo it on the green screen, scan again (green) and again (red
// 已使用: already checked in).
import { loadPage, wxMock, type PageHandle } from './harness';
import { setupEmulator } from './emulator';
import { readQr } from './qr';

const emu = setupEmulator();
const CONTEST = 'contest-2026-live';
const SLOW = { timeout: 15_000 };

const myRegistration = async () =>
  (await emu.callAs('persona-worker', 'contest', { action: 'myRegistrations' })).find(
    (r: any) => r.contestId === CONTEST,
  );

async function scanOnce(page: PageHandle) {
  await page.waitFor(() => !page.$('.staff-scan-result') && page.$('.staff-scanner__scan'), SLOW);
  await page.tap('.staff-scanner__scan');
  await page.waitFor(() => page.$('.staff-scan-result'), SLOW);
}

test('register → approve → ticket → check-in (green) → re-scan (red) → undo', async () => {
  // 1. The worker registers from the contest page.
  emu.as('persona-worker');
  const detail = await loadPage('contest/pages/detail/index', { query: { id: CONTEST } });
  await detail.waitForText('剩余 28 / 30 个名额', SLOW);
  await detail.tap('.contest-trade__apply');
  await detail.waitFor(() => wxMock.navigateTo.mock.calls.length > 0);
  const registerUrl: string = wxMock.navigateTo.mock.calls.at(-1)[0].url;
  expect(registerUrl).toMatch(/^\/contest\/pages\/register\/index\?/);
  detail.unload();
  const query = Object.fromEntries(new URLSearchParams(registerUrl.split('?')[1]));
  const register = await loadPage('contest/pages/register/index', { query });
  await register.waitForText('报名信息使用说明', SLOW);
  await register.tap('.contest-register__agree');
  await register.tap('.contest-register__next');
  await register.waitFor(() => register.$$('wx-input').length === 4, SLOW);
  const [, jobTitle, years] = register.$$('wx-input');
  await register.input(jobTitle, '电商主播');
  await register.input(years, '6');
  // The skill level is the last picker (the first fills 工作单位 from the 单位名录).
  const level = register.$$('wx-picker').at(-1) as Element;
  await register.trigger(level, 'change', { value: 0 });
  await register.tap('.contest-register__submit');
  await register.waitForText('报名已提交', SLOW);
  register.unload();
  expect(await myRegistration()).toMatchObject({ status: 'submitted', tradeId: 'live-commerce' });

  // 2. The admin approves it on 报名审核.
  emu.as('persona-admin');
  const review = await loadPage('contest/pages/review/index', { query: { id: CONTEST } });
  const mine = () => review.$$('.contest-review__item').find((el) => el.textContent?.includes('王建国'));
  await review.waitFor(mine, SLOW);
  expect(mine()!.textContent).toContain('138****1234');
  await review.tap(mine()!);
  await review.waitForText('通过所选（1）');
  await review.tap('.contest-review__approve');
  await review.waitFor(() => !mine(), SLOW);
  review.unload();
  const approved = await myRegistration();
  expect(approved).toMatchObject({ status: 'approved' });

  // 3. The worker sees 审核通过 and opens the 入场码.
  emu.as('persona-worker');
  const list = await loadPage('contest/pages/mine/index');
  await list.waitForText('审核通过', SLOW);
  wxMock.navigateTo.mockClear();
  await list.tap('.contest-mine__ticket');
  await list.waitFor(() => wxMock.navigateTo.mock.calls.length > 0);
  expect(wxMock.navigateTo.mock.calls[0][0].url).toBe(`/contest/pages/ticket/index?id=${approved.id}`);
  list.unload();
  const ticket = await loadPage('contest/pages/ticket/index', { query: { id: approved.id } });
  await ticket.waitFor(() => ticket.$('.contest-ticket__code .qr-code'), SLOW);
  // What the staff member's camera reads from the ticket's QR.
  const token = readQr(ticket);
  ticket.unload();
  expect(token).toMatch(/^c\./);
  wxMock.scanCode.mockImplementation((opts: any) => {
    const res = { result: token, scanType: 'QR_CODE', errMsg: 'scanCode:ok' };
    opts?.success?.(res);
    opts?.complete?.(res);
    return Promise.resolve(res);
  });

  // 4. Venue staff, scanning for this contest: green; 撤销 on the green screen (within 5 minutes, with a reason)
  // puts the worker back to approved; a new scan is green again and the scan after it red 已使用.
  emu.as('persona-venue-staff');
  wxMock.storage.set('staff.scope', `contest:${CONTEST}`);
  const scanner = await loadPage('staff/pages/scanner/index');
  await scanner.waitForText('直播电商技能快赛', SLOW);
  await scanOnce(scanner);
  expect(scanner.$('.staff-scan-result--ok')).toBeTruthy();
  expect(scanner.text()).toContain('王*国');
  expect((await myRegistration()).status).toBe('checked_in');

  await scanner.tap('.staff-scan-result__undo');
  await scanner.waitFor(() => scanner.$('.staff-scan-result__reason'));
  await scanner.input('.staff-scan-result__reason', '签错了人');
  await scanner.tap('.staff-scan-result__undo');
  // The verdict closes with 已撤销, the recent list marks the scan.
  await scanner.waitFor(() => !scanner.$('.staff-scan-result'), SLOW);
  expect(wxMock.showToast.mock.calls.some((c: any[]) => c[0]?.title === '已撤销')).toBe(true);
  await scanner.waitFor(() => scanner.$('.staff-recent-scans__row--undone'), SLOW);
  expect((await myRegistration()).status).toBe('approved');
  expect(scanner.text()).toContain('已撤销');

  await scanOnce(scanner);
  expect(scanner.$('.staff-scan-result--ok')).toBeTruthy();
  expect((await myRegistration()).status).toBe('checked_in');
  // 继续扫码 opens the camera again at once (weapp), which reads the same ticket.
  await scanner.tap('.staff-scan-result__next');
  await scanner.waitFor(() => scanner.$('.staff-scan-result--used'), SLOW);
  expect(scanner.$('.staff-scan-result--used')).toBeTruthy();
  expect(scanner.$('.staff-scan-result__word')?.textContent).toBe('已使用');
  expect(scanner.text()).toContain('钱卫东'); // who checked them in
  expect(scanner.$('.staff-scan-result')?.textContent).not.toContain('撤销（'); // a red verdict offers no undo
  expect((await myRegistration()).status).toBe('checked_in');
});
