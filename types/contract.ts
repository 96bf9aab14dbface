/**
 * The contract: every cloud function declares each of its actions once, here in `types/api/<fn>.ts`:
 *
 *   export const contestContract = contract({
 *     register: { input: registerInput, output: returns<Registration>, access: 'signedIn', writes: true },
 *   });
 *   export type ContestActions = ActionsOf<typeof contestContract>;
 *
 * One entry gives the input schema (the server validates with it; its type is the input type), the
 * output type, who may call and whether it writes. `ContestActions` (input and output per action) is
 * derived from it, never written out. The server implements it (`implement` in cloud/lib/router.ts: a
 * missing or extra handler is a type error) and the app's client is derived from its type
 * (src/services/api.ts: a writing action takes a requestId, a read takes none). See README.md → Layout.
 */
import type { ActionMap, Role } from './api/common';
import type { Infer, Schema } from './schema';

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

/**
 * `output: returns<Registration>`: names the answer's type. An instantiation expression, not a call, so an
 * entry costs nothing at run time and an app bundle that imports a module's schemas drops its contract.
 */
export function returns<O>(): O {
  throw new Error('returns<T> only names a type');
}

/** One entry of a contract: its spec and its output type. */
export interface ContractEntry extends ActionSpec {
  readonly output: () => unknown;
}

/** `contract({ ... })`: keeps the entries' literal types (`writes: true`, the role lists), which the client reads. */
export function contract<const C extends Record<string, ContractEntry>>(spec: C): C {
  return spec;
}

/** The action map of a contract: each action's input (its schema's type) and output. */
export type ActionsOf<C extends Record<string, ContractEntry>> = {
  -readonly [K in keyof C]: {
    input: Infer<C[K]['input']>;
    output: ReturnType<C[K]['output']>;
  };
};

/** The actions of a contract that write (`writes: true`). */
export type WritingAction<C> = { [K in keyof C]: C[K] extends { writes: true } ? K : never }[keyof C];
