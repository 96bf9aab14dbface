import { createHash, createHmac, randomBytes } from 'crypto';

/** A random document id (hex), short enough for QR payloads and URLs. */
export function newId(bytes = 10): string {
  return randomBytes(bytes).toString('hex');
}

/** Stable hash of a payload, to tell a retry from a reused request id with other data. */
export function payloadHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex').slice(0, 32);
}

/** Keyed hash of an identity number: de-duplicates without storing the number. */
export function keyedHash(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('hex');
}

export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .filter((k) => obj[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The id of a record this call creates: derived from the caller's request id when there is one, so
 * a retry after a crash (same requestId) lands on the same record instead of making a second one;
 * random otherwise. `bytes` of hex, like newId.
 */
export function idForRequest(
  ctx: { openid: string; requestId?: string; fn?: string; action?: string },
  bytes = 10,
): string {
  if (!ctx.requestId) return newId(bytes);
  return createHash('sha256')
    .update(`${ctx.openid}\n${ctx.fn ?? ''}.${ctx.action ?? ''}\n${ctx.requestId}`)
    .digest('hex')
    .slice(0, bytes * 2);
}
