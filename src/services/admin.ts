import type { AdminActions } from '@contract/api/admin';
import type { ContestActions } from '@contract/api/contest';
import type { RetirementActions } from '@contract/api/retirement';
import { api } from './api';

type In<K extends keyof AdminActions> = AdminActions[K]['input'];
type ContestIn<K extends keyof ContestActions> = ContestActions[K]['input'];

/**
 * The admin pages' calls, by what they do: first admin, invitations and grants, 驿站, employers (the `admin`
 * function), and the contests and 光荣退休 settings actions of their own functions. A thin layer over the
 * derived client (`api`), so each page reads as its task; every write takes its intent's requestId.
 */
export const adminService = {
  setupStatus: () => api.admin.setupStatus(),
  claimSetup: (code: string, requestId: string) => api.admin.claimSetup({ code }, requestId),
  myAccess: () => api.admin.myAccess(),

  createInvitation: (input: In<'createInvitation'>, requestId: string) => api.admin.createInvitation(input, requestId),
  listInvitations: (input: In<'listInvitations'> = {}) => api.admin.listInvitations(input),
  revokeInvitation: (invitationId: string, requestId: string) =>
    api.admin.revokeInvitation({ invitationId }, requestId),
  invitationPoster: (invitationId: string) => api.admin.invitationPoster({ invitationId }),
  previewInvitation: (token: string) => api.admin.previewInvitation({ token }),
  acceptInvitation: (token: string, requestId: string) => api.admin.acceptInvitation({ token }, requestId),
  listGrants: (input: In<'listGrants'> = {}) => api.admin.listGrants(input),
  revokeGrant: (input: In<'revokeGrant'>, requestId: string) => api.admin.revokeGrant(input, requestId),

  listStations: () => api.admin.listStationsAdmin(),
  saveStation: (input: In<'saveStation'>, requestId: string) => api.admin.saveStation(input, requestId),
  closeStation: (input: In<'closeStation'>, requestId: string) => api.admin.closeStation(input, requestId),
  reopenStation: (stationId: string, requestId: string) => api.admin.reopenStation({ stationId }, requestId),
  setStationActive: (stationId: string, active: boolean, requestId: string) =>
    api.admin.setStationActive({ stationId, active }, requestId),

  listEmployers: () => api.admin.listEmployers(),
  saveEmployer: (input: In<'saveEmployer'>, requestId: string) => api.admin.saveEmployer(input, requestId),
  mergeEmployers: (input: In<'mergeEmployers'>, requestId: string) => api.admin.mergeEmployers(input, requestId),
  setEmployerActive: (employerId: string, active: boolean, requestId: string) =>
    api.admin.setEmployerActive({ employerId, active }, requestId),

  contests: () => api.contest.adminContests(),
  contest: (contestId: string) => api.contest.adminContest({ contestId }),
  saveContest: (input: ContestIn<'saveContest'>, requestId: string) => api.contest.saveContest(input, requestId),
  saveTrade: (input: ContestIn<'saveTrade'>, requestId: string) => api.contest.saveTrade(input, requestId),
  removeTrade: (input: ContestIn<'removeTrade'>, requestId: string) => api.contest.removeTrade(input, requestId),
  publishContest: (contestId: string, requestId: string) => api.contest.publishContest({ contestId }, requestId),
  closeContest: (contestId: string, requestId: string) => api.contest.closeContest({ contestId }, requestId),
  copyContest: (input: ContestIn<'copyContest'>, requestId: string) => api.contest.copyContest(input, requestId),
  titles: (contestId: string) => api.contest.adminTitles({ contestId }),
  withdrawTitle: (input: ContestIn<'withdrawTitle'>, requestId: string) => api.contest.withdrawTitle(input, requestId),

  retirementSettings: () => api.retirement.getSettings(),
  saveRetirementSettings: (input: RetirementActions['saveSettings']['input'], requestId: string) =>
    api.retirement.saveSettings(input, requestId),
};
