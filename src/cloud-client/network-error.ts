import type { Fail } from '@contract/envelope';

export const NETWORK_ERROR: Fail = { ok: false, code: 'INTERNAL', message: '网络不太顺畅，请检查网络后重试' };

export function asEnvelope(body: unknown): Fail | null {
  if (body && typeof body === 'object' && typeof (body as { ok?: unknown }).ok === 'boolean') return null;
  return NETWORK_ERROR;
}
