/**
 * Authorization matrix: every action of every registered function, called by every seeded persona,
 * a stranger and a caller without OPENID, with a valid payload derived from its schema. Whoever
 * lacks the role gets FORBIDDEN (UNAUTHENTICATED without OPENID) and no data; admin-only actions
 * refuse every non-admin; nothing answers INTERNAL. (`npm run fuzz` prints the table.)
 */
// Must come first: it makes the contract's schemas describable before they are built.
import '../../bench/lib/introspect';
import { authMatrix } from '../../bench/fuzz/matrix';
import { adminOnly, loadFunctions } from '../../bench/lib/functions';
import { makeBenchWorld } from '../../bench/lib/world';

jest.setTimeout(60_000);

const fns = loadFunctions();
let report: Awaited<ReturnType<typeof authMatrix>>;

beforeAll(async () => {
  report = await authMatrix(fns, () => makeBenchWorld('full'));
});

test('every action was called by every persona, a stranger and an anonymous caller', () => {
  const actions = fns.reduce((n, f) => n + Object.keys(f.defs).length, 0);
  expect(report.rows).toHaveLength(actions);
  expect(report.callers).toEqual(expect.arrayContaining(['worker', 'station-staff', 'admin', 'stranger', 'anonymous']));
  expect(report.calls).toBe(actions * report.callers.length);
});

test('no refusal leaks data, nothing answers INTERNAL, roles are enforced', () => {
  expect(report.failures).toEqual([]);
});

test('admin-only actions are FORBIDDEN for every non-admin persona', () => {
  const anonCol = report.callers.indexOf('anonymous');
  const rows = report.rows.filter((r) => adminOnly(fns.find((f) => f.fn === r.fn)!.defs[r.action].access));
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    // The super admin everywhere; a domain admin (contest-admin) only inside its own domain's function.
    const admins = report.adminsIn[row.fn];
    expect(admins).toContain('admin');
    expect(admins.includes('contest-admin')).toBe(row.fn === 'contest');
    row.cells.forEach((cell, i) => {
      if (admins.includes(report.callers[i])) expect([row.action, cell]).not.toEqual([row.action, 'FORBIDDEN']);
      else
        expect([row.action, report.callers[i], cell]).toEqual([
          row.action,
          report.callers[i],
          i === anonCol ? 'UNAUTHENTICATED' : 'FORBIDDEN',
        ]);
    });
  }
});

test('a derivable valid payload exists for most actions (the matrix tests access, not validation)', () => {
  const derived = report.rows.filter((r) => r.derived).length;
  expect(derived / report.rows.length).toBeGreaterThan(0.9);
});

test('a domain admin (contest-admin) is refused outside its domain, also inside the admin function', () => {
  const col = report.callers.indexOf('contest-admin');
  expect(col).toBeGreaterThanOrEqual(0);
  const elsewhere = report.rows.filter(
    (r) =>
      (r.fn === 'admin' && /Station|Employer/.test(r.action)) ||
      (r.fn !== 'contest' && r.fn !== 'admin' && adminOnly(fns.find((f) => f.fn === r.fn)!.defs[r.action].access)),
  );
  expect(elsewhere.length).toBeGreaterThan(20);
  for (const row of elsewhere) expect([row.fn, row.action, row.cells[col]]).toEqual([row.fn, row.action, 'FORBIDDEN']);
  // Inside its own domain it is an admin: the contest admin-only rows are never FORBIDDEN for it.
  const own = report.rows.filter(
    (r) => r.fn === 'contest' && adminOnly(fns.find((f) => f.fn === 'contest')!.defs[r.action].access),
  );
  for (const row of own) expect([row.action, row.cells[col]]).not.toEqual([row.action, 'FORBIDDEN']);
});
