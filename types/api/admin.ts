/**
 * The `admin` cloud function: what a union needs to run the app itself. The first super admin
 * (超级管理员) claims the role with a one-time setup code; everyone else with a role gets it by an
 * invitation an admin creates (QR / share card with an expiry and a use count) and can revoke;
 * 驿站 and employers are kept here too. Contests, academy and 光荣退休 settings live in their own
 * functions, where a domain admin (admin:contests, ...) acts as that function's admin.
 */
import { contract } from '../contract';
import { s, type Infer } from '../schema';
import { emptyInput, type EmptyInput, type Role, type ScopeKind } from './common';

/** The domains a domain admin may be given. 'admin' alone is the super admin (every domain). */
export const ADMIN_DOMAINS = ['contests', 'academy', 'retirement', 'gifts', 'members'] as const;
export type AdminDomain = (typeof ADMIN_DOMAINS)[number];
export type DomainAdminRole = `admin:${AdminDomain}`;

export const ADMIN_DOMAIN_TEXT: Record<AdminDomain, string> = {
  contests: '技能比武',
  academy: '劳模工匠学院',
  retirement: '光荣退休',
  gifts: '春节礼包与驿站',
  members: '会员与单位',
};

export const domainAdminRole = (d: AdminDomain): DomainAdminRole => `admin:${d}`;
/** Every admin role: the super admin and the five domain admins (the access list of admin pages). */
export const ADMIN_ROLES = [
  'admin',
  'admin:contests',
  'admin:academy',
  'admin:retirement',
  'admin:gifts',
  'admin:members',
] as const satisfies readonly Role[];

/**
 * What an invitation grants:
 * - stationStaff: staff of one 驿站 (scope station), created by the gifts admin;
 * - venueStaff: staff of one contest's venue (scope contest), by the contests admin;
 * - teacher: academy teacher (no scope), by the academy admin;
 * - enterprise: the enterprise union contact of one employer (scope employer), by the members admin;
 * - domainAdmin: the admin of one domain (`domain`), by the super admin only.
 */
export const GRANT_KINDS = ['stationStaff', 'venueStaff', 'teacher', 'enterprise', 'domainAdmin'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];

export const GRANT_KIND_TEXT: Record<GrantKind, string> = {
  stationStaff: '驿站工作人员',
  venueStaff: '赛场工作人员',
  teacher: '学院讲师',
  enterprise: '企业工会联系人',
  domainAdmin: '业务管理员',
};

/** The domain whose admin may invite (and revoke) each kind; domainAdmin: the super admin only. */
export const GRANT_KIND_DOMAIN: Record<Exclude<GrantKind, 'domainAdmin'>, AdminDomain> = {
  stationStaff: 'gifts',
  venueStaff: 'contests',
  teacher: 'academy',
  enterprise: 'members',
};

/** The page an invitation's QR / share card opens, with `?t=<token>` (`scene` for a 小程序码). */
export const INVITE_PAGE = 'admin/pages/invite/index';

export type InvitationStatus = 'active' | 'expired' | 'used_up' | 'revoked';
export const INVITATION_STATUS_TEXT: Record<InvitationStatus, string> = {
  active: '可使用',
  expired: '已过期',
  used_up: '名额已用完',
  revoked: '已撤销',
};

export const STATION_SERVICES = ['热水', '充电', '休息', '如厕', '急救箱', '微波炉', '图书角'] as const;
export type StationService = (typeof STATION_SERVICES)[number];

/** Shanghai wall time 'YYYY-MM-DD HH:mm', as every admin form enters times. */
export const wallTime = (label: string) =>
  s.string({
    label,
    min: 16,
    max: 16,
    pattern: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    patternMessage: '请按 年-月-日 时:分 填写',
  });

/** An invitation token: 31 lowercase letters / digits, fits a 小程序码 scene (≤ 32). */
export const invitationToken = s.string({
  label: '邀请码',
  min: 8,
  max: 64,
  pattern: /^[a-z0-9]+$/,
  patternMessage: '邀请码无效',
});

// ---- inputs ----

export const claimSetupInput = s.object({
  code: s.string({ label: '设置码', min: 6, max: 64, pattern: /^[A-Za-z0-9-]+$/, patternMessage: '格式不正确' }),
});

export const createInvitationInput = s.object({
  kind: s.oneOf(GRANT_KINDS, { label: '邀请身份' }),
  /** stationStaff: station id; venueStaff: contest id; enterprise: employer id; otherwise absent. */
  scopeId: s.optional(s.id({ label: '所属范围' })),
  /** domainAdmin only. */
  domain: s.optional(s.oneOf(ADMIN_DOMAINS, { label: '管理业务' })),
  /** Days the invitation stays valid (from now). */
  validDays: s.int({ label: '有效天数', min: 1, max: 30 }),
  /** How many people may accept it. */
  maxUses: s.int({ label: '可用人数', min: 1, max: 50 }),
  note: s.optional(s.string({ label: '备注', max: 40 })),
});

