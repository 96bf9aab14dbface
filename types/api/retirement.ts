/**
 * 光荣退休: honour-certificate requests (by the retiree, a family member or the employer's union),
 * review (employer verifies, district union approves), the e-certificate, plaque pickup/post, and the
 * public verification anyone can open by scanning the certificate's QR.
 *
 * Privacy: identity numbers travel only in submit payloads; every response carries `idMasked`
 * (前3后4) and a masked phone, never the full numbers.
 */
import { contract, returns, type ActionsOf } from '../contract';
import { s, type Infer } from '../schema';
import { emptyInput, pageInput, type Page } from './common';

export const RETIREMENT_STATUSES = [
  'submitted',
  'employer_verified',
  'approved',
  'returned',
  'issued',
  'plaque_pending',
  'plaque_posted',
  'collected',
  'revoked',
] as const;
export type RetirementStatus = (typeof RETIREMENT_STATUSES)[number];

/** Plain words for the timeline an elderly reader sees. */
export const RETIREMENT_STATUS_LABELS: Record<RetirementStatus, string> = {
  submitted: '已提交',
  employer_verified: '单位已核实',
  approved: '已批准',
  returned: '已退回',
  issued: '证书已签发',
  plaque_pending: '纪念牌待领取',
  plaque_posted: '纪念牌已寄出',
  collected: '已领取',
  revoked: '证书已撤销',
};

export const REQUESTER_KINDS = ['self', 'family', 'employer'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];
export const REQUESTER_LABELS: Record<RequesterKind, string> = {
  self: '本人申请',
  family: '家属代办',
  employer: '单位代办',
};

