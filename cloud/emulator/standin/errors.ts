/**
 * Failures the stand-in answers, in CloudBase's shape: HTTP 200 with `{ code, message, requestId }`.
 * The codes and message texts are CloudBase's where known (see /work notes and test/cloud/standin):
 * wx-server-sdk turns `code` into `errCode` (unknown codes → -501001) and keeps `message` in errMsg.
 */
export class StandInError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status for failures the gateway answers itself (too large); 200 otherwise. */
    readonly status = 200,
  ) {
    super(message);
    this.name = 'StandInError';
  }
}

const PLEASE = 'Please check your request, but if the problem persists, contact us.';

/** A write that collides with another transaction (the text of CloudBase's own test suite). */
export const transactionConflict = () =>
  new StandInError(
    'DATABASE_TRANSACTION_CONFLICT',
    `[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. ${PLEASE}`,
  );

/** A transaction that was committed, aborted (a conflict aborts it) or timed out (30 s). */
export const transactionGone = () =>
  new StandInError(
    'DATABASE_TRANSACTION_FAIL',
    `[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. ${PLEASE}`,
  );

/** ASSUMED text: CloudBase's code for a duplicate index key, with MongoDB's E11000 message inside. */
export const duplicateKey = (coll: string, id: string) =>
  new StandInError(
    'DATABASE_DUPLICATE_WRITE',
    `[FailedOperation.DuplicateWrite] E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  );

export const invalidParam = (detail: string) => new StandInError('INVALID_PARAM', `[InvalidParameter] ${detail}`);

export const requestFailed = (detail: string) =>
  new StandInError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${detail}`);
