/**
 * Roles by invitation. An admin makes an invitation for a role and a scope with an expiry and a
 * use count; its signed token is what the QR code / share card carries. The invitee, signed in,
 * accepts it once; uses are counted by one conditional update, so a use count of 1 accepted by N
 * people at once makes exactly one holder. Expired, used-up and revoked invitations are refused
 * with what to do next.
 */
import { createHash } from 'crypto';
import {
  GRANT_KIND_TEXT,
  INVITATION_STATUS_TEXT,
  INVITE_PAGE,
  type AcceptResult,
  type AdminActions,
  type InvitationPreview,
  type InvitationStatus,
  type InvitationView,
} from '../../../types/api/admin';
import type { Role, ScopeKind } from '../../../types/api/common';
import { auditOnce } from '../../lib/audit';
import { formatShanghai } from '../../lib/clock';
import type { ActionCtx, Ctx, UserDoc } from '../../lib/context';
import { isDuplicateKeyError, readOrNull } from '../../lib/db';
import { transact } from '../../lib/transact';
import { fail } from '../../lib/errors';
import { idForRequest } from '../../lib/ids';
import { changedByThisRequest, marked } from '../../lib/resume';
import { invitationIdFrom, invitationToken } from '../../lib/token';
import { addRoleToUser, canManageKind, grantView, manageableKinds, myAccess, roleTextOf } from './grants';
import { EMPLOYERS, GRANTS, INVITATIONS, KIND_ROLE, STATIONS, type GrantDoc, type InvitationDoc } from './model';

type In<K extends keyof AdminActions> = AdminActions[K]['input'];
const DAY = 24 * 3600_000;
/** An accept still pending after this long died on the way: a later call may carry it on. */
const STALE_ACCEPT_MS = 60_000;

export function statusOf(inv: InvitationDoc, now: number): InvitationStatus {
  if (inv.revoked) return 'revoked';
  if (inv.used >= inv.maxUses) return 'used_up';
  if (now > inv.expiresAt) return 'expired';
  return 'active';
}

function view(ctx: Ctx, inv: InvitationDoc): InvitationView {
  const token = invitationToken(ctx.env, inv._id);
  const status = statusOf(inv, ctx.now());
  const v: InvitationView = {
    id: inv._id,
    kind: inv.kind,
    roleText: roleTextOf(inv),
    token,
    path: `${INVITE_PAGE}?t=${token}`,
    expiresAt: inv.expiresAt,
    expiresText: formatShanghai(inv.expiresAt),
    maxUses: inv.maxUses,
    used: Math.min(inv.used, inv.maxUses),
    status,
    statusText: INVITATION_STATUS_TEXT[status],
    createdAt: inv.createdAt,
    createdBy: inv.createdByName,
  };
  if (inv.scope) v.scope = { ...inv.scope, name: inv.scopeName ?? inv.scope.id };
  if (inv.domain) v.domain = inv.domain;
  if (inv.note) v.note = inv.note;
  return v;
}

const invalid = (field: string, message: string): never => fail('INVALID_INPUT', message, { field });

/** The scope an invitation names must exist (and be in use): its name is shown to the invitee. */
async function resolveScope(ctx: Ctx, kind: ScopeKind, id: string): Promise<string> {
  if (kind === 'station') {
    const st = (await ctx.db.collection(STATIONS).where({ _id: id }).limit(1).get()).data[0];
    if (!st || st.active === false) invalid('scopeId', '所属范围：没有这个驿站');
    return st.name as string;
  }
  if (kind === 'contest') {
    const c = (await ctx.db.collection('contests').where({ _id: id }).limit(1).get()).data[0];
    if (!c) invalid('scopeId', '所属范围：没有这场比武');
    return c.title as string;
  }
  const e = (await ctx.db.collection(EMPLOYERS).where({ _id: id }).limit(1).get()).data[0];
  if (!e || e.active === false) invalid('scopeId', '所属范围：没有这个单位');
  return e.name as string;
}

function creatorName(user: UserDoc | null): string {
  return user?.profile?.name || '管理员';
}

