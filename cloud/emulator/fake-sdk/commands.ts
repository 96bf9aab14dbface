/**
 * `db.command` (`_`) and `db.serverDate()`: inert marker objects that translate.ts turns into nedb
 * queries and modifiers, mirroring how @cloudbase/database encodes them for the real server.
 */
import type { Command } from '../../lib/db';

export type QueryOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'exists';
export type LogicOp = 'and' | 'or';
export type UpdateOp = 'inc' | 'set' | 'remove' | 'push' | 'pull' | 'addToSet';

/** Both kinds of query command chain like the real ones: `_.gt(1).and(_.lt(5))`. */
abstract class Chainable {
  and(...conds: any[]): LogicCommand {
    return new LogicCommand('and', [this, ...flattenArgs(conds)]);
  }
  or(...conds: any[]): LogicCommand {
    return new LogicCommand('or', [this, ...flattenArgs(conds)]);
  }
}

export class QueryCommand extends Chainable {
  constructor(
    readonly op: QueryOp,
    readonly operand: any,
  ) {
    super();
  }
}

/** Field-level (`{ f: _.gt(1).and(_.lt(5)) }`) or top-level (`where(_.or([{..}, {..}]))`). */
export class LogicCommand extends Chainable {
  constructor(
    readonly op: LogicOp,
    readonly operands: any[],
  ) {
    super();
  }
}

export class UpdateCommand {
  constructor(
    readonly op: UpdateOp,
    readonly operand: any,
  ) {}
}

/** Resolved to epoch milliseconds (+ offset) at the moment the write is applied. */
export class ServerDate {
  constructor(readonly offset: number = 0) {}
}

/** `_.and(a, b)` and `_.and([a, b])` are the same, as in the real SDK. */
function flattenArgs(args: any[]): any[] {
  return args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
}

export const command: Command = {
  eq: (v) => new QueryCommand('eq', v),
  neq: (v) => new QueryCommand('neq', v),
  gt: (v) => new QueryCommand('gt', v),
  gte: (v) => new QueryCommand('gte', v),
  lt: (v) => new QueryCommand('lt', v),
  lte: (v) => new QueryCommand('lte', v),
  in: (v) => new QueryCommand('in', v),
  nin: (v) => new QueryCommand('nin', v),
  exists: (v) => new QueryCommand('exists', v),
  and: (...conds) => new LogicCommand('and', flattenArgs(conds)),
  or: (...conds) => new LogicCommand('or', flattenArgs(conds)),
  inc: (n) => new UpdateCommand('inc', n),
  set: (v) => new UpdateCommand('set', v),
  remove: () => new UpdateCommand('remove', undefined),
  // Real SDK: push(v) / push(v1, v2) / push([v1, v2]) append each value; push({ each, slice }) too.
  push: (...args: any[]) => new UpdateCommand('push', args.length === 1 ? args[0] : args),
  pull: (v) => new UpdateCommand('pull', v),
  addToSet: (v) => new UpdateCommand('addToSet', v),
};

export function serverDate(options?: { offset?: number }): ServerDate {
  return new ServerDate(options?.offset ?? 0);
}

export function isMarker(v: unknown): boolean {
  return (
    v instanceof QueryCommand || v instanceof LogicCommand || v instanceof UpdateCommand || v instanceof ServerDate
  );
}
