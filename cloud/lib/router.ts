import type { ActionMap } from '../../types/api/common';
import type { ActionSpec, Contract } from '../../types/contract';
import { requestIdSchema } from '../../types/api/common';
import type { Envelope } from '../../types/envelope';
import type { ActionCtx, Ctx, UserDoc } from './context';
import { AppError, isAppError } from './errors';
import { effectiveRoles } from './guard';
import { once } from './idempotency';

export type { Access } from '../../types/contract';

/** What dispatch runs: the contract's spec of one action plus the server's handler. */
export interface ActionDef<I, O> extends ActionSpec<I> {
  handler(ctx: ActionCtx, input: I): Promise<O>;
}

export type ActionDefs<M extends ActionMap<M>> = { [K in keyof M]: ActionDef<M[K]['input'], M[K]['output']> };

/** A function's handlers: exactly one per action of its contract, typed by the action map. */
export type Handlers<M extends ActionMap<M>> = {
  [K in keyof M]: (ctx: ActionCtx, input: M[K]['input']) => Promise<M[K]['output']>;
};

/**
 * The server side of a contract: `implement<ContestActions>(contestContract, { register, ... })`.
 * A missing handler, an extra one or a wrong signature is a type error (test/cloud/contract-types.ts);
 * access and writes come from the contract alone.
 */
export function implement<M extends ActionMap<M>>(spec: Contract<M>, handlers: Handlers<M>): ActionDefs<M> {
  const defs: Record<string, ActionDef<unknown, unknown>> = {};
  for (const action of Object.keys(spec) as (keyof M & string)[]) {
    const handler = handlers[action] as ActionDef<unknown, unknown>['handler'];
    // The types make this impossible; a JavaScript caller (or a cast) still gets a clear failure at load.
    if (typeof handler !== 'function') throw new Error(`no handler for action ${action}`);
    defs[action] = { ...(spec[action] as ActionSpec<unknown>), handler };
  }
  return defs as ActionDefs<M>;
}

/** Ad-hoc definitions without a contract (tests of the router and the entry). */
export function defineActions<M extends ActionMap<M>>(defs: ActionDefs<M>): ActionDefs<M> {
  return defs;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export async function loadUser(ctx: Ctx): Promise<UserDoc | null> {
  if (!ctx.openid) return null;
  const found = await ctx.db.collection('users').where({ _id: ctx.openid }).limit(1).get();
  return (found.data[0] as UserDoc | undefined) ?? null;
}

function widen(fn: string, stored: UserDoc): UserDoc {
  const roles = effectiveRoles(fn, stored.roles ?? []);
  return roles.length === (stored.roles ?? []).length ? stored : { ...stored, roles, elevated: true };
}

/** Validates, authorises and runs one call; always answers an envelope, never throws. */
export async function dispatch<M extends ActionMap<M>>(
  fn: string,
  defs: ActionDefs<M>,
  ctx: Ctx,
  event: unknown,
): Promise<Envelope<unknown>> {
  try {
    if (!isPlainObject(event) || typeof event.action !== 'string') {
      return new AppError('INVALID_INPUT', '请求格式不正确', { field: 'action' }).toEnvelope();
    }
    const { action, requestId, ...payload } = event;
    // Strip what the WeChat runtime adds to every event (userInfo with appId/openId).
    delete payload.userInfo;
    if (!Object.prototype.hasOwnProperty.call(defs, action)) {
      return new AppError('INVALID_INPUT', '不支持的操作', { field: 'action' }).toEnvelope();
    }
    const def = (defs as Record<string, ActionDef<unknown, unknown>>)[action];
    let reqId: string | undefined;
    if (requestId !== undefined) {
      const r = requestIdSchema.parse(requestId, 'requestId');
      if (!r.ok) return new AppError('INVALID_INPUT', r.issue.message, { field: r.issue.path }).toEnvelope();
      reqId = r.value;
    }
    const parsed = def.input.parse(payload);
    if (!parsed.ok)
      return new AppError('INVALID_INPUT', parsed.issue.message, { field: parsed.issue.path }).toEnvelope();

    if (def.access !== 'public' && !ctx.openid) return new AppError('UNAUTHENTICATED').toEnvelope();
    const stored = await loadUser(ctx);
    // A domain admin acts as `admin` inside their domain's function: handlers see the widened roles.
    const user = stored ? widen(fn, stored) : null;
    const roles = def.access;
    if (typeof roles !== 'string' && !(user && roles.some((r) => user.roles.includes(r)))) {
      return new AppError('FORBIDDEN').toEnvelope();
    }
    const actx: ActionCtx = { ...ctx, fn, action, user, requestId: reqId };
    const run = async (): Promise<Envelope<unknown>> => {
      try {
        return { ok: true, data: await def.handler(actx, parsed.value) };
      } catch (e) {
        if (isAppError(e)) return e.toEnvelope();
        throw e;
      }
    };
    return def.writes === true && reqId ? await once(actx, reqId, parsed.value, run) : await run();
  } catch (e) {
    console.error(`[${fn}] unexpected error`, e);
    return new AppError('INTERNAL').toEnvelope();
  }
}
