/**
 * Times shown in the academy pages, in Asia/Shanghai whatever the phone's zone (China has no DST,
 * so a fixed +8 h is exact and costs nothing in the package, unlike a timezone library).
 */
import type { BookingStatus, OrderStatus } from '@contract/api/academy';
import type { Tone } from '../components/status-tag';

const OFFSET = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');
const WEEK = ['日', '一', '二', '三', '四', '五', '六'];

function parts(ms: number) {
  const d = new Date(ms + OFFSET);
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    w: d.getUTCDay(),
  };
}

/** 3月5日（周四）14:00 */
export function when(ms: number): string {
  const p = parts(ms);
  return `${p.m}月${p.d}日（周${WEEK[p.w]}）${pad(p.h)}:${pad(p.mi)}`;
}

/** 3月5日（周四）14:00–17:00 */
export function span(start: number, end: number): string {
  const e = parts(end);
  return `${when(start)}–${pad(e.h)}:${pad(e.mi)}`;
}

export function dateOf(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

export function timeOf(ms: number): string {
  const p = parts(ms);
  return `${pad(p.h)}:${pad(p.mi)}`;
}

/** '2026-03-05' + '14:00' read as Shanghai wall time → epoch ms. */
export function toEpoch(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  return Date.UTC(y, m - 1, d, h, mi) - OFFSET;
}

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
