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

/** 2026年1月20日 10:02 */
export function formatTime(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.y}年${p.m}月${p.d}日 ${pad(p.h)}:${pad(p.mi)}`;
}

/** 2026年1月20日 */
export function formatDate(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.y}年${p.m}月${p.d}日`;
}

/** '2026-01-20' → 2026年1月20日 */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 10:02:31 */
export function clockTime(ms: number): string {
  const p = shanghaiParts(ms);
  return `${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
}

/** 1月20日 10:02 */
export function dayTime(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.m}月${p.d}日 ${pad(p.h)}:${pad(p.mi)}`;
}

/** 3月5日（周四）14:00 */
export function weekdayTime(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.m}月${p.d}日（周${WEEK[p.w]}）${pad(p.h)}:${pad(p.mi)}`;
}

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
