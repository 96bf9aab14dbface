import type { Role, ScopeKind } from '../../types/api/common';
import type { ActionCtx, UserDoc } from './context';
import { fail } from './errors';

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
