/**
 * 秀洲区 户外劳动者服务驿站 (collection `stations`): where riders and couriers rest, and where gift
 * packs are handed out. Coordinates are approximate, around 秀洲 (30.77N, 120.70E).
 */
export const STATION_SERVICES = ['热水', '充电', '休息', '如厕', '急救箱', '微波炉', '图书角'] as const;
export type StationService = (typeof STATION_SERVICES)[number];

export interface StationDoc {
  _id: string;
  name: string;
  town: string;
  address: string;
  /** Opening hours as shown on the door. */
  hours: string;
  phone: string;
  services: StationService[];
  lat: number;
  lng: number;
  active: boolean;
}

export const stations: StationDoc[] = [
  {
    _id: 'station-xinchenghui',
    name: '新城汇驿站',
    town: '新城街道',
    address: '嘉兴市秀洲区新城街道康和路新城汇商业中心1楼',
    hours: '每天 08:00-20:00',
    phone: '0573-82201001',
    services: ['热水', '充电', '休息', '如厕', '急救箱', '微波炉'],
    lat: 30.7731,
    lng: 120.7085,
    active: true,
  },
  {
    _id: 'station-wangjiangjing',
    name: '王江泾镇驿站',
    town: '王江泾镇',
    address: '嘉兴市秀洲区王江泾镇东进路工会服务中心旁',
    hours: '每天 08:30-18:30',
    phone: '0573-82201002',
    services: ['热水', '充电', '休息', '如厕', '急救箱'],
    lat: 30.8672,
    lng: 120.7101,
    active: true,
  },
  {
    _id: 'station-youchegang',
    name: '油车港驿站',
    town: '油车港镇',
    address: '嘉兴市秀洲区油车港镇正阳路便民服务中心东侧',
    hours: '每天 08:00-18:00',
    phone: '0573-82201003',
    services: ['热水', '充电', '休息', '急救箱', '图书角'],
    lat: 30.8185,
    lng: 120.8142,
    active: true,
  },
  {
    _id: 'station-honghe',
    name: '洪合镇驿站',
    town: '洪合镇',
    address: '嘉兴市秀洲区洪合镇洪福路毛衫市场北门',
    hours: '周一至周六 08:00-19:00',
    phone: '0573-82201004',
    services: ['热水', '充电', '休息', '如厕'],
    lat: 30.7436,
    lng: 120.6279,
    active: true,
  },
  {
    _id: 'station-xincheng',
    name: '新塍镇驿站',
    town: '新塍镇',
    address: '嘉兴市秀洲区新塍镇新溪路古镇游客中心旁',
    hours: '每天 08:30-18:00',
    phone: '0573-82201005',
    services: ['热水', '充电', '休息', '如厕', '急救箱'],
    lat: 30.7762,
    lng: 120.6054,
    active: true,
  },
];
