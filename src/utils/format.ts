import dayjs from 'dayjs';

/**
 * Times are stored as epoch ms and shown in China time. The phone is in China too, but the H5
 * demo may run elsewhere, so shift explicitly instead of trusting the local zone.
 */
const SHANGHAI_OFFSET_MIN = 8 * 60;

function shanghai(ms: number) {
  return dayjs(ms + (SHANGHAI_OFFSET_MIN + new Date(ms).getTimezoneOffset()) * 60_000);
}

export function formatTime(ms: number): string {
  return shanghai(ms).format('YYYY年M月D日 HH:mm');
}

export function formatDate(ms: number): string {
  return shanghai(ms).format('YYYY年M月D日');
}

/** 138****5678 for anyone but the owner; the server already masks, this is for local echoes. */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
