/**
 * The academy admin's catalogue page and its form logic: a new course sends every field (formats in
 * catalogue order, hours a whole number), an edit sends only what changed, problems are named before
 * anything is sent, a server refusal lands under its field, 下架 asks first, and the list shows
 * 上架 / 已下架 by category.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CourseAdmin, Teacher } from '@contract/api/academy';
import { setTransport } from '../../../src/cloud-client';
import CoursesAdminPage from '../../../src/academy/pages/courses-admin/index';
import {
  draftOf,
  emptyDraft,
  pickTeacher,
  toggleFormat,
  toSaveInput,
} from '../../../src/academy/pages/courses-admin/course-form';
import { taroMock } from '../mocks/taro';
import { actions, serve } from './serve';

const TEACHERS: Teacher[] = [
  { openid: 'persona-teacher', name: '孙国华' },
  { openid: 'teacher-lu-peihua', name: '陆佩华' },
];

function course(over: Partial<CourseAdmin> = {}): CourseAdmin {
  return {
    id: 'course-cnc',
    title: '数控铣削编程与精度控制',
    category: '数控',
    teacherName: '孙国华',
    teacherTitle: '秀洲工匠 · 数控铣工高级技师',
    teacherOpenid: 'persona-teacher',
    hours: 3,
    formats: ['onsite', 'live'],
    description: '典型零件的工艺路线、刀具选择与补偿、测量与误差分析。',
    active: true,
    ...over,
  };
}
const GARMENT = course({
  id: 'course-garment',
  title: '服装制版与高效版型优化',
  category: '服装',
  teacherName: '陆佩华',
  teacherOpenid: 'teacher-lu-peihua',
  teacherTitle: '浙江省劳动模范 · 服装制版技师',
});
const OLD = course({ id: 'course-old', title: '印染工艺节能降耗', category: '纺织', active: false, withdrawnAt: 0 });

beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const choose = (label: string, index: number) =>
  fireEvent.change(screen.getByLabelText(label).closest('[data-picker]')!.querySelector('select')!, {
    target: { value: String(index) },
  });
const click = async (el: HTMLElement) => {
  await act(async () => {
    fireEvent.click(el);
  });
};

describe('course-form', () => {
  const full = {
    ...emptyDraft(),
    title: ' 绣花机操作与花型调试 ',
    category: '服装' as const,
    teacherOpenid: 'teacher-lu-peihua',
    teacherTitle: '浙江省劳动模范',
    hours: '3',
    formats: toggleFormat(toggleFormat([], 'live'), 'onsite'),
    description: '电脑绣花机的穿线、换色与常见断线处理。',
  };

  it('a new course: every field, trimmed, formats in catalogue order', () => {
    expect(toSaveInput(full)).toEqual({
      ok: true,
      changed: true,
      value: {
        title: '绣花机操作与花型调试',
        category: '服装',
        teacherOpenid: 'teacher-lu-peihua',
        teacherTitle: '浙江省劳动模范',
        hours: 3,
        formats: ['onsite', 'live'],
        description: '电脑绣花机的穿线、换色与常见断线处理。',
      },
    });
  });

  it.each([
    [{ title: '  ' }, 'title', '请填写课程名称'],
    [{ category: undefined }, 'category', '请选择课程类别'],
    [{ teacherOpenid: '' }, 'teacherOpenid', '请选择授课老师'],
    [{ hours: '2.5' }, 'hours', '学时请填写1到16之间的整数'],
    [{ hours: '20' }, 'hours', '学时请填写1到16之间的整数'],
    [{ formats: [] }, 'formats', '请选择授课方式'],
    [{ description: '好课' }, 'description', '请填写课程简介（10–300个字）'],
  ])('refuses %j before sending', (change, path, message) => {
    expect(toSaveInput({ ...full, ...change })).toEqual({ ok: false, issue: { path, message } });
  });

  it('an edit sends only what changed; nothing changed is said so', () => {
    const c = course();
    expect(toSaveInput(draftOf(c), c)).toEqual({ ok: true, changed: false, value: { courseId: 'course-cnc' } });
    const d = { ...draftOf(c), hours: '4', formats: toggleFormat(c.formats, 'branch') };
    expect(toSaveInput(d, c)).toEqual({
      ok: true,
      changed: true,
      value: { courseId: 'course-cnc', hours: 4, formats: ['onsite', 'branch', 'live'] },
    });
    // A course whose teacher has no account keeps that teacher when the teacher is not touched.
    const legacy = course({ teacherOpenid: undefined });
    expect(toSaveInput({ ...draftOf(legacy), title: '数控铣削编程入门' }, legacy)).toEqual({
      ok: true,
      changed: true,
      value: { courseId: 'course-cnc', title: '数控铣削编程入门' },
    });
  });

  it('picking a teacher fills an empty 称号 from their other course, never over a typed one', () => {
    expect(pickTeacher(emptyDraft(), 'teacher-lu-peihua', [course(), GARMENT]).teacherTitle).toBe(
      '浙江省劳动模范 · 服装制版技师',
    );
    expect(
      pickTeacher({ ...emptyDraft(), teacherTitle: '省级技能大师' }, 'teacher-lu-peihua', [GARMENT]).teacherTitle,
    ).toBe('省级技能大师');
  });
});

describe('课程目录管理 page', () => {
  it('lists every course by category, 上架 and 已下架, with the counts', async () => {
    serve({ listAllCourses: () => [course(), GARMENT, OLD], listTeachers: () => TEACHERS });
    render(<CoursesAdminPage />);
    await screen.findByText('共 3 门课程：上架 2 门，已下架 1 门');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['纺织（1）', '服装（1）', '数控（1）']);
    const old = screen.getByText('印染工艺节能降耗').closest('.card') as HTMLElement;
    expect(within(old).getByText(/已下架/)).toBeTruthy();
    expect(within(old).getByText('重新上架')).toBeTruthy();
    const cnc = screen.getByText('数控铣削编程与精度控制').closest('.card') as HTMLElement;
    expect(within(cnc).getByText(/上架/).textContent).toContain('上架');
    expect(within(cnc).getByText('下架')).toBeTruthy();
  });

  it('adds a course: problems named before sending, then the full course is sent once and listed', async () => {
    const sent = serve({
      listAllCourses: () => [course(), GARMENT],
      listTeachers: () => TEACHERS,
      saveCourse: (d) => {
        if (d.title === '服装制版与高效版型优化')
          throw {
            code: 'INVALID_INPUT',
            message: '课程名称：目录中已有「服装制版与高效版型优化」',
            details: { field: 'title' },
          };
        return course({ id: 'course-new', title: d.title, category: d.category, teacherName: '陆佩华' });
      },
    });
    render(<CoursesAdminPage />);
    await click(await screen.findByText('新增课程'));
    await click(screen.getAllByText('新增课程').at(-1)!);
    expect(screen.getByText('请填写课程名称')).toBeTruthy();
    expect(actions(sent, 'saveCourse')).toHaveLength(0);

    type('课程名称', '服装制版与高效版型优化');
    choose('课程类别', 1); // 服装
    choose('授课老师', 1); // 陆佩华: her 称号 comes from her other course
    expect((screen.getByLabelText('老师称号') as HTMLInputElement).value).toBe('浙江省劳动模范 · 服装制版技师');
    type('学时', '3');
    fireEvent.click(screen.getByRole('checkbox', { name: /直播授课/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /送教上门/ }));
    type('课程简介', '电脑绣花机的穿线、换色与常见断线处理。');
    await click(screen.getAllByText('新增课程').at(-1)!);
    // The server's refusal lands under its field.
    expect(await screen.findByText('课程名称：目录中已有「服装制版与高效版型优化」')).toBeTruthy();

    type('课程名称', '绣花机操作与花型调试');
    await click(screen.getAllByText('新增课程').at(-1)!);
    await waitFor(() => expect(actions(sent, 'saveCourse')).toHaveLength(2));
    const { action, requestId, ...payload } = actions(sent, 'saveCourse')[1].data;
    expect(requestId).toEqual(expect.any(String));
    expect(payload).toEqual({
      title: '绣花机操作与花型调试',
      category: '服装',
      teacherOpenid: 'teacher-lu-peihua',
      teacherTitle: '浙江省劳动模范 · 服装制版技师',
      hours: 3,
      formats: ['onsite', 'live'],
      description: '电脑绣花机的穿线、换色与常见断线处理。',
    });
    expect(await screen.findByText('共 3 门课程：上架 3 门，已下架 0 门')).toBeTruthy();
    expect(screen.getByText('绣花机操作与花型调试')).toBeTruthy();
  });

  it('edits a course: only the changed field is sent', async () => {
    const sent = serve({
      listAllCourses: () => [course()],
      listTeachers: () => TEACHERS,
      saveCourse: () => course({ hours: 4 }),
    });
    render(<CoursesAdminPage />);
    await click(await screen.findByText('修改'));
    expect((screen.getByLabelText('课程名称') as HTMLInputElement).value).toBe('数控铣削编程与精度控制');
    await click(screen.getByText('保存修改'));
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '没有改动' }));
    expect(actions(sent, 'saveCourse')).toHaveLength(0);
    type('学时', '4');
    await click(screen.getByText('保存修改'));
    await waitFor(() => expect(actions(sent, 'saveCourse')).toHaveLength(1));
    const { action, requestId, ...payload } = actions(sent, 'saveCourse')[0].data;
    expect(payload).toEqual({ courseId: 'course-cnc', hours: 4 });
    expect(await screen.findByText(/4学时/)).toBeTruthy();
  });

  it('下架 asks first: cancelling sends nothing; confirming withdraws and shows 已下架', async () => {
    const sent = serve({
      listAllCourses: () => [course()],
      listTeachers: () => TEACHERS,
      setCourseActive: (d) => course({ active: d.active, withdrawnAt: Date.now() }),
    });
    render(<CoursesAdminPage />);
    jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as any);
    await click(await screen.findByText('下架'));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '下架这门课程', content: expect.stringContaining('照常进行') }),
    );
    expect(actions(sent, 'setCourseActive')).toHaveLength(0);
    await click(screen.getByText('下架'));
    await waitFor(() => expect(actions(sent, 'setCourseActive')).toHaveLength(1));
    expect(actions(sent, 'setCourseActive')[0].data).toMatchObject({ courseId: 'course-cnc', active: false });
    expect(await screen.findByText('重新上架')).toBeTruthy();
    expect(screen.getByText('共 1 门课程：上架 0 门，已下架 1 门')).toBeTruthy();
  });

  it('a failed load says so in Chinese with 重试; an empty catalogue says how to start', async () => {
    serve({ listTeachers: () => TEACHERS });
    const { unmount } = render(<CoursesAdminPage />);
    expect(await screen.findByText('重试')).toBeTruthy();
    unmount();
    serve({ listAllCourses: () => [], listTeachers: () => TEACHERS });
    render(<CoursesAdminPage />);
    expect(await screen.findByText('还没有课程，点上面的“新增课程”添加第一门。')).toBeTruthy();
  });
});
