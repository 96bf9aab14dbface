/** A small HTTP client for the storms: keep-alive, bounded concurrency, latency of every call. */
import http from 'node:http';

export interface CallResult {
  status: number;
  body: any;
  ms: number;
}

export class StormClient {
  private readonly agent: http.Agent;
  constructor(
    private readonly url: string,
    concurrency: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  }

  call(fn: string, openid: string, event: unknown): Promise<CallResult> {
    const body = Buffer.from(JSON.stringify(event));
    const t0 = performance.now();
    return new Promise((resolve) => {
      const req = http.request(
        `${this.url}/functions/${fn}`,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-wx-openid': openid },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            let parsed: any = null;
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {}
            resolve({ status: res.statusCode ?? 0, body: parsed, ms: performance.now() - t0 });
          });
        },
      );
      req.on('error', (e) =>
        resolve({ status: -1, body: { ok: false, code: 'NETWORK', message: String(e) }, ms: performance.now() - t0 }),
      );
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `tasks` with at most `limit` in flight; answers in task order. */
export async function pool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Deterministic shuffle (mulberry32), so a run can be repeated exactly. */
export function shuffle<T>(items: T[], seed = 20260120): T[] {
  let a = seed;
  const rand = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
