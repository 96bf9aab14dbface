import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { fieldOf } from '@contract/schema';
import { newRequestId, retrySameRequest, ServiceError } from '../services/call';

export interface FieldError {
  /** Dotted path the server refused, e.g. `phone` or `stations.2.stock`. */
  field: string;
  message: string;
}

export interface WriteOptions {
  /**
   * How a refusal reaches the user: a modal with this title (default 「未能提交」) and `run` answers
   * undefined; or `false`: `run` throws the error and the page shows it its own way.
   */
  report?: string | false;
  /**
   * A form shows the server's refusal of a field under that field (`useForm(…, write)`), so such a
   * refusal raises no modal: `run` answers undefined and `fieldError` is set.
   */
  inline?: boolean;
}

/** Same input, same intent: key order does not matter. */
function intentKey(input: unknown): string {
  return JSON.stringify(input, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * The one hook for writes: `const cancel = useWrite(api.contest.cancel)`, then `cancel.run(input)`.
 *
 * - An intent is its input. It keeps one requestId until it gets an answer: a retry after a lost
 *   answer (INTERNAL: network, crash) or a BUSY (conflicts, or the first try still running) sends the
 *   same id, so the server replays or finishes what it did instead
 *   of running it twice. After success or a refusal the same input again is a new request; a
 *   changed input is another intent with its own id.
 * - A double tap makes one call: the running intents are kept in a ref (state lags one render), and
 *   the second tap answers undefined.
 * - `busy` (for the button), and the field the server refused: `fieldError` / `messageFor`.
 *
 * `send` may also take a page's own draft as the input (`useWrite((draft, id) => api.x.y(build(draft), id))`)
 * so the intent is keyed by what the user typed; a throw from `build` is reported like a refusal.
 */
export function useWrite<I, O>(send: (input: I, requestId: string) => Promise<O>, options: WriteOptions = {}) {
  const ids = useRef(new Map<string, string>());
  const running = useRef(new Set<string>());
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<FieldError | null>(null);
  const report = options.report ?? '未能提交';

  const run = async (input: I): Promise<O | undefined> => {
    const key = intentKey(input ?? null);
    if (running.current.has(key)) return undefined;
    running.current.add(key);
    setBusy(true);
    setFieldError(null);
    const requestId = ids.current.get(key) ?? newRequestId();
    ids.current.set(key, requestId);
    try {
      const result = await send(input, requestId);
      ids.current.delete(key);
      return result;
    } catch (e) {
      // Only a lost answer or BUSY keeps the id: the server may have done it (or be doing it), and a
      // retry must replay it, not run it twice.
      if (!retrySameRequest(e)) ids.current.delete(key);
      const field = e instanceof ServiceError && e.code === 'INVALID_INPUT' ? e.details?.field : undefined;
      if (typeof field === 'string') setFieldError({ field, message: (e as Error).message });
      if (report === false) throw e;
      if (typeof field === 'string' && options.inline) return undefined;
      await Taro.showModal({
        title: report,
        content: e instanceof Error ? e.message : '请稍后再试',
        showCancel: false,
      });
      return undefined;
    } finally {
      running.current.delete(key);
      setBusy(running.current.size > 0);
    }
  };

  /**
   * The message under a form field: the form's own check (`local`, by top-level field) first, else
   * the server's refusal of that field.
   */
  const messageFor = (field: string, local?: FieldError | null): string | undefined => {
    if (local && fieldOf(local.field) === field) return local.message;
    return fieldError && fieldOf(fieldError.field) === field ? fieldError.message : undefined;
  };

  return { run, busy, fieldError, setFieldError, messageFor };
}
