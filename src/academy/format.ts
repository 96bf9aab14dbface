/** Academy wording for times and statuses; times are China time (src/utils/format.ts). */
import type { BookingStatus, OrderStatus } from '@contract/api/academy';
import type { Tone } from '../components/status-tag';
import { dateOf, timeOf, toEpoch, weekdayTime } from '../utils/format';

/** 3月5日（周四）14:00 */
export const when = weekdayTime;

/** 3月5日（周四）14:00–17:00 */
export function span(start: number, end: number): string {
  return `${weekdayTime(start)}–${timeOf(end)}`;
}

export { dateOf, timeOf, toEpoch };

export const ORDER_TONE: Record<OrderStatus, Tone> = {
  submitted: 'info',
  accepted: 'info',
  declined: 'danger',
  scheduled: 'success',
  delivered: 'success',
  rated: 'muted',
  withdrawn: 'muted',
};

export const BOOKING_TONE: Record<BookingStatus, Tone> = {
  booked: 'success',
  waitlisted: 'warning',
  attended: 'info',
  absent: 'muted',
  cancelled: 'muted',
};
