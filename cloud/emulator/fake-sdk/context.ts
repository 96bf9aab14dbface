/**
 * `getWXContext()` for the fake SDK. On WeChat Cloud the caller's identity arrives with each
 * invocation; here the emulator server (or a test) carries it through AsyncLocalStorage, so
 * concurrent calls from different personas never see each other's OPENID.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

// A type alias (not an interface) so it is assignable to the real `BaseWXContext & Record<string, any>`.
export type WXContext = {
  OPENID: string;
  APPID: string;
  UNIONID: string;
  ENV: string;
  SOURCE: string;
};

const storage = new AsyncLocalStorage<WXContext>();

/** Outside any call there is no caller: handlers must treat the empty OPENID as unauthenticated. */
const NO_CALLER: WXContext = { OPENID: '', APPID: '', UNIONID: '', ENV: 'local', SOURCE: '' };

export function runWithContext<T>(ctx: Partial<WXContext>, fn: () => T): T {
  return storage.run({ ...NO_CALLER, ...ctx }, fn);
}

export function getWXContext(): WXContext {
  return { ...(storage.getStore() ?? NO_CALLER) };
}
