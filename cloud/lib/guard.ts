import type { Role, ScopeKind } from '../../types/api/common';
import { ADMIN_DOMAINS, type AdminDomain } from '../../types/api/admin';
import type { ActionCtx, UserDoc } from './context';
import { fail } from './errors';

/** The domain each cloud function serves: its domain admin acts as `admin` inside it (and nowhere else). */
export const FUNCTION_DOMAIN: Record<string, AdminDomain | undefined> = {
  contest: 'contests',
  academy: 'academy',
  retirement: 'retirement',
  gift: 'gifts',
  member: 'members',
};

/**
 * The roles a caller holds inside one function: a domain admin (`admin:contests`) gains `admin` in
 * that domain's function, so every `['admin']` action and every admin-wide scope check there accepts
 * them, while other functions still see a plain user.
 */
export function effectiveRoles(fn: string, roles: readonly Role[]): Role[] {
  const domain = Object.prototype.hasOwnProperty.call(FUNCTION_DOMAIN, fn) ? FUNCTION_DOMAIN[fn] : undefined;
  if (domain && !roles.includes('admin') && roles.includes(`admin:${domain}`)) return [...roles, 'admin'];
  return [...roles];
}

/** The domains a user administers: every one for the super admin. */
export function adminDomainsOf(user: UserDoc | null): AdminDomain[] {
  if (!user) return [];
  if (user.roles.includes('admin')) return [...ADMIN_DOMAINS];
  return ADMIN_DOMAINS.filter((d) => user.roles.includes(`admin:${d}`));
}

export function isSuperAdmin(user: UserDoc | null): boolean {
  return !!user && user.roles.includes('admin');
}

/** FORBIDDEN unless the caller is the super admin or the admin of one of these domains. */
export function requireAdminOf(ctx: ActionCtx, ...domains: AdminDomain[]): UserDoc {
  const mine = adminDomainsOf(ctx.user);
  if (!ctx.user || !domains.some((d) => mine.includes(d))) fail('FORBIDDEN');
  return ctx.user;
}

export function hasRole(user: UserDoc | null, ...roles: Role[]): boolean {
  return !!user && roles.some((r) => user.roles.includes(r));
}

/** The caller's user record, or UNAUTHENTICATED / FORBIDDEN. */
export function requireUser(ctx: ActionCtx, ...roles: Role[]): UserDoc {
  if (!ctx.user) fail(roles.length ? 'FORBIDDEN' : 'PROFILE_INCOMPLETE');
  if (roles.length && !hasRole(ctx.user, ...roles)) fail('FORBIDDEN');
  return ctx.user;
}

/** True for admins and for a user holding the scope (staff of that station, teacher of that session...). */
export function inScope(user: UserDoc | null, kind: ScopeKind, id: string): boolean {
  if (!user) return false;
  if (user.roles.includes('admin')) return true;
  return user.scopes.some((s) => s.kind === kind && s.id === id);
}

export function requireScope(ctx: ActionCtx, kind: ScopeKind, id: string): UserDoc {
  if (!inScope(ctx.user, kind, id)) fail('FORBIDDEN');
  return ctx.user as UserDoc;
}

/** Ids of one kind of scope the caller holds (admins: null, meaning every one). */
export function scopeIds(user: UserDoc | null, kind: ScopeKind): string[] | null {
  if (!user) return [];
  if (user.roles.includes('admin')) return null;
  return user.scopes.filter((s) => s.kind === kind).map((s) => s.id);
}
