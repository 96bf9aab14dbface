import { contract, returns, type ActionsOf } from '../contract';
import { s, type Infer } from '../schema';
import { emptyInput, pageInput, type InboxMessage, type Page, type Role, type Scope } from './common';

export const WORKER_CATEGORIES = ['产业工人', '新就业形态劳动者', '退休职工', '机关事业单位职工', '其他'] as const;
export type WorkerCategory = (typeof WORKER_CATEGORIES)[number];

/** Platforms of 新就业形态劳动者 (riders, couriers, drivers...). */
export const GIG_GROUPS = ['外卖', '快递', '网约车', '货车司机', '环卫', '施工', '家政', '其他'] as const;
export type GigGroup = (typeof GIG_GROUPS)[number];

export const DISTRICTS = ['秀洲区', '南湖区', '嘉善县', '平湖市', '海盐县', '海宁市', '桐乡市', '其他'] as const;

export const profileInput = s.object({
  name: s.string({
    label: '姓名',
    min: 2,
    max: 20,
    pattern: /^[\u4e00-\u9fa5·A-Za-z ]+$/,
    patternMessage: '请填写真实姓名（2–20个汉字或字母）',
  }),
  phone: s.phone(),
  employer: s.string({ label: '工作单位', min: 2, max: 60 }),
  district: s.oneOf(DISTRICTS, { label: '所在区县' }),
  category: s.oneOf(WORKER_CATEGORIES, { label: '职工类别' }),
  /** For 新就业形态劳动者: the kind of work (外卖, 快递...) and the platform name. */
  group: s.optional(s.oneOf(GIG_GROUPS, { label: '从事行业' })),
  platform: s.optional(s.string({ label: '所在平台', min: 1, max: 30 })),
  birthDate: s.optional(s.date({ label: '出生日期' })),
});
export type ProfileInput = Infer<typeof profileInput>;

export type MembershipStatus = 'none' | 'pending' | 'member' | 'returned';

export interface Membership {
  status: MembershipStatus;
  memberNo?: string;
  /** Epoch ms the membership started. */
  since?: number;
  /** Reason of the last return, shown to the applicant. */
  returnReason?: string;
  /** The employer (and district) the membership is held at; changed by 转会. */
  employer?: string;
  district?: string;
}

/** A 转会 record (collection `membershipTransfers`), as shown to the member. */
export interface MembershipTransfer {
  id: string;
  memberNo: string;
  fromEmployer: string;
  fromDistrict: string;
  toEmployer: string;
  toDistrict: string;
  reason?: string;
  at: number;
}

/** What the caller sees of themself: their own phone unmasked. */
export interface MyProfile {
  openid: string;
  roles: Role[];
  scopes: Scope[];
  profile: ProfileInput | null;
  profileComplete: boolean;
  membership: Membership;
  unreadMessages: number;
}

export interface MembershipApplication {
  id: string;
  /** Full name: the applicant and the reviewing admin need it to identify the person. */
  name: string;
  /** Always masked (138****5678), also for the reviewing admin. */
  phone: string;
  employer: string;
  district: string;
  category: WorkerCategory;
  group?: GigGroup;
  platform?: string;
  /** The applicant's note (备注). */
  reason?: string;
  /** 1 for a first application, 2 after one return and reapplication... */
  attempt: number;
  status: 'pending' | 'approved' | 'returned';
  returnReason?: string;
  memberNo?: string;
  submittedAt: number;
  reviewedAt?: number;
}

export const applyMembershipInput = s.object({
  /** Why they join / anything the admin should know; optional. */
  note: s.optional(s.string({ label: '备注', max: 200 })),
  agreeCharter: s.literal(true, { label: '同意工会章程' }),
});

export const reviewApplicationInput = s.object({
  applicationId: s.id({ label: '申请编号' }),
  decision: s.oneOf(['approve', 'return'] as const, { label: '审核结果' }),
  /** Required when returning: the applicant sees it and fixes what it says. */
  reason: s.optional(s.string({ label: '退回原因', max: 200 })),
});

