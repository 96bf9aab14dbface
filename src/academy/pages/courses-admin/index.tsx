import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { COURSE_CATEGORIES, type CourseAdmin, type Teacher } from '@contract/api/academy';
import { PageShell, StateView, useAsync } from '../../../components';
import { api } from '../../../services/api';
import { CourseCard } from './course-card';
import { CourseEditor } from './course-editor';
import './index.scss';

interface Loaded {
  courses: CourseAdmin[];
  teachers: Teacher[];
}

type Mode = { kind: 'list' } | { kind: 'new' } | { kind: 'edit'; course: CourseAdmin };

/** The academy admin's catalogue: every course by category, 新增 / 修改, 下架 / 重新上架. */
export default function CoursesAdminPage() {
  const loaded = useAsync<Loaded>(async () => {
    const [courses, teachers] = await Promise.all([api.academy.listAllCourses(), api.academy.listTeachers()]);
    return { courses, teachers };
  }, []);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const data = loaded.data;
  const courses = data?.courses ?? [];
  const live = courses.filter((c) => c.active).length;

  const open = (next: Mode) => {
    setMode(next);
    void Taro.pageScrollTo?.({ scrollTop: 0, duration: 0 });
  };
  const replace = (c: CourseAdmin) => {
    if (!data) return;
    const known = data.courses.some((x) => x.id === c.id);
    loaded.setData({
      ...data,
      courses: known ? data.courses.map((x) => (x.id === c.id ? c : x)) : [...data.courses, c],
    });
  };

  return (
    <PageShell title="课程目录管理">
      <StateView of={loaded}>
        {data && mode.kind !== 'list' ? (
          <CourseEditor
            key={mode.kind === 'edit' ? mode.course.id : 'new'}
            course={mode.kind === 'edit' ? mode.course : undefined}
            courses={courses}
            teachers={data.teachers}
            onSaved={(c) => {
              replace(c);
              open({ kind: 'list' });
            }}
            onCancel={() => open({ kind: 'list' })}
          />
        ) : (
          <>
            <View className="muted academy-courses__intro">
              职工和企业在“课程目录”里只看得到上架的课程。下架不影响已经点了的单和排好的课。
            </View>
            <Button className="academy-courses__add" onClick={() => open({ kind: 'new' })}>
              新增课程
            </Button>
            <StateView empty={courses.length === 0} emptyText="还没有课程，点上面的“新增课程”添加第一门。">
              <View className="academy-courses__count">
                共 {courses.length} 门课程：上架 {live} 门，已下架 {courses.length - live} 门
              </View>
              {COURSE_CATEGORIES.map((cat) => {
                const inCat = courses.filter((c) => c.category === cat);
                if (!inCat.length) return null;
                return (
                  <View key={cat} className="academy-courses__group">
                    <View className="academy-courses__category" role="heading" aria-level={2}>
                      {cat}（{inCat.length}）
                    </View>
                    {inCat.map((c) => (
                      <CourseCard
                        key={c.id}
                        course={c}
                        onEdit={() => open({ kind: 'edit', course: c })}
                        onChanged={replace}
                      />
                    ))}
                  </View>
                );
              })}
            </StateView>
          </>
        )}
      </StateView>
    </PageShell>
  );
}
