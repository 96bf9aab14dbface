/**
 * The admin domain's documents.
 * - `appSetup`: doc `superAdmin`, the one-time setup code (its hash only) until someone claims it.
 * - `invitations`: one per invitation (`_id` = 10 hex, the first part of its signed token).
 * - `grants`: who holds which granted role and scope (invitation, setup or seed); the `users`
 *   document's roles / scopes mirror the active ones, since every access check reads those.
 * - `stations` (驿站) and `employers` are kept here by their admins.
 */
import type { ScopeKind, Role } from '../../../types/api/common';
import type { AdminDomain, GrantKind, StationService } from '../../../types/api/admin';

export const SETUP = 'appSetup';
export const SETUP_ID = 'superAdmin';
export const INVITATIONS = 'invitations';
export const GRANTS = 'grants';
export const STATIONS = 'stations';
export const EMPLOYERS = 'employers';

export interface SetupDoc {
  _id: typeof SETUP_ID;
  /** sha256 of the normalised code; removed once claimed. */
  codeHash?: string;
  createdAt: number;
  claimedBy?: string;
  claimedAt?: number;
}

export interface InvitationDoc {
  _id: string;
  kind: GrantKind;
  role: Role;
  scope?: { kind: ScopeKind; id: string };
  /** The scope's name when the invitation was made (the station, contest or employer). */
  scopeName?: string;
  domain?: AdminDomain;
  expiresAt: number;
  maxUses: number;
  used: number;
  revoked: boolean;
  revokedAt?: number;
  note?: string;
  createdAt: number;
  createdBy: string;
  createdByName: string;
}

export interface GrantDoc {
  _id: string;
  openid: string;
  kind: GrantKind | 'superAdmin';
  role: Role;
  scope?: { kind: ScopeKind; id: string };
  scopeName?: string;
  domain?: AdminDomain;
  via: 'invitation' | 'setup' | 'seed';
  invitationId?: string;
  /** false while an accept is under way (its use not yet counted) and after a revoke. */
  active: boolean;
  /** true once the accept counted its use of the invitation (a retry never counts twice). */
  useTaken?: boolean;
  /** The accept request that made it: its retry after a crash carries it on. */
  requestId?: string | null;
  grantedAt: number;
  grantedBy: string;
  revokedAt?: number;
  revokedBy?: string;
  revokeReason?: string;
}

export interface StationDoc {
  _id: string;
  name: string;
  town: string;
  address: string;
  hours: string;
  phone: string;
  services: StationService[];
  lat: number;
  lng: number;
  active: boolean;
  closure?: { from: number; until: number; reason: string };
  updatedAt?: number;
}

export interface EmployerDoc {
  _id: string;
  name: string;
  contactName?: string;
  contactPhone?: string;
  /** Missing on seeded employers: active. */
  active?: boolean;
  /** Set when merged into another employer (the doc is removed; kept here for the audit only). */
  mergedInto?: string;
  updatedAt?: number;
  /** The last employer merged into this one (admin/employers.ts): what a retry after a crash finishes with. */
  merged?: {
    dropId: string;
    dropName: string;
    moved: { [k in 'users' | 'registrations' | 'orders' | 'retirementRequests' | 'grants']: number };
  };
}

/** The role and scope kind each grant kind gives. */
export const KIND_ROLE: Record<Exclude<GrantKind, 'domainAdmin'>, { role: Role; scope?: ScopeKind }> = {
  stationStaff: { role: 'staff', scope: 'station' },
  venueStaff: { role: 'staff', scope: 'contest' },
  teacher: { role: 'teacher' },
  enterprise: { role: 'enterprise', scope: 'employer' },
};
