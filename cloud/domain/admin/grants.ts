/**
 * Granted roles: the `grants` collection says who holds what and why; the `users` document's roles
 * and scopes mirror the active grants (every access check reads those). Admins list and revoke.
 */
import type { Role, ScopeKind } from '../../../types/api/common';
import {
  ADMIN_DOMAIN_TEXT,
  GRANT_KIND_DOMAIN,
  GRANT_KIND_TEXT,
  type AdminActions,
  type AdminDomain,
  type GrantKind,
  type GrantView,
  type MyAccess,
} from '../../../types/api/admin';
import { auditOnce } from '../../lib/audit';
import type { ActionCtx, Ctx, UserDoc } from '../../lib/context';
import { storedRoles } from '../../lib/context';
import { isDuplicateKeyError } from '../../lib/db';
import { fail } from '../../lib/errors';
import { adminDomainsOf, isSuperAdmin, requireAdminOf } from '../../lib/guard';
import { maskPhone } from '../../lib/mask';
import { changedByThisRequest, marked } from '../../lib/resume';
import { GRANTS, type GrantDoc } from './model';

type In<K extends keyof AdminActions> = AdminActions[K]['input'];

/** The words for a grant: 新城汇驿站 驿站工作人员, 技能比武 业务管理员, 超级管理员. */
export function roleTextOf(g: { kind: GrantKind | 'superAdmin'; scopeName?: string; domain?: AdminDomain }): string {
  if (g.kind === 'superAdmin') return '超级管理员';
  if (g.kind === 'domainAdmin') return `${g.domain ? ADMIN_DOMAIN_TEXT[g.domain] : ''}业务管理员`;
  return g.scopeName ? `${g.scopeName} ${GRANT_KIND_TEXT[g.kind]}` : GRANT_KIND_TEXT[g.kind];
}

/** Who may invite or revoke this kind: the super admin for admins, else that kind's domain admin. */
export function canManageKind(user: UserDoc | null, kind: GrantKind | 'superAdmin'): boolean {
  if (kind === 'superAdmin' || kind === 'domainAdmin') return isSuperAdmin(user);
  return adminDomainsOf(user).includes(GRANT_KIND_DOMAIN[kind]);
}

export function manageableKinds(user: UserDoc | null): Array<GrantKind | 'superAdmin'> {
  const all: Array<GrantKind | 'superAdmin'> = [
    'stationStaff',
    'venueStaff',
    'teacher',
    'enterprise',
    'domainAdmin',
    'superAdmin',
  ];
  return all.filter((k) => canManageKind(user, k));
}

async function holderOf(ctx: Ctx, openid: string): Promise<{ name: string; phone: string }> {
  const u = (await ctx.db.collection('users').where({ _id: openid }).limit(1).get()).data[0] as UserDoc | undefined;
  return { name: u?.profile?.name || '未填写姓名', phone: maskPhone(u?.profile?.phone) };
}

export async function grantView(ctx: Ctx, g: GrantDoc): Promise<GrantView> {
  const holder = await holderOf(ctx, g.openid);
  const view: GrantView = {
    id: g._id,
    kind: g.kind,
    roleText: roleTextOf(g),
    holderName: holder.name,
    holderPhone: holder.phone,
    grantedAt: g.grantedAt,
    via: g.via,
    active: g.active,
  };
  if (g.scope) view.scope = { ...g.scope, name: g.scopeName ?? g.scope.id };
  if (g.domain) view.domain = g.domain;
  if (g.revokedAt) view.revokedAt = g.revokedAt;
  if (g.revokeReason) view.revokeReason = g.revokeReason;
  return view;
}

/**
 * Adds the role (and scope) to the person's `users` document, creating a bare one (no profile,
 * not a member) for someone who has never used the app: an invitee may accept first and fill in
 * their profile later.
 */
export async function addRoleToUser(
  ctx: Ctx,
  openid: string,
  role: Role,
  scope?: { kind: ScopeKind; id: string },
): Promise<void> {
  const users = ctx.db.collection('users');
  const _ = ctx.db.command;
  const now = ctx.now();
  for (let round = 0; round < 2; round++) {
    const r = await users.where({ _id: openid }).update({
      data: {
        roles: _.addToSet(role),
        ...(scope ? { scopes: _.addToSet({ kind: scope.kind, id: scope.id }) } : {}),
        updatedAt: now,
      },
    });
    if (r.stats.updated === 1) return;
    // A first-time caller: nothing to update (matched 0), so make the record.
    const exists = (await users.where({ _id: openid }).limit(1).get()).data.length > 0;
    if (exists) return; // matched, but already held: nothing changed
    try {
      const doc: Omit<UserDoc, '_id'> = {
        roles: [role],
        scopes: scope ? [{ kind: scope.kind, id: scope.id }] : [],
        membership: { status: 'none' },
        createdAt: now,
        updatedAt: now,
      };
      await users.add({ data: { _id: openid, ...doc } });
      return;
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
    }
  }
}

