/**
 * Crash between writes (quick version of the bench's sweep): the fake database fails the nth write
 * of a gift claim, a contest registration and a voucher scan; the client retries with the same
 * requestId, then again later with a new one; the books must balance afterwards.
 * The last write of each call (the idempotency record's "done") is left to `npm run bench`: a
 * retry after it waits the router's full 10 s replay window.
 */
// Must come first: it makes the contract's schemas describable before they are built.
import '../../bench/lib/introspect';
import { crashSweep, formatCrash, type Scenario } from '../../bench/storm/crash';

jest.setTimeout(60_000);

const WRITES = 6; // writes of an uncrashed call in each scenario today; the test checks it below

test.each<Scenario>(['claim', 'register', 'scan'])(
  '%s: stock, quota and stamps reconcile after a crash at every write',
  async (scenario) => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const ns = Array.from({ length: WRITES - 1 }, (_, i) => i + 1);
      const report = await crashSweep(ns, [scenario]);
      expect(report.writes[scenario]).toBeGreaterThanOrEqual(WRITES - 1);
      expect(report.rows.map((r) => r.first)).toContain('INTERNAL'); // the fault did strike
      expect({ failures: report.failures, table: formatCrash(report) }).toMatchObject({ failures: [] });
    } finally {
      errors.mockRestore();
    }
  },
);
