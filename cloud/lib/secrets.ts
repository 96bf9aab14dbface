/**
 * The functions' secrets and when they are required.
 *
 * Production is detected from the runtime, not from a flag a developer might leave set: a function
 * is in production when it runs on WeChat Cloud (Tencent SCF sets `TENCENTCLOUD_RUNENV=SCF` and
 * `SCF_RUNTIME` in every function's environment), or when `NODE_ENV=production` says so explicitly.
 * The emulator and the tests run with neither, so they keep their well-known development keys.
 * In production a missing secret is never replaced by a development one: the function refuses to
 * serve and logs what is missing (see `createMain`).
 */
import { deployConfig, type DeployConfig } from './deploy-config';

export type Env = Record<string, string | undefined>;

export function isProduction(env: Env): boolean {
  return env.NODE_ENV === 'production' || !!env.TENCENTCLOUD_RUNENV || !!env.SCF_RUNTIME;
}

/** Functions that sign or verify QR tokens (member codes, tickets, vouchers, certificates, scans). */
export const QR_FUNCTIONS = ['member', 'contest', 'academy', 'retirement', 'gift', 'checkin', 'admin'];
/** Functions that hash identity numbers or photo folders with ID_HASH_KEY. */
export const ID_HASH_FUNCTIONS = ['retirement'];

/** The QR key version that signs now (`QR_TOKEN_KEY_VERSION`, default 1). */
export function currentQrKeyVersion(env: Env): number {
  return Number(env.QR_TOKEN_KEY_VERSION ?? 1);
}

/** The env variable names holding secrets (what `--init-keys` creates and nothing else may overwrite). */
export function isSecretName(name: string): boolean {
  return /^QR_TOKEN_KEY(_\d+)?$/.test(name) || name === 'ID_HASH_KEY';
}

/**
 * What this function lacks to serve in production, in words for the log (empty when complete).
 * The certificate's verify link base comes from the deploy config bundled with the function.
 */
export function missingForProduction(fn: string, env: Env, config: DeployConfig = deployConfig): string[] {
  const out: string[] = [];
  if (QR_FUNCTIONS.includes(fn)) {
    const v = currentQrKeyVersion(env);
    if (!Number.isInteger(v) || v < 1) out.push(`QR_TOKEN_KEY_VERSION (${env.QR_TOKEN_KEY_VERSION}) is not a version`);
    else if (!env[`QR_TOKEN_KEY_${v}`] && !(v === 1 && env.QR_TOKEN_KEY)) out.push(`QR_TOKEN_KEY_${v}`);
  }
  if (ID_HASH_FUNCTIONS.includes(fn) && !env.ID_HASH_KEY) out.push('ID_HASH_KEY');
  if (fn === 'retirement' && !config.verifyUrl) out.push('verifyUrl in deploy.config.json');
  return out;
}

/** The ID-hash key; development only ever gets the well-known one, production must have its own. */
export function idHashKey(env: Env): string {
  if (env.ID_HASH_KEY) return env.ID_HASH_KEY;
  if (isProduction(env)) throw new Error('ID_HASH_KEY is not configured');
  return 'dev-id-hash-key';
}
