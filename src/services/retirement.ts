import type { RetirementActions } from '@contract/api/retirement';
import { client } from './call';

const retirement = client<RetirementActions>('retirement');
type In<K extends keyof RetirementActions> = RetirementActions[K]['input'];

/** 光荣退休: the only place the app calls the `retirement` cloud function. */
export const retirementService = {
  formOptions: () => retirement.query('formOptions', {}),
  submitRequest: (input: In<'submitRequest'>, requestId?: string) =>
    retirement.mutate('submitRequest', input, requestId),
  submitBatch: (input: In<'submitBatch'>, requestId?: string) => retirement.mutate('submitBatch', input, requestId),
  resubmitRequest: (input: In<'resubmitRequest'>, requestId?: string) =>
    retirement.mutate('resubmitRequest', input, requestId),
  myRequests: () => retirement.query('myRequests', {}),
  getRequest: (id: string) => retirement.query('getRequest', { id }),
  myCertificate: (id: string) => retirement.query('myCertificate', { id }),
  confirmReceipt: (id: string) => retirement.mutate('confirmReceipt', { id }),
  reviewQueue: (input: In<'reviewQueue'> = {}) => retirement.query('reviewQueue', input),
  verifyEmployment: (input: In<'verifyEmployment'>, requestId?: string) =>
    retirement.mutate('verifyEmployment', input, requestId),
  approve: (ids: string[], requestId?: string) => retirement.mutate('approve', { ids }, requestId),
  returnRequest: (id: string, reason: string, requestId?: string) =>
    retirement.mutate('returnRequest', { id, reason }, requestId),
  issue: (ids: string[], requestId?: string) => retirement.mutate('issue', { ids }, requestId),
  plaqueReady: (ids: string[], requestId?: string) => retirement.mutate('plaqueReady', { ids }, requestId),
  postPlaque: (id: string, trackingNote: string, requestId?: string) =>
    retirement.mutate('postPlaque', { id, trackingNote }, requestId),
  revoke: (id: string, reason: string, requestId?: string) => retirement.mutate('revoke', { id, reason }, requestId),
  markCallbackDone: (id: string, note: string, requestId?: string) =>
    retirement.mutate('markCallbackDone', { id, note }, requestId),
  verifyCertificate: (input: In<'verifyCertificate'>) => retirement.query('verifyCertificate', input),
};
