import type { Role } from '@contract/api/common';

export interface WorkbenchLink {
  title: string;
  hint: string;
  url: string;
  /** scan: at the counter; manage: a domain's queues; setup: what the union sets up itself (管理后台). */
  group: 'scan' | 'manage' | 'setup';
  /** Who sees it: the super admin ('admin') sees every link. */
  roles: Role[];
}

/**
 * A link names the roles that see it; the super admin ('admin') also sees every admin link, and a domain
 * admin (admin:contests...) sees only the links of their domain.
 */
export function canSee(link: WorkbenchLink, roles: readonly Role[]): boolean {
  if (link.roles.some((r) => roles.includes(r))) return true;
  return roles.includes('admin') && link.roles.some((r) => r.startsWith('admin:'));
}

/** What staff, teachers, enterprise contacts and admins can open from the 服务 tab. */
export const WORKBENCH_LINKS: WorkbenchLink[] = [
  {
    group: 'scan',
    title: '扫码核验',
    hint: '签到、核销礼包、领取纪念牌、会员核验',
    url: '/staff/pages/scanner/index',
    roles: ['staff', 'teacher', 'admin', 'admin:gifts'],
  },
  {
    group: 'scan',
    title: '人工查找',
    hint: '没带手机的职工：按姓名和手机尾号查找',
    url: '/staff/pages/lookup/index',
    roles: ['staff', 'teacher', 'admin', 'admin:gifts'],
  },
  {
    group: 'manage',
    title: '入会审核',
    hint: '网上入会申请：通过或退回',
    url: '/member/pages/applications/index',
    roles: ['admin:members'],
  },
  {
    group: 'manage',
    title: '比武报名审核',
    hint: '审核报名、公布成绩、导出名单',
    url: '/contest/pages/review/index',
    roles: ['admin:contests'],
  },
  {
    group: 'manage',
    title: '工匠学院点单',
    hint: '受理点单、排课、查看评价',
    url: '/academy/pages/orders/index',
    roles: ['admin:academy', 'enterprise'],
  },
  {
    group: 'manage',
    title: '工匠学院课程目录',
    hint: '新增、修改课程，下架或重新上架',
    url: '/academy/pages/courses-admin/index',
    roles: ['admin:academy'],
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
    roles: ['admin:retirement', 'enterprise'],
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
    roles: ['staff', 'admin:gifts'],
  },
  {
    group: 'manage',
    title: '春节礼包管理',
    hint: '各驿站库存、调拨、暂停发放',
    url: '/gifts/pages/manage/index',
    roles: ['admin:gifts'],
  },
  {
    group: 'setup',
    title: '邀请与授权',
    hint: '邀请驿站、赛场工作人员、讲师、企业联系人和业务管理员；查看、撤销',
    url: '/admin/pages/roles/index',
    roles: ['admin:contests', 'admin:academy', 'admin:gifts', 'admin:members'],
  },
  {
    group: 'setup',
    title: '比武赛事设置',
    hint: '新建、修改、发布、关闭比武，复制去年的比武',
    url: '/admin/pages/contests/index',
    roles: ['admin:contests'],
  },
  {
    group: 'setup',
    title: '驿站管理',
    hint: '新增驿站，修改开放时间和服务，临时暂停',
    url: '/admin/pages/stations/index',
    roles: ['admin:gifts'],
  },
  {
    group: 'setup',
    title: '单位名录',
    hint: '新增、改名、合并重复单位，核实联系人',
    url: '/admin/pages/employers/index',
    roles: ['admin:members'],
  },
  {
    group: 'setup',
    title: '光荣退休设置',
    hint: '申请时间、证书文字和颁发单位、编号前缀、领取地点',
    url: '/admin/pages/retirement/index',
    roles: ['admin:retirement'],
  },
  {
    group: 'setup',
    title: '新建礼包活动',
    hint: '礼包内容、时间、发放对象和各驿站数量',
    url: '/gifts/pages/edit/index',
    roles: ['admin:gifts'],
  },
];
