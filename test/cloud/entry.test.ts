import * as fake from '../../cloud/emulator/fake-sdk';
import { createMain } from '../../cloud/lib/entry';
import { defineActions } from '../../cloud/lib/router';
import { s } from '../../types/schema';

interface PingActions {
  ping: { input: { n: number }; output: { openid: string; n: number } };
}

const runs: string[] = [];
const main = createMain(
  fake,
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