export const listInvitationsInput = s.object({
  status: s.optional(s.oneOf(['active', 'expired', 'used_up', 'revoked'] as const, { label: '状态' })),
});
export const invitationIdInput = s.object({ invitationId: s.id({ label: '邀请编号' }) });
export const tokenInput = s.object({ token: invitationToken });

export const listGrantsInput = s.object({
  kind: s.optional(s.oneOf(GRANT_KINDS, { label: '身份' })),
});
export const revokeGrantInput = s.object({
  grantId: s.id({ label: '授权编号' }),
  reason: s.optional(s.string({ label: '撤销原因', max: 100 })),
});

const stationId = s.id({ label: '驿站' });

export const saveStationInput = s.object({
  /** Absent: a new station. */
  stationId: s.optional(stationId),
  name: s.string({ label: '驿站名称', min: 2, max: 30 }),
  town: s.string({ label: '所在镇街', min: 2, max: 20 }),
  address: s.string({ label: '地址', min: 4, max: 80 }),
  hours: s.string({ label: '开放时间', min: 2, max: 40 }),
  phone: s.string({
    label: '联系电话',
    min: 7,
    max: 20,
    pattern: /^[0-9-]{7,20}$/,
    patternMessage: '请输入座机或手机号码',
  }),
  services: s.array(s.oneOf(STATION_SERVICES, { label: '服务项目' }), {
    label: '服务项目',
    max: STATION_SERVICES.length,
  }),
  /** Micro-degrees (wx.chooseLocation's latitude × 1e6, rounded): integers keep the payload exact. */
  latE6: s.int({ label: '纬度', min: -90_000_000, max: 90_000_000 }),
  lngE6: s.int({ label: '经度', min: -180_000_000, max: 180_000_000 }),
});

/** Closed for a while: gift claims and redemptions there are refused until `until`. */
export const closeStationInput = s.object({
  stationId,
  from: wallTime('暂停开始'),
  until: wallTime('恢复时间'),
  reason: s.string({ label: '暂停原因', min: 2, max: 60 }),
});
export const stationIdInput = s.object({ stationId });
/** Retire (停用) a station for good, or bring it back. */
export const setStationActiveInput = s.object({ stationId, active: s.boolean({ label: '启用' }) });

const employerId = s.id({ label: '单位' });

export const saveEmployerInput = s.object({
  /** Absent: a new employer; present: rename / change the contact. */
  employerId: s.optional(employerId),
  name: s.string({ label: '单位名称', min: 2, max: 60 }),
  /** The contact shown to admins (who verifies is whoever accepted an enterprise invitation). */
  contactName: s.optional(s.string({ label: '联系人', min: 2, max: 20 })),
  contactPhone: s.optional(s.phone({ label: '联系人手机' })),
});
export const mergeEmployersInput = s.object({
  /** The employer kept. */
  keepId: employerId,
  /** The duplicate: its references move to keepId and it is removed from the list. */
  dropId: employerId,
});
export const setEmployerActiveInput = s.object({ employerId, active: s.boolean({ label: '启用' }) });

// ---- outputs ----

/** The caller's roles, as the app needs them to show admin entries. */
export interface MyAccess {
  roles: Role[];
  superAdmin: boolean;
  /** Domains the caller administers (all five for the super admin). */
  adminDomains: AdminDomain[];
  scopes: Array<{ kind: ScopeKind; id: string; name: string }>;
}

export interface SetupStatus {
  /** True until someone claimed 超级管理员 with the setup code. */
  needed: boolean;
}

export interface InvitationView {
  id: string;
  kind: GrantKind;
  /** e.g. 新城汇驿站 驿站工作人员 / 技能比武 业务管理员. */
  roleText: string;
  scope?: { kind: ScopeKind; id: string; name: string };
  domain?: AdminDomain;
  /** What the QR / share card carries (also the 小程序码 scene). */
  token: string;
  /** The page with the token: `${INVITE_PAGE}?t=${token}`. */
  path: string;
  expiresAt: number;
  /** Shanghai wall time. */
  expiresText: string;
  maxUses: number;
  used: number;
  status: InvitationStatus;
  statusText: string;
  note?: string;
  createdAt: number;
  /** Name of the admin who created it. */
  createdBy: string;
}

/** What the invitee sees before accepting: no token, no other holders. */
export interface InvitationPreview {
  roleText: string;
  kind: GrantKind;
  scopeName?: string;
  expiresAt: number;
  expiresText: string;
  status: InvitationStatus;
  statusText: string;
  /** The caller already holds this role (and scope). */
  alreadyHeld: boolean;
}

export interface GrantView {
  id: string;
  kind: GrantKind | 'superAdmin';
  roleText: string;
  scope?: { kind: ScopeKind; id: string; name: string };
  domain?: AdminDomain;
  /** Holder's name from their profile (未填写姓名 when none) and masked phone. */
  holderName: string;
  holderPhone: string;
  grantedAt: number;
  /** 邀请 / 初始设置 / 演示数据. */
  via: 'invitation' | 'setup' | 'seed';
  active: boolean;
  revokedAt?: number;
  revokeReason?: string;
}

