/**
 * The contract: every cloud function declares each of its actions once, here in `types/api/<fn>.ts`:
 *
 *   interface ContestActions { register: { input: Infer<typeof registerInput>; output: Registration } }
 *   export const contestContract = contract<ContestActions>()({
 *     register: { input: registerInput, access: 'signedIn', writes: true },
 *   });
 *
 * The interface gives the types (input, output), the contract object the runtime facts (the input
 * schema the server validates with, who may call, whether it writes). `contract` checks that the two
 * list exactly the same actions and that each schema parses to the declared input. The server
 * implements it (`implement` in cloud/lib/router.ts: a missing or extra handler is a type error) and
 * the app's client is derived from its type (src/services/api.ts: a writing action takes a requestId,
 * a read takes none). See README.md → Layout → "Add an action".
 */
import type { ActionMap, Role } from './api/common';
import type { Schema } from './schema';

/**
 * Who may call an action: `public` needs no identity (certificate verification), `signedIn` any
 * caller with an OPENID (a first-time user has no record yet), or a list of roles. Scope checks
 * (which station, which contest) need the input and live in the handler.
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

export interface ActionSpec<I = any> {
  /** Validated by the router before the handler runs; the app's forms may reuse it. */
  readonly input: Schema<I>;
  readonly access: Access;
  /**
   * `true`: the action changes data. The client must send a requestId, and the router runs it once
   * per (caller, action, requestId), replaying the first answer to a retry.
   * `'idempotent'`: it changes data but running it again changes nothing more, so nothing is recorded
   * for a replay and no requestId is needed (deleteMyData: a replay record would keep the OPENID).
   * Absent: a read, which writes nothing.
   */
  readonly writes?: true | 'idempotent';
  /** A read that leaves an entry in the audit log (who exported what). */
  readonly audited?: true;
}

/** One function's contract: an ActionSpec per action of its ActionMap, no more, no fewer. */
export type Contract<M extends ActionMap<M>> = { readonly [K in keyof M]: ActionSpec<M[K]['input']> };

/** Keys of `C` that `M` does not declare: each becomes `never`, so an extra entry is a type error. */
type NoExtra<C, M> = { [K in Exclude<keyof C, keyof M>]: never };

/**
 * `contract<XxxActions>()({ ... })`: checks the object against the action map and keeps its literal
 * types (`writes: true`, the role lists), which the client's types read.
 */
export function contract<M extends ActionMap<M>>() {
  return <const C extends Contract<M>>(spec: C & NoExtra<C, M>): C => spec;
}

/** The actions of a contract that write (`writes: true`). */
export type WritingAction<C> = { [K in keyof C]: C[K] extends { writes: true } ? K : never }[keyof C];
