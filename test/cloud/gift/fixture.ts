/**
 * A gift world: the shared `makeWorld` (personas + stations) plus a campaign written straight to
 * the database with the stock we want, and helpers to make many distinct eligible workers.
 */
import { shanghaiTime } from '../../../cloud/lib/clock';
import type { UserDoc } from '../../../cloud/lib/context';
import type { ActionCtx } from '../../../cloud/lib/context';
import { giftActions } from '../../../cloud/domain/gift';
import { CAMPAIGNS, STOCK, stockId, type CampaignDoc } from '../../../cloud/domain/gift/model';
import type { GigGroup } from '../../../types/api/member';
import { makeWorld, type World } from '../helpers';

export const CAMPAIGN = 'gift-test';
export const XCH = 'station-xinchenghui';
export const WJJ = 'station-wangjiangjing';
export const YCG = 'station-youchegang';

export const START = shanghaiTime('2026-01-20 10:00');
export const END = shanghaiTime('2026-02-09 18:00');

export interface GiftWorld extends World {
  gift(openid: string, event: Record<string, unknown>): ReturnType<World['call']>;
  stock(stationId: string, campaignId?: string): Promise<{ stock: number; claimed: number; redeemed: number }>;
  actionCtx(openid: string, fn?: string, action?: string): Promise<ActionCtx>;
}

export async function giftWorld(
  opts: {
    now?: number;
    stock?: Record<string, number>;
    campaign?: Partial<CampaignDoc>;
  } = {},
): Promise<GiftWorld> {
  const world = await makeWorld({ now: opts.now ?? shanghaiTime('2026-01-21 09:00') });
  const campaign: Omit<CampaignDoc, '_id'> = {
    name: '测试春节礼包',
    items: ['洗发水', '沐浴露', '洗衣液'],
    startAt: START,
    endAt: END,
    groups: ['外卖', '快递', '网约车', '环卫', '施工'],
    validDays: 7,
    anyStation: false,
    paused: false,
    createdAt: START - 86400_000,
    updatedAt: START - 86400_000,
    ...opts.campaign,
  };
  await world.db.collection(CAMPAIGNS).doc(CAMPAIGN).set({ data: campaign });
  const stock = opts.stock ?? { [XCH]: 100, [WJJ]: 50, [YCG]: 0 };
  for (const [stationId, n] of Object.entries(stock)) {
    await world.db
      .collection(STOCK)
      .doc(stockId(CAMPAIGN, stationId))
      .set({ data: { campaignId: CAMPAIGN, stationId, stock: n, claimed: 0, redeemed: 0 } });
  }
  return Object.assign(world, {
    gift: (openid: string, event: Record<string, unknown>) => world.call(openid, giftActions, 'gift', event),
    stock: async (stationId: string, campaignId = CAMPAIGN) => {
      const found = await world.db
        .collection(STOCK)
        .where({ _id: stockId(campaignId, stationId) })
        .get();
      const d = found.data[0];
      return { stock: d.stock, claimed: d.claimed, redeemed: d.redeemed };
    },
    actionCtx: async (openid: string, fn = 'checkin', action = 'scan') => {
      const user = (await world.db.collection('users').where({ _id: openid }).get()).data[0] as UserDoc | undefined;
      return { ...world.ctxFor(openid), fn, action, user: user ?? null };
    },
  });
}

/** `n` distinct eligible members (外卖 riders), with phones unique per index. */
export async function addWorkers(world: World, n: number, group: GigGroup = '外卖', prefix = 'w'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const openid = `${prefix}-${String(i).padStart(5, '0')}`;
    const user: Omit<UserDoc, '_id'> = {
      roles: ['member'],
      scopes: [],
      profile: {
        name: `骑手${i}`.replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)]),
        phone: `139${String(i).padStart(8, '0')}`,
        employer: '嘉兴秀洲外卖配送站',
        district: '秀洲区',
        category: '新就业形态劳动者',
        group,
      },
      membership: { status: 'member', memberNo: `XZ2025${String(100000 + i)}` },
      createdAt: 0,
      updatedAt: 0,
    };
    await world.db.collection('users').doc(openid).set({ data: user });
    ids.push(openid);
  }
  return ids;
}

export async function countClaims(world: World, where: Record<string, unknown> = {}): Promise<number> {
  return (
    await world.db
      .collection('giftClaims')
      .where({ campaignId: CAMPAIGN, ...where })
      .count()
  ).total;
}
