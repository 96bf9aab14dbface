import { LEASE_MS, once, purgeIdempotency, IDEMPOTENCY_TTL_MS } from '../../cloud/lib/idempotency';
import { payloadHash } from '../../cloud/lib/ids';
import { memberActions } from '../../cloud/domain/member';
import { makeWorld, okData, rid } from './helpers';

describe('idempotency records', () => {
  test('a retry replays the first answer; records older than a day are purged, newer ones kept', async () => {
    const w = await makeWorld({ seed: 'base' });
    const event = { action: 'markMessagesRead', requestId: rid('read'), ids: ['m-none'] };
    const first = await w.call('persona-worker', memberActions, 'member', event);
    expect(okData(first)).toEqual({ updated: 0 });
    expect(await w.call('persona-worker', memberActions, 'member', event)).toEqual(first);
    expect(await w.all('idempotency', {})).toHaveLength(1);

    w.clock.advance(IDEMPOTENCY_TTL_MS - 1000);
    await w.call('persona-rider', memberActions, 'member', { ...event, requestId: rid('read2') });
    w.clock.advance(2000);
    await expect(purgeIdempotency(w.ctxFor(''))).resolves.toEqual({ removed: 1 });
    const left = await w.all('idempotency', {});
    expect(left.map((r) => String(r._id).split(':')[0])).toEqual(['persona-rider']);
  });
});

describe('idempotency when an attempt dies mid-way', () => {
  const answer = { ok: true as const, data: { n: 1 } };

  async function setup() {
    const w = await makeWorld({ seed: 'none' });
    const ctx = { ...w.ctxFor('o-1'), fn: 'gift', action: 'claim', user: null };
    return { w, ctx };
  }

  test('a record left running past the lease is taken over by the retry, which runs and records its answer', async () => {
    const { w, ctx } = await setup();
    await w.db.collection('idempotency').add({
      data: { _id: 'o-1:gift:claim:req-dead-1', hash: payloadHash({ a: 1 }), state: 'running', at: w.clock.now() },
    });
    w.clock.advance(LEASE_MS + 1);
    const run = jest.fn(async () => answer);
    await expect(once(ctx, 'req-dead-1', { a: 1 }, run)).resolves.toEqual(answer);
    expect(run).toHaveBeenCalledTimes(1);
    const [record] = await w.all('idempotency', {});
    expect(record).toMatchObject({ state: 'done', result: answer });
    // and the next retry replays without running again
    await expect(once(ctx, 'req-dead-1', { a: 1 }, run)).resolves.toEqual(answer);
    expect(run).toHaveBeenCalledTimes(1);
  });

  test('when recording the answer fails, the answer still goes out and a retry runs again instead of hanging', async () => {
    const { w, ctx } = await setup();
    const run = jest.fn(async () => answer);
    (w.db as unknown as { failNthWrite(n: number): void }).failNthWrite(2); // 1: claim the record, 2: record the answer
    await expect(once(ctx, 'req-lost-1', { a: 1 }, run)).resolves.toEqual(answer);
    await expect(once(ctx, 'req-lost-1', { a: 1 }, run)).resolves.toEqual(answer);
    expect(run).toHaveBeenCalledTimes(2);
    expect(await w.all('idempotency', {})).toEqual([expect.objectContaining({ state: 'done' })]);
  });
});
