/**
 * Crash between writes: the fake database fails its nth write (a function dying mid-way), the
 * client retries with the same requestId, and later tries again with a new one. Then the books
 * must balance:
 *   claim    — per station, stock + live vouchers (claimed/redeemed) = the station's allocation;
 *   register — quota taken (trade and employer share) moved exactly as the live registrations;
 *   scan     — no successful scan record without its stamp on the voucher, the redeemed counter
 *              equal to the redeemed vouchers; stamps without a scan record are reported.
 * For each scenario n runs over every write of an uncrashed call (1..writes+1).
 */
import { signToken } from '../../cloud/lib/token';
import { PERSONAS } from '../../cloud/seed';
import { GIFT_CAMPAIGN_ID } from '../../cloud/seed/gift';
import { CLAIMS, STOCK } from '../../cloud/domain/gift/model';
import { EMPLOYER_PLACES, REGISTRATIONS, TRADES, tradeKey } from '../../cloud/domain/contest/model';
import { SCANS } from '../../cloud/domain/checkin/records';
import { loadFunctions, type FunctionDefs } from '../lib/functions';
import { validValue } from '../lib/values';
import { makeBenchWorld, seededIds, writeCount, type World } from '../lib/world';
import { stormUser } from './people';

export type Scenario = 'claim' | 'register' | 'scan';

export interface CrashRow {
  scenario: Scenario;
  n: number;
  first: string;
  retry: string;
  later: string;
  problems: string[];
}

export interface CrashReport {
  rows: CrashRow[];
  /** Writes an uncrashed call makes, per scenario. */
  writes: Record<Scenario, number>;
  failures: string[];
  /** Vouchers stamped as redeemed with no scan record (the staff saw an error, the pack counts as handed). */
  orphanStamps: number;
}

const STATION = 'station-xinchenghui';
const CONTEST = 'contest-2026-skills';
const TRADE = 'smart-manufacturing';
const VOUCHER = 'v2026courier000001';
const WORKER = 'crash-worker-0001';

const all = async (w: World, c: string, where: Record<string, unknown> = {}) =>
  (await w.db.collection(c).where(where).limit(1000).get()).data as any[];
const code = (r: { ok: boolean; code?: string; data?: any }) => (r.ok ? (r.data?.result ?? 'ok') : r.code!);

interface Run {
  world: World;
  defs: (fn: string) => FunctionDefs['defs'];
  act(rid: string): Promise<string>;
  check(): Promise<string[]>;
}

async function setup(scenario: Scenario, fns: FunctionDefs[]): Promise<Run> {
  const world = await makeBenchWorld('full');
  const defs = (fn: string) => fns.find((f) => f.fn === fn)!.defs;
  const { _id, ...user } = stormUser(1, world.clock.now());
  await world.db
    .collection('users')
    .doc(WORKER)
    .set({ data: { ...user, profile: { ...user.profile, birthDate: '1990-05-01' } } });
  void _id;

  if (scenario === 'claim') {
    const before = await all(world, STOCK, { campaignId: GIFT_CAMPAIGN_ID });
    const allocation = new Map(before.map((s) => [s.stationId, s.stock + s.claimed]));
    return {
      world,
      defs,
      act: async (rid) =>
        code(
          await world.call(WORKER, 'gift', defs('gift'), {
            action: 'claim',
            requestId: rid,
            campaignId: GIFT_CAMPAIGN_ID,
            stationId: STATION,
          }),
        ),
      check: async () => {
        const stock = await all(world, STOCK, { campaignId: GIFT_CAMPAIGN_ID });
        const claims = await all(world, CLAIMS, { campaignId: GIFT_CAMPAIGN_ID });
        const problems: string[] = [];
        for (const s of stock) {
          const live = claims.filter(
            (c) => c.stationId === s.stationId && ['claimed', 'redeemed'].includes(c.status),
          ).length;
          if (s.stock + live !== allocation.get(s.stationId))
            problems.push(`${s.stationId}: stock ${s.stock} + vouchers ${live} ≠ ${allocation.get(s.stationId)}`);
          if (s.stock + s.claimed !== allocation.get(s.stationId))
            problems.push(
              `${s.stationId}: counters stock ${s.stock} + claimed ${s.claimed} ≠ ${allocation.get(s.stationId)}`,
            );
        }
        const mine = claims.filter((c) => c.openid === WORKER);
        if (mine.some((c) => c.status === 'claiming')) problems.push(`claim left in 'claiming'`);
        return problems;
      },
    };
  }

  if (scenario === 'register') {
    const trade = tradeKey(CONTEST, TRADE);
    const derived = validValue(defs('contest').register.input, '', seededIds(world.db, world.clock.now()), false);
    const payload = {
      ...(derived.ok ? (derived.value as object) : {}),
      contestId: CONTEST,
      tradeId: TRADE,
      employer: user.profile!.employer,
    };
    const counted = async () => {
      const regs = (await all(world, REGISTRATIONS, { contestId: CONTEST, tradeId: TRADE })).filter(
        (r) => r.status !== 'cancelled',
      );
      const taken = (await all(world, TRADES, { _id: trade }))[0]?.taken ?? 0;
      const places = await all(world, EMPLOYER_PLACES, { contestId: CONTEST, tradeId: TRADE });
      return { regs, taken, places };
    };
    const start = await counted();
    return {
      world,
      defs,
      act: async (rid) =>
        code(await world.call(WORKER, 'contest', defs('contest'), { action: 'register', requestId: rid, ...payload })),
      check: async () => {
        const now = await counted();
        const problems: string[] = [];
        if (now.taken - start.taken !== now.regs.length - start.regs.length) {
          problems.push(
            `trade quota taken +${now.taken - start.taken} but registrations +${now.regs.length - start.regs.length}`,
          );
        }
        for (const p of now.places) {
          const was = start.places.find((q) => q._id === p._id)?.taken ?? 0;
          const regsNow = now.regs.filter((r) => r.employerKey === p._id).length;
          const regsWas = start.regs.filter((r) => r.employerKey === p._id).length;
          if (p.taken - was !== regsNow - regsWas)
            problems.push(
              `employer share ${p._id.slice(-8)} taken +${p.taken - was} but registrations +${regsNow - regsWas}`,
            );
        }
        if (now.regs.some((r) => r.openid === WORKER && r.status !== 'submitted'))
          problems.push('registration in an unexpected state');
        return problems;
      },
    };
  }

  const token = signToken(world.env, { kind: 'voucher', id: VOUCHER, ttlMs: 90_000 }, world.clock.now()).token;
  const stock0 = (await all(world, STOCK, { _id: `${GIFT_CAMPAIGN_ID}:${STATION}` }))[0];
  const redeemed0 = (await all(world, CLAIMS, { campaignId: GIFT_CAMPAIGN_ID, stationId: STATION, status: 'redeemed' }))
    .length;
  return {
    world,
    defs,
    act: async (rid) =>
      code(
        await world.call(PERSONAS.stationStaff, 'checkin', defs('checkin'), {
          action: 'scan',
          requestId: rid,
          code: token,
          scope: { kind: 'station', id: STATION },
        }),
      ),
    check: async () => {
      const problems: string[] = [];
      const voucher = (await all(world, CLAIMS, { voucherId: VOUCHER }))[0];
      const scans = await all(world, SCANS, { subjectId: VOUCHER });
      for (const s of scans.filter((x) => x.result === 'success' && !x.undone)) {
        if (voucher?.redeemed?.scanId !== s._id)
          problems.push(`scan ${s._id.slice(0, 8)} says success but the voucher has no stamp of it`);
      }
      const stock = (await all(world, STOCK, { _id: `${GIFT_CAMPAIGN_ID}:${STATION}` }))[0];
      const redeemed = (
        await all(world, CLAIMS, { campaignId: GIFT_CAMPAIGN_ID, stationId: STATION, status: 'redeemed' })
      ).length;
      if (stock.redeemed - stock0.redeemed !== redeemed - redeemed0)
        problems.push(`redeemed counter +${stock.redeemed - stock0.redeemed} but vouchers +${redeemed - redeemed0}`);
      return problems;
    },
  };
}

