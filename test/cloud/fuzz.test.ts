/**
 * Quick bad-input sweep over every action of every function in the registry (the full one is
 * `npm run fuzz`): refused input answers INVALID_INPUT naming a field, writes nothing (all
 * collections compared, idempotency included), and nothing answers INTERNAL.
 */
// Must come first: it makes the contract's schemas describable before they are built.
import '../../bench/lib/introspect';
import { callerFor, STRANGER } from '../../bench/fuzz/callers';
import { fuzzSweep } from '../../bench/fuzz/sweep';
import { loadFunctions } from '../../bench/lib/functions';
import { makeBenchWorld, seededIds } from '../../bench/lib/world';
import { PERSONAS } from '../../cloud/seed';

jest.setTimeout(60_000);

test('every function answers INVALID_INPUT to bad payloads, writes nothing, never INTERNAL', async () => {
  const world = await makeBenchWorld('full');
  const fns = loadFunctions();
  const callers = [
    await callerFor(world, 'admin', PERSONAS.admin),
    await callerFor(world, 'contest-admin', PERSONAS.contestAdmin),
    await callerFor(world, 'stranger', STRANGER),
  ];
  const report = await fuzzSweep(world, fns, callers, seededIds(world.db, world.clock.now()), true);

  const lines = report.failures
    .slice(0, 15)
    .map((f) => `${f.fn}.${f.action} as ${f.caller} [${f.what}]: ${f.why}\n  event ${f.event}\n  got   ${f.got}`);
  expect(lines).toEqual([]);
  // Every registered function with actions was swept, with both kinds of case.
  expect(Object.keys(report.perFunction).sort()).toEqual(fns.map((f) => f.fn).sort());
  for (const { fn, defs } of fns) {
    const stats = report.perFunction[fn];
    expect(stats.invalid).toBeGreaterThan(Object.keys(defs).length * 10);
  }
  expect(report.total).toBeGreaterThan(1000);
});
