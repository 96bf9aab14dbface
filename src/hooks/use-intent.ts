import { useRef } from 'react';
import { newRequestId, retrySameRequest } from '../services/call';

/**
 * Mutations started from buttons that carry their own data (退回 with its reason, a batch of selected
 * ids): one request id per intent (`key`: the action, its target, what was typed), kept until that
 * intent has its answer. A second tap while it runs is ignored (answers undefined); a retry after a
 * network failure (INTERNAL) sends the same id, so if the first did go through the server replays its
 * answer instead of refusing the retry (INVALID_STATE). After an answer, the same intent again is a
 * new request. The same pattern as useSubmit, for many intents on one page.
 */
export function useIntent() {
  const ids = useRef(new Map<string, string>());
  const running = useRef(new Set<string>());
  return async function run<T>(key: string, send: (requestId: string) => Promise<T>): Promise<T | undefined> {
    if (running.current.has(key)) return undefined;
    running.current.add(key);
    const requestId = ids.current.get(key) ?? newRequestId();
    ids.current.set(key, requestId);
    try {
      const result = await send(requestId);
      ids.current.delete(key);
      return result;
    } catch (e) {
      if (!retrySameRequest(e)) ids.current.delete(key);
      throw e;
    } finally {
      running.current.delete(key);
    }
  };
}
