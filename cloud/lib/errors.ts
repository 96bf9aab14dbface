import { ERROR_MESSAGES, type ErrorCode, type Fail } from '../../types/envelope';

/** A business refusal: becomes `{ ok: false, code, message }` at the function's edge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toEnvelope(): Fail {
    return this.details
      ? { ok: false, code: this.code, message: this.message, details: this.details }
      : { ok: false, code: this.code, message: this.message };
  }
}

/** Throws an AppError; the default message is the contract's Chinese one. */
export function fail(code: ErrorCode, message?: string, details?: Record<string, unknown>): never {
  throw new AppError(code, message, details);
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
