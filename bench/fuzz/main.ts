/**
 * `npm run fuzz` (bundled by scripts/fuzz.mjs): the full bad-input sweep in-process (as the admin,
 * a stranger and without OPENID), the same over the emulator's HTTP, then the authorization matrix.
 * Prints the case counts and the matrix; exits 1 on any failure, printing the failing cases.
 */
// Must come first: it makes the contract's schemas describable before they are built.
import '../lib/introspect';
import { PERSONAS } from '../../cloud/seed';
import { loadFunctions } from '../lib/functions';
import { makeBenchWorld, seededIds } from '../lib/world';
import { callerFor, STRANGER } from './callers';
import { httpSweep } from './http';
import { authMatrix, formatMatrix } from './matrix';
import { fuzzSweep } from './sweep';

const MAX_PRINTED = 40;

export async function main(argv: string[]): Promise<number> {
  const quick = argv.includes('--quick');
  const fns = loadFunctions();
  const t0 = performance.now();
  let failed = 0;

  const world = await makeBenchWorld('full');
  const callers = [
    await callerFor(world, 'admin', PERSONAS.admin),
    // A domain admin: admin inside the contest function, nobody special elsewhere.
    await callerFor(world, 'contest-admin', PERSONAS.contestAdmin),
    await callerFor(world, 'stranger', STRANGER),
    await callerFor(world, 'anonymous', ''),
  ];
  const sweep = await fuzzSweep(world, fns, callers, seededIds(world.db, world.clock.now()), quick);
  console.log(`\n== bad-input sweep, in-process (${callers.map((c) => c.name).join(', ')})`);
  console.log('function     actions   cases  refused  accepted');
  for (const { fn, defs } of fns) {
    const s = sweep.perFunction[fn];
    console.log(
      `${fn.padEnd(12)} ${String(Object.keys(defs).length).padStart(7)} ${String(s.cases).padStart(7)} ${String(s.invalid).padStart(8)} ${String(s.accepted).padStart(9)}`,
    );
  }
  console.log(
    `total ${sweep.total} cases, ${sweep.failures.length} failures (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  for (const f of sweep.failures.slice(0, MAX_PRINTED)) {
    console.log(
      `FAIL ${f.fn}.${f.action} as ${f.caller} [${f.what}]: ${f.why}\n     event ${f.event}\n     got   ${f.got}`,
    );
  }
  failed += sweep.failures.length;

  const t1 = performance.now();
  const overHttp = await httpSweep(fns);
  console.log(
    `\n== over the emulator's HTTP: ${overHttp.cases} cases (${Object.entries(overHttp.perFunction)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}), ${overHttp.failures.length} failures (${((performance.now() - t1) / 1000).toFixed(1)} s)`,
  );
  for (const f of overHttp.failures.slice(0, MAX_PRINTED)) console.log(`FAIL ${f}`);
  failed += overHttp.failures.length;

  const t2 = performance.now();
  const matrix = await authMatrix(fns, () => makeBenchWorld('full'));
  console.log(`\n== authorization matrix (${((performance.now() - t2) / 1000).toFixed(1)} s)`);
  console.log(formatMatrix(matrix));
  for (const f of matrix.failures.slice(0, MAX_PRINTED)) console.log(`FAIL ${f}`);
  failed += matrix.failures.length;

  const total = sweep.total + overHttp.cases + matrix.calls;
  console.log(`\nfuzz: ${total} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${failed} failures`);
  return failed ? 1 : 0;
}
