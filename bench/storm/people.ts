/** Storm members: union members with complete profiles in an eligible group (外卖 riders), fictional. */
import type { UserDoc } from '../../cloud/lib/context';
import type { Database } from '../../cloud/lib/db';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '建国志强海峰丽萍卫东国华美华文斌晓燕桂芳';

export const stormOpenid = (i: number) => `storm-${String(i).padStart(5, '0')}`;

export function stormUser(i: number, now: number): UserDoc {
  const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 3 + 1) % GIVEN.length];
  const employer = '嘉兴秀洲外卖配送站';
  return {
    _id: stormOpenid(i),
    roles: ['member'],
    scopes: [],
    profile: {
      name,
      phone: `139${String(10_000_000 + i).slice(-8)}`,
      employer,
      district: '秀洲区',
      category: '新就业形态劳动者',
      group: '外卖',
      platform: '美团',
    },
    membership: {
      status: 'member',
      memberNo: `ST${String(i).padStart(8, '0')}`,
      employer,
      since: now - 86_400_000,
    } as UserDoc['membership'],
    createdAt: now,
    updatedAt: now,
  };
}

export async function addStormUsers(db: Database, count: number, now: number, from = 1): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i < from + count; i++) {
    const { _id, ...data } = stormUser(i, now);
    await db.collection('users').doc(_id).set({ data });
    ids.push(_id);
  }
  return ids;
}
