/**
 * The `member` function: profile, 网上入会 and its review queue, 转会, 会员码, 我的消息.
 * Self-service actions are open to any signed-in caller (a first-time user has no record yet);
 * the queue is admin-only; 转会 and 会员码 need the member role.
 */
import { memberSchemas, type MemberActions } from '../../../types/api/member';
import { defineActions } from '../../lib/router';
import { applyMembership, myApplication } from './apply';
import { memberCode } from './code';
import { listMessages, markMessagesRead } from './messages';
import { deleteMyData, exportMyData } from './privacy';
import { getMe, updateProfile } from './profile';
import { listApplications, reviewApplication } from './review';
import { transferMembership } from './transfer';

export const memberActions = defineActions<MemberActions>({
  getMe: { input: memberSchemas.getMe, access: 'signedIn', handler: (ctx) => getMe(ctx) },
  updateProfile: { input: memberSchemas.updateProfile, access: 'signedIn', mutating: true, handler: updateProfile },
  applyMembership: {
    input: memberSchemas.applyMembership,
    access: 'signedIn',
    mutating: true,
    handler: applyMembership,
  },
  myApplication: { input: memberSchemas.myApplication, access: 'signedIn', handler: (ctx) => myApplication(ctx) },
  listApplications: { input: memberSchemas.listApplications, access: ['admin'], handler: listApplications },
  reviewApplication: {
    input: memberSchemas.reviewApplication,
    access: ['admin'],
    mutating: true,
    handler: reviewApplication,
  },
  transferMembership: {
    input: memberSchemas.transferMembership,
    access: ['member'],
    mutating: true,
    handler: transferMembership,
  },
  memberCode: { input: memberSchemas.memberCode, access: ['member'], handler: (ctx) => memberCode(ctx) },
  listMessages: { input: memberSchemas.listMessages, access: 'signedIn', handler: listMessages },
  markMessagesRead: {
    input: memberSchemas.markMessagesRead,
    access: 'signedIn',
    mutating: true,
    handler: markMessagesRead,
  },
  // 查看我的数据 / 申请删除: own records only; deletion needs the typed confirmation.
  exportMyData: { input: memberSchemas.exportMyData, access: 'signedIn', handler: (ctx) => exportMyData(ctx) },
  // Not `mutating`: it is idempotent by nature, and a replay record would keep the caller's OPENID.
  deleteMyData: { input: memberSchemas.deleteMyData, access: 'signedIn', handler: (ctx) => deleteMyData(ctx) },
});

export { memberScanHandler } from './scan';