/** Takes the scope away, and the role too when no other active grant still gives it. */
export async function removeRoleFromUser(ctx: Ctx, g: GrantDoc): Promise<void> {
  const _ = ctx.db.command;
  const others = (
    await ctx.db.collection(GRANTS).where({ openid: g.openid, role: g.role, active: true }).limit(100).get()
  ).data as GrantDoc[];
  const stillHeld = others.some((o) => o._id !== g._id);
  const sameScope = others.some(
    (o) => o._id !== g._id && g.scope && o.scope?.kind === g.scope.kind && o.scope.id === g.scope.id,
  );
  const data: Record<string, unknown> = { updatedAt: ctx.now() };
  if (!stillHeld) data.roles = _.pull(g.role);
  if (g.scope && !sameScope) data.scopes = _.pull({ kind: g.scope.kind, id: g.scope.id });
  await ctx.db.collection('users').where({ _id: g.openid }).update({ data });
}

export async function myAccess(ctx: ActionCtx): Promise<MyAccess> {
  const user = ctx.user;
  const roles = user ? storedRoles(user) : [];
  const scopes = await Promise.all(
    (user?.scopes ?? []).map(async (sc) => ({ kind: sc.kind, id: sc.id, name: await scopeName(ctx, sc.kind, sc.id) })),
  );
  return { roles, superAdmin: isSuperAdmin(user), adminDomains: adminDomainsOf(user), scopes };
}

/** The display name of a scope (station, contest, employer), or its id when it is gone. */
export async function scopeName(ctx: Ctx, kind: ScopeKind, id: string): Promise<string> {
  const collection = { station: 'stations', contest: 'contests', employer: 'employers', session: 'academySessions' }[
    kind
  ];
  const doc = (await ctx.db.collection(collection).where({ _id: id }).limit(1).get()).data[0] as
    { name?: string; title?: string } | undefined;
  return doc?.name ?? doc?.title ?? id;
}

export async function listGrants(ctx: ActionCtx, input: In<'listGrants'>): Promise<GrantView[]> {
  const kinds = manageableKinds(ctx.user);
  if (!kinds.length) fail('FORBIDDEN');
  if (input.kind && !kinds.includes(input.kind)) fail('FORBIDDEN');
  const _ = ctx.db.command;
  const found = (
    await ctx.db
      .collection(GRANTS)
      .where({ kind: input.kind ? input.kind : _.in(kinds) })
      .orderBy('grantedAt', 'desc')
      .limit(200)
      .get()
  ).data as GrantDoc[];
  return Promise.all(found.filter((g) => g.active || g.revokedAt).map((g) => grantView(ctx, g)));
}

export async function revokeGrant(ctx: ActionCtx, input: In<'revokeGrant'>): Promise<GrantView> {
  requireAdminOf(ctx, 'contests', 'academy', 'retirement', 'gifts', 'members');
  const g = (await ctx.db.collection(GRANTS).where({ _id: input.grantId }).limit(1).get()).data[0] as
    GrantDoc | undefined;
  // Someone else's domain reads as missing: nothing about it leaks.
  if (!g || !canManageKind(ctx.user, g.kind)) fail('NOT_FOUND', '没有找到这项授权');
  if (g.kind === 'superAdmin' && g.openid === ctx.openid)
    fail('INVALID_STATE', '不能撤销自己的超级管理员身份，请由另一位超级管理员操作');
  // Revoked by this very request before a crash: the role goes (again: idempotent), then the audit entry.
  const resumed = !g.active && !!g.revokedAt && changedByThisRequest(ctx, g);
  if (!g.active && !resumed) fail('INVALID_STATE', g.revokedAt ? '该授权已撤销' : '该授权尚未生效');
  const now = resumed ? (g.revokedAt as number) : ctx.now();
  const change = {
    active: false,
    revokedAt: now,
    revokedBy: ctx.openid,
    ...(input.reason ? { revokeReason: input.reason } : {}),
  };
  if (!resumed) {
    const r = await ctx.db
      .collection(GRANTS)
      .where({ _id: g._id, active: true })
      .update({ data: marked(ctx, change) });
    if (r.stats.updated !== 1) fail('INVALID_STATE', '该授权已撤销');
  }
  const done: GrantDoc = { ...g, ...change };
  await removeRoleFromUser(ctx, done);
  await auditOnce(ctx, {
    event: 'admin.revokeGrant',
    target: { kind: 'grant', id: g._id },
    detail: { holder: g.openid, role: g.role, scope: g.scope ?? null, reason: input.reason ?? null },
  });
  return grantView(ctx, done);
}
