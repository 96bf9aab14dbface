import type { ActionMap } from '../../types/api/common';
import type { Envelope } from '../../types/envelope';
import type { CloudFiles, Ctx, OpenApi } from './context';
import type { Database } from './db';
import { dispatch, type ActionDefs } from './router';
import { isProduction, missingForProduction } from './secrets';

/** The part of `wx-server-sdk` an entry needs. */
export interface CloudSdk {
  init(config?: Record<string, unknown>): void;
  DYNAMIC_CURRENT_ENV: symbol | string;
  getWXContext(): { OPENID?: string };
  database(): unknown;
  openapi: unknown;
  getTempFileURL(param: { fileList: string[] }): unknown;
  deleteFile(param: { fileList: string[] }): unknown;
}

/** A scheduled job run by the function's timer trigger (`config.json` triggers). */
export type TimerJob = (ctx: Ctx) => Promise<unknown>;

/** WeChat's timer trigger calls `main` with `{ Type: 'Timer', TriggerName, Time }` and no OPENID. */
function isTimerEvent(event: unknown): event is { Type: 'Timer'; TriggerName: string } {
  return !!event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer';
}

/** A deployed function's entry, and the same entry with the caller handed over (the emulator). */
export interface CloudMain {
  (event: unknown, context?: unknown): Promise<Envelope<unknown>>;
  /**
   * The emulator serves concurrent calls in one process, while wx-server-sdk's getWXContext() reads
   * the caller from process.env (one invocation at a time on SCF): it passes the OPENID here.
   */
  invoke(event: unknown, openid: string): Promise<Envelope<unknown>>;
}

/**
 * A cloud function's `main`: thin on purpose. OPENID comes from the call context, never from the
 * event; the rules live in the domain handlers.
 */
export function createMain<M extends ActionMap<M>>(
  cloud: CloudSdk,
  fn: string,
  defs: ActionDefs<M>,
  timers: Record<string, TimerJob> = {},
): CloudMain {
  let ready = false;
  const init = () => {
    if (!ready) {
      cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
      ready = true;
    }
  };
  async function invoke(event: unknown, openid: string): Promise<Envelope<unknown>> {
    init();
    // A production function without its secrets serves nothing (no development key stands in) and says why
    // in its log, on every call, so the cause is next to the failed call in 云开发 → 云函数 → 日志.
    const missing = isProduction(process.env) ? missingForProduction(fn, process.env) : [];
    if (missing.length) {
      console.error(
        `[${fn}] refusing to serve: production function without ${missing.join(', ')}. ` +
          'Run `npm run deploy -- --init-keys` (keys) or fill deploy.config.json and `npm run deploy`.',
      );
      return { ok: false, code: 'INTERNAL', message: '服务尚未配置完成，请稍后再试' };
    }
    const ctx: Ctx = {
      openid,
      db: cloud.database() as Database,
      openapi: cloud.openapi as OpenApi,
      // Promise-style calls (no callbacks), so both answer a promise.
      files: {
        getTempFileURL: (param) => cloud.getTempFileURL(param) as ReturnType<CloudFiles['getTempFileURL']>,
        deleteFile: (param) => cloud.deleteFile(param) as ReturnType<CloudFiles['deleteFile']>,
      },
      now: () => Date.now(),
      env: process.env,
    };
    if (isTimerEvent(event)) {
      // Only the platform sends timer events: a client call always carries an OPENID.
      const job = timers[event.TriggerName];
      if (ctx.openid || !job) return { ok: false, code: 'FORBIDDEN', message: '您没有权限进行此操作' };
      return { ok: true, data: await job(ctx) };
    }
    return dispatch(fn, defs, ctx, event);
  }
  const main = async (event: unknown) => {
    init();
    return invoke(event, cloud.getWXContext().OPENID ?? '');
  };
  return Object.assign(main, { invoke });
}
