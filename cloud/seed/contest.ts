/**
 * Skills contests for the emulator, relative to `now` so the demo always has an open contest:
 * - `contest-2026-skills` 2026年秀洲区职工技能比武: registration open (closes in 5 days, 18:00),
 *   contest days 4 days after the deadline; 数控铣工 has one place left; 智能制造 limits places per
 *   employer; a few fictional contestants fill the admin's review queue.
 * - `contest-2026-autumn`: upcoming (registration opens in a month).
 * - `contest-2025-skills`: closed, results published (the results page has something to show).
 * - `contest-2026-live`: a 现场赛 whose contest days are today and tomorrow and whose registration
 *   stays open until 23:59 today, so check-in can be tried (demo, browser tests) on any day.
 * persona-venue-staff is scoped to `contest-2026-skills` by the personas seed; this seed adds the
 * scope of `contest-2026-live`.
 */
import type { Award, SkillLevel } from '../../types/api/contest';
import { startOfShanghaiDay } from '../lib/clock';
import type { Database } from '../lib/db';
import {
  CONTESTS,
  REGISTRATIONS,
  TITLES,
  TRADES,
  registrationId,
  tradeKey,
  type ContestDoc,
  type RegistrationDoc,
  type TradeDoc,
} from '../domain/contest/model';
import { titleId } from '../domain/contest/eligibility';

const DAY = 24 * 3600_000;
const HOUR = 3600_000;

const AWARDS_TEXT =
  '各项目设一等奖1名、二等奖2名、三等奖3名及优秀奖若干。获奖选手给予荣誉表彰和现金奖励，符合条件的按规定直接晋升相应职业技能等级，一等奖获得者授予“秀洲区技术能手”称号并推荐参评“嘉兴工匠”。';
const RULES = [
  '参赛选手须为本区企业在职职工、工会会员，年龄16周岁至60周岁以下（以比赛首日计）。',
  '每人每个项目限报一次，可同时报名不同项目；已获得该项目“技术能手”称号者不再参加同一项目。',
  '比赛分理论知识（30%）和实际操作（70%）两部分，实操按现场评分细则计分。',
  '比赛当天凭小程序“入场码”签到，请携带身份证，提前30分钟到场。',
];

interface TradeSeed {
  id: string;
  name: string;
  rules: string;
  quota: number;
  employerQuota?: number;
  /** Fictional contestants already registered. */
  seeded: number;
  /** The 工种 those contestants give: what their job is called at work, not the trade's name. */
  jobTitles: string[];
}

const TRADES_2026: TradeSeed[] = [
  {
    id: 'cnc-milling',
    name: '数控铣工',
    rules: '按图样完成典型零件的数控铣削加工，考核编程、装夹、加工精度和安全文明生产，限时240分钟。',
    quota: 12,
    seeded: 11,
    jobTitles: ['数控铣工', '加工中心操作工', '数控车工'],
  },
  {
    id: 'garment-pattern',
    name: '服装制版',
    rules: '围绕“高效版型优化”完成指定款式的结构制图与样板制作，评委现场拆解作品的产业应用价值。',
    quota: 30,
    seeded: 4,
    jobTitles: ['服装制版师', '打版师', '样衣工'],
  },
  {
    id: 'online-marketing',
    name: '互联网营销',
    rules: '为本地企业产品策划一场直播营销，含脚本撰写、直播实操与数据复盘，每组20分钟。',
    quota: 40,
    seeded: 3,
    jobTitles: ['电商主播', '运营专员', '网店美工'],
  },
  {
    id: 'smart-manufacturing',
    name: '智能制造',
    rules: '在智能产线实训平台上完成工业机器人编程、视觉检测与产线联调，两人一队按个人报名。',
    quota: 20,
    employerQuota: 3,
    seeded: 2,
    jobTitles: ['设备维修工', '工业机器人操作员', '电工'],
  },
];

const SURNAMES = ['李', '张', '陈', '沈', '朱', '徐', '钱', '吴', '顾', '姚', '陆', '蒋'];
const GIVEN = ['晓东', '建华', '丽娟', '卫国', '海燕', '志明', '秀英', '国平', '雪梅', '振宇', '佳怡', '明亮'];
const EMPLOYERS = [
  '嘉兴秀洲精工机械有限公司',
  '王江泾丝绸服饰有限公司',
  '嘉兴纺织有限公司',
  '秀洲高新区智能装备有限公司',
];
const LEVELS: SkillLevel[] = ['中级工', '高级工', '技师', '初级工'];

