/** The 驿站 form: typed degrees (H5) or a picked place (weapp) become the contract's micro-degrees. */
import {
  closeStationInput,
  saveStationInput,
  type AdminActions,
  type StationAdminView,
  type StationService,
} from '@contract/api/admin';
import type { Parsed } from '@contract/schema';

export interface StationDraft {
  name: string;
  town: string;
  address: string;
  hours: string;
  phone: string;
  services: StationService[];
  /** Degrees as typed, e.g. '30.7712'. */
  lat: string;
  lng: string;
}

export const emptyStationDraft = (): StationDraft => ({
  name: '',
  town: '',
  address: '',
  hours: '每天 08:00-20:00',
  phone: '',
  services: [],
  lat: '',
  lng: '',
});

export function stationDraftOf(s: StationAdminView): StationDraft {
  return {
    name: s.name,
    town: s.town,
    address: s.address,
    hours: s.hours,
    phone: s.phone,
    services: [...s.services],
    lat: String(s.latE6 / 1e6),
    lng: String(s.lngE6 / 1e6),
  };
}

/** '30.7712' → 30771200; anything else → NaN (the schema then names the field). */
export function toMicro(deg: string): number {
  const t = deg.trim();
  return /^-?\d{1,3}(\.\d+)?$/.test(t) ? Math.round(Number(t) * 1e6) : NaN;
}

export function toSaveStationInput(d: StationDraft, stationId?: string): Parsed<AdminActions['saveStation']['input']> {
  const latE6 = toMicro(d.lat);
  const lngE6 = toMicro(d.lng);
  if (Number.isNaN(latE6) || Number.isNaN(lngE6))
    return { ok: false, issue: { path: 'latE6', message: '位置：请在地图上选点，或填写纬度和经度（如 30.7712）' } };
  return saveStationInput.parse({
    ...(stationId ? { stationId } : {}),
    name: d.name,
    town: d.town,
    address: d.address,
    hours: d.hours,
    phone: d.phone,
    services: d.services,
    latE6,
    lngE6,
  });
}

export interface ClosureDraft {
  from: string;
  until: string;
  reason: string;
}

export function toCloseInput(stationId: string, d: ClosureDraft): Parsed<AdminActions['closeStation']['input']> {
  if (d.until <= d.from) return { ok: false, issue: { path: 'until', message: '恢复时间：应晚于暂停开始' } };
  return closeStationInput.parse({ stationId, ...d });
}
