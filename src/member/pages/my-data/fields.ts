/** Plain Chinese labels for the exported fields, so a worker can read their own data. */
import { formatTime } from '../../../utils/format';

const LABELS: Record<string, string> = {
  profile: '个人资料',
  name: '姓名',
  phone: '手机号',
  employer: '工作单位',
  district: '所在区县',
  category: '职工类别',
  group: '从事行业',
  platform: '所在平台',
  birthDate: '出生日期',
  membership: '会员信息',
  memberNo: '会员编号',
  status: '状态',
  roles: '身份',
  title: '标题',
  body: '内容',
  read: '已读',
  tradeName: '工种',
  jobTitle: '岗位',
  skillLevel: '技能等级',
  yearsInTrade: '从业年限',
  rank: '名次',
  award: '奖项',
  idMasked: '身份证号（遮挡）',
  serial: '证书编号',
  retirementDate: '退休日期',
  position: '岗位',
  holderName: '领取人',
  holderPhoneMasked: '手机号（遮挡）',
  stationId: '驿站',
  stars: '评分',
  comment: '评价',
  headcount: '人数',
  fromEmployer: '原单位',
  toEmployer: '新单位',
  reason: '原因',
  note: '备注',
  identityNumberOnFile: '已登记身份证号',
  since: '入会时间',
};

/** Stored codes said in words. */
const VALUES: Record<string, string> = {
  member: '工会会员',
  none: '未入会',
  pending: '审核中',
  returned: '已退回',
  approved: '已通过',
  submitted: '已提交',
  cancelled: '已取消',
  checked_in: '已签到',
  awarded: '已获奖',
  booked: '已预约',
  waitlisted: '候补中',
  attended: '已上课',
  claimed: '已领取',
  redeemed: '已核销',
  expired: '已过期',
  issued: '已发证',
  staff: '工作人员',
  admin: '管理员',
  retiree: '退休职工',
  teacher: '授课老师',
  enterprise: '单位工会',
};

/** Internal bookkeeping the person gains nothing from reading. */
const SKIP = new Set([
  'id',
  'scopes',
  'attempt',
  'history',
  'redeemed',
  'page',
  'voucherId',
  'campaignId',
  'contestId',
  'tradeId',
  'sessionId',
  'employerKey',
]);

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number' && value > 1e12) return formatTime(value);
  if (Array.isArray(value)) return value.map(show).join('、') || '—';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !SKIP.has(k))
      .map(([k, v]) => `${LABELS[k] ?? k}：${show(v)}`)
      .join('；');
  }
  return VALUES[String(value)] ?? String(value);
}

/** One exported record as label/value lines. */
export function readableLines(item: Record<string, unknown>): Array<{ label: string; value: string }> {
  return Object.entries(item)
    .filter(([k]) => !SKIP.has(k))
    .map(([k, v]) => ({ label: LABELS[k] ?? (k.endsWith('At') ? '时间' : k), value: show(v) }));
}
