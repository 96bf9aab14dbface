/**
 * 我的数据 as a worker reads it: each section shows the fields named below, in this order, with a
 * Chinese label and a readable value. Anything not listed (internal ids, request ids, counters, who
 * reviewed by OPENID) stays out of the view; it is still in the JSON export (复制全部数据).
 * An allowlist rather than a blocklist: a field a domain adds later cannot leak here as a raw name.
 */
import { FORMAT_LABELS, ORDER_STATUS_LABELS } from '@contract/api/academy';
import { REGISTRATION_STATUS_TEXT } from '@contract/api/contest';
import { VOUCHER_STATUS_TEXT } from '@contract/api/gift';
import { REQUESTER_LABELS, RETIREMENT_STATUS_LABELS } from '@contract/api/retirement';
import { formatDay, formatTime } from '../../../utils/format';

type Item = Record<string, any>;
type Show = (value: any, item: Item) => string | null | undefined;
/** A field's Chinese label, and how to show its value when it is not plain text or a number. */
type Label = string | [string, Show];
interface Field {
  /** Dotted path into the exported record. */
  path: string;
  label: string;
  show?: Show;
}

const words =
  (map: Record<string, string>): Show =>
  (v) =>
    v === undefined || v === null || v === '' ? null : (map[String(v)] ?? '其他');
const time: Show = (v) => (typeof v === 'number' && v > 0 ? formatTime(v) : null);
const day: Show = (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDay(v) : null);
const birth: Show = (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDay(v, false) : null);
const yesNo: Show = (v) => (typeof v === 'boolean' ? (v ? '是' : '否') : null);
/** A scan stamp (check-in, attendance, redemption): where and when, never the scan id or staff OPENID. */
const scanned: Show = (v) =>
  v && typeof v === 'object' && typeof v.at === 'number'
    ? [formatTime(v.at), v.placeName].filter(Boolean).join('，')
    : null;

const MEMBERSHIP: Record<string, string> = {
  none: '未入会',
  pending: '审核中',
  member: '工会会员',
  returned: '已退回',
};
const ROLES: Record<string, string> = {
  member: '工会会员',
  retiree: '退休职工',
  staff: '工作人员',
  teacher: '授课老师',
  enterprise: '单位工会联系人',
  admin: '管理员',
};
const APPLICATION: Record<string, string> = { pending: '审核中', approved: '已通过', returned: '已退回' };
const BOOKING: Record<string, string> = {
  booked: '已预约',
  pending: '候补中',
  waitlisted: '候补中',
  attended: '已上课',
  absent: '未到场',
  cancelled: '已取消',
};
const DELIVERY: Record<string, string> = { pickup: '到现场领取', post: '邮寄' };

const unit =
  (format: (v: number) => string): Show =>
  (v) =>
    typeof v === 'number' ? format(v) : null;

/** Field names that mean the same in every section they stand in (the last part of a path). */
const COMMON: Record<string, Label> = {
  name: '姓名',
  phone: '手机号',
  employer: '工作单位',
  district: '所在区县',
  category: '职工类别',
  group: '从事行业',
  platform: '所在平台',
  note: '备注',
  memberNo: '会员编号',
  returnReason: '退回原因',
  submittedAt: ['提交时间', time],
  reviewedAt: ['审核时间', time],
  cancelledAt: ['取消时间', time],
  updatedAt: ['最近更新时间', time],
  sessionTitle: '课程',
};

/**
 * A section's fields: the paths in display order (space-separated), each labelled by `own` or else by
 * COMMON. A path with neither is a mistake here, thrown when the module loads (every test sees it).
 */
function section(paths: string, own: Record<string, Label> = {}): Field[] {
  return paths
    .trim()
    .split(/\s+/)
    .map((path) => {
      const label = own[path] ?? COMMON[path.split('.').pop() as string];
      if (!label) throw new Error(`my-data: no label for ${path}`);
      return typeof label === 'string' ? { path, label } : { path, label: label[0], show: label[1] };
    });
}

const PERSON = 'name phone employer district category group platform';

