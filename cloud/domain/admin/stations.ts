/**
 * 驿站 (collection `stations`), kept by the gifts admin (or the super admin): add, edit, close for
 * a while (gift claims and redemptions there are refused until it reopens), retire. Station staff
 * come from invitations (grants.ts).
 */
import type { AdminActions, StationAdminView } from '../../../types/api/admin';
import { auditOnce } from '../../lib/audit';
import { formatShanghai, wallTimeMs } from '../../lib/clock';
import type { ActionCtx, Ctx } from '../../lib/context';
import { AppError, fail } from '../../lib/errors';
import { idForRequest } from '../../lib/ids';
import { isDuplicateKeyError } from '../../lib/db';
import { requireAdminOf } from '../../lib/guard';
import { changedByThisRequest, marked } from '../../lib/resume';
import { GRANTS, STATIONS, type GrantDoc, type StationDoc } from './model';

type In<K extends keyof AdminActions> = AdminActions[K]['input'];

/** The closure in force at `now`, if any. */
export function closureNow(st: Pick<StationDoc, 'closure'>, now: number): StationDoc['closure'] | null {
  const c = st.closure;
  return c && c.from <= now && now < c.until ? c : null;
}

/** The refusal for a gift claim or redemption at a closed (or retired) station, or null when open. */
type Closable = Pick<StationDoc, '_id' | 'name' | 'closure'> & { active?: boolean };

export function stationClosedError(st: Closable | undefined | null, now: number): AppError | null {
  if (!st) return null;
  if (st.active === false) return new AppError('STATION_CLOSED', `${st.name}已停用，请选择其他驿站`);
  const c = closureNow(st, now);
  if (!c) return null;
  return new AppError(
    'STATION_CLOSED',
    `${st.name}暂停服务（至 ${formatShanghai(c.until)}）：${c.reason}，请选择其他驿站`,
    {
      stationId: st._id,
      until: c.until,
    },
  );
}

/** Throws STATION_CLOSED when the station is closed now. */
export function requireStationOpen(st: Closable | undefined | null, now: number): void {
  const e = stationClosedError(st, now);
  if (e) throw e;
}

async function staffOf(ctx: Ctx, stationId: string): Promise<StationAdminView['staff']> {
  const grants = (
    await ctx.db
      .collection(GRANTS)
      .where({ kind: 'stationStaff', active: true, 'scope.id': stationId })
      .limit(100)
      .get()
  ).data as GrantDoc[];
  const out: StationAdminView['staff'] = [];
  for (const g of grants) {
    const u = (await ctx.db.collection('users').where({ _id: g.openid }).limit(1).get()).data[0];
    out.push({ grantId: g._id, name: (u?.profile?.name as string) || '未填写姓名' });
  }
  return out;
}

async function view(ctx: Ctx, st: StationDoc): Promise<StationAdminView> {
  const now = ctx.now();
  const v: StationAdminView = {
    id: st._id,
    name: st.name,
    town: st.town ?? '',
    address: st.address,
    hours: st.hours,
    phone: st.phone ?? '',
    services: st.services ?? [],
    latE6: Math.round(st.lat * 1e6),
    lngE6: Math.round(st.lng * 1e6),
    active: st.active !== false,
    staff: await staffOf(ctx, st._id),
  };
  if (st.closure && st.closure.until > now) {
    v.closure = {
      ...st.closure,
      text: `${formatShanghai(st.closure.from)} 至 ${formatShanghai(st.closure.until)}`,
      now: !!closureNow(st, now),
    };
  }
  return v;
}

async function load(ctx: Ctx, stationId: string): Promise<StationDoc> {
  const st = (await ctx.db.collection(STATIONS).where({ _id: stationId }).limit(1).get()).data[0] as
    StationDoc | undefined;
  if (!st) fail('NOT_FOUND', '没有找到这个驿站');
  return st;
}

export async function listStationsAdmin(ctx: ActionCtx): Promise<StationAdminView[]> {
  requireAdminOf(ctx, 'gifts');
  const all = (await ctx.db.collection(STATIONS).limit(100).get()).data as StationDoc[];
  all.sort((a, b) => Number(b.active !== false) - Number(a.active !== false) || a.name.localeCompare(b.name, 'zh'));
  return Promise.all(all.map((st) => view(ctx, st)));
}

