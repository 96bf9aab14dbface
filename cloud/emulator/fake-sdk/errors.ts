/**
 * Errors shaped like the ones wx-server-sdk rejects with (`errCode` + `errMsg` + message), so that
 * `isDuplicateKeyError` / `isNotFoundError` in cloud/lib/db.ts work the same against the fake.
 */
export class CloudSDKError extends Error {
  readonly errCode: number;
  readonly errMsg: string;
  constructor(errCode: number, errMsg: string) {
    super(`errCode: ${errCode} | errMsg: ${errMsg}`);
    this.name = 'CloudSDKError';
    this.errCode = errCode;
    this.errMsg = errMsg;
  }
}

export const ERR_DUPLICATE_KEY = -502001;
export const ERR_NOT_FOUND = -502005;
export const ERR_INVALID_PARAM = -501007;
export const ERR_INJECTED_FAULT = -501001;

export function invalidParam(api: string, detail: string): CloudSDKError {
  return new CloudSDKError(ERR_INVALID_PARAM, `${api}:fail invalid parameters. ${detail}`);
}