async function orphanStamp(world: World): Promise<boolean> {
  const voucher = (await all(world, CLAIMS, { voucherId: VOUCHER }))[0];
  if (!voucher?.redeemed) return false;
  return (await all(world, SCANS, { _id: voucher.redeemed.scanId })).length === 0;
}

/** `ns` per scenario: 'all' = 1..writes+1 (every write of an uncrashed call, and one past it). */
export async function crashSweep(
  ns: number[] | 'all',
  scenarios: Scenario[] = ['claim', 'register', 'scan'],
): Promise<CrashReport> {
  const fns = loadFunctions();
  const report: CrashReport = { rows: [], writes: { claim: 0, register: 0, scan: 0 }, failures: [], orphanStamps: 0 };
  for (const scenario of scenarios) {
    const dry = await setup(scenario, fns);
    const w0 = writeCount(dry.world.db);
    const dryCode = await dry.act('crash-dry-0001');
    report.writes[scenario] = writeCount(dry.world.db) - w0;
    if (!['ok', 'success'].includes(dryCode))
      report.failures.push(`${scenario}: the uncrashed call answered ${dryCode}`);
    const list = ns === 'all' ? Array.from({ length: report.writes[scenario] + 1 }, (_, i) => i + 1) : ns;
    for (const n of list) {
      const run = await setup(scenario, fns);
      run.world.db.failNthWrite(n);
      const first = await run.act(`crash-${scenario}-${n}`);
      const retry = await run.act(`crash-${scenario}-${n}`);
      run.world.clock.advance(61_000);
      const later = await run.act(`crash-${scenario}-${n}-later`);
      const problems = await run.check();
      if (scenario === 'scan' && (await orphanStamp(run.world))) report.orphanStamps += 1;
      report.rows.push({ scenario, n, first, retry, later, problems });
      for (const p of problems)
        report.failures.push(`${scenario} n=${n} (first ${first}, retry ${retry}, later ${later}): ${p}`);
    }
  }
  return report;
}

export function formatCrash(report: CrashReport): string {
  const lines = ['scenario  n   first call        retry (same id)   later (new id)    books'];
  for (const r of report.rows) {
    lines.push(
      `${r.scenario.padEnd(9)} ${String(r.n).padStart(2)}  ${r.first.padEnd(17)} ${r.retry.padEnd(17)} ${r.later.padEnd(17)} ${r.problems.length ? `UNBALANCED: ${r.problems.join('; ')}` : 'balanced'}`,
    );
  }
  lines.push(
    `writes per uncrashed call: ${Object.entries(report.writes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; voucher stamps without a scan record: ${report.orphanStamps}`,
  );
  return lines.join('\n');
}
