import { purgeIdempotency, IDEMPOTENCY_TTL_MS } from '../../cloud/lib/idempotency';
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
