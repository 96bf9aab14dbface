/**
 * The emulator's personas: one OPENID per role, so every flow can be tried in one browser (the
 * app's persona switcher lists these). Fictional people and realistic 嘉兴/秀洲 employers only,
 * never the names in the seed articles.
 */
import type { Role, Scope } from '../../types/api/common';
import type { Membership, ProfileInput } from '../../types/api/member';

export interface Persona {
  openid: string;
  /** Chinese, shown in the persona switcher: 「产业工人 王建国」. */
  label: string;
  /** The role the persona demonstrates ('newcomer' and 'family' hold no role in the database). */
  role: Role | 'newcomer' | 'family';
  description: string;
}

/** Employers with an enterprise union; `id` is the scope id of an `enterprise` contact. */
export const EMPLOYERS = [
  { id: 'emp-jiaxing-textile', name: '嘉兴纺织有限公司' },
  { id: 'emp-xiuzhou-cnc', name: '嘉兴秀洲精工机械有限公司' },
  { id: 'emp-wangjiang-garment', name: '王江泾丝绸服饰有限公司' },
  { id: 'emp-xincheng-logistics', name: '秀洲新城快递网点' },
] as const;

export const PERSONAS = {
  worker: 'persona-worker',
  rider: 'persona-rider',
  courier: 'persona-courier',
  newcomer: 'persona-newcomer',
  retiree: 'persona-retiree',
  family: 'persona-family',
  stationStaff: 'persona-station-staff',
  venueStaff: 'persona-venue-staff',
  teacher: 'persona-teacher',
  enterprise: 'persona-enterprise',
  admin: 'persona-admin',
  contestAdmin: 'persona-contest-admin',
} as const;

export const personas: Persona[] = [
  {
    openid: PERSONAS.worker,
    label: '产业工人 王建国',
    role: 'member',
    description: '数控车间班组长，工会会员，可报名技能比武、预约课程、领取礼包',
  },
  {
    openid: PERSONAS.rider,
    label: '外卖骑手 陈志强',
    role: 'member',
    description: '新就业形态劳动者（外卖），工会会员，常去新城汇驿站歇脚',
  },
  {
    openid: PERSONAS.courier,
    label: '快递小哥 刘海峰',
    role: 'member',
    description: '新就业形态劳动者（快递），工会会员',
  },
  {
    openid: PERSONAS.newcomer,
    label: '新用户 (未登记)',
    role: 'newcomer',
    description: '第一次打开小程序，还没有填写个人信息，可体验网上入会',
  },
  {
    openid: PERSONAS.retiree,
    label: '退休职工 周桂芳',
    role: 'retiree',
    description: '嘉兴纺织有限公司退休挡车工，可申请光荣退休证书',
  },
  {
    openid: PERSONAS.family,
    label: '家属 周晓燕',
    role: 'family',
    description: '周桂芳的女儿，可帮长辈代办光荣退休申请',
  },
  {
    openid: PERSONAS.stationStaff,
    label: '驿站工作人员 沈丽萍',
    role: 'staff',
    description: '新城汇驿站值守，扫码核销礼包、核验会员',
  },
  {
    openid: 'persona-station-staff-2',
    label: '驿站工作人员 顾建明',
    role: 'staff',
    description: '王江泾镇驿站值守（另一个驿站：核销不了新城汇驿站的礼包券）',
  },
  {
    openid: PERSONAS.venueStaff,
    label: '赛场工作人员 钱卫东',
    role: 'staff',
    description: '2026年职工技能比武赛场签到',
  },
  {
    openid: PERSONAS.teacher,
    label: '学院讲师 孙国华',
    role: 'teacher',
    description: '劳模工匠学院讲师，负责课程点名',
  },
  {
    openid: PERSONAS.enterprise,
    label: '企业工会 朱美华',
    role: 'enterprise',
    description: '嘉兴纺织有限公司工会主席，为本单位职工点单课程、代办退休证书',
  },
  {
    openid: PERSONAS.contestAdmin,
    label: '比武管理员 蒋志远',
    role: 'admin:contests',
    description: '只管技能比武：建比武、设项目名额、审核报名，看不到其他业务',
  },
  {
    openid: PERSONAS.admin,
    label: '区总工会管理员 徐文斌',
    role: 'admin',
    description: '秀洲区总工会，审核入会、报名和退休申请，管理活动',
  },
];

interface SeedUser {
  openid: string;
  roles: Role[];
  scopes: Scope[];
  profile: ProfileInput;
  membership: Membership;
}

const textile = EMPLOYERS[0].name;

