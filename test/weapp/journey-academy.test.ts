// Journey 3 in the compiled weapp against the emulator (real functions, real wx-server-sdk): the enterprise contact
// orders a course (点单) on the order page; the admin accepts and schedules it (受理, 排课) on the orders page; a
// worker books the session on its page and gets the 入场签到码; the teacher scans it in the 工作台 scanner (green,
// attendance); the worker rates the course on the session page.
import { loadPage, wxMock } from './harness';
import { setupEmulator } from './emulator';
import { readQr } from './qr';

const emu = setupEmulator();
const SLOW = { timeout: 15_000 };
const DAY = 24 * 3600_000;
const PLACE = '嘉兴纺织有限公司 三号车间';

const ymd = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10); // Shanghai date

test('点单 → 排课 → booking → attendance scan → rating', async () => {
  // 1. 点单: the enterprise contact orders 5S现场管理法实操 for a date three weeks ahead.
  emu.as('persona-enterprise');
  const order = await loadPage('academy/pages/order/index', { query: { courseId: 'course-5s' } });
  await order.waitForText('5S现场管理法实操', SLOW);
  await order.waitFor(() => order.$$('wx-input').length >= 2, SLOW);
  const [headcount, place] = order.$$('wx-input');
  await order.input(headcount, '25');
  await order.input(place, PLACE);
  const datePicker = order.$$('wx-picker').find((p) => p.textContent?.includes('请选择日期'))!;
  await order.trigger(datePicker, 'change', { value: ymd(Date.now() + 21 * DAY) });
  await order.tap(order.$$('wx-button').find((b) => b.textContent?.includes('提交点单'))!);
  await order.waitFor(() => wxMock.redirectTo.mock.calls.length > 0, SLOW);
  expect(wxMock.redirectTo.mock.calls[0][0].url).toBe('/academy/pages/orders/index');
  order.unload();
  const placed = (await emu.callAs('persona-enterprise', 'academy', { action: 'myOrders' })).find(
    (o: any) => o.place === PLACE,
  );
  expect(placed).toMatchObject({ status: 'submitted', headcount: 25 });

  // 2. 下单 (admin) on the orders page: 受理 the order, then 排课 on 待排课, sending 孙国华 (persona-teacher, not
  // the course's own 姚金海) for two places at the ordered place.
  emu.as('persona-admin');
  const queue = await loadPage('academy/pages/orders/index');
  const card = () => queue.$$('.card').find((el) => el.textContent?.includes(PLACE));
  const button = (text: string) =>
    Array.from(card()?.querySelectorAll('wx-button') ?? []).find((b) => b.textContent?.trim() === text);
  await queue.waitFor(() => button('受理'), SLOW);
  await queue.tap(button('受理')!);
  await queue.waitFor(() => wxMock.showToast.mock.calls.some((c: any[]) => c[0]?.title === '已受理'), SLOW);
  await queue.tap(queue.$$('.tabs__item').find((t) => t.textContent === '待排课')!);
  await queue.waitFor(() => card()?.textContent?.includes('已受理') && button('排课'), SLOW);
  await queue.tap(button('排课')!);
  const field = (label: string) =>
    queue.$$('.form-field').find((f) => f.querySelector('.form-field__label')?.textContent === label);
  await queue.waitFor(() => field('授课老师')?.textContent?.includes('姚金海'), SLOW);
  const teachers: { name: string }[] = await emu.callAs('persona-admin', 'academy', { action: 'listTeachers' });
  const sun = teachers.findIndex((t) => t.name === '孙国华');
  expect(sun).toBeGreaterThanOrEqual(0);
  await queue.trigger(field('授课老师')!.querySelector('wx-picker')!, 'change', { value: sun });
  await queue.waitFor(() => field('授课老师')?.textContent?.includes('孙国华'));
  await queue.input(field('名额')!.querySelector('wx-input')!, '2');
  await queue.tap(button('确认排课')!);
  await queue.waitFor(() => wxMock.showToast.mock.calls.some((c: any[]) => c[0]?.title === '已排课并通知点单人'), SLOW);
  queue.unload();
  const scheduled = (await emu.callAs('persona-enterprise', 'academy', { action: 'myOrders' })).find(
    (o: any) => o.id === placed.id,
  );
  expect(scheduled).toMatchObject({ status: 'scheduled', sessionIds: [expect.any(String)] });
  const sessionId: string = scheduled.sessionIds[0];
  expect(await emu.callAs('persona-admin', 'academy', { action: 'getSession', sessionId })).toMatchObject({
    capacity: 2,
    venue: PLACE,
    teacherName: '孙国华',
  });

  // 3. A worker books it on the session page and gets the 入场签到码.
  emu.as('persona-worker');
  const detail = await loadPage('academy/pages/session/index', { query: { id: sessionId } });
  await detail.waitForText('5S现场管理法实操', SLOW);
  await detail.tap('.academy-detail__book');
  await detail.waitForText('入场签到码', SLOW);
  detail.unload();
  expect(await emu.callAs('persona-worker', 'academy', { action: 'getSession', sessionId })).toMatchObject({
    myBooking: expect.objectContaining({ status: 'booked' }),
  });

  // The class moves to ten minutes from now (so attendance can be taken: the emulator runs on the real clock, so
  // this stays a direct call); the seat code the worker's session page then shows.
  const soon = Date.now() + 10 * 60_000;
  await emu.callAs('persona-admin', 'academy', {
    action: 'updateSession',
    requestId: 'journey3-move',
    sessionId,
    startAt: soon,
    endAt: soon + 2 * 3600_000,
  });
  emu.as('persona-worker');
  const shown = await loadPage('academy/pages/session/index', { query: { id: sessionId } });
  await shown.waitFor(() => shown.$('.qr-code'), SLOW);
  const seat = readQr(shown);
  shown.unload();
  wxMock.scanCode.mockImplementation((opts: any) => {
    const res = { result: seat, scanType: 'QR_CODE', errMsg: 'scanCode:ok' };
    opts?.success?.(res);
    opts?.complete?.(res);
    return Promise.resolve(res);
  });

  // 4. The teacher scans it for this session: green.
  emu.as('persona-teacher');
  wxMock.storage.set('staff.scope', `session:${sessionId}`);
  const scanner = await loadPage('staff/pages/scanner/index');
  await scanner.waitForText('5S现场管理法实操', SLOW);
  await scanner.waitFor(() => scanner.$('.staff-scanner__scan'), SLOW);
  await scanner.tap('.staff-scanner__scan');
  await scanner.waitFor(() => scanner.$('.staff-scan-result'), SLOW);
  expect(scanner.$('.staff-scan-result--ok')).toBeTruthy();
  expect(scanner.text()).toContain('王*国');
  scanner.unload();

  // 5. The worker rates it on the session page: five stars and a comment.
  emu.as('persona-worker');
  const rate = await loadPage('academy/pages/session/index', { query: { id: sessionId } });
  await rate.waitForText('给这堂课打个分', SLOW);
  await rate.tap(rate.$$('.academy-rate__star')[4]);
  await rate.waitForText('5星');
  await rate.input('.academy-rate__comment', '实操性强，回去就能用在班组');
  await rate.tap(rate.$$('wx-button').find((b) => b.textContent?.includes('提交评价'))!);
  await rate.waitForText('您已评价，感谢反馈！', SLOW);
  const report = await emu.callAs('persona-enterprise', 'academy', { action: 'orderReport', orderId: placed.id });
  expect(JSON.stringify(report)).toContain('实操性强');
});
