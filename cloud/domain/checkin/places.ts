/**
 * Where a staff member scans: the scope check and the place names shown on results ("已于 10:02
 * 在 新城汇驿站 由 沈丽萍 核验"). Names are read defensively: each domain owns its collection and
 * its field names, and a missing document must not stop the scanner (the id is shown instead).
 */
import { readAll } from '../../lib/paging';
import type { ScanScope, MyScope } from '../../../types/api/checkin';
import type { ActionCtx, UserDoc } from '../../lib/context';
import { fail } from '../../lib/errors';
import { hasRole, inScope } from '../../lib/guard';

export const SCOPE_COLLECTIONS: Record<ScanScope['kind'], string> = {
  station: 'stations',
  contest: 'contests',
  session: 'sessions',
};

const SCOPE_KINDS = Object.keys(SCOPE_COLLECTIONS) as ScanScope['kind'][];

/** The caller's user record when they may scan in this scope (admins anywhere), else FORBIDDEN. */
export function requireScanScope(ctx: ActionCtx, scope: ScanScope): UserDoc {
  const user = ctx.user;
  if (!user || !hasRole(user, 'staff', 'teacher', 'admin') || !inScope(user, scope.kind, scope.id)) fail('FORBIDDEN');
  return user;
}

export function scopeKey(scope: ScanScope): string {
  return `${scope.kind}:${scope.id}`;
}

function nameOf(doc: Record<string, unknown> | undefined, fallback: string): string {
  if (!doc) return fallback;
  for (const field of ['name', 'title', 'courseTitle']) {
    const v = doc[field];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return fallback;
}

/** Names of many scopes of one kind in one query. */
async function namesOf(ctx: ActionCtx, kind: ScanScope['kind'], ids: string[] | null): Promise<MyScope[]> {
  const _ = ctx.db.command;
  const coll = ctx.db.collection(SCOPE_COLLECTIONS[kind]);
  // Admins (ids === null) may work anywhere: every place of the kind.
  const query = ids === null ? coll.where({}) : coll.where({ _id: _.in(ids) });
  const found = ids !== null && ids.length === 0 ? [] : await readAll(query);
  const byId = new Map(found.map((d) => [String(d._id), d]));
  const list = ids ?? found.map((d) => String(d._id));
  return list.map((id) => ({ kind, id, name: nameOf(byId.get(id), id) }));
}

export async function placeName(ctx: ActionCtx, scope: ScanScope): Promise<string> {
  const [one] = await namesOf(ctx, scope.kind, [scope.id]);
  return one.name;
}

/** The scopes the caller can scan in, with names: their own, or (admins) every place. */
export async function myScanScopes(ctx: ActionCtx, user: UserDoc): Promise<MyScope[]> {
  const admin = hasRole(user, 'admin');
  const out: MyScope[] = [];
  for (const kind of SCOPE_KINDS) {
    const ids = admin ? null : [...new Set(user.scopes.filter((s) => s.kind === kind).map((s) => s.id))];
    out.push(...(await namesOf(ctx, kind, ids)));
  }
  return out;
}

/** The staff member's name as shown to colleagues on a "used" result. */
export function staffName(user: UserDoc): string {
  return user.profile?.name?.trim() || '工作人员';
}
