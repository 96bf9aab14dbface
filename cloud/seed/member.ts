/**
 * Member seed: two 网上入会 applications waiting in the admin's queue (people who are not personas),
 * and a few inbox messages.
 */
import type { ProfileInput } from '../../types/api/member';
import type { UserDoc } from '../lib/context';
import type { Database } from '../lib/db';
import { APPLICATIONS, applicationId, type ApplicationDoc } from '../domain/member/model';
import { PERSONAS } from './personas';

const HOUR = 3600_000;

const applicants: Array<{ openid: string; profile: ProfileInput; note?: string; hoursAgo: number }> = [
  {
    openid: 'seed-applicant-li',
    profile: {
      name: '李春燕',
      phone: '13819304567',
      employer: '王江泾丝绸服饰有限公司',
      district: '秀洲区',
      category: '产业工人',
    },
    note: '在厂里做服装制版八年，想参加今年的技能比武',
    hoursAgo: 30,
  },
  {
    openid: 'seed-applicant-zhao',
    profile: {
      name: '赵磊',
      phone: '17757305566',
      employer: '嘉兴秀洲网约车服务站',
      district: '秀洲区',
      category: '新就业形态劳动者',
      group: '网约车',
      platform: '滴滴出行',
    },
    hoursAgo: 4,
  },
];

export async function seedMember(db: Database, now: number): Promise<void> {
  for (const a of applicants) {
    const submittedAt = now - a.hoursAgo * HOUR;
    const user: Omit<UserDoc, '_id'> = {
      roles: [],
      scopes: [],
      profile: a.profile,
      membership: { status: 'pending' },
      createdAt: submittedAt - HOUR,
      updatedAt: submittedAt,
    };
    await db.collection('users').doc(a.openid).set({ data: user });
    const { name, phone, employer, district, category, group, platform } = a.profile;
    const app: Omit<ApplicationDoc, '_id'> = {
      openid: a.openid,
      name,
      phone,
      employer,
      district,
      category,
      ...(group ? { group } : {}),
      ...(platform ? { platform } : {}),
      ...(a.note ? { note: a.note } : {}),
      status: 'pending',
      submittedAt,
      attempt: 1,
    };
    await db.collection(APPLICATIONS).doc(applicationId(a.openid)).set({ data: app });
  }

  const messages = [
    {
      to: PERSONAS.worker,
      title: '欢迎使用秀洲职工服务',
      body: '在这里可以报名技能比武、预约劳模工匠学院课程、领取春节礼包。',
      page: '/pages/home/index',
      hoursAgo: 72,
      read: true,
    },
    {
      to: PERSONAS.worker,
      title: '技能比武报名开始啦',
      body: '2026年秀洲区职工技能比武开始报名，数控铣工、服装制版等项目名额有限。',
      page: '/contest/pages/list/index',
      hoursAgo: 6,
      read: false,
    },
    {
      to: PERSONAS.rider,
      title: '新城汇驿站欢迎您',
      body: '驿站提供热水、充电和休息区，每天 08:00-20:00 开放。',
      page: '/pages/home/index',
      hoursAgo: 12,
      read: false,
    },
  ];
  for (const m of messages) {
    await db.collection('messages').add({
      data: { to: m.to, title: m.title, body: m.body, page: m.page, createdAt: now - m.hoursAgo * HOUR, read: m.read },
    });
  }
}
