/**
 * 我要点单: only the enterprise union contact gets the form (a worker is told whom to ask); the date
 * picker starts at the first allowed day (ORDER_LEAD_DAYS ahead) and an earlier day is refused locally.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ORDER_LEAD_DAYS } from '@contract/api/academy';
import { setTransport } from '../../../src/cloud-client';
import OrderPage from '../../../src/academy/pages/order/index';
import { dateOf } from '../../../src/utils/format';
import { taroMock } from '../mocks/taro';
import { actions, serve } from './serve';

const COURSE = {
  id: 'course-5s',
  title: '5S现场管理法实操',
  category: '安全生产',
  teacherName: '姚金海',
  teacherTitle: '全国劳动模范',
  hours: 3,
  formats: ['onsite'],
  description: '整理整顿清扫清洁素养',
  active: true,
};
const me = (roles: string[], scopes: Array<{ kind: string; id: string }>) => ({
  openid: 'o1',
  roles,
  scopes,
  profile: {
    name: '王建国',
    phone: '13800000000',
    employer: '嘉兴秀洲精工机械有限公司',
    district: '秀洲区',
    category: '产业工人',
  },
  profileComplete: true,
  membership: { status: 'member' },
  unreadMessages: 0,
});

beforeEach(() => {
  taroMock.reset();
  taroMock.setRouterParams({ courseId: 'course-5s' });
});
afterEach(() => setTransport(null));

test('a worker is told to ask their union contact, and gets no form', async () => {
  const sent = serve({ getMe: () => me(['member'], []), listCourses: () => [COURSE] });
  render(<OrderPage />);
  expect(await screen.findByText('课程点单由单位工会联系人办理')).toBeTruthy();
  expect(screen.getByText(/请联系嘉兴秀洲精工机械有限公司的工会/)).toBeTruthy();
  expect(screen.queryByText('提交点单')).toBeNull();
  expect(actions(sent, 'placeOrder')).toHaveLength(0);
});

test('the contact’s picker starts at the first allowed day; an earlier day is refused before sending', async () => {
  const sent = serve({
    getMe: () => me(['member', 'enterprise'], [{ kind: 'employer', id: 'emp-jiaxing-textile' }]),
    listCourses: () => [COURSE],
    placeOrder: (d) => ({ id: 'ord-1', ...d }),
  });
  render(<OrderPage />);
  await screen.findByText('讲师：姚金海（全国劳动模范）');
  const earliest = dateOf(Date.now() + ORDER_LEAD_DAYS * 86400_000);
  const picker = screen.getByLabelText('希望日期').closest('[data-picker]')!.querySelector('input')!;
  expect(picker.getAttribute('min')).toBe(earliest);
  expect(picker.value).toBe(earliest); // opens at the first allowed day
  expect(screen.getByText(/请选择日期（最早/)).toBeTruthy();

  fireEvent.change(screen.getByLabelText('参训人数'), { target: { value: '25' } });
  fireEvent.change(screen.getByLabelText('上课地点'), { target: { value: '嘉兴纺织有限公司 三号车间' } });
  fireEvent.change(picker, { target: { value: dateOf(Date.now()) } });
  await act(async () => {
    fireEvent.click(screen.getByText('提交点单'));
  });
  expect(screen.getByText(new RegExp(`需提前${ORDER_LEAD_DAYS}天点单`))).toBeTruthy();
  expect(actions(sent, 'placeOrder')).toHaveLength(0);

  fireEvent.change(picker, { target: { value: earliest } });
  await act(async () => {
    fireEvent.click(screen.getByText('提交点单'));
  });
  await waitFor(() => expect(actions(sent, 'placeOrder')).toHaveLength(1));
  expect(actions(sent, 'placeOrder')[0].data).toMatchObject({ courseId: 'course-5s', preferredDates: [earliest] });
});