export const listApplicationsInput = s.object({
  status: s.optional(s.oneOf(['pending', 'approved', 'returned'] as const, { label: '状态' })),
  ...pageInput,
});

export const transferInput = s.object({
  newEmployer: s.string({ label: '新工作单位', min: 2, max: 60 }),
  district: s.oneOf(DISTRICTS, { label: '所在区县' }),
  reason: s.optional(s.string({ label: '转会原因', max: 200 })),
});

export const listMessagesInput = s.object({ ...pageInput, unreadOnly: s.optional(s.boolean({ label: '仅未读' })) });
export const markReadInput = s.object({
  ids: s.array(s.id({ label: '消息编号' }), { label: '消息', min: 1, max: 100 }),
});

export interface MemberCode {
  /** The signed token to draw as a QR code; refresh before `expiresAt`. */
  token: string;
  expiresAt: number;
  memberNo: string;
}

/** 申请删除: the caller types (or the page sends) exactly this, so a stray call cannot erase anyone. */
export const DELETE_MY_DATA_CONFIRMATION = '确认删除我的数据';
export const deleteMyDataInput = s.object({
  confirm: s.literal(DELETE_MY_DATA_CONFIRMATION, { label: '删除确认' }),
});

/** One kind of record the app holds about the caller (查看我的数据), as plain JSON. */
export interface MyDataSection {
  key: string;
  /** Chinese heading, e.g. 个人资料, 技能比武报名. */
  title: string;
  items: Array<Record<string, unknown>>;
}

export interface MyDataExport {
  exportedAt: number;
  openid: string;
  sections: MyDataSection[];
}

/** What deleteMyData did to one kind of record. */
export interface DeletedPart {
  key: string;
  title: string;
  count: number;
}

/** Records that must be kept (others depend on them), with what was stripped and why, in Chinese. */
export interface KeptPart extends DeletedPart {
  /** What was done to them, e.g. 已去除姓名和手机号. */
  treatment: string;
  reason: string;
}

export interface DeleteMyDataResult {
  removed: DeletedPart[];
  kept: KeptPart[];
  /** One sentence for the user. */
  summary: string;
}

export const memberContract = /* @__PURE__ */ contract({
  getMe: { input: emptyInput, output: returns<MyProfile>, access: 'signedIn' },
  updateProfile: { input: profileInput, output: returns<MyProfile>, access: 'signedIn', writes: true },
  applyMembership: {
    input: applyMembershipInput,
    output: returns<MembershipApplication>,
    access: 'signedIn',
    writes: true,
  },
  myApplication: { input: emptyInput, output: returns<MembershipApplication | null>, access: 'signedIn' },
  listApplications: { input: listApplicationsInput, output: returns<Page<MembershipApplication>>, access: ['admin'] },
  reviewApplication: {
    input: reviewApplicationInput,
    output: returns<MembershipApplication>,
    access: ['admin'],
    writes: true,
  },
  transferMembership: { input: transferInput, output: returns<MyProfile>, access: ['member'], writes: true },
  memberCode: { input: emptyInput, output: returns<MemberCode>, access: ['member'] },
  listMessages: {
    input: listMessagesInput,
    output: returns<Page<InboxMessage> & { unread: number }>,
    access: 'signedIn',
  },
  markMessagesRead: { input: markReadInput, output: returns<{ updated: number }>, access: 'signedIn', writes: true },
  exportMyData: { input: emptyInput, output: returns<MyDataExport>, access: 'signedIn' },
  deleteMyData: {
    input: deleteMyDataInput,
    output: returns<DeleteMyDataResult>,
    access: 'signedIn',
    writes: 'idempotent',
  },
});
export type MemberActions = ActionsOf<typeof memberContract>;
