/**
 * Points the REAL wx-server-sdk at the stand-in through the SDK's own configuration, found in its
 * source (@cloudbase/node-sdk 3.17): every request goes to `TCB_CONTEXT_CNFG.URL` when set
 * (utils/tcbcontext.ts getServerInjectUrl → tcbapiendpoint.ts buildUrl). The SDK signs each request
 * and refuses to send one without TENCENTCLOUD_SECRETID / SECRETKEY: dummies do (the stand-in
 * checks nothing). `TENCENTCLOUD=true` tells node-sdk it runs in Tencent Cloud, which skips its
 * probe of metadata.tencentyun.com before every request. `cloud.DYNAMIC_CURRENT_ENV` resolves to
 * TCB_ENV, which node-sdk reads only when TCB_CONTEXT_KEYS names it. Caller identity
 * (getWXContext) is per call: see `withCaller`.
 */
import { EventEmitter } from 'node:events';

/**
 * node-sdk's request timeout adds a `once('connect')` listener to the socket of every request made
 * while its keep-alive socket is still connecting; with more than 10 requests in flight (a storm,
 * a concurrency test) Node warns of a leak on each such socket. The listeners go when the socket
 * connects: raise the warning threshold in processes that talk to the stand-in.
 */
const SDK_LISTENERS = 256;

export function pointSdkAt(adminUrl: string, env: string, target: NodeJS.ProcessEnv = process.env): void {
  if (EventEmitter.defaultMaxListeners < SDK_LISTENERS) EventEmitter.defaultMaxListeners = SDK_LISTENERS;
  target.TCB_CONTEXT_CNFG = JSON.stringify({ URL: adminUrl });
  target.TCB_ENV = env;
  target.TCB_CONTEXT_KEYS = 'TCB_ENV';
  target.TENCENTCLOUD_SECRETID ??= 'stand-in-secret-id';
  target.TENCENTCLOUD_SECRETKEY ??= 'stand-in-secret-key';
  target.TENCENTCLOUD_SESSIONTOKEN ??= 'stand-in-session-token';
  target.TENCENTCLOUD = 'true';
  // node-sdk warns on every database call slower than 3 s (a test pausing a transaction on purpose).
  target.SILENCE = 'true';
}

/**
 * getWXContext() in wx-server-sdk reads the caller from process.env (WX_CONTEXT_KEYS, WX_OPENID),
 * as SCF sets it for one invocation at a time. Sets it for a call made now; callers that run
 * invocations concurrently must not rely on it (the emulator hands the OPENID to the handler).
 */
export function setCaller(openid: string, target: NodeJS.ProcessEnv = process.env): void {
  target.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID';
  target.WX_OPENID = openid;
  target.WX_APPID = 'wx-emulator';
  target.WX_UNIONID = '';
}
