import { saveSettingsInput, type RetirementActions, type RetirementSettingsView } from '@contract/api/retirement';
import type { Parsed } from '@contract/schema';

export interface SettingsDraft {
  open: boolean;
  year: string;
  title: string;
  opensAt: string;
  closesAt: string;
  futureDays: string;
  pastDays: string;
  certificateText: string;
  issuer: string;
  serialPrefix: string;
  pickupStationIds: string[];
}

export const settingsDraftOf = (v: RetirementSettingsView): SettingsDraft => ({
  open: v.open,
  year: String(v.year),
  title: v.title,
  opensAt: v.opensText,
  closesAt: v.closesText,
  futureDays: String(v.futureDays),
  pastDays: String(v.pastDays),
  certificateText: v.certificateText,
  issuer: v.issuer,
  serialPrefix: v.serialPrefix,
  pickupStationIds: v.pickupStations.map((s) => s.id),
});

const toInt = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN);

export function toSaveSettingsInput(d: SettingsDraft): Parsed<RetirementActions['saveSettings']['input']> {
  if (d.closesAt <= d.opensAt) return { ok: false, issue: { path: 'closesAt', message: '申请截止：应晚于申请开始' } };
  return saveSettingsInput.parse({
    open: d.open,
    year: toInt(d.year),
    title: d.title,
    opensAt: d.opensAt,
    closesAt: d.closesAt,
    futureDays: toInt(d.futureDays),
    pastDays: toInt(d.pastDays),
    certificateText: d.certificateText,
    issuer: d.issuer,
    serialPrefix: d.serialPrefix,
    pickupStationIds: d.pickupStationIds,
  });
}

/** How the next certificate's number will read: 秀工退〔2026〕第0001号. */
export const serialPreview = (d: SettingsDraft, issued: number) =>
  `${d.serialPrefix || '（前缀）'}〔${d.year}〕第${String(issued + 1).padStart(4, '0')}号`;
