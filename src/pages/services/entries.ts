/** The four services, as the home grid and the 服务 tab show them. */
export interface ServiceEntry {
  key: 'contest' | 'academy' | 'retirement' | 'gifts';
  title: string;
  /** What is on this season, in one line. */
  season: string;
  description: string;
  url: string;
  mark: string;
  color: string;
}

export const SERVICE_ENTRIES: ServiceEntry[] = [
  {
    key: 'contest',
    title: '技能比武',
    season: '2026职工技能比武报名中',
    description: '数控铣工、服装制版、互联网营销、智能制造等工种，线上报名、审核、签到、查成绩',
    url: '/contest/pages/list/index',
    mark: '赛',
    color: '#c8161d',
  },
  {
    key: 'academy',
    title: '工匠学院',
    season: '点单送课 · 劳模工匠授课',
    description: '企业工会点单，学院派劳模工匠上门或直播授课，职工免费预约座位',
    url: '/academy/pages/sessions/index',
    mark: '学',
    color: '#1d4ed8',
  },
  {
    key: 'retirement',
    title: '光荣退休',
    season: '申领荣誉证书和纪念牌',
    description: '退休职工本人、家属或单位工会均可代为申请，电子证书可扫码验真',
    url: '/retirement/pages/request/index',
    mark: '荣',
    color: '#8a6100', // = --color-gold: white text on it stays ≥ 4.5:1
  },
  {
    key: 'gifts',
    title: '春节礼包',
    season: '驿站新春礼包领取中',
    description: '户外劳动者、新就业形态劳动者在驿站领取新春礼包，凭券核销',
    url: '/gifts/pages/campaign/index',
    mark: '礼',
    color: '#0f7b3f',
  },
];
