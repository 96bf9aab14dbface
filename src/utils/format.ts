/**
 * Times are stored as epoch ms and always shown in China time, whatever zone the device is set to
 * (a borrowed tablet on UTC must not tell a volunteer a code was used "8 hours ago"). China has no
 * daylight saving, so a fixed +8 h is exact and costs nothing in the package, unlike a tz library.
 */
const OFFSET_MS = 8 * 3600_000;
const WEEK = ['日', '一', '二', '三', '四', '五', '六'];

export const pad = (n: number) => String(n).padStart(2, '0');

export function shanghaiParts(ms: number) {
  const d = new Date(ms + OFFSET_MS);
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    w: d.getUTCDay(),
  };
}

/*
 * One way to say a date across the app: 2026年1月20日（周二）, and with a time 2026年1月20日（周二）10:02.
 * The weekday is what people plan by; it is left out only for dates of a person's life (birth,
 * retirement) and on the printed certificate, where it would read oddly (`weekday = false`).
 */
function words(p: { y: number; m: number; d: number; w: number }, weekday: boolean): string {
  return `${p.y}年${p.m}月${p.d}日${weekday ? `（周${WEEK[p.w]}）` : ''}`;
}

/** 2026年1月20日（周二）10:02 */
export function formatTime(ms: number): string {
  const p = shanghaiParts(ms);
  return `${words(p, true)}${pad(p.h)}:${pad(p.mi)}`;
}

/** 2026年1月20日（周二）; 2026年1月20日 with `weekday = false`. */
export function formatDate(ms: number, weekday = true): string {
  return words(shanghaiParts(ms), weekday);
}

/** '2026-01-20' → 2026年1月20日（周二）; 2026年1月20日 with `weekday = false`. */
export function formatDay(date: string, weekday = true): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return words({ y, m, d, w: new Date(Date.UTC(y, m - 1, d)).getUTCDay() }, weekday);
}

/** 10:02:31 */
export function clockTime(ms: number): string {
  const p = shanghaiParts(ms);
  return `${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
}

/** The same words as formatTime: kept as names the pages already use. */
export const dayTime = formatTime;
export const weekdayTime = formatTime;

/** '2026-03-05' */
export function dateOf(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** '14:00' */
export function timeOf(ms: number): string {
  const p = shanghaiParts(ms);
  return `${pad(p.h)}:${pad(p.mi)}`;
}

/** '2026-03-05' + '14:00' read as Shanghai wall time → epoch ms. */
export function toEpoch(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  return Date.UTC(y, m - 1, d, h, mi) - OFFSET_MS;
}

/** 138****5678 for anyone but the owner; the server already masks, this is for local echoes. */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
