import { View } from '@tarojs/components';
import { FormActions } from '../../../components/form-actions';
import Taro from '@tarojs/taro';
import {
  COURSE_CATEGORIES,
  COURSE_FORMATS,
  FORMAT_LABELS,
  type CourseAdmin,
  type Teacher,
} from '@contract/api/academy';
import { ChecksField, SelectField, TextField } from '../../../components/form-field';
import { useForm } from '../../../hooks/use-form';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import {
  draftOf,
  emptyDraft,
  pickTeacher,
  inCatalogueOrder,
  toSaveInput,
  type CourseDraft,
  type CourseFormResult,
} from './course-form';

export interface Props {
  /** The course to change; none for a new one. */
  course?: CourseAdmin;
  /** Every course (to fill a teacher's 称号 from their other courses). */
  courses: CourseAdmin[];
  teachers: Teacher[];
  onSaved: (course: CourseAdmin) => void;
  onCancel: () => void;
}

/** 新增 / 修改 a course: title, category, teacher (from the academy's teachers), hours, formats, description. */
export function CourseEditor({ course, courses, teachers, onSaved, onCancel }: Props) {
  const send = useWrite(
    (d: CourseDraft, requestId) => {
      const built = toSaveInput(d, course);
      if (!built.ok) throw new Error(built.issue.message);
      return api.academy.saveCourse(built.value, requestId);
    },
    { inline: true },
  );
  const form = useForm<CourseDraft, CourseFormResult & { ok: true }>(
    () => (course ? draftOf(course) : emptyDraft()),
    (d) => {
      const built = toSaveInput(d, course);
      return built.ok ? { ok: true, value: built } : built;
    },
    send,
  );
  const { draft, set, error: err } = form;

  const save = async () => {
    const built = form.validate();
    if (!built) return;
    if (!built.changed) return void Taro.showToast({ title: '没有改动', icon: 'none' });
    const saved = await send.run(draft);
    if (!saved) return;
    await Taro.showToast({ title: course ? '已保存修改' : '已新增课程', icon: 'success' });
    onSaved(saved);
  };

  const teacherName = teachers.find((t) => t.openid === draft.teacherOpenid)?.name;
  return (
    <View className="card academy-courses__form">
      <View className="academy-courses__form-title" role="heading" aria-level={2}>
        {course ? '修改课程' : '新增课程'}
      </View>
      <TextField
        label="课程名称"
        value={draft.title}
        onInput={set('title')}
        error={err('title')}
        placeholder="如：绣花机操作与花型调试"
        maxlength={40}
      />
      <SelectField
        label="课程类别"
        value={draft.category}
        options={COURSE_CATEGORIES}
        onChange={set('category')}
        error={err('category')}
      />
      <SelectField
        label="授课老师"
        value={teacherName}
        options={teachers.map((t) => t.name)}
        onChange={(name) => {
          const t = teachers.find((x) => x.name === name);
          if (t) form.update((d) => pickTeacher(d, t.openid, courses));
        }}
        error={err('teacherOpenid')}
        placeholder={course && !teacherName ? `${course.teacherName}（未开通讲师账号）` : '从学院讲师中选择'}
      />
      <TextField
        label="老师称号"
        value={draft.teacherTitle}
        onInput={set('teacherTitle')}
        error={err('teacherTitle')}
        hint="如：浙江省劳动模范 · 服装制版技师"
        maxlength={40}
      />
      <TextField
        label="学时"
        type="number"
        value={draft.hours}
        onInput={set('hours')}
        error={err('hours')}
        hint="一次课的时长，1到16学时"
        maxlength={2}
      />
      <ChecksField
        label="授课方式（可多选）"
        groupLabel="授课方式"
        options={COURSE_FORMATS}
        text={(f) => FORMAT_LABELS[f]}
        value={draft.formats}
        onChange={(v) => set('formats')(inCatalogueOrder(v))}
        error={err('formats')}
      />
      <TextField
        label="课程简介"
        multiline
        value={draft.description}
        onInput={set('description')}
        error={err('description')}
        hint="讲什么、适合谁，10到300字"
        maxlength={300}
        placeholder="如：车间就是课堂，现场手把手练习"
      />
      <FormActions
        label={course ? '保存修改' : '新增课程'}
        className="academy-courses__save"
        busy={send.busy}
        onSave={() => void save()}
        onCancel={onCancel}
      />
    </View>
  );
}