export const FAMILY_RELATIONS = ['子女', '配偶', '孙子女', '兄弟姐妹', '其他亲属'] as const;
export const CALLBACK_TIMES = ['上午', '下午', '晚上', '任何时间'] as const;
export const DELIVERY_METHODS = ['pickup', 'post'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** Where the app uploads certificate photos in cloud storage, and how big one may be. */
export const PHOTO_FOLDER = 'retirement-photos';
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

/** The retiree's details, as entered on the form (one row of an employer's list too). */
export const retireeFields = {
  name: s.string({
    label: '退休职工姓名',
    min: 2,
    max: 20,
    pattern: /^[\u4e00-\u9fa5·A-Za-z ]+$/,
    patternMessage: '请填写退休职工的真实姓名（2–20个汉字或字母）',
  }),
  idNumber: s.idNumber({ label: '身份证号' }),
  /** Shown on the certificate; replaced by the registered name when `employerId` is given. */
  employer: s.string({ label: '原工作单位', min: 2, max: 60 }),
  employerId: s.optional(s.id({ label: '原工作单位' })),
  position: s.string({ label: '岗位或工种', min: 1, max: 30 }),
  yearsOfService: s.int({ label: '工龄（年）', min: 1, max: 60 }),
  retirementDate: s.date({ label: '退休日期' }),
  phone: s.phone({ label: '联系电话' }),
  deliveryMethod: s.oneOf(DELIVERY_METHODS, { label: '纪念牌领取方式' }),
  /** A ceremony place (station id) when `deliveryMethod` is pickup. */
  pickupStationId: s.optional(s.id({ label: '领取地点' })),
  /** Postal address when `deliveryMethod` is post. */
  postAddress: s.optional(s.string({ label: '邮寄地址', min: 6, max: 120 })),
  /**
   * A cloud file id of a photo for the certificate, uploaded by the caller under
   * `PHOTO_FOLDER/<photoUploaderKey>/` of our storage and used by no other request; optional.
   */
  photoFileId: s.optional(s.string({ label: '照片', min: 1, max: 300 })),
  callbackRequested: s.optional(s.boolean({ label: '电话回访' })),
  callbackTime: s.optional(s.oneOf(CALLBACK_TIMES, { label: '方便接电话的时间' })),
};

export const submitRequestInput = s.object({
  consent: s.literal(true, { label: '同意隐私说明' }),
  requesterKind: s.oneOf(REQUESTER_KINDS, { label: '申请人' }),
  /** Required for a family member: how they are related to the retiree. */
  relation: s.optional(s.oneOf(FAMILY_RELATIONS, { label: '与退休职工的关系' })),
  ...retireeFields,
});
export type SubmitRequestInput = Infer<typeof submitRequestInput>;

const { employer: _employer, employerId: _employerId, ...rowFields } = retireeFields;
export const retireeRowInput = s.object(rowFields, { label: '名单中的一行' });
export type RetireeRow = Infer<typeof retireeRowInput>;

export const submitBatchInput = s.object({
  consent: s.literal(true, { label: '同意隐私说明' }),
  employerId: s.id({ label: '本单位' }),
  retirees: s.array(retireeRowInput, { label: '退休职工名单', min: 1, max: 50 }),
});

/** Resubmission after a return: everything but the identity number may be corrected. */
const { idNumber: _idNumber, ...editableFields } = retireeFields;
export const resubmitInput = s.object({ id: s.id({ label: '申请编号' }), ...editableFields });

const idInput = s.object({ id: s.id({ label: '申请编号' }) });
const idsInput = s.object({ ids: s.array(s.id({ label: '申请编号' }), { label: '申请', min: 1, max: 100 }) });
const reasonField = s.string({ label: '原因', min: 2, max: 200 });

export const verifyEmploymentInput = s.object({
  ids: s.array(s.id({ label: '申请编号' }), { label: '申请', min: 1, max: 100 }),
  decision: s.oneOf(['confirm', 'return'] as const, { label: '核实结果' }),
  reason: s.optional(reasonField),
});
export const returnInput = s.object({ id: s.id({ label: '申请编号' }), reason: reasonField });
export const revokeInput = s.object({ id: s.id({ label: '申请编号' }), reason: reasonField });
export const postPlaqueInput = s.object({
  id: s.id({ label: '申请编号' }),
  trackingNote: s.string({ label: '快递单号或说明', min: 4, max: 100 }),
});
/** The admin phoned back a retiree who asked for it (the `callback-<id>` to-do): what was said. */
export const markCallbackDoneInput = s.object({
  id: s.id({ label: '申请编号' }),
  note: s.string({ label: '回访情况', min: 2, max: 200 }),
});
export const queueInput = s.object({
  status: s.optional(s.oneOf(RETIREMENT_STATUSES, { label: '状态' })),
  /** Enterprise contacts holding several employers pick one; admins may filter. */
  employerId: s.optional(s.id({ label: '单位' })),
  ...pageInput,
});
export const verifyCertificateInput = s.object({
  /** The signed token from the certificate's QR, or the printed serial number. */
  token: s.optional(s.string({ label: '证书二维码', min: 8, max: 120 })),
  serial: s.optional(s.string({ label: '证书编号', min: 6, max: 40 })),
});

export interface Delivery {
  method: DeliveryMethod;
  stationId?: string;
  stationName?: string;
  stationAddress?: string;
  address?: string;
}

export interface TimelineEntry {
  status: RetirementStatus;
  label: string;
  at: number;
  note?: string;
}

/** A request as the submitter, the employer contact or the admin sees it: never a full id or phone. */
export interface RetirementRequestView {
  id: string;
  name: string;
  /** 前3后4: 330***********1234. */
  idMasked: string;
  /** 138****5678. */
  phoneMasked: string;
  employer: string;
  employerId?: string;
  position: string;
  yearsOfService: number;
  retirementDate: string;
  delivery: Delivery;
  hasPhoto: boolean;
  /** The photo's fileID, to its submitter only (kept when they resubmit). */
  photoFileId?: string;
  /** A temporary link to the photo (one request, or the review queue). */
  photoUrl?: string;
  callbackRequested: boolean;
  callbackTime?: string;
  requesterKind: RequesterKind;
  relation?: string;
  status: RetirementStatus;
  statusLabel: string;
  returnReason?: string;
  serial?: string;
  issuedAt?: number;
  trackingNote?: string;
  collectedAt?: number;
  revokeReason?: string;
  timeline: TimelineEntry[];
  submittedAt: number;
  /** True for the person who submitted it (may resubmit after a return, confirm receipt of a post). */
  mine: boolean;
}

export interface BatchRowResult {
  index: number;
  ok: boolean;
  id?: string;
  code?: string;
  message?: string;
}

export interface BatchResult {
  done: number;
  results: BatchRowResult[];
}

/** What the e-certificate drawing needs (the owner's own certificate: full name). */
export interface CertificateView {
  id: string;
  name: string;
  employer: string;
  position: string;
  yearsOfService: number;
  retirementDate: string;
  serial: string;
  issuedAt: number;
  revoked: boolean;
  /** The long-lived signed token: the QR opens the verify page with it, and staff scan it at pickup. */
  token: string;
  /** What the QR encodes: the verify page path with the token. */
  qrText: string;
  issuer: string;
  /**
   * The honour text as the settings give it, with {name} {employer} {position} {years} filled in;
   * paragraphs split on blank lines. Absent: the app's own wording.
   */
  honourText?: string[];
  /** A temporary link to the retiree's photo, drawn on the certificate when there is one. */
  photoUrl?: string;
}

/** The public answer: nothing but these. */
export interface CertificateCheck {
  status: 'valid' | 'revoked';
  nameMasked: string;
  employer: string;
  issuedAt: number;
}

export interface FormOptions {
  open: boolean;
  campaignTitle: string;
  futureDays: number;
  pastDays: number;
  /** Today in Shanghai, so the form's date picker has the same window as the server. */
  today: string;
  places: { id: string; name: string; address: string }[];
  employers: { id: string; name: string }[];
  /**
   * The caller's folder under PHOTO_FOLDER (a keyed hash of their OPENID): the app uploads a photo to
   * `PHOTO_FOLDER/<photoUploaderKey>/<yyyy-mm>/<random>.<ext>`, and only the caller's own are accepted.
   */
  photoUploaderKey: string;
}

export interface ReviewItem extends RetirementRequestView {
  /** Admins only, on requests asking for a phone call-back: whether it was made, when, what was said. */
  callbackDone?: boolean;
  callbackDoneAt?: number;
  callbackNote?: string;
}

// ---- 光荣退休 settings (the retirement admin: admin:retirement, or the super admin) ----

const settingsWallTime = (label: string) =>
  s.string({
    label,
    min: 16,
    max: 16,
    pattern: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    patternMessage: '请按 年-月-日 时:分 填写',
  });

export const saveSettingsInput = s.object({
  /** Switch the campaign on or off (off: 尚未开放 whatever the window). */
  open: s.boolean({ label: '开放申请' }),
  year: s.int({ label: '年度', min: 2000, max: 2100 }),
  title: s.string({ label: '活动名称', min: 4, max: 40 }),
  /** The campaign window (Shanghai wall time); requests outside it are refused. */
  opensAt: settingsWallTime('申请开始'),
  closesAt: settingsWallTime('申请截止'),
  futureDays: s.int({ label: '可提前申请天数', min: 0, max: 365 }),
  pastDays: s.int({ label: '可追溯天数', min: 0, max: 3650 }),
  /** Paragraphs separated by a blank line; {name} {employer} {position} {years} are filled in. */
  certificateText: s.string({ label: '证书正文', min: 10, max: 600 }),
  issuer: s.string({ label: '颁发单位', min: 2, max: 40 }),
  /** The serial reads `${serialPrefix}〔${year}〕第0001号`. */
  serialPrefix: s.string({
    label: '证书编号前缀',
    min: 1,
    max: 10,
    pattern: /^[^\s〔〕]+$/,
    patternMessage: '不能包含空格或〔〕',
  }),
  pickupStationIds: s.array(s.id({ label: '领取地点' }), { label: '领取地点', max: 20 }),
});

export interface RetirementSettingsView {
  /** false on a fresh database: nothing saved yet (the form shows these defaults). */
  configured: boolean;
  open: boolean;
  year: number;
  title: string;
  opensAt: number;
  closesAt: number;
  opensText: string;
  closesText: string;
  futureDays: number;
  pastDays: number;
  certificateText: string;
  issuer: string;
  serialPrefix: string;
  pickupStations: Array<{ id: string; name: string }>;
  /** Serials issued in `year` so far. */
  issuedThisYear: number;
}

export const retirementContract = /* @__PURE__ */ contract({
  formOptions: { input: emptyInput, output: returns<FormOptions>, access: 'signedIn' },
  submitRequest: {
    input: submitRequestInput,
    output: returns<RetirementRequestView>,
    access: 'signedIn',
    writes: true,
  },
  submitBatch: {
    input: submitBatchInput,
    output: returns<BatchResult>,
    access: ['enterprise', 'admin'],
    writes: true,
  },
  resubmitRequest: { input: resubmitInput, output: returns<RetirementRequestView>, access: 'signedIn', writes: true },
  myRequests: { input: emptyInput, output: returns<RetirementRequestView[]>, access: 'signedIn' },
  getRequest: { input: idInput, output: returns<RetirementRequestView>, access: 'signedIn' },
  myCertificate: { input: idInput, output: returns<CertificateView>, access: 'signedIn' },
  confirmReceipt: { input: idInput, output: returns<RetirementRequestView>, access: 'signedIn', writes: true },
  reviewQueue: { input: queueInput, output: returns<Page<ReviewItem>>, access: ['enterprise', 'admin'] },
  verifyEmployment: {
    input: verifyEmploymentInput,
    output: returns<BatchResult>,
    access: ['enterprise', 'admin'],
    writes: true,
  },
  approve: { input: idsInput, output: returns<BatchResult>, access: ['admin'], writes: true },
  returnRequest: { input: returnInput, output: returns<RetirementRequestView>, access: ['admin'], writes: true },
  issue: { input: idsInput, output: returns<BatchResult>, access: ['admin'], writes: true },
  plaqueReady: { input: idsInput, output: returns<BatchResult>, access: ['admin'], writes: true },
  postPlaque: { input: postPlaqueInput, output: returns<RetirementRequestView>, access: ['admin'], writes: true },
  revoke: { input: revokeInput, output: returns<RetirementRequestView>, access: ['admin'], writes: true },
  markCallbackDone: { input: markCallbackDoneInput, output: returns<ReviewItem>, access: ['admin'], writes: true },
  verifyCertificate: { input: verifyCertificateInput, output: returns<CertificateCheck>, access: 'public' },
  getSettings: { input: emptyInput, output: returns<RetirementSettingsView>, access: ['admin'] },
  saveSettings: {
    input: saveSettingsInput,
    output: returns<RetirementSettingsView>,
    access: ['admin'],
    writes: true,
  },
});
export type RetirementActions = ActionsOf<typeof retirementContract>;

/** The verify page, which the certificate's QR opens (`?t=<token>`). */
export const VERIFY_PAGE = '/retirement/pages/verify/index';

/** Pulls the signed token out of what a QR holds: the token itself or a link with `t=<token>`. */
export function certificateTokenFrom(text: string): string {
  const m = /[?&]t=([A-Za-z0-9_.-]+)/.exec(text);
  return m ? m[1] : text.trim();
}
