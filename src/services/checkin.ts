import type { CheckinActions, ScanScope } from '@contract/api/checkin';
import { client } from './call';

const checkin = client<CheckinActions>('checkin');

/** Only kind + id go to the server (the inputs are strict; a MyScope also carries its name). */
const bare = (scope: ScanScope): ScanScope => ({ kind: scope.kind, id: scope.id });

/** The staff scanner (工作台): scan, manual lookup, undo, counts, recent scans. */
export const checkinService = {
  myScopes: () => checkin.query('myScopes', {} as Record<string, never>),
  scan: (code: string, scope: ScanScope, requestId?: string) =>
    checkin.mutate('scan', { code, scope: bare(scope) }, requestId),
  redeemManual: (input: CheckinActions['redeemManual']['input'], requestId?: string) =>
    checkin.mutate('redeemManual', { ...input, scope: bare(input.scope) }, requestId),
  undo: (scanId: string, reason: string, requestId?: string) => checkin.mutate('undo', { scanId, reason }, requestId),
  lookup: (input: CheckinActions['lookup']['input']) => checkin.query('lookup', { ...input, scope: bare(input.scope) }),
  counts: (scope: ScanScope) => checkin.query('counts', { scope: bare(scope) }),
  recent: (scope: ScanScope) => checkin.query('recent', { scope: bare(scope) }),
};
