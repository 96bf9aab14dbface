import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import { FORMAT_LABELS, type CourseAdmin } from '@contract/api/academy';
import { StatusTag } from '../../../components';
import { useWrite } from '../../../hooks/use-write';
import { api } from '../../../services/api';
import { formatDate } from '../../../utils/format';

export interface Props {
  course: CourseAdmin;
  onEdit: () => void;
  /** After a withdrawal or a restore, with the course as it is now. */
  onChanged: (course: CourseAdmin) => void;
}

/** One course in the admin's list: 上架 / 已下架, 修改, and 下架 or 重新上架 after a confirmation. */
export function CourseCard({ course: c, onEdit, onChanged }: Props) {
  const toggle = useWrite(api.academy.setCourseActive);

  const onToggle = async () => {
    const ask = c.active
      ? {
          title: '下架这门课程',
          content: `下架后「${c.title}」不再出现在课程目录，职工和企业不能再点这门课。已经点了的单、排好的课照常进行。`,
          confirmText: '下架',
        }
      : {
          title: '重新上架',
          content: `「${c.title}」将回到课程目录，职工和企业又可以点这门课。`,
          confirmText: '上架',
        };
    const ok = await Taro.showModal({ ...ask, cancelText: '再想想' });
    if (!ok.confirm) return;
    const next = await toggle.run({ courseId: c.id, active: !c.active });
    if (!next) return;
    await Taro.showToast({ title: next.active ? '已重新上架' : '已下架', icon: 'none' });
    onChanged(next);
  };

  return (
    <View className={`card academy-courses__item ${c.active ? '' : 'academy-courses__item--off'}`}>
      <View className="academy-courses__head">
        <View className="academy-courses__name">{c.title}</View>
        <StatusTag text={c.active ? '上架' : '已下架'} tone={c.active ? 'success' : 'muted'} />
      </View>
      <View>
        讲师：{c.teacherName}（{c.teacherTitle}）
      </View>
      <View className="muted">
        {c.hours}学时 · {c.formats.map((f) => FORMAT_LABELS[f]).join(' / ')}
        {!c.active && c.withdrawnAt ? ` · ${formatDate(c.withdrawnAt)}下架` : ''}
      </View>
      <View className="row-actions">
        <Button variant="outline" className="academy-courses__edit" onClick={onEdit}>
          修改
        </Button>
        <Button
          variant={c.active ? 'outline' : 'primary'}
          className="academy-courses__toggle"
          busy={toggle.busy}
          onClick={() => void onToggle()}
        >
          {c.active ? '下架' : '重新上架'}
        </Button>
      </View>
    </View>
  );
}
