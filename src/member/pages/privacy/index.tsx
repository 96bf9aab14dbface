import { View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import './index.scss';

const SECTIONS: { title: string; body: string }[] = [
  {
    title: '我们收集哪些信息，为什么',
    body: '个人信息（姓名、手机号、工作单位、职工类别）：办理入会、报名、预约和领取礼包时确认您的身份并联系您。出生日期：仅用于判断技能比武的年龄条件。身份证号：仅在申请光荣退休证书时收集，用于防止重复申请。位置：仅在您点“离我最近”时用于计算与驿站的距离，不保存。照片：仅在退休证书申请中由您自愿上传。',
  },
  {
    title: '我们怎样保护这些信息',
    body: '身份证号不以明文保存，只保存不可还原的校验值和“前3后4”的遮挡形式；手机号对工作人员显示为 138****5678。工作人员只能看到其负责的驿站、赛事或课程的人员。所有审核、核销操作均留有记录。',
  },
  {
    title: '您的权利',
    body: '您可以在“我的—个人信息”中查看和更正信息；在“我的—查看或删除我的数据”中查看本程序保存的全部信息，并可申请删除。删除时，法规或业务要求保留的记录（如已签发的荣誉证书编号、礼包核销记录）会去除姓名和手机号后保留，并告知您保留的原因。',
  },
  {
    title: '联系我们',
    body: '秀洲区总工会 职工服务中心，电话 0573-82200000，工作日 08:30-17:00。',
  },
];

/** 用户隐私保护指引: what is collected, why, how it is protected, and what the user can do. */
export default function PrivacyPage() {
  return (
    <PageShell title="用户隐私保护指引">
      {SECTIONS.map((s) => (
        <View key={s.title} className="card">
          <View className="member-privacy__heading" role="heading" aria-level={2}>
            {s.title}
          </View>
          <View>{s.body}</View>
        </View>
      ))}
      <Button variant="outline" onClick={() => Taro.navigateTo({ url: '/member/pages/my-data/index' })}>
        查看或删除我的数据
      </Button>
    </PageShell>
  );
}
