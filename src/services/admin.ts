import type { AdminActions } from '@contract/api/admin';
import type { ContestActions } from '@contract/api/contest';
import type { RetirementActions } from '@contract/api/retirement';
import { client } from './call';

const admin = client<AdminActions>('admin');
// The contests and 光荣退休 admin actions live in their own functions; they are called from here so the
// admin subpackage alone carries them (the workers' contest / retirement clients stay as small as they were).
const contest = client<ContestActions>('contest');
const retirement = client<RetirementActions>('retirement');
type In<K extends keyof AdminActions> = AdminActions[K]['input'];
type ContestIn<K extends keyof ContestActions> = ContestActions[K]['input'];

/** The union runs it itself: first admin, invitations and grants, 驿站, employers, contests, 光荣退休 settings. */
export const adminService = {
  setupStatus: () => admin.query('setupStatus', {}),
  claimSetup: (code: string, requestId?: string) => admin.mutate('claimSetup', { code }, requestId),
  myAccess: () => admin.query('myAccess', {}),

  createInvitation: (input: In<'createInvitation'>, requestId?: string) =>
    admin.mutate('createInvitation', input, requestId),
  listInvitations: (input: In<'listInvitations'> = {}) => admin.query('listInvitations', input),
  revokeInvitation: (invitationId: string, requestId?: string) =>
    admin.mutate('revokeInvitation', { invitationId }, requestId),
  invitationPoster: (invitationId: string) => admin.query('invitationPoster', { invitationId }),
  previewInvitation: (token: string) => admin.query('previewInvitation', { token }),
  acceptInvitation: (token: string, requestId?: string) => admin.mutate('acceptInvitation', { token }, requestId),
  listGrants: (input: In<'listGrants'> = {}) => admin.query('listGrants', input),
  revokeGrant: (input: In<'revokeGrant'>, requestId?: string) => admin.mutate('revokeGrant', input, requestId),

  listStations: () => admin.query('listStationsAdmin', {}),
  saveStation: (input: In<'saveStation'>, requestId?: string) => admin.mutate('saveStation', input, requestId),
  closeStation: (input: In<'closeStation'>, requestId?: string) => admin.mutate('closeStation', input, requestId),
  reopenStation: (stationId: string, requestId?: string) => admin.mutate('reopenStation', { stationId }, requestId),
  setStationActive: (stationId: string, active: boolean, requestId?: string) =>
    admin.mutate('setStationActive', { stationId, active }, requestId),

  listEmployers: () => admin.query('listEmployers', {}),
  saveEmployer: (input: In<'saveEmployer'>, requestId?: string) => admin.mutate('saveEmployer', input, requestId),
  mergeEmployers: (input: In<'mergeEmployers'>, requestId?: string) => admin.mutate('mergeEmployers', input, requestId),
  setEmployerActive: (employerId: string, active: boolean, requestId?: string) =>
    admin.mutate('setEmployerActive', { employerId, active }, requestId),

  contests: () => contest.query('adminContests', {}),
  contest: (contestId: string) => contest.query('adminContest', { contestId }),
  saveContest: (input: ContestIn<'saveContest'>, requestId?: string) => contest.mutate('saveContest', input, requestId),
  saveTrade: (input: ContestIn<'saveTrade'>, requestId?: string) => contest.mutate('saveTrade', input, requestId),
  removeTrade: (input: ContestIn<'removeTrade'>, requestId?: string) => contest.mutate('removeTrade', input, requestId),
  publishContest: (contestId: string, requestId?: string) => contest.mutate('publishContest', { contestId }, requestId),
  closeContest: (contestId: string, requestId?: string) => contest.mutate('closeContest', { contestId }, requestId),
  copyContest: (input: ContestIn<'copyContest'>, requestId?: string) => contest.mutate('copyContest', input, requestId),

  retirementSettings: () => retirement.query('getSettings', {}),
  saveRetirementSettings: (input: RetirementActions['saveSettings']['input'], requestId?: string) =>
    retirement.mutate('saveSettings', input, requestId),
};
