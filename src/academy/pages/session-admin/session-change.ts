/** The session form's draft and the updateSession payload: only what the admin actually changed. */
import { updateSessionInput, type AcademyActions, type Session } from '@contract/api/academy';
import { withIssues, type Issue } from '@contract/schema';
import { dateOf, timeOf, toEpoch } from '../../format';

export interface SessionDraft {
  date: string;
  start: string;
  end: string;
  venue: string;
  liveLink: string;
  capacity: string;
}

export function draftOf(s: Session): SessionDraft {
  return {
    date: dateOf(s.startAt),
    start: timeOf(s.startAt),
    end: timeOf(s.endAt),
    venue: s.venue ?? '',
    liveLink: s.liveLink ?? '',
    capacity: String(s.capacity),
  };
}

type Update = AcademyActions['updateSession']['input'];

export function changeOf(
  s: Session,
  d: SessionDraft,
): { ok: true; value: Update; changed: boolean } | { ok: false; issue: Issue; issues?: Issue[] } {
  const startAt = toEpoch(d.date, d.start);
  const endAt = toEpoch(d.date, d.end);
  const capacity = /^\d+$/.test(d.capacity.trim()) ? Number(d.capacity.trim()) : NaN;
  const raw: Record<string, unknown> = { sessionId: s.id };
  // Compared as the minutes shown, so an untouched picker never resends a time.
  const was = draftOf(s);
  const moved = d.date !== was.date || d.start !== was.start;
  if (moved) raw.startAt = startAt;
  if (moved || d.end !== was.end) raw.endAt = endAt;
  if (s.format === 'live' ? d.liveLink.trim() !== (s.liveLink ?? '') : d.venue.trim() !== (s.venue ?? '')) {
    raw[s.format === 'live' ? 'liveLink' : 'venue'] = s.format === 'live' ? d.liveLink.trim() : d.venue.trim();
  }
  if (capacity !== s.capacity) raw.capacity = capacity;
  const parsed = withIssues(
    updateSessionInput.parse(raw),
    endAt <= startAt && { path: 'endAt', message: '结束时间请晚于开课时间' },
    Number.isFinite(capacity) &&
      capacity < s.booked && { path: 'capacity', message: `名额请不少于已预约的${s.booked}人` },
  );
  if (!parsed.ok) return parsed;
  return { ok: true, value: parsed.value, changed: Object.keys(raw).length > 1 };
}
