/** A stub transport for the admin pages: answers by action, records every call. */
import { setTransport } from '../../../src/cloud-client';

export type Sent = { name: string; data: Record<string, any> };
type Answer = (data: Record<string, any>) => unknown;

/** An answer that throws `{ code, message, details }` becomes a refusal envelope. */
export function serve(answers: Record<string, Answer>): Sent[] {
  const sent: Sent[] = [];
  setTransport(async (name, data) => {
    sent.push({ name, data: data as Record<string, any> });
    const answer = answers[String(data.action)];
    if (!answer) return { ok: false, code: 'INTERNAL', message: `no stub for ${String(data.action)}` } as any;
    try {
      return { ok: true, data: await answer(data as Record<string, any>) } as any;
    } catch (e: any) {
      return { ok: false, code: e.code, message: e.message, details: e.details } as any;
    }
  });
  return sent;
}

export const actions = (sent: Sent[], action: string) => sent.filter((c) => c.data.action === action);
