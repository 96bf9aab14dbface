/** 13812345678 → 138****5678. Anything that is not an 11-digit mobile is masked entirely. */
export function maskPhone(phone: string | undefined): string {
  if (!phone) return '';
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

/** Identity number, 前3后4: 330************1234. */
export function maskIdNumber(id: string | undefined): string {
  if (!id) return '';
  return id.length <= 7 ? '*'.repeat(id.length) : `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

/** 张三 → 张*; 欧阳娜娜 → 欧**娜: enough for a volunteer to confirm, not to identify. */
export function maskName(name: string | undefined): string {
  if (!name) return '';
  const chars = Array.from(name);
  if (chars.length === 1) return chars[0];
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Last 4 digits of a phone, for staff lookups by name + tail. */
export function phoneTail(phone: string | undefined): string {
  return phone ? phone.slice(-4) : '';
}
