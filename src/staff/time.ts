/**
 * Times on the 工作台 are Beijing time whatever the device says (a borrowed tablet set to UTC
 * must not tell a volunteer a code was used "8 hours ago").
 */
const OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** 10:02:31 */
export function clockTime(at: number): string {
  const d = new Date(at + OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** 1月20日 10:02 */
export function dayTime(at: number): string {
  const d = new Date(at + OFFSET_MS);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
