/** A stub transport for the academy pages and one session to show; every call is recorded. */
import type { Session } from '@contract/api/academy';
import { setTransport } from '../../../src/cloud-client';

export type Sent = { name: string; data: Record<string, any> };
type Answer = (data: Record<string, any>) => unknown;

/** Answers by action; an answer that throws `{ code, message, details }` becomes a refusal envelope. */
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

const HOUR = 3600_000;

/** A scheduled session a day ahead, 10 seats all taken, 3 waiting. */
export function session(over: Partial<Session> = {}): Session {
  const start = Date.now() + 24 * HOUR;
  return {
    id: 'sess-1',
    title: '数控铣床精度调校实操',
    teacherName: '沈建华',
    startAt: start,
    endAt: start + 2 * HOUR,
    format: 'onsite',
    venue: '嘉兴纺织三楼培训室',
    capacity: 10,
    booked: 10,
    waiting: 3,
    audience: 'open',
    bookingOpensAt: Date.now() - 24 * HOUR,
    bookingClosesAt: start,
    cancelDeadline: start - 2 * HOUR,
    status: 'scheduled',
    ratingCount: 0,
    ratingAverage: null,
    myBooking: null,
    ...over,
  };
}
