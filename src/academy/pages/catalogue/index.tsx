import { ScrollView, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { COURSE_CATEGORIES, FORMAT_LABELS, type Course, type CourseCategory } from '@contract/api/academy';
import { PageShell, StateView, useAsync } from '../../../components';
import { api } from '../../../services/api';
import './index.scss';

/** 课程目录: courses by industry, each with its model-worker teacher; 点这门课 opens the order form. */
export default function CataloguePage() {
  const [category, setCategory] = useState<CourseCategory | undefined>();
  const list = useAsync<Course[]>(() => api.academy.listCourses(category ? { category } : {}), [category]);
  const chips: (CourseCategory | undefined)[] = [undefined, ...COURSE_CATEGORIES.filter((c) => c !== '其他')];
  return (
    <PageShell title="课程目录">
      <ScrollView scrollX className="academy-chips">
        {chips.map((c) => (
          <View
            key={c ?? 'all'}
            className={`academy-chip ${c === category ? 'academy-chip--on' : ''}`}
            onClick={() => setCategory(c)}
          >
            {c ?? '全部'}
          </View>
        ))}
      </ScrollView>
      <StateView of={list} empty={list.data?.length === 0} emptyText="该类别暂无课程，可以点单提出您想学的主题">
        {(list.data ?? []).map((c) => (
          <View key={c.id} className="card academy-course">
            <View className="academy-course__title">{c.title}</View>
            <View className="academy-course__tag">
              {c.category} · {c.hours}学时 · {c.formats.map((f) => FORMAT_LABELS[f]).join(' / ')}
            </View>
            <View>
              讲师：{c.teacherName}（{c.teacherTitle}）
            </View>
            <View className="muted">{c.description}</View>
            <Button
              variant="outline"
              className="academy-course__order"
              onClick={() => Taro.navigateTo({ url: `/academy/pages/order/index?courseId=${c.id}` })}
            >
              点这门课
            </Button>
          </View>
        ))}
      </StateView>
    </PageShell>
  );
}
