/**
 * Cloud function `retirement` (光荣退休): requests, review, e-certificate, plaque, verification.
 * The plaque pickup scan lives in ./scan.ts (registered with the staff scanner by checkin).
 */
import type { RetirementActions } from '../../../types/api/retirement';
import { retirementSchemas as S } from '../../../types/api/retirement';
import { defineActions } from '../../lib/router';
import { markCallbackDone } from './callback';
import { issue, myCertificate, plaqueReady, postPlaque, revoke, verifyCertificate } from './certificate';
import {
  confirmReceipt,
  formOptions,
  getRequest,
  myRequests,
  resubmitRequest,
  submitBatch,
  submitRequest,
} from './requests';
import { approve, returnRequest, reviewQueue, verifyEmployment } from './review';
import { getSettings, saveSettings } from './settings';

export const retirementActions = defineActions<RetirementActions>({
  formOptions: { input: S.formOptions, access: 'signedIn', handler: (ctx) => formOptions(ctx) },
  submitRequest: { input: S.submitRequest, access: 'signedIn', mutating: true, handler: submitRequest },
  submitBatch: { input: S.submitBatch, access: ['enterprise', 'admin'], mutating: true, handler: submitBatch },
  resubmitRequest: { input: S.resubmitRequest, access: 'signedIn', mutating: true, handler: resubmitRequest },
  myRequests: { input: S.myRequests, access: 'signedIn', handler: (ctx) => myRequests(ctx) },
  getRequest: { input: S.getRequest, access: 'signedIn', handler: getRequest },
  myCertificate: { input: S.myCertificate, access: 'signedIn', handler: myCertificate },
  confirmReceipt: { input: S.confirmReceipt, access: 'signedIn', mutating: true, handler: confirmReceipt },
  reviewQueue: { input: S.reviewQueue, access: ['enterprise', 'admin'], handler: reviewQueue },
  verifyEmployment: {
    input: S.verifyEmployment,
    access: ['enterprise', 'admin'],
    mutating: true,
    handler: verifyEmployment,
  },
  approve: { input: S.approve, access: ['admin'], mutating: true, handler: approve },
  returnRequest: { input: S.returnRequest, access: ['admin'], mutating: true, handler: returnRequest },
  issue: { input: S.issue, access: ['admin'], mutating: true, handler: issue },
  plaqueReady: { input: S.plaqueReady, access: ['admin'], mutating: true, handler: plaqueReady },
  postPlaque: { input: S.postPlaque, access: ['admin'], mutating: true, handler: postPlaque },
  revoke: { input: S.revoke, access: ['admin'], mutating: true, handler: revoke },
  markCallbackDone: { input: S.markCallbackDone, access: ['admin'], mutating: true, handler: markCallbackDone },
  verifyCertificate: { input: S.verifyCertificate, access: 'public', handler: verifyCertificate },
  getSettings: { input: S.getSettings, access: ['admin'], handler: (ctx) => getSettings(ctx) },
  saveSettings: { input: S.saveSettings, access: ['admin'], mutating: true, handler: saveSettings },
});
