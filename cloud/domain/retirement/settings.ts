/**
 * 光荣退休 settings (doc `current` of `retirementSettings`), kept by the retirement admin: the
 * campaign window, the certificate's honour text and issuer, the serial prefix, the pickup
 * stations. The rest of the domain reads them from there (create.ts, requests.ts, certificate.ts).
 */
import type { RetirementActions, RetirementSettingsView } from '../../../types/api/retirement';
import { auditOnce } from '../../lib/audit';
import { sortableShanghai, shanghaiDate, shanghaiTime, wallTimeMs } from '../../lib/clock';
import type { ActionCtx, Ctx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { COUNTERS, DEFAULT_CERTIFICATE_TEXT, DEFAULT_SERIAL_PREFIX, SETTINGS, type RetirementSettings } from './model';

type In<K extends keyof RetirementActions> = RetirementActions[K]['input'];

async function stored(ctx: Ctx): Promise<RetirementSettings | null> {
  const found = await ctx.db.collection(SETTINGS).where({ _id: 'current' }).limit(1).get();
  return (found.data[0] as RetirementSettings | undefined) ?? null;
}

/** What a fresh database offers the admin's form: this year, closed, the whole year as window. */
function defaults(now: number): RetirementSettings {
  const year = Number(shanghaiDate(now).slice(0, 4));
  return {
    _id: 'current',
    open: false,
    year,
    title: `${year}年企业职工「光荣退休」`,
    futureDays: 30,
    pastDays: 730,
    placeIds: [],
    issuer: '区总工会',
    opensAt: shanghaiTime(`${year}-01-01 00:00`),
    closesAt: shanghaiTime(`${year}-12-31 23:59`),
    certificateText: DEFAULT_CERTIFICATE_TEXT,
    serialPrefix: DEFAULT_SERIAL_PREFIX,
  };
}

async function view(ctx: Ctx, s: RetirementSettings, configured: boolean): Promise<RetirementSettingsView> {
  const d = defaults(ctx.now());
  const _ = ctx.db.command;
  const stations = s.placeIds.length
    ? (
        await ctx.db
          .collection('stations')
          .where({ _id: _.in(s.placeIds) })
          .limit(100)
          .get()
      ).data
    : [];
  const counter = (
    await ctx.db
      .collection(COUNTERS)
      .where({ _id: `serial-${s.year}` })
      .limit(1)
      .get()
  ).data[0];
  const opensAt = s.opensAt ?? shanghaiTime(`${s.year}-01-01 00:00`);
  const closesAt = s.closesAt ?? shanghaiTime(`${s.year}-12-31 23:59`);
  return {
    configured,
    open: s.open,
    year: s.year,
    title: s.title,
    opensAt,
    closesAt,
    opensText: sortableShanghai(opensAt),
    closesText: sortableShanghai(closesAt),
    futureDays: s.futureDays,
    pastDays: s.pastDays,
    certificateText: s.certificateText ?? d.certificateText!,
    issuer: s.issuer,
    serialPrefix: s.serialPrefix ?? DEFAULT_SERIAL_PREFIX,
    pickupStations: s.placeIds.map((id) => ({
      id,
      name: (stations.find((st) => st._id === id)?.name as string | undefined) ?? id,
    })),
    issuedThisYear: Number(counter?.seq ?? 0),
  };
}

export async function getSettings(ctx: ActionCtx): Promise<RetirementSettingsView> {
  const s = await stored(ctx);
  return view(ctx, s ?? defaults(ctx.now()), !!s);
}

export async function saveSettings(ctx: ActionCtx, input: In<'saveSettings'>): Promise<RetirementSettingsView> {
  const opensAt = wallTimeMs(input.opensAt);
  const closesAt = wallTimeMs(input.closesAt);
  if (!Number.isFinite(opensAt)) fail('INVALID_INPUT', '申请开始：不是有效时间', { field: 'opensAt' });
  if (!Number.isFinite(closesAt) || closesAt <= opensAt)
    fail('INVALID_INPUT', '申请截止：应晚于申请开始', { field: 'closesAt' });
  const placeIds = [...new Set(input.pickupStationIds)];
  if (placeIds.length) {
    const _ = ctx.db.command;
    const found = (
      await ctx.db
        .collection('stations')
        .where({ _id: _.in(placeIds) })
        .limit(100)
        .get()
    ).data;
    placeIds.forEach((id, i) => {
      const st = found.find((d) => d._id === id);
      if (!st || st.active === false)
        fail('INVALID_INPUT', '领取地点：没有这个驿站', { field: `pickupStationIds.${i}` });
    });
  }
  if (input.open && !placeIds.length)
    fail('INVALID_INPUT', '领取地点：开放申请前请至少选择一个纪念牌领取地点', { field: 'pickupStationIds' });
  const doc: RetirementSettings = {
    _id: 'current',
    open: input.open,
    year: input.year,
    title: input.title,
    futureDays: input.futureDays,
    pastDays: input.pastDays,
    placeIds,
    issuer: input.issuer,
    opensAt,
    closesAt,
    certificateText: input.certificateText,
    serialPrefix: input.serialPrefix,
    updatedAt: ctx.now(),
  };
  const { _id, ...data } = doc;
  await ctx.db.collection(SETTINGS).doc(_id).set({ data });
  await auditOnce(ctx, {
    event: 'retirement.saveSettings',
    target: { kind: 'retirementSettings', id: _id },
    detail: { open: doc.open, year: doc.year, opensAt, closesAt, serialPrefix: doc.serialPrefix, placeIds },
  });
  return view(ctx, doc, true);
}