/** The `users` documents of the personas (persona-newcomer has none: a first-time caller). */
export const personaUsers: SeedUser[] = [
  {
    openid: PERSONAS.worker,
    roles: ['member'],
    scopes: [],
    profile: {
      name: '王建国',
      phone: '13857301234',
      employer: EMPLOYERS[1].name,
      district: '秀洲区',
      category: '产业工人',
      birthDate: '1986-04-12',
    },
    membership: { status: 'member', memberNo: 'XZ2019000001', employer: EMPLOYERS[1].name },
  },
  {
    openid: PERSONAS.rider,
    roles: ['member'],
    scopes: [],
    profile: {
      name: '陈志强',
      phone: '13957302345',
      employer: '嘉兴秀洲外卖配送站',
      district: '秀洲区',
      category: '新就业形态劳动者',
      group: '外卖',
      platform: '美团',
      birthDate: '1994-09-03',
    },
    membership: { status: 'member', memberNo: 'XZ2024000002', employer: '嘉兴秀洲外卖配送站' },
  },
  {
    openid: PERSONAS.courier,
    roles: ['member'],
    scopes: [],
    profile: {
      name: '刘海峰',
      phone: '15157303456',
      employer: EMPLOYERS[3].name,
      district: '秀洲区',
      category: '新就业形态劳动者',
      group: '快递',
      platform: '中通快递',
      birthDate: '1991-01-20',
    },
    membership: { status: 'member', memberNo: 'XZ2025000003', employer: EMPLOYERS[3].name },
  },
  {
    openid: PERSONAS.retiree,
    roles: ['retiree', 'member'],
    scopes: [],
    profile: {
      name: '周桂芳',
      phone: '13705734567',
      employer: textile,
      district: '秀洲区',
      category: '退休职工',
      birthDate: '1966-02-08',
    },
    membership: { status: 'member', memberNo: 'XZ2008000004', employer: textile },
  },
  {
    openid: PERSONAS.family,
    roles: [],
    scopes: [],
    profile: {
      name: '周晓燕',
      phone: '18857305678',
      employer: '嘉兴市秀洲区新城街道社区卫生服务中心',
      district: '秀洲区',
      category: '其他',
    },
    membership: { status: 'none' },
  },
  {
    openid: PERSONAS.stationStaff,
    roles: ['staff'],
    scopes: [{ kind: 'station', id: 'station-xinchenghui' }],
    profile: {
      name: '沈丽萍',
      phone: '13587306789',
      employer: '秀洲区总工会新城汇驿站',
      district: '秀洲区',
      category: '机关事业单位职工',
    },
    membership: { status: 'none' },
  },
  {
    openid: PERSONAS.venueStaff,
    roles: ['staff'],
    scopes: [{ kind: 'contest', id: 'contest-2026-skills' }],
    profile: {
      name: '钱卫东',
      phone: '13867307890',
      employer: '秀洲区职工技能竞赛组委会',
      district: '秀洲区',
      category: '机关事业单位职工',
    },
    membership: { status: 'none' },
  },
  {
    openid: PERSONAS.teacher,
    roles: ['teacher', 'member'],
    scopes: [],
    profile: {
      name: '孙国华',
      phone: '13957308901',
      employer: EMPLOYERS[1].name,
      district: '秀洲区',
      category: '产业工人',
    },
    membership: { status: 'member', memberNo: 'XZ2012000005', employer: EMPLOYERS[1].name },
  },
  {
    openid: PERSONAS.enterprise,
    roles: ['enterprise', 'member'],
    scopes: [{ kind: 'employer', id: 'emp-jiaxing-textile' }],
    profile: { name: '朱美华', phone: '13605739012', employer: textile, district: '秀洲区', category: '产业工人' },
    membership: { status: 'member', memberNo: 'XZ2010000006', employer: textile },
  },
  {
    openid: PERSONAS.contestAdmin,
    roles: ['admin:contests'],
    scopes: [],
    profile: {
      name: '蒋志远',
      phone: '13757301456',
      employer: '嘉兴市秀洲区总工会',
      district: '秀洲区',
      category: '机关事业单位职工',
    },
    membership: { status: 'none' },
  },
  {
    openid: PERSONAS.admin,
    roles: ['admin'],
    scopes: [],
    profile: {
      name: '徐文斌',
      phone: '13757300123',
      employer: '嘉兴市秀洲区总工会',
      district: '秀洲区',
      category: '机关事业单位职工',
    },
    membership: { status: 'none' },
  },
];

/** The counter after the seeded members: the next approval issues member number 7. */
export const SEEDED_MEMBER_COUNT = 6;
