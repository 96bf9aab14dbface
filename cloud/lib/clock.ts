import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every deadline and window is judged in Asia/Shanghai; cloud functions run in UTC. */
export const TZ = 'Asia/Shanghai';

/** `'2026-01-20 10:00'` or `'2026-01-20'` read as Shanghai wall time → epoch ms. */
export function shanghaiTime(wallTime: string): number {
  return dayjs.tz(wallTime, TZ).valueOf();
}

/** The Shanghai calendar day of an instant, `YYYY-MM-DD`. */
export function shanghaiDate(ms: number): string {
  return dayjs(ms).tz(TZ).format('YYYY-MM-DD');
}

const WEEK = ['日', '一', '二', '三', '四', '五', '六'];

/**
 * `2026年1月20日（周二）10:00` in Shanghai, for messages shown to people: the same words the app uses
 * for every date (src/utils/format.ts formatTime).
 */
export function formatShanghai(ms: number): string {
  const d = dayjs(ms).tz(TZ);
  return `${d.year()}年${d.month() + 1}月${d.date()}日（周${WEEK[d.day()]}）${d.format('HH:mm')}`;
}

/** `YYYY-MM-DD HH:mm` in Shanghai: for files a spreadsheet sorts (the CSV export), not for reading. */
export function sortableShanghai(ms: number): string {
  return dayjs(ms).tz(TZ).format('YYYY-MM-DD HH:mm');
}

/** Full years between a birth date (YYYY-MM-DD) and the Shanghai day of `atMs`. */
export function ageOn(birthDate: string, atMs: number): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = shanghaiDate(atMs).split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Start of the Shanghai day containing `ms`. */
export function startOfShanghaiDay(ms: number): number {
  return dayjs(ms).tz(TZ).startOf('day').valueOf();
}

/**
 * A form's 'YYYY-MM-DD HH:mm' as Shanghai epoch ms, or NaN when it names no real minute
 * ('2026-13-01 00:00', '2026-02-30 08:00', '25:00'): dayjs would roll those over silently.
 */
export function wallTimeMs(wallTime: string): number {
  const ms = shanghaiTime(wallTime);
  return Number.isFinite(ms) && sortableShanghai(ms) === wallTime ? ms : NaN;
}
