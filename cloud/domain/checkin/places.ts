/**
 * Where a staff member scans: the scope check and the place names shown on results ("已于 10:02
 * 在 新城汇驿站 由 沈丽萍 核验"). Names are read defensively: each domain owns its collection and
 * its field names, and a missing document must not stop the scanner (the id is shown instead).
 */
import { readAll } from '../../lib/paging';
import type { CodeKind, ScanScope, MyScope } from '../../../types/api/checkin';
import type { AdminDomain } from '../../../types/api/admin';
import type { ActionCtx, UserDoc } from '../../lib/context';
import { fail } from '../../lib/errors';
import { hasRole, inScope } from '../../lib/guard';

export const SCOPE_COLLECTIONS: Record<ScanScope['kind'], string> = {
  station: 'stations',
  contest: 'contests',
  session: 'sessions',
};

const SCOPE_KINDS = Object.keys(SCOPE_COLLECTIONS) as ScanScope['kind'][];

/**
 * A domain admin scans their own domain's codes where those are redeemed, like that place's staff,
 * without holding a scope there: the gifts admin covers any 驿站's voucher desk. Nothing else: a
 * gifts admin at a station still cannot check in a member card or hand out a plaque.
 */
const DOMAIN_SCANNING: Partial<Record<AdminDomain, { scope: ScanScope['kind']; kinds: CodeKind[] }>> = {
  gifts: { scope: 'station', kinds: ['voucher'] },
};

/** The kinds this caller may scan in this scope only as a domain admin; null: every kind (staff, admins). */
export function domainKinds(user: UserDoc | null, scope: ScanScope): CodeKind[] | null {
  if (!user || (hasRole(user, 'staff', 'teacher', 'admin') && inScope(user, scope.kind, scope.id))) return null;
  const kinds = (Object.keys(DOMAIN_SCANNING) as AdminDomain[])
    .filter((d) => user.roles.includes(`admin:${d}`) && DOMAIN_SCANNING[d]?.scope === scope.kind)
    .flatMap((d) => DOMAIN_SCANNING[d]?.kinds ?? []);
  return kinds.length ? kinds : null;
}

/** Whether the caller scans anywhere: staff, teachers, admins, or a domain admin with codes to redeem. */
export function isScanner(user: UserDoc | null): boolean {
  return (
    hasRole(user, 'staff', 'teacher', 'admin') ||
    (!!user && (Object.keys(DOMAIN_SCANNING) as AdminDomain[]).some((d) => user.roles.includes(`admin:${d}`)))
  );
}

/** The caller's user record when they may scan in this scope (admins anywhere), else FORBIDDEN. */
export function requireScanScope(ctx: ActionCtx, scope: ScanScope): UserDoc {
  const user = ctx.user;
  const staff = !!user && hasRole(user, 'staff', 'teacher', 'admin') && inScope(user, scope.kind, scope.id);
  if (!user || (!staff && !domainKinds(user, scope))) fail('FORBIDDEN');
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
    // A domain admin who redeems at every place of this kind (the gifts admin: every 驿站).
    const everywhere = admin || !!domainKinds({ ...user, scopes: [] }, { kind, id: '' });
    const ids = everywhere ? null : [...new Set(user.scopes.filter((s) => s.kind === kind).map((s) => s.id))];
    out.push(...(await namesOf(ctx, kind, ids)));
  }
  return out;
}

/** The staff member's name as shown to colleagues on a "used" result. */
export function staffName(user: UserDoc): string {
  return user.profile?.name?.trim() || '工作人员';
}
