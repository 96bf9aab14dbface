/**
 * What people type for the setup code: spaces, lower case, full-width dashes or none at all. The code is
 * printed as XXXX-XXXX-XXXX-XXXX; only the letters and digits matter.
 */
export function normalizeSetupCode(typed: string): string {
  const chars = typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return chars.length === 16 ? chars.replace(/(.{4})(?=.)/g, '$1-') : chars;
}