export interface AcceptResult {
  grant: GrantView;
  access: MyAccess;
}

export interface StationAdminView {
  id: string;
  name: string;
  town: string;
  address: string;
  hours: string;
  phone: string;
  services: StationService[];
  latE6: number;
  lngE6: number;
  /** false: retired (停用); hidden everywhere. */
  active: boolean;
  /** A temporary closure, when one is set and not over. */
  closure?: { from: number; until: number; text: string; reason: string; now: boolean };
  /** Station staff currently holding this station. */
  staff: Array<{ grantId: string; name: string }>;
}

export interface EmployerView {
  id: string;
  name: string;
  contactName?: string;
  /** Masked. */
  contactPhone?: string;
  active: boolean;
  /** Enterprise contacts (by invitation) who verify for this employer. */
  verifiers: Array<{ grantId: string; name: string }>;
}

export interface MergeResult {
  kept: EmployerView;
  /** How many records pointed at the dropped employer and now point at the kept one. */
  moved: { users: number; registrations: number; orders: number; retirementRequests: number; grants: number };
}

export interface AdminActions {
  setupStatus: { input: EmptyInput; output: SetupStatus };
  claimSetup: { input: Infer<typeof claimSetupInput>; output: MyAccess };
  myAccess: { input: EmptyInput; output: MyAccess };
  createInvitation: { input: Infer<typeof createInvitationInput>; output: InvitationView };
  listInvitations: { input: Infer<typeof listInvitationsInput>; output: InvitationView[] };
  revokeInvitation: { input: Infer<typeof invitationIdInput>; output: InvitationView };
  invitationPoster: {
    input: Infer<typeof invitationIdInput>;
    output: { contentType: string; base64: string; page: string; scene: string };
  };
  previewInvitation: { input: Infer<typeof tokenInput>; output: InvitationPreview };
  acceptInvitation: { input: Infer<typeof tokenInput>; output: AcceptResult };
  listGrants: { input: Infer<typeof listGrantsInput>; output: GrantView[] };
  revokeGrant: { input: Infer<typeof revokeGrantInput>; output: GrantView };
  listStationsAdmin: { input: EmptyInput; output: StationAdminView[] };
  saveStation: { input: Infer<typeof saveStationInput>; output: StationAdminView };
  closeStation: { input: Infer<typeof closeStationInput>; output: StationAdminView };
  reopenStation: { input: Infer<typeof stationIdInput>; output: StationAdminView };
  setStationActive: { input: Infer<typeof setStationActiveInput>; output: StationAdminView };
  listEmployers: { input: EmptyInput; output: EmployerView[] };
  saveEmployer: { input: Infer<typeof saveEmployerInput>; output: EmployerView };
  mergeEmployers: { input: Infer<typeof mergeEmployersInput>; output: MergeResult };
  setEmployerActive: { input: Infer<typeof setEmployerActiveInput>; output: EmployerView };
}

const admins = ADMIN_ROLES;

/**
 * Access says only "some admin" for the admin pages' actions: each handler then checks the caller's
 * domain (a gifts admin keeps 驿站, a members admin employers, invitations by kind).
 */
export const adminContract = contract<AdminActions>()({
  // Writes once, on a fresh database (the setup code's hash); a read afterwards.
  setupStatus: { input: emptyInput, access: 'public', writes: 'idempotent' },
  claimSetup: { input: claimSetupInput, access: 'signedIn', writes: true },
  myAccess: { input: emptyInput, access: 'signedIn' },
  createInvitation: { input: createInvitationInput, access: admins, writes: true },
  listInvitations: { input: listInvitationsInput, access: admins },
  revokeInvitation: { input: invitationIdInput, access: admins, writes: true },
  invitationPoster: { input: invitationIdInput, access: admins },
  previewInvitation: { input: tokenInput, access: 'signedIn' },
  acceptInvitation: { input: tokenInput, access: 'signedIn', writes: true },
  listGrants: { input: listGrantsInput, access: admins },
  revokeGrant: { input: revokeGrantInput, access: admins, writes: true },
  listStationsAdmin: { input: emptyInput, access: admins },
  saveStation: { input: saveStationInput, access: admins, writes: true },
  closeStation: { input: closeStationInput, access: admins, writes: true },
  reopenStation: { input: stationIdInput, access: admins, writes: true },
  setStationActive: { input: setStationActiveInput, access: admins, writes: true },
  listEmployers: { input: emptyInput, access: admins },
  saveEmployer: { input: saveEmployerInput, access: admins, writes: true },
  mergeEmployers: { input: mergeEmployersInput, access: admins, writes: true },
  setEmployerActive: { input: setEmployerActiveInput, access: admins, writes: true },
});

/** Pulls the invitation token out of what a QR / link holds: the token, `t=<token>` or a scene. */
export function invitationTokenFrom(text: string): string {
  const m = /[?&](?:t|scene)=([a-z0-9]+)/.exec(text);
  return m ? m[1] : text.trim();
}
