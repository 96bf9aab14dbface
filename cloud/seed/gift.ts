/**
 * Gift seed: the 2026 春节礼包 open around `now` (500 packs over the five 秀洲 驿站), a closed
 * summer campaign, one voucher already claimed by the courier persona, and a second station staff
 * persona (王江泾镇驿站) to show that a voucher is redeemed only at its own station.
 */
import type { UserDoc } from '../lib/context';
import type { Database } from '../lib/db';
import { startOfShanghaiDay } from '../lib/clock';
import {
  CAMPAIGNS,
  CLAIMS,
  STOCK,
  claimId,
  stockId,
  voucherValidUntil,
  type CampaignDoc,
  type ClaimDoc,
  type StockDoc,
} from '../domain/gift/model';
import { PERSONAS } from './personas';

const DAY = 24 * 3600_000;

export const GIFT_CAMPAIGN_ID = 'gift-2026-spring';
export const CLOSED_CAMPAIGN_ID = 'gift-2025-summer';
/** A second 驿站 staff member, scoped to 王江泾镇驿站 (not in the persona switcher list). */
export const OTHER_STATION_STAFF = 'persona-station-staff-2';

const SPRING_STOCK: Array<[string, number]> = [
  ['station-xinchenghui', 150],
  ['station-wangjiangjing', 100],
  ['station-youchegang', 100],
  ['station-honghe', 80],
  ['station-xincheng', 70],
];

export async function seedGift(db: Database, now: number): Promise<void> {
  const today = startOfShanghaiDay(now);
  const spring: CampaignDoc = {
    _id: GIFT_CAMPAIGN_ID,
    name: '2026年“暖新暖心”春节礼包',
    description: '区总工会为坚守岗位的户外劳动者、新就业形态劳动者准备了新春礼包，每人限领一份，请选择常去的驿站领取。',
    items: ['洗发水', '沐浴露', '洗衣液', '春联福字', '保温杯'],
    startAt: today - 2 * DAY + 10 * 3600_000,
    endAt: today + 20 * DAY + 18 * 3600_000,
    groups: ['外卖', '快递', '网约车', '货车司机', '环卫', '施工'],
    validDays: 7,
    anyStation: false,
    paused: false,
    createdAt: today - 10 * DAY,
    updatedAt: today - 10 * DAY,
  };
  const summer: CampaignDoc = {
    _id: CLOSED_CAMPAIGN_ID,
    name: '2025年夏季“送清凉”礼包',
    description: '高温季节为户外劳动者送上防暑降温用品。',
    items: ['藿香正气水', '毛巾', '防晒袖套', '绿豆'],
    startAt: today - 200 * DAY,
    endAt: today - 170 * DAY,
    groups: [],
    validDays: 7,
    anyStation: true,
    paused: false,
    createdAt: today - 210 * DAY,
    updatedAt: today - 210 * DAY,
  };
  for (const c of [spring, summer]) {
    const { _id, ...data } = c;
    await db.collection(CAMPAIGNS).doc(_id).set({ data });
  }

  // The courier already claimed at 新城汇驿站 yesterday: counters agree with the claim.
  const claimedAt = now - DAY;
  const courier: ClaimDoc = {
    _id: claimId(spring._id, PERSONAS.courier),
    voucherId: 'v2026courier000001',
    campaignId: spring._id,
    openid: PERSONAS.courier,
    stationId: 'station-xinchenghui',
    status: 'claimed',
    claimedAt,
    validUntil: voucherValidUntil(spring, claimedAt),
    holderName: '刘海峰',
    holderPhoneTail: '3456',
    holderPhoneMasked: '151****3456',
    memberNo: 'XZ2025000003',
    redeemed: null,
    onSpot: null,
  };
  const { _id: courierId, ...courierData } = courier;
  await db.collection(CLAIMS).doc(courierId).set({ data: courierData });

  for (const [stationId, total] of SPRING_STOCK) {
    const claimed = stationId === courier.stationId ? 1 : 0;
    const doc: Omit<StockDoc, '_id'> = {
      campaignId: spring._id,
      stationId,
      stock: total - claimed,
      claimed,
      redeemed: 0,
    };
    await db.collection(STOCK).doc(stockId(spring._id, stationId)).set({ data: doc });
  }
  // The summer campaign: every pack handed out (no live vouchers left).
  for (const [stationId, total] of [
    ['station-xinchenghui', 60],
    ['station-wangjiangjing', 40],
  ] as const) {
    const doc: Omit<StockDoc, '_id'> = { campaignId: summer._id, stationId, stock: 0, claimed: total, redeemed: total };
    await db.collection(STOCK).doc(stockId(summer._id, stationId)).set({ data: doc });
  }

  const staff2: Omit<UserDoc, '_id'> = {
    roles: ['staff'],
    scopes: [{ kind: 'station', id: 'station-wangjiangjing' }],
    profile: {
      name: '顾建明',
      phone: '13506731234',
      employer: '秀洲区总工会王江泾镇驿站',
      district: '秀洲区',
      category: '机关事业单位职工',
    },
    membership: { status: 'none' },
    createdAt: today - 300 * DAY,
    updatedAt: today - 300 * DAY,
  };
  await db.collection('users').doc(OTHER_STATION_STAFF).set({ data: staff2 });
}
