/**
 * The invitation form: which kinds the caller may invite (by their admin domains), which scope each kind
 * needs, and the payload. Kept apart from the page so the rules are testable.
 */
import {
  ADMIN_DOMAINS,
  createInvitationInput,
  GRANT_KIND_DOMAIN,
  GRANT_KINDS,
  type AdminActions,
  type AdminDomain,
  type GrantKind,
  type MyAccess,
} from '@contract/api/admin';
import type { Parsed } from '@contract/schema';

/** The scope each kind is given: the station, the contest, the employer; none for teachers and admins. */
export const SCOPE_OF: Record<GrantKind, 'station' | 'contest' | 'employer' | 'domain' | null> = {
  stationStaff: 'station',
  venueStaff: 'contest',
  teacher: null,
  enterprise: 'employer',
  domainAdmin: 'domain',
};

export const SCOPE_LABEL = { station: '驿站', contest: '比武', employer: '单位', domain: '管理业务' } as const;

/** Kinds the caller may invite: their domains' staff; domain admins only for the super admin. */
export function invitableKinds(access: Pick<MyAccess, 'superAdmin' | 'adminDomains'>): GrantKind[] {
  return GRANT_KINDS.filter((k) =>
    k === 'domainAdmin' ? access.superAdmin : access.superAdmin || access.adminDomains.includes(GRANT_KIND_DOMAIN[k]),
  );
}

export interface InviteDraft {
  kind?: GrantKind;
  scopeId?: string;
  domain?: AdminDomain;
  validDays: string;
  maxUses: string;
  note: string;
}

export const emptyInviteDraft = (): InviteDraft => ({ validDays: '7', maxUses: '1', note: '' });

const toInt = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN);

export function toInvitationInput(d: InviteDraft): Parsed<AdminActions['createInvitation']['input']> {
  if (!d.kind) return { ok: false, issue: { path: 'kind', message: '邀请身份：请选择' } };
  const scope = SCOPE_OF[d.kind];
  if ((scope === 'station' || scope === 'contest' || scope === 'employer') && !d.scopeId)
    return { ok: false, issue: { path: 'scopeId', message: `所属范围：请选择${SCOPE_LABEL[scope]}` } };
  if (scope === 'domain' && !(d.domain && ADMIN_DOMAINS.includes(d.domain)))
    return { ok: false, issue: { path: 'domain', message: '管理业务：请选择' } };
  return createInvitationInput.parse({
    kind: d.kind,
    ...(scope === 'station' || scope === 'contest' || scope === 'employer' ? { scopeId: d.scopeId } : {}),
    ...(scope === 'domain' ? { domain: d.domain } : {}),
    validDays: toInt(d.validDays),
    maxUses: toInt(d.maxUses),
    ...(d.note.trim() ? { note: d.note.trim() } : {}),
  });
}

/**
 * The link a person opens. In H5 it is this app's own address with the invite page (staff paste it into
 * a chat); in the weapp the share card carries the page path, and the QR holds the same path.
 */
export function inviteLink(path: string, origin?: { href: string }): string {
  const page = path.startsWith('/') ? path : `/${path}`;
  if (!origin) return page;
  const base = origin.href.split('#')[0];
  return `${base}#${page}`;
}
