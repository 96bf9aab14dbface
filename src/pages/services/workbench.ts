import type { Role } from '@contract/api/common';

export interface WorkbenchLink {
  title: string;
  hint: string;
  url: string;
  group: 'scan' | 'manage';
  roles: Role[];
}

/** What staff, teachers, enterprise contacts and admins can open from the 服务 tab. */
export const WORKBENCH_LINKS: WorkbenchLink[] = [
  {
    group: 'scan',
    title: '扫码核验',
    hint: '签到、核销礼包、领取纪念牌、会员核验',
    url: '/staff/pages/scanner/index',
    roles: ['staff', 'teacher', 'admin'],
  },
  {
    group: 'scan',
    title: '人工查找',
    hint: '没带手机的职工：按姓名和手机尾号查找',
    url: '/staff/pages/lookup/index',
    roles: ['staff', 'teacher', 'admin'],
  },
  {
    group: 'manage',
    title: '入会审核',
    hint: '网上入会申请：通过或退回',
    url: '/member/pages/applications/index',
    roles: ['admin'],
  },
  {
    group: 'manage',
    title: '比武报名审核',
    hint: '审核报名、公布成绩、导出名单',
    url: '/contest/pages/review/index',
    roles: ['admin'],
  },
  {
    group: 'manage',
    title: '工匠学院点单',
    hint: '受理点单、排课、查看评价',
    url: '/academy/pages/orders/index',
    roles: ['admin', 'enterprise'],
  },
  {
    group: 'manage',
    title: '工匠学院课程目录',
    hint: '新增、修改课程，下架或重新上架',
    url: '/academy/pages/courses-admin/index',
    roles: ['admin'],
  },
  {
    group: 'manage',
    title: '我要点单',
    hint: '为本单位职工点一门课',
    url: '/academy/pages/order/index',
    roles: ['enterprise'],
  },
  {
    group: 'manage',
    title: '光荣退休审核',
    hint: '单位核实、总工会审批、签发证书',
    url: '/retirement/pages/review/index',
    roles: ['admin', 'enterprise'],
  },
  {
    group: 'manage',
    title: '单位批量申报退休证书',
    hint: '为本单位退休职工逐个填写名单，一次提交',
    url: '/retirement/pages/batch/index',
    roles: ['enterprise'],
  },
  {
    group: 'scan',
    title: '现场发放礼包',
    hint: '没领券的职工到站：查找、核对、当场发放',
    url: '/gifts/pages/on-spot/index',
    roles: ['staff', 'admin'],
  },
  {
    group: 'manage',
    title: '春节礼包管理',
    hint: '各驿站库存、调拨、暂停发放',
    url: '/gifts/pages/manage/index',
    roles: ['admin'],
  },
];
