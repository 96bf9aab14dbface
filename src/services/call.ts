import type { ActionMap } from '@contract/api/common';
import type { ErrorCode } from '@contract/envelope';
import { callFunction } from '../cloud-client';

/** A refusal from the cloud layer, carrying the contract's code and Chinese message. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.details = details;
  }
}

/**
 * True when the next try must carry the SAME request id: the first may have gone through or may
 * still be running (INTERNAL: a crash or the network; BUSY: conflicts, or the first try still in
 * progress), and only the same id lets the server finish or replay it instead of acting twice.
 */
export function retrySameRequest(e: unknown): boolean {
  return e instanceof ServiceError && (e.code === 'INTERNAL' || e.code === 'BUSY');
}

export function newRequestId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * Typed call of one action: `call<MemberActions, 'getMe'>('member', 'getMe', {})`.
 * Mutating calls carry a fresh request id so a network retry cannot apply twice.
 */
export async function call<M extends ActionMap<M>, K extends keyof M & string>(
  fn: string,
  action: K,
  input: M[K]['input'],
  options: { mutating?: boolean; requestId?: string } = {},
): Promise<M[K]['output']> {
  const data: Record<string, unknown> = { action, ...(input as Record<string, unknown>) };
  if (options.mutating || options.requestId) data.requestId = options.requestId ?? newRequestId();
  const res = await callFunction(fn, data);
  if (!res.ok) throw new ServiceError(res.code, res.message, res.details);
  return res.data as M[K]['output'];
}

/** Binds `call` to one function: `const member = client<MemberActions>('member')`. */
export function client<M extends ActionMap<M>>(fn: string) {
  return {
    query: <K extends keyof M & string>(action: K, input: M[K]['input']) => call<M, K>(fn, action, input),
    mutate: <K extends keyof M & string>(action: K, input: M[K]['input'], requestId?: string) =>
      call<M, K>(fn, action, input, { mutating: true, requestId }),
  };
}
