// The compiled course session page in miniprogram-simulate: it renders the session from the (stubbed)
// cloud, tapping 预约 calls academy.book and shows 已预约 with the seat QR; cancelling gives the seat back.
import { cloud, loadPage, wxMock } from './harness';

const HOUR = 3600_000;
const now = Date.now();
const session = {
  id: 'ses-weapp-0001',
  courseId: 'course-cnc-milling',
  title: '数控铣削编程与精度控制',
  category: '数控',
  teacherName: '孙国华',
  startAt: now + 72 * HOUR,
  endAt: now + 75 * HOUR,
  format: 'branch',
  venue: '王店镇梅里劳模工匠学堂 二楼实训室',
  capacity: 5,
  booked: 4,
  waiting: 0,
  audience: 'open',
  bookingOpensAt: now - 24 * HOUR,
  bookingClosesAt: now + 70 * HOUR,
  cancelDeadline: now + 48 * HOUR,
  status: 'scheduled',
  ratingCount: 0,
  ratingAverage: null,
  myBooking: null,
};
const booked = {
  ...session,
  booked: 5,
  myBooking: { id: 'bk-0123456789abcdef01234567', status: 'booked', statusLabel: '已预约', rated: false },
};
const cancelled = {
  ...session,
  myBooking: { ...booked.myBooking, status: 'cancelled', statusLabel: '已取消（准时）', late: false },
};

test('taps 预约 on the compiled session page: the booked state and the seat code show; cancel returns the seat', async () => {
  cloud.handle((name, data: any) => {
    if (name !== 'academy') return undefined;
    if (data.action === 'getSession') return { ok: true, data: session };
    if (data.action === 'book') return { ok: true, data: booked };
    if (data.action === 'seatCode')
      return { ok: true, data: { token: 's.bk-0123456789abcdef01234567.t1abc.1.sig', expiresAt: now + 90_000 } };
    if (data.action === 'cancelBooking') return { ok: true, data: cancelled };
    return undefined;
  });
  const page = await loadPage('academy/pages/session/index', { query: { id: session.id } });
  await page.waitForText('数控铣削编程与精度控制');
  expect(page.text()).toContain('孙国华');
  expect(page.text()).toContain('已约 4 / 5');
  expect(page.text()).not.toContain('入场签到码');

  await page.tap('.academy-detail__book');
  await page.waitForText('入场签到码');
  expect(page.text()).toContain('已预约');
  expect(page.$$('.academy-detail__book')).toHaveLength(0);
  const book = cloud.calls.find((c) => c.name === 'academy' && c.data.action === 'book');
  expect(book?.data).toEqual(expect.objectContaining({ sessionId: session.id, requestId: expect.any(String) }));
  expect(wxMock.showToast.mock.calls.some((c: any[]) => c[0]?.title === '预约成功')).toBe(true);
  await page.waitFor(() => page.$$('.qr-code__dark').length > 0);
  expect(cloud.calls.some((c) => c.data.action === 'seatCode')).toBe(true);

  await page.tap('.academy-detail__cancel');
  await page.waitForText('已取消（准时）');
  expect(wxMock.showModal).toHaveBeenCalled();
  expect(page.text()).not.toContain('入场签到码');
  // On-time cancel: may book again.
  expect(page.$$('.academy-detail__book')).toHaveLength(1);
});
