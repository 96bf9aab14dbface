/** Shared data for the retirement app tests. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A fictional 秀洲 identity number with a valid check digit. */
export function idNumber(birth: string, seq: number): string {
  const body = `330411${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}
