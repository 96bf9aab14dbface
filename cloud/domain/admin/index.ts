/**
 * The `admin` cloud function: the first super admin (setup code), roles by invitation, who holds
 * what, 驿站 and employers. Every action checks the caller's admin domain in its handler (the
 * access list only says "some admin"); every grant, revoke and change is audited.
 */
import { adminContract, type AdminActions } from '../../../types/api/admin';
import { implement } from '../../lib/router';
import { listEmployers, mergeEmployers, saveEmployer, setEmployerActive } from './employers';
import { listGrants, myAccess, revokeGrant } from './grants';
import {
  acceptInvitation,
  createInvitation,
  invitationPoster,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from './invitations';
import { claimSetup, setupStatus } from './setup';
import { closeStation, listStationsAdmin, reopenStation, saveStation, setStationActive } from './stations';

export const adminActions = implement<AdminActions>(adminContract, {
  setupStatus: (ctx) => setupStatus(ctx),
  claimSetup,
  myAccess: (ctx) => myAccess(ctx),
  createInvitation,
  listInvitations,
  revokeInvitation,
  invitationPoster,
  previewInvitation,
  acceptInvitation,
  listGrants,
  revokeGrant,
  listStationsAdmin: (ctx) => listStationsAdmin(ctx),
  saveStation,
  closeStation,
  reopenStation,
  setStationActive,
  listEmployers: (ctx) => listEmployers(ctx),
  saveEmployer,
  mergeEmployers,
  setEmployerActive,
});

export { ensureSetupCode } from './setup';
export { requireStationOpen, stationClosedError } from './stations';
