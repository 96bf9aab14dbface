/** A stub transport for the gift pages and the campaign they show; every call is recorded. */
import type { CampaignView, StationOption } from '@contract/api/gift';
import { setTransport } from '../../../src/cloud-client';

export type Sent = { name: string; data: Record<string, any> };
type Answer = (data: Record<string, any>) => unknown;

/** Answers by action; an answer that throws `{ code, message, details }` becomes a refusal envelope. */
export function serve(answers: Record<string, Answer>): Sent[] {
  const sent: Sent[] = [];
  setTransport(async (name, data) => {
    sent.push({ name, data: data as Record<string, any> });
    const answer = answers[String(data.action)];
    if (!answer) return { ok: false, code: 'INTERNAL', message: `no stub for ${String(data.action)}` } as any;
    try {
      return { ok: true, data: await answer(data as Record<string, any>) } as any;
    } catch (e: any) {
      return { ok: false, code: e.code, message: e.message, details: e.details } as any;
    }
  });
  return sent;
}

export const actions = (sent: Sent[], action: string) => sent.filter((c) => c.data.action === action);

export const station = (id: string, name: string, left: number): StationOption => ({
  stationId: id,
  name,
  address: `${name}地址`,
  hours: '每天 08:00-20:00',
  lat: 30.77,
  lng: 120.72,
  left,
});

export function campaign(over: Partial<CampaignView> = {}): CampaignView {
  return {
    id: 'gift-2026-spring',
    name: '2026年新春送温暖礼包',
    items: ['春联', '福字', '大米'],
    startAt: Date.UTC(2026, 0, 18, 2),
    endAt: Date.UTC(2026, 1, 9, 10),
    windowText: '2026-01-18 10:00 至 2026-02-09 18:00',
    status: 'open',
    statusText: '领取中',
    validDays: 7,
    anyStation: false,
    groups: ['外卖', '快递'],
    groupsText: '外卖、快递',
    totalLeft: 189,
    eligibility: { eligible: true },
    myVoucher: null,
    stations: [station('station-xinchenghui', '新城汇驿站', 149), station('station-wangjiangjing', '王江泾镇驿站', 40)],
    ...over,
  };
}
