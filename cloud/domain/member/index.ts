/**
 * The `member` function: profile, 网上入会 and its review queue, 转会, 会员码, 我的消息.
 * Self-service actions are open to any signed-in caller (a first-time user has no record yet);
 * the queue is admin-only; 转会 and 会员码 need the member role.
 */
import { memberContract, type MemberActions } from '../../../types/api/member';
import { implement } from '../../lib/router';
import { applyMembership, myApplication } from './apply';
import { memberCode } from './code';
import { listMessages, markMessagesRead } from './messages';
import { deleteMyData, exportMyData } from './privacy';
import { getMe, updateProfile } from './profile';
import { listApplications, reviewApplication } from './review';
import { transferMembership } from './transfer';

export const memberActions = implement<MemberActions>(memberContract, {
  getMe: (ctx) => getMe(ctx),
  updateProfile,
  applyMembership,
  myApplication: (ctx) => myApplication(ctx),
  listApplications,
  reviewApplication,
  transferMembership,
  memberCode: (ctx) => memberCode(ctx),
  listMessages,
  markMessagesRead,
  // 查看我的数据 / 申请删除: own records only; deletion needs the typed confirmation.
  exportMyData: (ctx) => exportMyData(ctx),
  deleteMyData: (ctx) => deleteMyData(ctx),
});

export { memberScanHandler } from './scan';
