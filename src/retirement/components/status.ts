import type { RetirementStatus } from '@contract/api/retirement';
import type { Tone } from '../../components/status-tag';

export const STATUS_TONE: Record<RetirementStatus, Tone> = {
  submitted: 'info',
  employer_verified: 'info',
  approved: 'success',
  returned: 'danger',
  issued: 'success',
  plaque_pending: 'warning',
  plaque_posted: 'info',
  collected: 'success',
  revoked: 'muted',
};

/** What happens next, in plain words, for the person waiting. */
export const NEXT_STEP: Record<RetirementStatus, string> = {
  submitted: '等待原单位工会核实工作经历',
  employer_verified: '单位已核实，等待区总工会审批',
  approved: '已批准，证书马上签发',
  returned: '申请被退回，请按原因修改后重新提交',
  issued: '电子证书已签发，可以查看并保存到相册；纪念牌准备好后会通知您',
  plaque_pending: '纪念牌已备好，请带上手机到领取地点，出示证书上的二维码',
  plaque_posted: '纪念牌已寄出，收到后请点「确认收到」',
  collected: '纪念牌已领取，感谢您多年的辛勤付出',
  revoked: '证书已撤销，如有疑问请联系区总工会',
};

export { formatDate, formatDay } from '../../utils/format';
