import type { academyContract, AcademyActions } from '@contract/api/academy';
import type { adminContract, AdminActions } from '@contract/api/admin';
import type { checkinContract, CheckinActions } from '@contract/api/checkin';
import type { ActionMap } from '@contract/api/common';
import type { contestContract, ContestActions } from '@contract/api/contest';
import type { giftContract, GiftActions } from '@contract/api/gift';
import type { memberContract, MemberActions } from '@contract/api/member';
import type { portalContract, PortalActions } from '@contract/api/portal';
import type { retirementContract, RetirementActions } from '@contract/api/retirement';
import { call } from './call';

/**
 * One action as the app calls it, derived from the contract's type: a writing action takes the
 * intent's requestId (from useWrite, so a retry replays instead of running twice), a read takes
 * none; a read whose input is all optional may be called without one.
 */
export type Method<Spec, A extends { input: unknown; output: unknown }> = Spec extends { writes: true }
  ? (input: Input<A>, requestId: string) => Promise<A['output']>
  : Record<never, never> extends A['input']
    ? (input?: Input<A>) => Promise<A['output']>
    : (input: Input<A>) => Promise<A['output']>;

/** `& object`: the schemas' object types are intersections, which a bare string would otherwise satisfy. */
type Input<A extends { input: unknown }> = A['input'] & object;

/** A cloud function's client: one method per action of its contract. */
export type Client<C, M extends ActionMap<M>> = { readonly [K in keyof M & keyof C]: Method<C[K], M[K]> };

type AnyActions = Record<string, { input: unknown; output: unknown }>;

/**
 * Only the contract's types reach the bundle (`import type`): at run time any property is an action
 * name, sent as `{ action, ...input, requestId? }`. The server refuses an unknown action.
 */
function client<C, M extends ActionMap<M>>(fn: string): Client<C, M> {
  return new Proxy({} as Client<C, M>, {
    // `then` stays undefined so a client is never mistaken for a promise.
    get: (_, action) =>
      typeof action === 'string' && action !== 'then'
        ? (input: object = {}, requestId?: string) => call<AnyActions, string>(fn, action, input, { requestId })
        : undefined,
  });
}

/** The app's only way to the cloud: `api.contest.register(input, requestId)`, `api.member.getMe()`. */
export const api = {
  member: client<typeof memberContract, MemberActions>('member'),
  contest: client<typeof contestContract, ContestActions>('contest'),
  academy: client<typeof academyContract, AcademyActions>('academy'),
  retirement: client<typeof retirementContract, RetirementActions>('retirement'),
  gift: client<typeof giftContract, GiftActions>('gift'),
  checkin: client<typeof checkinContract, CheckinActions>('checkin'),
  portal: client<typeof portalContract, PortalActions>('portal'),
  admin: client<typeof adminContract, AdminActions>('admin'),
};
