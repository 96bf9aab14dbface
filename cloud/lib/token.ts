import { createHmac, timingSafeEqual } from 'crypto';
import { fail } from './errors';
import { isProduction } from './secrets';

/**
 * Signed QR tokens: `<kind>.<id>.<exp36>.<kv>.<sig>` where sig is HMAC-SHA256 (first 12 bytes,
 * base64url) over the rest. Short (≈50 chars for a 20-char id) so the QR stays sparse and quick to
 * scan; expiry in seconds (base 36) so a screenshot stops working; the key version lets us rotate.
 */
export type TokenKind = 'member' | 'contest' | 'session' | 'certificate' | 'voucher';

const KINDS: Record<string, TokenKind> = { m: 'member', c: 'contest', s: 'session', r: 'certificate', v: 'voucher' };
const CODES: Record<TokenKind, string> = { member: 'm', contest: 'c', session: 's', certificate: 'r', voucher: 'v' };

export interface TokenClaims {
  kind: TokenKind;
  id: string;
  /** Epoch ms. */
  expiresAt: number;
  keyVersion: number;
}

/** Secrets: `QR_TOKEN_KEY_<v>` and `QR_TOKEN_KEY_VERSION` from the function's environment. */
export interface TokenEnv {
  [name: string]: string | undefined;
}

/** Local development has a well-known key; a deployment must configure its own. */
const DEV_KEY = 'dev-only-key-never-used-in-production';

function hasAnyKey(env: TokenEnv): boolean {
  return Object.keys(env).some((name) => /^QR_TOKEN_KEY(_\d+)?$/.test(name) && !!env[name]);
}

/**
 * The secret of one key version. Once any key is configured only configured versions are
 * accepted, so the public dev key can never verify a token claiming an unknown version.
 */
function keyFor(env: TokenEnv, version: number): string {
  const key = env[`QR_TOKEN_KEY_${version}`] ?? (version === 1 ? env.QR_TOKEN_KEY : undefined);
  if (key) return key;
  if (hasAnyKey(env)) throw new Error(`QR token key version ${version} is not configured`);
  // Production never falls back to the public development key (see secrets.ts for how it is detected).
  if (isProduction(env)) throw new Error('QR token key is not configured');
  return DEV_KEY;
}

function sign(key: string, body: string): string {
  return createHmac('sha256', key).update(body).digest().subarray(0, 12).toString('base64url');
}

export function signToken(
  env: TokenEnv,
  claims: { kind: TokenKind; id: string; ttlMs: number },
  now: number,
): { token: string; expiresAt: number } {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(claims.id)) throw new Error(`token id not encodable: ${claims.id}`);
  const keyVersion = Number(env.QR_TOKEN_KEY_VERSION ?? 1);
  if (!Number.isInteger(keyVersion) || keyVersion < 1 || keyVersion > 999)
    throw new Error('QR_TOKEN_KEY_VERSION must be 1..999');
  const expiresAt = Math.ceil((now + claims.ttlMs) / 1000) * 1000;
  const body = `${CODES[claims.kind]}.${claims.id}.${(expiresAt / 1000).toString(36)}.${keyVersion}`;
  return { token: `${body}.${sign(keyFor(env, keyVersion), body)}`, expiresAt };
}

/** Parses and checks a scanned text: TOKEN_INVALID for anything forged or altered, TOKEN_EXPIRED after expiry. */
export function verifyToken(env: TokenEnv, text: string, now: number): TokenClaims {
  const raw = typeof text === 'string' ? text.trim() : '';
  const parts = raw.length <= 120 ? raw.split('.') : [];
  if (parts.length !== 5) fail('TOKEN_INVALID');
  const [code, id, exp36, kv, sig] = parts;
  const kind = KINDS[code];
  // Canonical forms only: one token text per claim set.
  if (
    !kind ||
    !/^[A-Za-z0-9_-]{1,40}$/.test(id) ||
    !/^[0-9a-z]{1,9}$/.test(exp36) ||
    !/^[1-9]\d{0,2}$/.test(kv) ||
    !/^[A-Za-z0-9_-]{16}$/.test(sig)
  ) {
    fail('TOKEN_INVALID');
  }
  const keyVersion = Number(kv);
  const expiresAt = parseInt(exp36, 36) * 1000;
  let key: string;
  try {
    key = keyFor(env, keyVersion);
  } catch {
    fail('TOKEN_INVALID');
  }
  const expected = Buffer.from(sign(key, `${code}.${id}.${exp36}.${kv}`));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) fail('TOKEN_INVALID');
  // Authentic but old: the kind is trustworthy, so the scanner can say which code expired.
  if (now > expiresAt) fail('TOKEN_EXPIRED', undefined, { kind, expiresAt });
  return { kind, id, expiresAt, keyVersion };
}

/** Phone codes refresh every minute; a little grace covers the scan itself. */
export const PHONE_CODE_TTL_MS = 90_000;

/**
 * What a scanner read → the token in it. Phone codes are the bare token; printed codes (the
 * certificate) are a link `https://…/rv?t=<token>` so WeChat's own camera opens the verify page.
 */
export function tokenFromScan(text: string): string {
  const raw = typeof text === 'string' ? text.trim() : '';
  const m = /^https?:\/\/[^\s?#]+\?(?:[^#\s]*&)?t=([A-Za-z0-9_.-]+)/.exec(raw);
  return m ? m[1] : raw;
}

/**
 * An invitation's token: its id (10 hex) then 21 hex of HMAC-SHA256 over it, 31 characters of
 * [0-9a-f], so it fits a 小程序码 scene (≤ 32) and the admin can show the same code again. Signed
 * with the QR token key of version 1 (or QR_TOKEN_KEY), so a deployment without keys refuses here too.
 */
export function invitationToken(env: TokenEnv, id: string): string {
  if (!/^[0-9a-f]{10}$/.test(id)) throw new Error(`invitation id not encodable: ${id}`);
  return id + createHmac('sha256', keyFor(env, 1)).update(`invite.${id}`).digest('hex').slice(0, 21);
}

/** The invitation id a token names, or null for anything not signed by us. */
export function invitationIdFrom(env: TokenEnv, token: string): string | null {
  if (typeof token !== 'string' || !/^[0-9a-f]{31}$/.test(token)) return null;
  const id = token.slice(0, 10);
  let expected: string;
  try {
    expected = invitationToken(env, id);
  } catch {
    return null;
  }
  return timingSafeEqual(Buffer.from(expected), Buffer.from(token)) ? id : null;
}