function person(i: number) {
  return {
    openid: `seed-contestant-${String(i).padStart(3, '0')}`,
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 5) % GIVEN.length]}`,
    phone: `139573${String(10000 + i * 37).slice(-5)}`,
    employer: EMPLOYERS[i % EMPLOYERS.length],
  };
}

async function put(db: Database, collection: string, doc: { _id: string }): Promise<void> {
  const { _id, ...data } = doc;
  await db.collection(collection).doc(_id).set({ data });
}

async function seedOne(
  db: Database,
  contest: ContestDoc,
  trades: TradeSeed[],
  statusOf: (n: number) => RegistrationDoc['status'],
  results?: (n: number) => { rank: number; award?: Award },
): Promise<void> {
  await put(db, CONTESTS, contest);
  let k = contest._id.length;
  for (const t of trades) {
    const trade: TradeDoc = {
      _id: tradeKey(contest._id, t.id),
      contestId: contest._id,
      tradeId: t.id,
      name: t.name,
      rules: t.rules,
      quota: t.quota,
      taken: t.seeded,
    };
    if (t.employerQuota) trade.employerQuota = t.employerQuota;
    if (results) trade.resultsPublishedAt = contest.contestEndsAt + 2 * DAY;
    await put(db, TRADES, trade);
    for (let n = 0; n < t.seeded; n++) {
      const p = person(k++);
      const reg: RegistrationDoc = {
        _id: registrationId(contest._id, t.id, p.openid),
        openid: p.openid,
        contestId: contest._id,
        tradeId: t.id,
        tradeName: t.name,
        name: p.name,
        phone: p.phone,
        employer: p.employer,
        jobTitle: t.jobTitles[n % t.jobTitles.length],
        skillLevel: LEVELS[n % LEVELS.length],
        yearsInTrade: 3 + ((n * 3) % 15),
        status: statusOf(n),
        submittedAt: contest.registrationOpensAt + (n + 1) * 5 * HOUR,
        attempt: 1,
      };
      if (reg.status !== 'submitted') reg.reviewedAt = reg.submittedAt + DAY;
      if (reg.status === 'returned') reg.returnReason = '工作单位请填写营业执照上的全称';
      const r = results?.(n);
      if (r) Object.assign(reg, { rank: r.rank, ...(r.award ? { award: r.award } : {}) });
      await put(db, REGISTRATIONS, reg);
    }
  }
}

export async function seedContest(db: Database, now: number): Promise<void> {
  const today = startOfShanghaiDay(now);
  const base = {
    venue: '秀洲区职工技能实训基地',
    venueAddress: '嘉兴市秀洲区洪兴西路1288号 秀洲区职业技术教育中心实训楼',
    rules: RULES,
    awards: AWARDS_TEXT,
    createdAt: now - 20 * DAY,
  };

  const closes = today + 5 * DAY + 18 * HOUR;
  const day1 = today + 9 * DAY;
  await seedOne(
    db,
    {
      _id: 'contest-2026-skills',
      title: '2026年秀洲区职工技能比武',
      summary:
        '以赛促学、以赛赋能、以赛兴产：设数控铣工、服装制版、互联网营销、智能制造四个项目，欢迎一线职工踊跃报名。',
      ...base,
      registrationOpensAt: today - 10 * DAY + 9 * HOUR,
      registrationClosesAt: closes,
      contestStartsAt: day1 + 8 * HOUR + 30 * 60_000,
      contestEndsAt: day1 + DAY + 17 * HOUR,
      schedule: [
        { at: closes, text: '报名截止' },
        { at: closes + 2 * DAY, text: '公布参赛名单（审核通过者可在“我的报名”查看入场码）' },
        { at: day1 + 8 * HOUR, text: '第一天 08:00 签到，08:30 开幕式，09:00 理论考试' },
        { at: day1 + 13 * HOUR + 30 * 60_000, text: '第一天 13:30 数控铣工、智能制造实操' },
        { at: day1 + DAY + 8 * HOUR + 30 * 60_000, text: '第二天 08:30 服装制版、互联网营销实操' },
        { at: day1 + DAY + 16 * HOUR, text: '第二天 16:00 闭幕式' },
      ],
      tradeIds: TRADES_2026.map((t) => t.id),
    },
    TRADES_2026,
    (n) => (['submitted', 'approved', 'approved', 'returned'] as const)[n % 4],
  );

  const autumnOpens = today + 30 * DAY + 9 * HOUR;
  await seedOne(
    db,
    {
      _id: 'contest-2026-autumn',
      title: '2026年秀洲区新就业形态劳动者技能比武',
      summary: '面向外卖骑手、快递小哥、网约车司机的安全驾驶与服务技能比武。',
      ...base,
      venue: '秀洲区新城汇驿站广场',
      venueAddress: '嘉兴市秀洲区新城街道康和路新城汇商业中心广场',
      registrationOpensAt: autumnOpens,
      registrationClosesAt: autumnOpens + 20 * DAY,
      contestStartsAt: autumnOpens + 30 * DAY,
      contestEndsAt: autumnOpens + 30 * DAY + 8 * HOUR,
      schedule: [{ at: autumnOpens, text: '开放报名' }],
      tradeIds: ['delivery-safety', 'courier-service'],
    },
    [
      {
        id: 'delivery-safety',
        name: '外卖配送安全骑行',
        rules: '电动自行车安全骑行障碍赛与交通法规笔试。',
        quota: 60,
        seeded: 0,
        jobTitles: ['外卖骑手'],
      },
      {
        id: 'courier-service',
        name: '快递收派服务',
        rules: '快件分拣、包装与客户服务情景考核。',
        quota: 40,
        seeded: 0,
        jobTitles: ['快递员'],
      },
    ],
    () => 'submitted',
  );

  const past = today - 200 * DAY;
  await seedOne(
    db,
    {
      _id: 'contest-2025-skills',
      title: '2025年秀洲区职工技能大赛',
      summary: '1800余名一线职工同台竞技，比出高低，学到真招。',
      ...base,
      registrationOpensAt: past,
      registrationClosesAt: past + 20 * DAY,
      contestStartsAt: past + 30 * DAY,
      contestEndsAt: past + 31 * DAY,
      schedule: [{ at: past + 30 * DAY, text: '比赛' }],
      tradeIds: ['cnc-milling', 'garment-pattern'],
    },
    [
      { ...TRADES_2026[0], quota: 40, seeded: 5 },
      { ...TRADES_2026[1], quota: 40, seeded: 5 },
    ],
    () => 'awarded',
    (n) => ({ rank: n + 1, award: (['一等奖', '二等奖', '二等奖', '三等奖', '优秀奖'] as const)[n] }),
  );
  await seedOne(
    db,
    {
      _id: 'contest-2026-live',
      title: '2026年秀洲区直播电商技能快赛（现场赛）',
      summary: '面向电商企业一线主播和运营的现场快赛，比赛期间可报名，审核通过即可凭入场码签到参赛。',
      ...base,
      venue: '秀洲区电商直播基地',
      venueAddress: '嘉兴市秀洲区新塍镇电商产业园2号楼',
      registrationOpensAt: today - 7 * DAY,
      registrationClosesAt: today + DAY - 60_000,
      contestStartsAt: today + 9 * HOUR,
      contestEndsAt: today + DAY + 17 * HOUR,
      schedule: [
        { at: today + 9 * HOUR, text: '第一天 09:00 起分组直播实操（随到随比）' },
        { at: today + DAY + 16 * HOUR, text: '第二天 16:00 公布成绩' },
      ],
      tradeIds: ['live-commerce'],
    },
    [
      {
        id: 'live-commerce',
        name: '直播电商',
        rules: '10分钟直播带货实操：选品讲解、互动控场与合规话术，评委按评分细则现场打分。',
        quota: 30,
        seeded: 2,
        jobTitles: ['带货主播', '直播运营'],
      },
    ],
    (n) => (n === 0 ? 'approved' : 'submitted'),
  );
  await db
    .collection('users')
    .doc('persona-venue-staff')
    .update({ data: { scopes: db.command.addToSet({ kind: 'contest', id: 'contest-2026-live' }) } });

  // Last year's first prizes hold the title, which bars them from the same trade this year.
  for (const [i, tradeName] of [
    ['cnc-milling', '数控铣工'],
    ['garment-pattern', '服装制版'],
  ].entries()) {
    const p = person('contest-2025-skills'.length + i * 5);
    await put(db, TITLES, {
      _id: titleId(tradeName[1], p.openid),
      openid: p.openid,
      trade: tradeName[1],
      title: `2025年秀洲区${tradeName[1]}技术能手`,
      year: 2025,
    } as { _id: string });
  }
}