export async function createInvitation(ctx: ActionCtx, input: In<'createInvitation'>): Promise<InvitationView> {
  if (!canManageKind(ctx.user, input.kind)) fail('FORBIDDEN');
  const now = ctx.now();
  let role: Role;
  let scope: InvitationDoc['scope'];
  let scopeName: string | undefined;
  if (input.kind === 'domainAdmin') {
    if (!input.domain) invalid('domain', '管理业务：请选择');
    if (input.scopeId) invalid('scopeId', '所属范围：业务管理员不需要选择范围');
    role = `admin:${input.domain!}`;
  } else {
    if (input.domain) invalid('domain', '管理业务：只有业务管理员需要选择');
    const spec = KIND_ROLE[input.kind];
    role = spec.role;
    if (spec.scope) {
      if (!input.scopeId) invalid('scopeId', `所属范围：请选择${GRANT_KIND_TEXT[input.kind]}所属的范围`);
      scopeName = await resolveScope(ctx, spec.scope, input.scopeId!);
      scope = { kind: spec.scope, id: input.scopeId! };
    } else if (input.scopeId) {
      invalid('scopeId', `所属范围：${GRANT_KIND_TEXT[input.kind]}不需要选择范围`);
    }
  }
  const doc: InvitationDoc = {
    _id: idForRequest(ctx, 5),
    kind: input.kind,
    role,
    ...(scope ? { scope, scopeName } : {}),
    ...(input.domain ? { domain: input.domain } : {}),
    expiresAt: now + input.validDays * DAY,
    maxUses: input.maxUses,
    used: 0,
    revoked: false,
    ...(input.note ? { note: input.note } : {}),
    createdAt: now,
    createdBy: ctx.openid,
    createdByName: creatorName(ctx.user),
  };
  let made = doc;
  try {
    await ctx.db.collection(INVITATIONS).add({ data: doc });
  } catch (e) {
    // A retry of this request after a crash: the invitation it made, then the audit entry the crash may have lost.
    if (!isDuplicateKeyError(e)) throw e;
    made = (await loadInvitation(ctx, doc._id)) ?? doc;
  }
  await auditOnce(ctx, {
    event: 'admin.createInvitation',
    target: { kind: 'invitation', id: made._id },
    detail: { role: made.role, scope: made.scope ?? null, maxUses: made.maxUses, expiresAt: made.expiresAt },
  });
  return view(ctx, made);
}

async function loadInvitation(ctx: Ctx, id: string): Promise<InvitationDoc | null> {
  return ((await ctx.db.collection(INVITATIONS).where({ _id: id }).limit(1).get()).data[0] as InvitationDoc) ?? null;
}

/** An invitation the caller may manage; others' read as missing (nothing about them leaks). */
async function manageable(ctx: ActionCtx, id: string): Promise<InvitationDoc> {
  const inv = await loadInvitation(ctx, id);
  if (!inv || !canManageKind(ctx.user, inv.kind)) fail('NOT_FOUND', '没有找到这份邀请');
  return inv;
}

export async function listInvitations(ctx: ActionCtx, input: In<'listInvitations'>): Promise<InvitationView[]> {
  const kinds = manageableKinds(ctx.user).filter((k) => k !== 'superAdmin');
  if (!kinds.length) fail('FORBIDDEN');
  const _ = ctx.db.command;
  const found = (
    await ctx.db
      .collection(INVITATIONS)
      .where({ kind: _.in(kinds) })
      .orderBy('createdAt', 'desc')
      .limit(200)
      .get()
  ).data as InvitationDoc[];
  const now = ctx.now();
  return found.filter((i) => !input.status || statusOf(i, now) === input.status).map((i) => view(ctx, i));
}

