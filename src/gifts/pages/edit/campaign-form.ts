/**
 * The campaign form's state and how it becomes a createCampaign / updateCampaign payload. Kept apart
 * from the page so the rules (Shanghai wall time, 、-separated items, stock per station) are testable.
 */
import { createCampaignInput, updateCampaignInput, type CampaignView, type GiftActions } from '@contract/api/gift';
import type { GigGroup } from '@contract/api/member';
import { withIssues, type Issue } from '@contract/schema';
import { dateOf, timeOf } from '../../../utils/format';

export interface CampaignDraft {
  name: string;
  description: string;
  /** 礼包内容, separated by 、 or commas: 春联、福字、米、油 */
  items: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  groups: GigGroup[];
  validDays: string;
  anyStation: boolean;
  /** Packs per station id, as typed ('' = the station takes no part). */
  stock: Record<string, string>;
}

export type FormResult<T> = { ok: true; value: T } | { ok: false; issue: Issue; issues?: Issue[] };

/**
 * A new campaign starts now (this hour, so it is open at once unless the admin moves it) and runs for two
 * weeks: a window that ends before it starts, or one still shut on the first day, helps nobody.
 */
export function emptyDraft(today: string, opts: { startTime?: string; endDate?: string } = {}): CampaignDraft {
  return {
    name: '',
    description: '',
    items: '',
    startDate: today,
    startTime: opts.startTime ?? '09:00',
    endDate: opts.endDate ?? today,
    endTime: '18:00',
    groups: [],
    validDays: '7',
    anyStation: false,
    stock: {},
  };
}

/** An existing campaign as a draft (its stock is moved on the manage page, never typed in again). */
export function draftFrom(c: CampaignView): CampaignDraft {
  return {
    name: c.name,
    description: c.description ?? '',
    items: c.items.join('、'),
    startDate: dateOf(c.startAt),
    startTime: timeOf(c.startAt),
    endDate: dateOf(c.endAt),
    endTime: timeOf(c.endAt),
    groups: [...c.groups],
    validDays: String(c.validDays),
    anyStation: c.anyStation,
    stock: {},
  };
}

const splitItems = (items: string) =>
  items
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A non-integer typed number must fail the schema, not turn silently into 0. */
const toInt = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN);

function common(d: CampaignDraft) {
  return {
    name: d.name.trim(),
    ...(d.description.trim() ? { description: d.description.trim() } : {}),
    items: splitItems(d.items),
    startAt: `${d.startDate} ${d.startTime}`,
    endAt: `${d.endDate} ${d.endTime}`,
    groups: d.groups,
    validDays: toInt(d.validDays),
    anyStation: d.anyStation,
  };
}

/** Window order is checked here too, so the admin hears it before the round trip. */
function windowIssue(d: CampaignDraft): Issue | null {
  return `${d.endDate} ${d.endTime}` <= `${d.startDate} ${d.startTime}`
    ? { path: 'endAt', message: '结束时间请晚于开始时间' }
    : null;
}

export function toCreateInput(d: CampaignDraft): FormResult<GiftActions['createCampaign']['input']> {
  const stock = Object.entries(d.stock)
    .filter(([, v]) => v.trim() !== '')
    .map(([stationId, v]) => ({ stationId, stock: toInt(v) }));
  const none = stock.length === 0 && { path: 'stock', message: '请至少给一个驿站分配礼包' };
  return withIssues(createCampaignInput.parse({ ...common(d), stock }), none, windowIssue(d));
}

export function toUpdateInput(id: string, d: CampaignDraft): FormResult<GiftActions['updateCampaign']['input']> {
  return withIssues(updateCampaignInput.parse({ campaignId: id, ...common(d) }), windowIssue(d));
}