export async function saveStation(ctx: ActionCtx, input: In<'saveStation'>): Promise<StationAdminView> {
  requireAdminOf(ctx, 'gifts');
  const { stationId, latE6, lngE6, ...fields } = input;
  const existing = stationId ? await load(ctx, stationId) : null;
  // A new station's id comes from the request: its retry after a crash finds the station it made.
  const newId = `station-${idForRequest(ctx, 5)}`;
  const same = (await ctx.db.collection(STATIONS).where({ name: input.name }).limit(2).get()).data;
  if (same.some((d) => d._id !== (stationId ?? newId)))
    fail('INVALID_INPUT', '驿站名称：已有同名驿站', { field: 'name' });
  const data = {
    ...fields,
    services: [...new Set(fields.services)],
    lat: latE6 / 1e6,
    lng: lngE6 / 1e6,
    updatedAt: ctx.now(),
  };
  let doc: StationDoc;
  if (existing) {
    await ctx.db.collection(STATIONS).doc(existing._id).update({ data });
    doc = { ...existing, ...data };
  } else {
    doc = { _id: newId, ...data, active: true };
    try {
      await ctx.db.collection(STATIONS).add({ data: doc });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      doc = await load(ctx, newId);
    }
  }
  await auditOnce(ctx, {
    event: existing ? 'admin.updateStation' : 'admin.createStation',
    target: { kind: 'station', id: doc._id },
    detail: { name: doc.name, fields: Object.keys(fields) },
  });
  return view(ctx, doc);
}

export async function closeStation(ctx: ActionCtx, input: In<'closeStation'>): Promise<StationAdminView> {
  requireAdminOf(ctx, 'gifts');
  const st = await load(ctx, input.stationId);
  const from = wallTimeMs(input.from);
  const until = wallTimeMs(input.until);
  if (!Number.isFinite(from) || !Number.isFinite(until)) fail('INVALID_INPUT', '暂停开始：时间无效', { field: 'from' });
  if (until <= from) fail('INVALID_INPUT', '恢复时间：应晚于暂停开始', { field: 'until' });
  if (until <= ctx.now()) fail('INVALID_INPUT', '恢复时间：应晚于现在', { field: 'until' });
  const closure = { from, until, reason: input.reason };
  await ctx.db
    .collection(STATIONS)
    .doc(st._id)
    .update({ data: { closure, updatedAt: ctx.now() } });
  await auditOnce(ctx, { event: 'admin.closeStation', target: { kind: 'station', id: st._id }, detail: closure });
  return view(ctx, { ...st, closure });
}

export async function reopenStation(ctx: ActionCtx, input: In<'reopenStation'>): Promise<StationAdminView> {
  requireAdminOf(ctx, 'gifts');
  const st = await load(ctx, input.stationId);
  // Reopened by this very request before a crash: finish with the audit entry and the answer.
  const resumed = !st.closure && changedByThisRequest(ctx, st);
  if (!resumed) {
    if (!st.closure) fail('INVALID_STATE', '该驿站没有暂停服务');
    await ctx.db
      .collection(STATIONS)
      .doc(st._id)
      .update({ data: marked(ctx, { closure: ctx.db.command.remove(), updatedAt: ctx.now() }) });
  }
  await auditOnce(ctx, { event: 'admin.reopenStation', target: { kind: 'station', id: st._id } });
  const { closure: _closure, ...rest } = st;
  return view(ctx, rest);
}

export async function setStationActive(ctx: ActionCtx, input: In<'setStationActive'>): Promise<StationAdminView> {
  requireAdminOf(ctx, 'gifts');
  const st = await load(ctx, input.stationId);
  const resumed = (st.active !== false) === input.active && changedByThisRequest(ctx, st);
  if (!resumed) {
    if ((st.active !== false) === input.active) fail('INVALID_STATE', input.active ? '该驿站已在使用' : '该驿站已停用');
    await ctx.db
      .collection(STATIONS)
      .doc(st._id)
      .update({ data: marked(ctx, { active: input.active, updatedAt: ctx.now() }) });
  }
  await auditOnce(ctx, {
    event: input.active ? 'admin.restoreStation' : 'admin.retireStation',
    target: { kind: 'station', id: st._id },
  });
  return view(ctx, { ...st, active: input.active });
}
