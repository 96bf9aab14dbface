/**
 * Claim storm and redeem storm through the emulator's HTTP (loopback only), against a server in
 * its own process. A campaign of 500 packs over the five 驿站 is created by the admin through
 * gift.createCampaign; then 5,000 distinct members claim at once (at most `concurrency` requests
 * in flight) mixed with 10 % duplicates: half retries with the same requestId, half re-claims by
 * the same person with a new one. The database is then reconciled against the answers.
 * Redeem storm: 50 concurrent scans of one voucher by the station's staff → exactly one success.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { sortableShanghai } from '../../cloud/lib/clock';
import { PERSONAS } from '../../cloud/seed';
import { stormOpenid } from './people';
import { percentile, pool, shuffle, StormClient, type CallResult } from './client';

export interface StormOptions {
  serverBundle: string;
  members: number;
  packs: number;
  concurrency: number;
  scans: number;
}

export interface ClaimStormResult {
  requests: number;
  originals: number;
  sameRequestRetries: number;
  samePersonReclaims: number;
  wallMs: number;
  throughputPerSec: number;
  p50Ms: number;
  p99Ms: number;
  codes: Record<string, number>;
  successes: number;
  soldOut: boolean;
  oversold: number;
  doubleClaims: number;
  retriesAnsweredDifferently: number;
  stockMismatches: string[];
  http5xx: number;
}

export interface RedeemStormResult {
  scans: number;
  successes: number;
  used: number;
  other: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  stampedOnce: boolean;
}

const STATIONS = [
  'station-xinchenghui',
  'station-wangjiangjing',
  'station-youchegang',
  'station-honghe',
  'station-xincheng',
];

function startServer(
  bundle: string,
  members: number,
): Promise<{ child: ChildProcess; url: string; dump(c: string): Promise<any[]> }> {
  const child = fork(bundle, [], {
    env: { ...process.env, STORM_AUTORUN: '1', STORM_MEMBERS: String(members) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let seq = 0;
  const waiting = new Map<number, (docs: any[]) => void>();
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`storm server exited (${code})`)));
    child.on('message', (msg: any) => {
      if (msg?.type === 'ready') {
        resolve({
          child,
          url: msg.url,
          dump: (collection) =>
            new Promise((res) => {
              seq += 1;
              waiting.set(seq, res);
              child.send({ type: 'dump', id: seq, collection });
            }),
        });
      }
      if (msg?.type === 'dump') waiting.get(msg.id)?.(msg.docs);
    });
  });
}

const codeOf = (r: CallResult) => (r.body?.ok ? 'ok' : (r.body?.code ?? `HTTP ${r.status}`));

export async function runStorms(opts: StormOptions): Promise<{ claim: ClaimStormResult; redeem: RedeemStormResult }> {
  const server = await startServer(opts.serverBundle, opts.members);
  const client = new StormClient(server.url, opts.concurrency);
  try {
    // The campaign, through the admin's action (window open now, for 外卖 riders).
    const perStation = Math.floor(opts.packs / STATIONS.length);
    const now = Date.now();
    const created = await client.call('gift', PERSONAS.admin, {
      action: 'createCampaign',
      requestId: 'bench-campaign-0001',
      name: '压测春节礼包',
      items: ['洗衣液', '春联福字'],
      startAt: sortableShanghai(now - 3600_000),
      endAt: sortableShanghai(now + 10 * 86_400_000),
      groups: ['外卖'],
      validDays: 7,
      stock: STATIONS.map((stationId) => ({ stationId, stock: perStation })),
    });
    if (!created.body?.ok) throw new Error(`createCampaign failed: ${JSON.stringify(created.body)}`);
    const campaignId: string = created.body.data.id;

    type Req = { openid: string; requestId: string; stationId: string; kind: 'original' | 'retry' | 'reclaim' };
    const originals: Req[] = Array.from({ length: opts.members }, (_, k) => ({
      openid: stormOpenid(k + 1),
      requestId: `claim-${String(k + 1).padStart(6, '0')}`,
      stationId: STATIONS[k % STATIONS.length],
      kind: 'original',
    }));
    const dupes = Math.round(opts.members * 0.1);
    const picked = shuffle(originals, 7).slice(0, dupes);
    const extra: Req[] = picked.map((o, k) =>
      k % 2 === 0
        ? { ...o, kind: 'retry' }
        : { ...o, requestId: `${o.requestId}-again`, stationId: STATIONS[(k + 2) % STATIONS.length], kind: 'reclaim' },
    );
    const all = shuffle([...originals, ...extra]);
    const t0 = performance.now();
    const answers = await pool(
      all.map(
        (r) => () =>
          client.call('gift', r.openid, {
            action: 'claim',
            requestId: r.requestId,
            campaignId,
            stationId: r.stationId,
          }),
      ),
      opts.concurrency,
    );
    const wallMs = performance.now() - t0;

    const codes: Record<string, number> = {};
    const vouchersByPerson = new Map<string, Set<string>>();
    const answerByRequest = new Map<string, string[]>();
    answers.forEach((a, i) => {
      const code = codeOf(a);
      codes[code] = (codes[code] ?? 0) + 1;
      const r = all[i];
      if (a.body?.ok) {
        const set = vouchersByPerson.get(r.openid) ?? new Set<string>();
        set.add(a.body.data.id ?? a.body.data.voucherId ?? JSON.stringify(a.body.data));
        vouchersByPerson.set(r.openid, set);
      }
      const key = `${r.openid}:${r.requestId}`;
      answerByRequest.set(key, [...(answerByRequest.get(key) ?? []), JSON.stringify(a.body)]);
    });
    const retriesAnsweredDifferently = [...answerByRequest.values()].filter((list) => new Set(list).size > 1).length;

    const stock = (await server.dump('giftStock')).filter((d) => d.campaignId === campaignId);
    const claims = (await server.dump('giftClaims')).filter((d) => d.campaignId === campaignId);
    const live = claims.filter((d) => d.status === 'claimed' || d.status === 'redeemed');
    const liveByPerson = new Map<string, number>();
    for (const c of live) liveByPerson.set(c.openid, (liveByPerson.get(c.openid) ?? 0) + 1);
    const stockMismatches: string[] = [];
    let negative = 0;
    for (const s of stock) {
      const here = live.filter((c) => c.stationId === s.stationId).length;
      if (s.stock < 0) negative += -s.stock;
      if (s.stock + s.claimed !== perStation || here !== s.claimed) {
        stockMismatches.push(
          `${s.stationId}: stock ${s.stock} + claimed ${s.claimed} (vouchers ${here}) vs ${perStation}`,
        );
      }
    }
    const claimResult: ClaimStormResult = {
      requests: all.length,
      originals: originals.length,
      sameRequestRetries: extra.filter((e) => e.kind === 'retry').length,
      samePersonReclaims: extra.filter((e) => e.kind === 'reclaim').length,
      wallMs: Math.round(wallMs),
      throughputPerSec: Math.round((all.length / wallMs) * 1000),
      p50Ms: Math.round(
        percentile(
          answers.map((a) => a.ms),
          50,
        ),
      ),
      p99Ms: Math.round(
        percentile(
          answers.map((a) => a.ms),
          99,
        ),
      ),
      codes,
      successes: vouchersByPerson.size,
      soldOut: stock.every((s) => s.stock === 0),
      oversold: Math.max(0, live.length - perStation * STATIONS.length) + negative,
      doubleClaims:
        [...vouchersByPerson.values()].filter((v) => v.size > 1).length +
        [...liveByPerson.values()].filter((n) => n > 1).length,
      retriesAnsweredDifferently,
      stockMismatches,
      http5xx: answers.filter((a) => a.status >= 500 || a.status < 0).length,
    };

    // Redeem storm: one voucher of 新城汇驿站, scanned by its staff from `scans` phones at once.
    const target = live.find((c) => c.stationId === 'station-xinchenghui' && c.status === 'claimed');
    if (!target) throw new Error('no voucher at station-xinchenghui to redeem');
    const code = await client.call('gift', target.openid, { action: 'voucherCode', voucherId: target.voucherId });
    if (!code.body?.ok) throw new Error(`voucherCode failed: ${JSON.stringify(code.body)}`);
    const scans = await Promise.all(
      Array.from({ length: opts.scans }, (_, k) =>
        client.call('checkin', PERSONAS.stationStaff, {
          action: 'scan',
          requestId: `scan-storm-${String(k).padStart(4, '0')}`,
          code: code.body.data.token,
          scope: { kind: 'station', id: 'station-xinchenghui' },
        }),
      ),
    );
    const other: Record<string, number> = {};
    let successes = 0;
    let used = 0;
    for (const s of scans) {
      const result = s.body?.ok ? s.body.data.result : codeOf(s);
      if (result === 'success') successes += 1;
      else if (result === 'used') used += 1;
      else other[result] = (other[result] ?? 0) + 1;
    }
    const after = (await server.dump('giftClaims')).find((d) => d._id === target._id);
    const redeem: RedeemStormResult = {
      scans: scans.length,
      successes,
      used,
      other,
      p50Ms: Math.round(
        percentile(
          scans.map((a) => a.ms),
          50,
        ),
      ),
      p99Ms: Math.round(
        percentile(
          scans.map((a) => a.ms),
          99,
        ),
      ),
      stampedOnce: after?.status === 'redeemed' && !!after?.redeemed?.scanId,
    };
    return { claim: claimResult, redeem };
  } finally {
    client.close();
    server.child.send({ type: 'stop' });
    await new Promise((r) => {
      const kill = setTimeout(() => server.child.kill('SIGKILL'), 5000);
      server.child.once('exit', () => r(clearTimeout(kill)));
    });
  }
}
