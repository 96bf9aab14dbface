/**
 * createMain on the REAL wx-server-sdk (pointed at this file's stand-in): the caller comes from
 * getWXContext(), which reads what SCF sets in process.env for one invocation (WX_OPENID).
 */
import cloud from 'wx-server-sdk';
import { createMain } from '../../cloud/lib/entry';
import { defineActions } from '../../cloud/lib/router';
import { setCaller } from '../../cloud/emulator/standin/sdk-env';
import { s } from '../../types/schema';
import { standInOfThisFile } from './helpers';

/** Runs one invocation as SCF would: the caller in process.env for its duration. */
async function asCaller<T>(openid: string, fn: () => Promise<T>): Promise<T> {
  setCaller(openid);
  try {
    return await fn();
  } finally {
    setCaller('');
  }
}
const fake = { runWithContext: (c: { OPENID: string }, fn: () => Promise<any>) => asCaller(c.OPENID, fn) };

beforeAll(async () => {
  await standInOfThisFile();
});

interface PingActions {
  ping: { input: { n: number }; output: { openid: string; n: number } };
}

const runs: string[] = [];
const main = createMain(
  cloud,
  'ping',
  defineActions<PingActions>({
    ping: {
      input: s.object({ n: s.int({ label: '数' }) }),
      access: 'signedIn',
      handler: async (ctx, input) => ({ openid: ctx.openid, n: input.n }),
    },
  }),
  {
    nightly: async (ctx) => {
      runs.push(ctx.openid);
      return { swept: 3 };
    },
  },
);

describe('createMain (the thin function entry)', () => {
  beforeEach(() => {
    runs.length = 0;
  });

  test('takes the caller from the call context, never from the event', async () => {
    const res = await fake.runWithContext({ OPENID: 'o-real' }, () =>
      main({ action: 'ping', n: 2, openid: 'o-forged' }),
    );
    // The forged field is refused outright as an unknown field rather than silently trusted.
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    await expect(fake.runWithContext({ OPENID: 'o-real' }, () => main({ action: 'ping', n: 2 }))).resolves.toEqual({
      ok: true,
      data: { openid: 'o-real', n: 2 },
    });
  });

  test('runs a named timer job when the platform triggers it (no OPENID)', async () => {
    const res = await fake.runWithContext({ OPENID: '' }, () =>
      main({ Type: 'Timer', TriggerName: 'nightly', Time: '2026-01-20T00:00:00Z' }),
    );
    expect(res).toEqual({ ok: true, data: { swept: 3 } });
    expect(runs).toEqual(['']);
  });

  test('a client cannot fire a timer job, nor an unknown one', async () => {
    const forged = await fake.runWithContext({ OPENID: 'o-user' }, () =>
      main({ Type: 'Timer', TriggerName: 'nightly' }),
    );
    const unknown = await fake.runWithContext({ OPENID: '' }, () => main({ Type: 'Timer', TriggerName: 'other' }));
    expect(forged).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(unknown).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(runs).toEqual([]);
  });
});

test('invoke hands the caller over (the emulator, serving concurrent calls), and the db is the real SDK', async () => {
  const openids = Array.from({ length: 10 }, (_, i) => `o-${i}`);
  const got = await Promise.all(openids.map((o, i) => main.invoke({ action: 'ping', n: i }, o)));
  expect(got).toEqual(openids.map((openid, n) => ({ ok: true, data: { openid, n } })));
  // cloud.init ran with DYNAMIC_CURRENT_ENV, which resolves to the stand-in's `local` environment.
  const standIn = await standInOfThisFile();
  const db = cloud.database();
  await db.collection('probe').add({ data: { _id: 'p1' } });
  expect(standIn.env('local').db.count('probe', { _id: 'p1' })).toBe(1);
  // The router read each caller's users doc there too.
  expect([...standIn.env('local').db.stores.keys()]).toContain('users');
});
