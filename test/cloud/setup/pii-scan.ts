/**
 * Runs after the test framework in every cloud test file: every envelope that `dispatch` answers
 * (directly, through world.call, createMain or the emulator's in-process HTTP server) is scanned
 * for an unmasked mainland mobile or 18-character identity number; the test fails in afterEach
 * naming the function, action and field. The only exception is the owner's own profile: actions
 * that answer the caller's own record (their phone in clear) by design, listed by name below.
 */
import { findUnmaskedPii, type PiiFinding } from '../masking';

/** `fn.action` answering only the caller's own data to the caller (MyProfile / their export). */
export const OWNER_ONLY_ACTIONS = new Set([
  'member.getMe',
  'member.updateProfile',
  'member.transferMembership',
  'member.exportMyData',
]);

/**
 * Deliberate, reviewed exceptions (an audited export of full phones, say) go here only by the lead's
 * decision, each with its reason. Empty: every other response must be masked.
 */
export const REVIEWED_EXCEPTIONS = new Set<string>([]);

/** The string at a finding's path, to see the match in context. */
function at(value: unknown, path: string): string {
  let v: any = value;
  for (const k of path ? path.split('.') : []) v = v?.[k];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** Random ids (20 hex chars) can hold 11 digits in a row: a match glued to a letter is part of a token, not a number. */
function insideToken(text: string, value: string): boolean {
  const re = new RegExp(`(?<![0-9A-Za-z])${value}(?![0-9A-Za-z])`);
  return text.includes(value) && !re.test(text);
}

interface Leak extends PiiFinding {
  fn: string;
  action: string;
}

const leaks: Leak[] = [];

jest.mock('../../../cloud/lib/router', () => {
  const actual = jest.requireActual('../../../cloud/lib/router');
  return {
    ...actual,
    dispatch: async (fn: string, defs: unknown, ctx: unknown, event: unknown) => {
      const res = await actual.dispatch(fn, defs, ctx, event);
      const action = event && typeof event === 'object' ? String((event as { action?: unknown }).action) : '?';
      const name = `${fn}.${action}`;
      if (!OWNER_ONLY_ACTIONS.has(name) && !REVIEWED_EXCEPTIONS.has(name)) {
        for (const f of findUnmaskedPii(res))
          if (!insideToken(at(res, f.path), f.value)) leaks.push({ ...f, fn, action });
      }
      return res;
    },
  };
});

/** For the scanner's own test: what was found so far (and forget it, so afterEach passes). */
export function takeLeaks(): Leak[] {
  return leaks.splice(0);
}

afterEach(() => {
  if (!leaks.length) return;
  const list = leaks.splice(0).map((l) => `${l.fn}.${l.action} → ${l.path || '(root)'}: ${l.kind} ${l.value}`);
  throw new Error(
    `unmasked personal data in a handler response (mask it: 138****5678 / 前3后4):\n  ${[...new Set(list)].join('\n  ')}`,
  );
});
