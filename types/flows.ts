/**
 * The state machines both sides need, once: each step names the states it may start from and the
 * state it leads to. The server's conditional updates use `from` (so a racing step loses cleanly
 * with INVALID_STATE) and the pages offer a button only when `can(step, status)`. Rules that are not
 * about the state (deadlines, who owns the record) stay in the handlers.
 */
import type { OrderStatus } from './api/academy';
import type { RegistrationStatus } from './api/contest';
import type { RetirementStatus } from './api/retirement';

export interface Step<S extends string> {
  readonly from: readonly S[];
  readonly to: S;
}

function flow<S extends string>() {
  return <const F extends Record<string, Step<S>>>(steps: F): F => steps;
}

/** May this step start from `status`? */
export function can<S extends string>(step: Step<S>, status: S): boolean {
  return step.from.includes(status);
}

/** 光荣退休: submitted → (employer) verified → approved → issued → plaque ready / posted → collected. */
export const RETIREMENT_FLOW = flow<RetirementStatus>()({
  employerVerify: { from: ['submitted'], to: 'employer_verified' },
  /** The employer's contact returns only what it has not yet confirmed. */
  employerReturn: { from: ['submitted'], to: 'returned' },
  approve: { from: ['employer_verified'], to: 'approved' },
  /** The union admin may return until the certificate is issued. */
  return: { from: ['submitted', 'employer_verified', 'approved'], to: 'returned' },
  resubmit: { from: ['returned'], to: 'submitted' },
  issue: { from: ['approved'], to: 'issued' },
  plaqueReady: { from: ['issued'], to: 'plaque_pending' },
  postPlaque: { from: ['issued', 'plaque_pending'], to: 'plaque_posted' },
  /** Picked up at the station (a scan) or confirmed by the retiree after posting. */
  collect: { from: ['plaque_pending'], to: 'collected' },
  confirmReceipt: { from: ['plaque_posted'], to: 'collected' },
  revoke: { from: ['issued', 'plaque_pending', 'plaque_posted', 'collected'], to: 'revoked' },
});

/** 技能比武 registrations (the deadline for cancel / resubmit is checked beside the state). */
export const REGISTRATION_FLOW = flow<RegistrationStatus>()({
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted', 'approved'], to: 'returned' },
  resubmit: { from: ['returned'], to: 'submitted' },
  cancel: { from: ['submitted', 'approved', 'returned'], to: 'cancelled' },
  checkIn: { from: ['approved'], to: 'checked_in' },
  /** Results may be published again (corrections) once the person has arrived. */
  publishResult: { from: ['checked_in', 'result_published', 'awarded'], to: 'result_published' },
});

/** 点单: submitted → accepted → scheduled (again for more sessions) → delivered → rated. */
export const ORDER_FLOW = flow<OrderStatus>()({
  accept: { from: ['submitted'], to: 'accepted' },
  decline: { from: ['submitted', 'accepted'], to: 'declined' },
  withdraw: { from: ['submitted', 'accepted'], to: 'withdrawn' },
  schedule: { from: ['accepted', 'scheduled'], to: 'scheduled' },
});
