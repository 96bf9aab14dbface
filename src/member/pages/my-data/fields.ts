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

const SECTIONS: Record<string, Field[]> = {
  account: [
    { path: 'profile.name', label: '姓名' },
    { path: 'profile.phone', label: '手机号' },
    { path: 'profile.employer', label: '工作单位' },
    { path: 'profile.district', label: '所在区县' },
    { path: 'profile.category', label: '职工类别' },
    { path: 'profile.group', label: '从事行业' },
    { path: 'profile.platform', label: '所在平台' },
    { path: 'profile.birthDate', label: '出生日期', show: birth },
    { path: 'membership.status', label: '会员状态', show: words(MEMBERSHIP) },
    { path: 'membership.memberNo', label: '会员编号' },
    { path: 'membership.since', label: '入会时间', show: time },
    { path: 'membership.employer', label: '会籍所在单位' },
    { path: 'membership.returnReason', label: '退回原因' },
    {
      path: 'roles',
      label: '身份',
      show: (v) => (Array.isArray(v) && v.length ? v.map((r) => ROLES[r] ?? '其他').join('、') : null),
    },
    { path: 'identityNumberOnFile', label: '已登记身份证号', show: yesNo },
    { path: 'createdAt', label: '首次使用时间', show: time },
    { path: 'updatedAt', label: '最近修改时间', show: time },
  ],
  membershipApplication: [
    { path: 'name', label: '姓名' },
    { path: 'phone', label: '手机号' },
    { path: 'employer', label: '工作单位' },
    { path: 'district', label: '所在区县' },
    { path: 'category', label: '职工类别' },
    { path: 'group', label: '从事行业' },
    { path: 'platform', label: '所在平台' },
    { path: 'note', label: '备注' },
    { path: 'status', label: '审核状态', show: words(APPLICATION) },
    { path: 'submittedAt', label: '提交时间', show: time },
    { path: 'reviewedAt', label: '审核时间', show: time },
    { path: 'returnReason', label: '退回原因' },
    { path: 'memberNo', label: '会员编号' },
  ],
  transfers: [
    { path: 'fromEmployer', label: '原单位' },
    { path: 'fromDistrict', label: '原区县' },
    { path: 'toEmployer', label: '新单位' },
    { path: 'toDistrict', label: '新区县' },
    { path: 'reason', label: '转会原因' },
    { path: 'at', label: '转会时间', show: time },
  ],
  messages: [
    { path: 'title', label: '标题' },
    { path: 'body', label: '内容' },
    { path: 'createdAt', label: '收到时间', show: time },
    { path: 'read', label: '已读', show: yesNo },
  ],
  contestRegistrations: [
    { path: 'tradeName', label: '工种' },
    { path: 'name', label: '姓名' },
    { path: 'phone', label: '手机号' },
    { path: 'employer', label: '工作单位' },
    { path: 'jobTitle', label: '岗位' },
    { path: 'skillLevel', label: '技能等级' },
    { path: 'yearsInTrade', label: '从业年限', show: (v) => (typeof v === 'number' ? `${v} 年` : null) },
    { path: 'status', label: '报名状态', show: words(REGISTRATION_STATUS_TEXT) },
    { path: 'returnReason', label: '退回原因' },
    { path: 'submittedAt', label: '报名时间', show: time },
    { path: 'reviewedAt', label: '审核时间', show: time },
    { path: 'cancelledAt', label: '取消时间', show: time },
    { path: 'checkedIn', label: '签到', show: scanned },
    { path: 'rank', label: '名次', show: (v) => (typeof v === 'number' ? `第 ${v} 名` : null) },
    { path: 'award', label: '奖项' },
  ],
  titles: [
    { path: 'title', label: '称号' },
    { path: 'trade', label: '工种' },
    { path: 'year', label: '年份', show: (v) => (typeof v === 'number' ? `${v}年` : null) },
  ],
  courseOrders: [
    { path: 'title', label: '课程' },
    { path: 'topic', label: '提议主题' },
    { path: 'employerName', label: '单位' },
    { path: 'ordererName', label: '下单人' },
    { path: 'headcount', label: '参训人数', show: (v) => (typeof v === 'number' ? `${v} 人` : null) },
    {
      path: 'preferredDates',
      label: '希望日期',
      show: (v) => (Array.isArray(v) && v.length ? v.map((d) => day(d, {}) ?? '').join('、') : null),
    },
    { path: 'place', label: '上课地点' },
    { path: 'format', label: '授课方式', show: words(FORMAT_LABELS) },
    { path: 'note', label: '备注' },
    { path: 'status', label: '点单状态', show: words(ORDER_STATUS_LABELS) },
    { path: 'declineReason', label: '婉拒原因' },
    { path: 'acceptNote', label: '受理说明' },
    { path: 'createdAt', label: '点单时间', show: time },
    { path: 'updatedAt', label: '最近更新时间', show: time },
  ],
  sessionBookings: [
    { path: 'sessionTitle', label: '课程' },
    { path: 'sessionStartAt', label: '上课时间', show: time },
    { path: 'name', label: '姓名' },
    { path: 'phoneTail', label: '手机尾号' },
    { path: 'employer', label: '工作单位' },
    { path: 'status', label: '预约状态', show: words(BOOKING) },
    { path: 'position', label: '候补位次', show: (v, it) => (it.status === 'pending' && v ? `第 ${v} 位` : null) },
    { path: 'bookedAt', label: '预约时间', show: time },
    { path: 'promotedAt', label: '候补转正时间', show: time },
    { path: 'cancelledAt', label: '取消时间', show: time },
    { path: 'attendedAt', label: '签到上课时间', show: time },
    { path: 'rated', label: '已评价', show: yesNo },
  ],
  sessionRatings: [
    { path: 'sessionTitle', label: '课程' },
    { path: 'stars', label: '评分', show: (v) => (typeof v === 'number' ? `${v} 星` : null) },
    { path: 'comment', label: '评价内容' },
    { path: 'at', label: '评价时间', show: time },
  ],
  retirementRequests: [
    { path: 'name', label: '退休职工' },
    { path: 'phone', label: '手机号' },
    { path: 'idMasked', label: '身份证号（遮挡）' },
    { path: 'employer', label: '工作单位' },
    { path: 'position', label: '岗位' },
    { path: 'yearsOfService', label: '工龄', show: (v) => (typeof v === 'number' ? `${v} 年` : null) },
    { path: 'retirementDate', label: '退休日期', show: day },
    { path: 'requesterKind', label: '申请方式', show: words(REQUESTER_LABELS) },
    { path: 'requester.relation', label: '与退休职工的关系' },
    { path: 'delivery', label: '纪念牌领取方式', show: words(DELIVERY) },
    { path: 'callbackRequested', label: '需要电话回访', show: yesNo },
    { path: 'callbackTime', label: '方便接电话的时间' },
    { path: 'status', label: '办理状态', show: words(RETIREMENT_STATUS_LABELS) },
    { path: 'returnReason', label: '退回原因' },
    { path: 'serial', label: '证书编号' },
    { path: 'submittedAt', label: '提交时间', show: time },
    { path: 'issuedAt', label: '发证时间', show: time },
    { path: 'collectedAt', label: '纪念牌领取时间', show: time },
    { path: 'revokeReason', label: '撤销原因' },
    { path: 'updatedAt', label: '最近更新时间', show: time },
  ],
  giftClaims: [
    { path: 'campaignName', label: '活动' },
    { path: 'stationName', label: '领取驿站' },
    { path: 'holderName', label: '领取人' },
    { path: 'holderPhoneMasked', label: '手机号（遮挡）' },
    { path: 'memberNo', label: '会员编号' },
    { path: 'status', label: '领取状态', show: words(VOUCHER_STATUS_TEXT) },
    { path: 'claimedAt', label: '领取时间', show: time },
    { path: 'validUntil', label: '兑换截止时间', show: time },
    { path: 'redeemed', label: '核销', show: scanned },
    { path: 'cancelledAt', label: '取消时间', show: time },
    { path: 'expiredAt', label: '过期时间', show: time },
  ],
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