export async function revokeInvitation(ctx: ActionCtx, input: In<'revokeInvitation'>): Promise<InvitationView> {
  const inv = await manageable(ctx, input.invitationId);
  // Revoked by this very request before a crash: finish with the audit entry and the answer.
  const resumed = inv.revoked && changedByThisRequest(ctx, inv);
  if (inv.revoked && !resumed) fail('INVALID_STATE', '这份邀请已撤销');
  const now = resumed && inv.revokedAt ? inv.revokedAt : ctx.now();
  if (!resumed)
    await ctx.db
      .collection(INVITATIONS)
      .doc(inv._id)
      .update({ data: marked(ctx, { revoked: true, revokedAt: now }) });
  await auditOnce(ctx, {
    event: 'admin.revokeInvitation',
    target: { kind: 'invitation', id: inv._id },
    detail: { role: inv.role, scope: inv.scope ?? null, used: inv.used },
  });
  return view(ctx, { ...inv, revoked: true, revokedAt: now });
}

export async function invitationPoster(
  ctx: ActionCtx,
  input: In<'invitationPoster'>,
): Promise<{ contentType: string; base64: string; page: string; scene: string }> {
  const inv = await manageable(ctx, input.invitationId);
  if (statusOf(inv, ctx.now()) !== 'active') fail('INVALID_STATE', '这份邀请已不能使用，请重新创建');
  const scene = invitationToken(ctx.env, inv._id);
  const res = await ctx.openapi.wxacode.getUnlimited({ scene, page: INVITE_PAGE, width: 430 });
  return {
    contentType: res.contentType ?? 'image/png',
    base64: Buffer.from(res.buffer).toString('base64'),
    page: INVITE_PAGE,
    scene,
  };
}

/** The invitation a token names: INVITATION_INVALID for anything we did not sign or no longer hold. */
async function byToken(ctx: Ctx, token: string): Promise<InvitationDoc> {
  const id = invitationIdFrom(ctx.env, token);
  const inv = id ? await loadInvitation(ctx, id) : null;
  if (!inv) fail('INVITATION_INVALID');
  return inv;
}

function holds(user: UserDoc | null, role: Role, scope?: { kind: ScopeKind; id: string }): boolean {
  if (!user || !user.roles.includes(role)) return false;
  return !scope || user.scopes.some((s) => s.kind === scope.kind && s.id === scope.id);
}

export async function previewInvitation(ctx: ActionCtx, input: In<'previewInvitation'>): Promise<InvitationPreview> {
  const inv = await byToken(ctx, input.token);
  const status = statusOf(inv, ctx.now());
  return {
    roleText: roleTextOf(inv),
    kind: inv.kind,
    ...(inv.scopeName ? { scopeName: inv.scopeName } : {}),
    expiresAt: inv.expiresAt,
    expiresText: formatShanghai(inv.expiresAt),
    status,
    statusText: INVITATION_STATUS_TEXT[status],
    alreadyHeld: holds(ctx.user, inv.role, inv.scope),
  };
}

function refuse(inv: InvitationDoc, now: number): never {
  const status = statusOf(inv, now);
  if (status === 'revoked') fail('INVITATION_REVOKED');
  if (status === 'used_up') fail('INVITATION_USED_UP');
  if (status === 'expired')
    fail('INVITATION_EXPIRED', `邀请已于${formatShanghai(inv.expiresAt)}过期，请联系管理员重新邀请`);
  fail('INVITATION_USED_UP');
}

/** One grant per person per invitation: the id derives from both (without revealing the OPENID). */
export function grantIdFor(invitationId: string, openid: string): string {
  return `g${createHash('sha256').update(`${invitationId}\n${openid}`).digest('hex').slice(0, 24)}`;
}

/**
 * 1. reserve the grant (inactive) by its deterministic id: the same person twice collides;
 * 2. count the use: one conditional update (not revoked, not expired, used < maxUses); no use left
 *    gives the reservation back; a resumed accept whose use was already counted skips this;
 * 3. the role (and scope) goes onto the person's record, the grant becomes active, audited once.
 */
