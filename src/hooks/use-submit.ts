import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { fieldOf } from '@contract/schema';
import { newRequestId, retrySameRequest, ServiceError } from '../services/call';

/**
 * One form submission: a request id that survives retries of the same attempt (so a double tap or
 * a flaky network cannot submit twice), a busy flag, and the field the server refused.
 */
export function useSubmit<T>(send: (requestId: string) => Promise<T>) {
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const requestId = useRef(newRequestId());

  const submit = async (): Promise<T | undefined> => {
    if (busy) return undefined;
    setBusy(true);
    setFieldError(null);
    try {
      const result = await send(requestId.current);
      requestId.current = newRequestId();
      return result;
    } catch (e) {
      if (e instanceof ServiceError && e.code === 'INVALID_INPUT' && typeof e.details?.field === 'string') {
        setFieldError({ field: e.details.field, message: e.message });
      }
      if (!retrySameRequest(e)) requestId.current = newRequestId();
      await Taro.showModal({
        title: '未能提交',
        content: e instanceof Error ? e.message : '请稍后再试',
        showCancel: false,
      });
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  /**
   * The message to show under a form field: the form's own check (`local`, by top-level field) first,
   * else the server's refusal of that field.
   */
  const messageFor = (field: string, local?: { field: string; message: string } | null): string | undefined => {
    if (local && fieldOf(local.field) === field) return local.message;
    return fieldError && fieldOf(fieldError.field) === field ? fieldError.message : undefined;
  };

  return { submit, busy, fieldError, setFieldError, messageFor };
}
