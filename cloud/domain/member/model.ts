/**
 * The member domain's documents and the small pure rules shared by its handlers and the seed.
 * Collections: `users` (keyed by OPENID, see cloud/lib/context.ts), `membershipApplications`
 * (one per person, deterministic `_id`), `counters` (`memberNo`), `membershipTransfers`, `messages`.
 */
import { createHash } from 'crypto';
import type { GigGroup, MembershipApplication, ProfileInput, WorkerCategory } from '../../../types/api/member';
import { shanghaiDate } from '../../lib/clock';
import { maskPhone } from '../../lib/mask';

export const APPLICATIONS = 'membershipApplications';
export const TRANSFERS = 'membershipTransfers';
export const COUNTERS = 'counters';
export const MEMBER_NO_COUNTER = 'memberNo';

export interface ApplicationDoc {
  _id: string;
  openid: string;
  name: string;
  /** Clear in the database (the admin may need to call); masked in every response. */
  phone: string;
  employer: string;
  district: string;
  category: WorkerCategory;
  group?: GigGroup;
  platform?: string;
  note?: string;
  status: 'pending' | 'approved' | 'returned';
  submittedAt: number;
  /** 1 for the first application, +1 for each reapplication after a return. */
  attempt: number;
  reviewedAt?: number;
  reviewer?: string;
  returnReason?: string;
  memberNo?: string;
}

/**
 * One application document per person, whatever the retries or races: the `_id` is derived from
 * the OPENID (hashed, so the admin-facing id does not reveal it).
 */
export function applicationId(openid: string): string {
  return `ma-${createHash('sha256').update(`membership:${openid}`).digest('hex').slice(0, 24)}`;
}

/** `XZ2026000123`: 秀洲 prefix, the Shanghai year of approval, a district-wide sequence. */
export function formatMemberNo(seq: number, approvedAt: number): string {
  return `XZ${shanghaiDate(approvedAt).slice(0, 4)}${String(seq).padStart(6, '0')}`;
}

/** Complete enough to apply, claim or register: the core fields, and the group for gig workers. */
export function isProfileComplete(profile: ProfileInput | undefined | null): boolean {
  if (!profile) return false;
  const core = [profile.name, profile.phone, profile.employer, profile.district, profile.category].every((v) => !!v);
  return core && (profile.category !== '新就业形态劳动者' || !!profile.group);
}

export function toApplicationView(doc: ApplicationDoc): MembershipApplication {
  const view: MembershipApplication = {
    id: doc._id,
    name: doc.name,
    phone: maskPhone(doc.phone),
    employer: doc.employer,
    district: doc.district,
    category: doc.category,
    attempt: doc.attempt,
    status: doc.status,
    submittedAt: doc.submittedAt,
  };
  if (doc.group) view.group = doc.group;
  if (doc.platform) view.platform = doc.platform;
  if (doc.note) view.reason = doc.note;
  if (doc.returnReason) view.returnReason = doc.returnReason;
  if (doc.memberNo) view.memberNo = doc.memberNo;
  if (doc.reviewedAt) view.reviewedAt = doc.reviewedAt;
  return view;
}