export async function acceptInvitation(ctx: ActionCtx, input: In<'acceptInvitation'>): Promise<AcceptResult> {
  const inv = await byToken(ctx, input.token);
  const now = ctx.now();
  const grants = ctx.db.collection(GRANTS);
  const _id = grantIdFor(inv._id, ctx.openid);
  let grant: GrantDoc = {
    _id,
    openid: ctx.openid,
    kind: inv.kind,
    role: inv.role,
    ...(inv.scope ? { scope: inv.scope, scopeName: inv.scopeName } : {}),
    ...(inv.domain ? { domain: inv.domain } : {}),
    via: 'invitation',
    invitationId: inv._id,
    active: false,
    useTaken: false,
    requestId: ctx.requestId ?? null,
    grantedAt: now,
    grantedBy: inv.createdBy,
  };
  let resumed = false;
  const existing = (await grants.where({ _id }).limit(1).get()).data[0] as GrantDoc | undefined;
  // This very request's grant, made active before a crash lost the answer: the same answer again.
  const sameRequest = !!ctx.requestId && existing?.requestId === ctx.requestId;
  if (existing?.active && sameRequest) return accepted(ctx, existing);
  if (existing?.active || (!existing && holds(ctx.user, inv.role, inv.scope))) fail('ALREADY_GRANTED');
  if (existing?.revokedAt) fail('INVITATION_REVOKED', '您通过这份邀请获得的身份已被撤销，如需恢复请联系管理员重新邀请');
  if (existing) {
    // An accept that died half way (its use maybe counted): carry it on, never count twice. Only a
    // retry of that request, or any call once it is clearly dead: a live one is still working on it.
    if (!sameRequest && now - existing.grantedAt < STALE_ACCEPT_MS)
      fail('ALREADY_GRANTED', '正在为您开通该身份，请稍后刷新查看');
    grant = existing;
    // Another request carrying on a dead one says so; a retry of the same request is that accept itself.
    resumed = !sameRequest;
  } else {
    if (statusOf(inv, now) !== 'active') refuse(inv, now);
    try {
      await grants.add({ data: grant });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      // The same person accepting twice at once: the other call carries it.
      fail('ALREADY_GRANTED', '正在为您开通该身份，请稍后刷新查看');
    }
  }

  if (!grant.useTaken) {
    // The use is counted and the reservation marked as holding it in one transaction: a crash
    // between the two would have the retry count a second use.
    const took = await transact(ctx.db, async (tx) => {
      const invRef = tx.collection(INVITATIONS).doc(inv._id);
      const cur = await readOrNull<InvitationDoc>(() => invRef.get());
      if (!cur || cur.revoked || cur.expiresAt < now || cur.used >= cur.maxUses) return false;
      const grantRef = tx.collection(GRANTS).doc(_id);
      const reserved = await readOrNull<GrantDoc>(() => grantRef.get());
      if (!reserved) throw new Error(`grant ${_id} vanished`);
      if (reserved.useTaken) return true;
      await invRef.update({ data: { used: cur.used + 1 } });
      await grantRef.update({ data: { useTaken: true } });
      return true;
    });
    if (!took) {
      await grants.where({ _id, active: false, useTaken: false }).remove();
      refuse((await loadInvitation(ctx, inv._id)) ?? { ...inv, used: inv.maxUses }, now);
    }
  }
  // Audited once the use is counted and before the role is given: the entry records the person as
  // they were when they accepted, also when a retry after a crash is the one that writes it.
  await auditOnce(
    ctx,
    {
      event: 'admin.acceptInvitation',
      target: { kind: 'grant', id: _id },
      detail: { invitationId: inv._id, role: grant.role, scope: grant.scope ?? null, resumed },
    },
    _id,
  );
  await addRoleToUser(ctx, ctx.openid, grant.role, grant.scope);
  await grants.where({ _id }).update({ data: { active: true, useTaken: true } });
  return accepted(ctx, grant);
}

async function accepted(ctx: ActionCtx, grant: GrantDoc): Promise<AcceptResult> {
  const user = (await ctx.db.collection('users').where({ _id: ctx.openid }).limit(1).get()).data[0] as UserDoc;
  return {
    grant: await grantView(ctx, { ...grant, active: true, useTaken: true }),
    access: await myAccess({ ...ctx, user }),
  };
}
