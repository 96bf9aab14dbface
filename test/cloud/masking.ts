/**
 * Privacy check for any response: fails when a string anywhere in it holds an unmasked mainland
 * mobile (1[3-9] + 9 digits) or an 18-character identity number. Pass `allow` for the values the
 * caller may see in clear (the owner's own phone in their own profile).
 *
 *   assertNoUnmaskedPii(res);                                  // admin queue, scanner, lists
 *   assertNoUnmaskedPii(me, { allow: ['13857301234'] });       // the owner's own profile
 */
// Bounded by anything but a letter or digit, like the identity number: a random hex id (a file
// name, a nedb _id) may hold eleven digits in a row between letters, and that is no phone.
const MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

export interface PiiFinding {
  path: string;
  kind: 'mobile' | 'idNumber';
  value: string;
}

export function findUnmaskedPii(value: unknown, options: { allow?: string[] } = {}): PiiFinding[] {
  const allow = new Set(options.allow ?? []);
  const found: PiiFinding[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'string') {
      for (const m of v.match(MOBILE) ?? []) if (!allow.has(m)) found.push({ path, kind: 'mobile', value: m });
      for (const m of v.match(ID_NUMBER) ?? []) if (!allow.has(m)) found.push({ path, kind: 'idNumber', value: m });
    } else if (typeof v === 'number') {
      // A phone stored as a number is still a phone.
      walk(String(v), path);
    } else if (v && typeof v === 'object') {
      if (seen.has(v)) return;
      seen.add(v);
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) walk(child, path ? `${path}.${k}` : k);
    }
  };
  walk(value, '');
  return found;
}

export function assertNoUnmaskedPii(value: unknown, options: { allow?: string[] } = {}): void {
  const found = findUnmaskedPii(value, options);
  if (found.length) {
    const list = found.map((f) => `${f.path || '(root)'}: ${f.kind} ${f.value}`).join('; ');
    throw new Error(`unmasked personal data in response: ${list}`);
  }
}
