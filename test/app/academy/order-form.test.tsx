/**
 * 点单's form (issue 17 #6, #7): every wrong field is told at once, inline under the field and in words
 * that say what to do, with no modal; a corrected number loses its message as soon as it changes.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import OrderPage from '../../../src/academy/pages/order/index';
import { taroMock } from '../mocks/taro';
import { actions, serve } from './serve';

beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

const COURSE = {
  id: 'course-5s',
  title: '5S现场管理法实操',
  category: '安全生产',
  teacherName: '孙国华',
  teacherTitle: '省劳动模范',
  hours: 2,
  formats: ['onsite'],
  description: '车间就是课堂',
};
// The enterprise union contact: the one who gets the form.
const getMe = () => ({
  openid: 'o1',
  roles: ['member', 'enterprise'],
  scopes: [{ kind: 'employer', id: 'emp-jiaxing-textile' }],
  profile: {
    name: '王建国',
    phone: '13800000000',
    employer: '嘉兴纺织有限公司',
    district: '秀洲区',
    category: '产业工人',
  },
  profileComplete: true,
});
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const alerts = () => screen.queryAllByRole('alert').map((a) => a.textContent);

test('all wrong fields at once, inline, no modal; a corrected field loses its message at once', async () => {
  taroMock.setRouterParams({ courseId: 'course-5s' });
  const sent = serve({ getMe, listCourses: () => [COURSE], placeOrder: (d) => ({ id: 'order-1', ...d }) });
  render(<OrderPage />);
  await screen.findByLabelText('参训人数');
  type('参训人数', '600');
  await act(async () => {
    fireEvent.click(screen.getByText('提交点单'));
  });
  expect(alerts()).toEqual(
    expect.arrayContaining(['参训人数请填写1到500之间的整数', '请选择希望日期', '请填写上课地点（2–80个字）']),
  );
  expect(Taro.showModal).not.toHaveBeenCalled();
  expect(actions(sent, 'placeOrder')).toHaveLength(0);

  type('参训人数', '45');
  expect(alerts()).not.toContain('参训人数请填写1到500之间的整数');
  expect(alerts()).toContain('请填写上课地点（2–80个字）');
  type('上课地点', '三号车间');
  expect(alerts()).not.toContain('请填写上课地点（2–80个字）');
  fireEvent.change(screen.getByLabelText('希望日期').closest('[data-picker]')!.querySelector('input')!, {
    target: { value: '2099-01-05' },
  });
  expect(alerts()).toEqual([]);
  await act(async () => {
    fireEvent.click(screen.getByText('提交点单'));
  });
  await waitFor(() => expect(actions(sent, 'placeOrder')).toHaveLength(1));
  expect(actions(sent, 'placeOrder')[0].data).toMatchObject({
    courseId: 'course-5s',
    headcount: 45,
    place: '三号车间',
    preferredDates: ['2099-01-05'],
  });
});

test("the server's refusal of a field shows under it, not in a modal, and goes when the field changes", async () => {
  taroMock.setRouterParams({ courseId: 'course-5s' });
  serve({
    getMe,
    listCourses: () => [COURSE],
    placeOrder: () => {
      throw { code: 'INVALID_INPUT', message: '希望日期请选今天或以后', details: { field: 'preferredDates' } };
    },
  });
  render(<OrderPage />);
  await screen.findByLabelText('参训人数');
  type('参训人数', '30');
  type('上课地点', '三号车间');
  fireEvent.change(screen.getByLabelText('希望日期').closest('[data-picker]')!.querySelector('input')!, {
    target: { value: '2099-01-05' },
  });
  await act(async () => {
    fireEvent.click(screen.getByText('提交点单'));
  });
  expect(await screen.findByText('希望日期请选今天或以后')).toBeTruthy();
  expect(Taro.showModal).not.toHaveBeenCalled();
  type('上课地点', '四号车间');
  expect(screen.queryByText('希望日期请选今天或以后')).toBeNull();
});
