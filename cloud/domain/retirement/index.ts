/**
 * Cloud function `retirement` (光荣退休): requests, review, e-certificate, plaque, verification.
 * The plaque pickup scan lives in ./scan.ts (registered with the staff scanner by checkin).
 */
import { retirementContract, type RetirementActions } from '../../../types/api/retirement';
import { implement } from '../../lib/router';
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

export const retirementActions = implement<RetirementActions>(retirementContract, {
  formOptions: (ctx) => formOptions(ctx),
  submitRequest,
  submitBatch,
  resubmitRequest,
  myRequests: (ctx) => myRequests(ctx),
  getRequest,
  myCertificate,
  confirmReceipt,
  reviewQueue,
  verifyEmployment,
  approve,
  returnRequest,
  issue,
  plaqueReady,
  postPlaque,
  revoke,
  markCallbackDone,
  verifyCertificate,
  getSettings: (ctx) => getSettings(ctx),
  saveSettings,
});
