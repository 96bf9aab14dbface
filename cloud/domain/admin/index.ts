/**
 * The `admin` cloud function: the first super admin (setup code), roles by invitation, who holds
 * what, 驿站 and employers. Every action checks the caller's admin domain in its handler (the
 * access list only says "some admin"); every grant, revoke and change is audited.
 */
import { ADMIN_ROLES, adminSchemas as S, type AdminActions } from '../../../types/api/admin';
import { defineActions } from '../../lib/router';
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

const admins = [...ADMIN_ROLES];

export const adminActions = defineActions<AdminActions>({
  setupStatus: { input: S.setupStatus, access: 'public', handler: (ctx) => setupStatus(ctx) },
  claimSetup: { input: S.claimSetup, access: 'signedIn', mutating: true, handler: claimSetup },
  myAccess: { input: S.myAccess, access: 'signedIn', handler: (ctx) => myAccess(ctx) },
  createInvitation: { input: S.createInvitation, access: admins, mutating: true, handler: createInvitation },
  listInvitations: { input: S.listInvitations, access: admins, handler: listInvitations },
  revokeInvitation: { input: S.revokeInvitation, access: admins, mutating: true, handler: revokeInvitation },
  invitationPoster: { input: S.invitationPoster, access: admins, handler: invitationPoster },
  previewInvitation: { input: S.previewInvitation, access: 'signedIn', handler: previewInvitation },
  acceptInvitation: { input: S.acceptInvitation, access: 'signedIn', mutating: true, handler: acceptInvitation },
  listGrants: { input: S.listGrants, access: admins, handler: listGrants },
  revokeGrant: { input: S.revokeGrant, access: admins, mutating: true, handler: revokeGrant },
  listStationsAdmin: { input: S.listStationsAdmin, access: admins, handler: (ctx) => listStationsAdmin(ctx) },
  saveStation: { input: S.saveStation, access: admins, mutating: true, handler: saveStation },
  closeStation: { input: S.closeStation, access: admins, mutating: true, handler: closeStation },
  reopenStation: { input: S.reopenStation, access: admins, mutating: true, handler: reopenStation },
  setStationActive: { input: S.setStationActive, access: admins, mutating: true, handler: setStationActive },
  listEmployers: { input: S.listEmployers, access: admins, handler: (ctx) => listEmployers(ctx) },
  saveEmployer: { input: S.saveEmployer, access: admins, mutating: true, handler: saveEmployer },
  mergeEmployers: { input: S.mergeEmployers, access: admins, mutating: true, handler: mergeEmployers },
  setEmployerActive: { input: S.setEmployerActive, access: admins, mutating: true, handler: setEmployerActive },
});

export { ensureSetupCode } from './setup';
export { requireStationOpen, stationClosedError } from './stations';
