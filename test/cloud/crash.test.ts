/**
 * Crash between writes (quick version of the bench's sweep): the fake database fails the nth write
 * of a gift claim, a contest registration and a voucher scan, for every write of an uncrashed call
 * (the last one is the idempotency record's "done": the answer stands, the record is dropped, and the
 * retry runs the action again); the client retries with the same requestId, then again later with a
 * new one. The retry must get the first request's answer, and the books must balance afterwards.
 * The bench also crashes one write past the call (the retry's own first write).
 */
// Must come first: it makes the contract's schemas describable before they are built.
import '../../bench/lib/introspect';
import { crashSweep, formatCrash, type Scenario } from '../../bench/storm/crash';

jest.setTimeout(60_000);

/**
 * Writes of an uncrashed call in each scenario today (checked below). All start with 1 the
 * idempotency record and end with "done". claim: 2 claim insert, 3 take the pack, 4 'claimed',
 * 5 message, 6 done. register (a trade with an employer quota): 2 registration, 3 trade place,
 * 4 employer counter, 5 employer place, 6 marked placed, 7 done. scan: 2 open the scan record,
 * 3 the voucher's stamp, 4 the redeemed count, 5 the outcome, 6 the audit entry, 7 done.
 */
const WRITES: Record<Scenario, number> = { claim: 6, register: 7, scan: 7 };

test.each<Scenario>(['claim', 'register', 'scan'])(
  '%s: stock, quota and stamps reconcile after a crash at every write; the retry gets the first answer',
  async (scenario) => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const ns = Array.from({ length: WRITES[scenario] }, (_, i) => i + 1);
      const report = await crashSweep(ns, [scenario]);
      expect(report.writes[scenario]).toBe(WRITES[scenario]);
      expect(report.rows.map((r) => r.first)).toContain('INTERNAL'); // the fault did strike
      expect({ failures: report.failures, table: formatCrash(report) }).toMatchObject({ failures: [] });
      // Same requestId: the registration, voucher or green scan of the first attempt, never a refusal of it.
      const win = scenario === 'scan' ? 'success' : 'ok';
      expect(report.rows.filter((r) => r.retry !== win).map((r) => `n=${r.n}: ${r.retry}`)).toEqual([]);
    } finally {
      errors.mockRestore();
    }
  },
);
