/**
 * The authorization matrix: every action of every function called by every persona (and a
 * stranger, and no OPENID) with a valid payload derived from its schema. A caller without the
 * role must get FORBIDDEN (UNAUTHENTICATED without OPENID) and no `data`; nothing may answer
 * INTERNAL; no response may carry someone else's phone or identity number in clear.
 */
import { findUnmaskedPii } from '../../test/cloud/masking';
import { accessText, adminOnly, type FunctionDefs } from '../lib/functions';
import { validValue } from '../lib/values';
import { seededIds, type World } from '../lib/world';
import { allCallers } from './callers';
import { isPlainObject, mayCall, requestId, rolesIn, show, type Caller } from './sweep';

export interface MatrixRow {
  fn: string;
  action: string;
  access: string;
  /** False when no valid payload could be derived from the schema (the row then shows INVALID_INPUT). */
  derived: boolean;
  cells: string[];
}

export interface MatrixReport {
  callers: string[];
  /** Per function, the callers (by name) who are `admin` inside it: the super admin, and its domain's admin. */
  adminsIn: Record<string, string[]>;
  rows: MatrixRow[];
  failures: string[];
  calls: number;
}

/** `fresh()` gives a newly seeded world; one per action, so earlier calls never change later answers. */
export async function authMatrix(fns: FunctionDefs[], fresh: () => Promise<World>): Promise<MatrixReport> {
  const report: MatrixReport = { callers: [], adminsIn: {}, rows: [], failures: [], calls: 0 };
  for (const { fn, defs } of fns) {
    for (const [action, def] of Object.entries(defs)) {
      const world = await fresh();
      const callers = await allCallers(world);
      // The admin last: its successful mutations must not change what the others see.
      const isAdmin = (c: Caller) => rolesIn(fn, c).includes('admin');
      // Admins last (domain admins, then the super admin): their successful mutations must not change
      // what the others see. The same order for every function, so every row's columns line up.
      const rank = (c: Caller) => (c.roles.includes('admin') ? 2 : c.roles.some((r) => r.startsWith('admin:')) ? 1 : 0);
      callers.sort((a, b) => rank(a) - rank(b));
      report.callers = callers.map((c) => c.name);
      report.adminsIn[fn] = callers.filter(isAdmin).map((c) => c.name);
      const ids = seededIds(world.db, world.clock.now());
      const derived = validValue(def.input, '', ids, false);
      const payload = derived.ok && isPlainObject(derived.value) ? derived.value : {};
      const row: MatrixRow = { fn, action, access: accessText(def.access), derived: derived.ok, cells: [] };
      for (const caller of callers) {
        report.calls += 1;
        const event = { action, ...(def.writes === true ? { requestId: requestId() } : {}), ...payload };
        const res = await world.call(caller.openid, fn, defs, event);
        row.cells.push(res.ok ? 'ok' : res.code);
        const where = `${fn}.${action} as ${caller.name} ${show(event, 200)}`;
        const expected = mayCall(def.access, caller, fn);
        if (expected !== 'yes' && (res.ok || res.code !== expected))
          report.failures.push(`${where}: expected ${expected}, got ${show(res, 300)}`);
        if (adminOnly(def.access) && !isAdmin(caller) && res.ok)
          report.failures.push(`${where}: admin-only action succeeded`);
        if (!res.ok && 'data' in res) report.failures.push(`${where}: refusal carries data ${show(res, 300)}`);
        if (!res.ok && res.code === 'INTERNAL') report.failures.push(`${where}: INTERNAL ${show(res, 300)}`);
        // The caller's own phone, and what the caller just typed, may come back in clear.
        const own = [await ownPhone(world, caller), ...Object.values(payload).filter((v) => typeof v === 'string')];
        for (const leak of findUnmaskedPii(res, { allow: own.filter((v): v is string => !!v) })) {
          report.failures.push(`${where}: unmasked ${leak.kind} ${leak.value} at ${leak.path || '(root)'}`);
        }
      }
      report.rows.push(row);
    }
  }
  return report;
}

async function ownPhone(world: World, caller: Caller): Promise<string | undefined> {
  if (!caller.exists) return undefined;
  const found = await world.db.collection('users').where({ _id: caller.openid }).limit(1).get();
  return (found.data[0] as { profile?: { phone?: string } } | undefined)?.profile?.phone;
}

const SHORT: Record<string, string> = { ok: '✓', FORBIDDEN: '✗', UNAUTHENTICATED: 'unauth' };

export function formatMatrix(report: MatrixReport): string {
  const head = ['action', 'access', ...report.callers.map((c) => c.replace(/-staff$/, '').slice(0, 9))];
  const rows = report.rows.map((r) => [
    `${r.fn}.${r.action}${r.derived ? '' : '*'}`,
    r.access,
    ...r.cells.map((c) => SHORT[c] ?? c.toLowerCase().replace(/_/g, '-').slice(0, 12)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join(' ')
      .trimEnd();
  const counts = report.rows
    .flatMap((r) => r.cells)
    .reduce<Record<string, number>>((m, c) => ((m[c] = (m[c] ?? 0) + 1), m), {});
  return [
    line(head),
    ...rows.map(line),
    `✓ allowed, ✗ FORBIDDEN, other: the handler's refusal code (valid payload, e.g. nothing to act on); * no valid payload derivable`,
    `${report.rows.length} actions × ${report.callers.length} callers = ${report.calls} calls: ${Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  ].join('\n');
}
