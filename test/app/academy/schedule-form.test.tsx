/**
 * 下单: the schedule form offers the ordered course's own teacher first (the academy may still send
 * another), and the first teacher on the list for a proposed topic with no catalogue course.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CourseOrder } from '@contract/api/academy';
import { setTransport } from '../../../src/cloud-client';
import { ScheduleForm } from '../../../src/academy/components/schedule-form';
import { taroMock } from '../mocks/taro';
import { actions, serve } from './serve';

beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

const TEACHERS = [
  { openid: 'persona-teacher', name: '孙国华' },
  { openid: 'teacher-yao', name: '姚金海' },
];

function order(over: Partial<CourseOrder> = {}): CourseOrder {
  return {
    id: 'order-1',
    courseId: 'course-5s',
    title: '5S现场管理法实操',
    ordererName: '朱美华',
    employerId: 'emp-jiaxing-textile',
    employerName: '嘉兴纺织有限公司',
    headcount: 25,
    preferredDates: [],
    place: '三号车间',
    format: 'onsite',
    status: 'accepted',
    statusLabel: '已受理',
    sessionIds: [],
    createdAt: 0,
    updatedAt: 0,
    mine: false,
    ...over,
  };
}

const teacherShown = () => screen.getByLabelText('授课老师').textContent;

test('the course’s own teacher is chosen at first and is the one sent', async () => {
  const sent = serve({
    listTeachers: () => TEACHERS,
    listAllCourses: () => [{ id: 'course-5s', teacherOpenid: 'teacher-yao' }],
    scheduleSession: () => ({ id: 'sess-9' }),
  });
  render(<ScheduleForm order={order()} onDone={() => undefined} />);
  await waitFor(() => expect(teacherShown()).toBe('姚金海'));
  await act(async () => {
    fireEvent.click(screen.getByText('确认排课'));
  });
  await waitFor(() => expect(actions(sent, 'scheduleSession')).toHaveLength(1));
  expect(actions(sent, 'scheduleSession')[0].data.teacherOpenid).toBe('teacher-yao');
});

test('a proposed topic (no course) starts from the first teacher and never asks for the catalogue', async () => {
  const sent = serve({ listTeachers: () => TEACHERS });
  render(<ScheduleForm order={order({ courseId: undefined, title: '叉车安全操作' })} onDone={() => undefined} />);
  await waitFor(() => expect(teacherShown()).toBe('孙国华'));
  expect(actions(sent, 'listAllCourses')).toHaveLength(0);
});