const SECTIONS: Record<string, Field[]> = {
  account: section(
    `profile.name profile.phone profile.employer profile.district profile.category profile.group profile.platform
     profile.birthDate membership.status membership.memberNo
     membership.since membership.employer membership.returnReason roles identityNumberOnFile createdAt updatedAt`,
    {
      'profile.birthDate': ['出生日期', birth],
      'membership.status': ['会员状态', words(MEMBERSHIP)],
      'membership.since': ['入会时间', time],
      'membership.employer': '会籍所在单位',
      roles: ['身份', (v) => (Array.isArray(v) && v.length ? v.map((r) => ROLES[r] ?? '其他').join('、') : null)],
      identityNumberOnFile: ['已登记身份证号', yesNo],
      createdAt: ['首次使用时间', time],
      updatedAt: ['最近修改时间', time],
    },
  ),
  membershipApplication: section(`${PERSON} note status submittedAt reviewedAt returnReason memberNo`, {
    status: ['审核状态', words(APPLICATION)],
  }),
  transfers: section('fromEmployer fromDistrict toEmployer toDistrict reason at', {
    fromEmployer: '原单位',
    fromDistrict: '原区县',
    toEmployer: '新单位',
    toDistrict: '新区县',
    reason: '转会原因',
    at: ['转会时间', time],
  }),
  messages: section('title body createdAt read', {
    title: '标题',
    body: '内容',
    createdAt: ['收到时间', time],
    read: ['已读', yesNo],
  }),
  contestRegistrations: section(
    `tradeName name phone employer jobTitle skillLevel yearsInTrade status returnReason submittedAt reviewedAt
     cancelledAt checkedIn rank award`,
    {
      tradeName: '工种',
      jobTitle: '岗位',
      skillLevel: '技能等级',
      yearsInTrade: ['从业年限', unit((v) => `${v} 年`)],
      status: ['报名状态', words(REGISTRATION_STATUS_TEXT)],
      submittedAt: ['报名时间', time],
      checkedIn: ['签到', scanned],
      rank: ['名次', unit((v) => `第 ${v} 名`)],
      award: '奖项',
    },
  ),
  titles: section('title trade year', { title: '称号', trade: '工种', year: ['年份', unit((v) => `${v}年`)] }),
  courseOrders: section(
    `title topic employerName ordererName headcount preferredDates place format note status declineReason
     acceptNote createdAt updatedAt`,
    {
      title: '课程',
      topic: '提议主题',
      employerName: '单位',
      ordererName: '下单人',
      headcount: ['参训人数', unit((v) => `${v} 人`)],
      preferredDates: [
        '希望日期',
        (v) => (Array.isArray(v) && v.length ? v.map((d) => day(d, {}) ?? '').join('、') : null),
      ],
      place: '上课地点',
      format: ['授课方式', words(FORMAT_LABELS)],
      status: ['点单状态', words(ORDER_STATUS_LABELS)],
      declineReason: '婉拒原因',
      acceptNote: '受理说明',
      createdAt: ['点单时间', time],
    },
  ),
  sessionBookings: section(
    `sessionTitle sessionStartAt name phoneTail employer status position bookedAt promotedAt cancelledAt
     attendedAt rated`,
    {
      sessionStartAt: ['上课时间', time],
      phoneTail: '手机尾号',
      status: ['预约状态', words(BOOKING)],
      position: ['候补位次', (v, it) => (it.status === 'pending' && v ? `第 ${v} 位` : null)],
      bookedAt: ['预约时间', time],
      promotedAt: ['候补转正时间', time],
      attendedAt: ['签到上课时间', time],
      rated: ['已评价', yesNo],
    },
  ),
  sessionRatings: section('sessionTitle stars comment at', {
    stars: ['评分', unit((v) => `${v} 星`)],
    comment: '评价内容',
    at: ['评价时间', time],
  }),
  retirementRequests: section(
    `name phone idMasked employer position yearsOfService retirementDate requesterKind requester.relation delivery
     callbackRequested callbackTime status returnReason serial submittedAt issuedAt collectedAt revokeReason updatedAt`,
    {
      name: '退休职工',
      idMasked: '身份证号（遮挡）',
      position: '岗位',
      yearsOfService: ['工龄', unit((v) => `${v} 年`)],
      retirementDate: ['退休日期', day],
      requesterKind: ['申请方式', words(REQUESTER_LABELS)],
      'requester.relation': '与退休职工的关系',
      delivery: ['纪念牌领取方式', words(DELIVERY)],
      callbackRequested: ['需要电话回访', yesNo],
      callbackTime: '方便接电话的时间',
      status: ['办理状态', words(RETIREMENT_STATUS_LABELS)],
      serial: '证书编号',
      issuedAt: ['发证时间', time],
      collectedAt: ['纪念牌领取时间', time],
      revokeReason: '撤销原因',
    },
  ),
  giftClaims: section(
    `campaignName stationName holderName holderPhoneMasked memberNo status claimedAt validUntil redeemed
     cancelledAt expiredAt`,
    {
      campaignName: '活动',
      stationName: '领取驿站',
      holderName: '领取人',
      holderPhoneMasked: '手机号（遮挡）',
      status: ['领取状态', words(VOUCHER_STATUS_TEXT)],
      claimedAt: ['领取时间', time],
      validUntil: ['兑换截止时间', time],
      redeemed: ['核销', scanned],
      expiredAt: ['过期时间', time],
    },
  ),
};

function at(item: Item, path: string): unknown {
  let v: any = item;
  for (const k of path.split('.')) v = v && typeof v === 'object' ? v[k] : undefined;
  return v;
}

/** A plain value (text or number) as it is; anything else is not shown unless its field says how. */
function plainValue(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() ? v : null;
  if (typeof v === 'number') return String(v);
  return null;
}

/**
 * One exported record as label/value lines: the section's fields that have a value, in order. A
 * section this version does not know shows nothing field by field (its records are in the export).
 */
export function readableLines(section: string, item: Item): Array<{ label: string; value: string }> {
  const out: Array<{ label: string; value: string }> = [];
  for (const f of SECTIONS[section] ?? []) {
    const raw = at(item, f.path);
    const value = f.show ? f.show(raw, item) : plainValue(raw);
    if (value) out.push({ label: f.label, value });
  }
  return out;
}
