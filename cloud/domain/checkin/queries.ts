/**
 * Read-only actions of the 工作台: lookup (name + phone tail, within the scope), live counts and
 * the caller's recent scans. Each kind answers for its own records; a kind that does not apply to
 * this scope (WRONG_SCOPE, or not open yet) is skipped rather than failing the whole answer.
 */
import type { LookupMatch, RecentScan, ScanScope, ScopeCount } from '../../../types/api/checkin';
import type { ActionCtx } from '../../lib/context';
import { isAppError } from '../../lib/errors';
import { allScanKinds } from './kinds';
import { domainKinds, requireScanScope, scopeKey } from './places';
import { SCANS, toRecent, type ScanDoc } from './records';

const MAX_MATCHES = 20;
const RECENT_LIMIT = 20;

async function fromEachKind<T>(
  ask: (h: ReturnType<typeof allScanKinds>[number]) => Promise<T[]> | undefined,
  only: string[] | null = null,
): Promise<T[]> {
  const out: T[] = [];
  // A domain admin sees only the kinds they may redeem here (the gifts admin: vouchers).
  for (const handler of allScanKinds().filter((h) => !only || only.includes(h.kind))) {
    try {
      out.push(...((await ask(handler)) ?? []));
    } catch (e) {
      if (!isAppError(e)) throw e;
    }
  }
  return out;
}

export async function lookup(
  ctx: ActionCtx,
  input: { scope: ScanScope; name: string; phoneTail: string },
): Promise<LookupMatch[]> {
  const user = requireScanScope(ctx, input.scope);
  const query = { name: input.name, phoneTail: input.phoneTail };
  const matches = await fromEachKind((h) => h.lookup?.(ctx, input.scope, query), domainKinds(user, input.scope));
  return matches.slice(0, MAX_MATCHES);
}

export async function counts(ctx: ActionCtx, input: { scope: ScanScope }): Promise<ScopeCount[]> {
  const user = requireScanScope(ctx, input.scope);
  return fromEachKind((h) => h.counts?.(ctx, input.scope), domainKinds(user, input.scope));
}

export async function recent(ctx: ActionCtx, input: { scope: ScanScope }): Promise<RecentScan[]> {
  requireScanScope(ctx, input.scope);
  const _ = ctx.db.command;
  // Pending attempts (a call that died before its outcome) are not shown: nothing to say yet.
  const found = await ctx.db
    .collection(SCANS)
    .where({ staff: ctx.openid, scopeKey: scopeKey(input.scope), result: _.in(['success', 'used', 'refused']) })
    .orderBy('at', 'desc')
    .limit(RECENT_LIMIT)
    .get();
  return (found.data as Array<ScanDoc & { result: RecentScan['result'] }>).map(toRecent);
}
