import type { MemberActions } from '@contract/api/member';
import { client } from './call';

const member = client<MemberActions>('member');

export const memberService = {
  getMe: () => member.query('getMe', {}),
  updateProfile: (input: MemberActions['updateProfile']['input'], requestId?: string) =>
    member.mutate('updateProfile', input, requestId),
  applyMembership: (input: MemberActions['applyMembership']['input'], requestId?: string) =>
    member.mutate('applyMembership', input, requestId),
  myApplication: () => member.query('myApplication', {}),
  listApplications: (input: MemberActions['listApplications']['input'] = {}) => member.query('listApplications', input),
  reviewApplication: (input: MemberActions['reviewApplication']['input'], requestId?: string) =>
    member.mutate('reviewApplication', input, requestId),
  transferMembership: (input: MemberActions['transferMembership']['input'], requestId?: string) =>
    member.mutate('transferMembership', input, requestId),
  memberCode: () => member.query('memberCode', {}),
  listMessages: (input: MemberActions['listMessages']['input'] = {}) => member.query('listMessages', input),
  markMessagesRead: (ids: string[]) => member.mutate('markMessagesRead', { ids }),
  exportMyData: () => member.query('exportMyData', {}),
  deleteMyData: (input: MemberActions['deleteMyData']['input']) => member.query('deleteMyData', input),
};
