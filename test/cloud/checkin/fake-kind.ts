/**
 * A test-local single-use kind (it stands in for 'voucher'), written the way kinds.ts tells the
 * domains to: one conditional update claims the subject, the loser reads the first stamp. The
 * checkin tests use it so they don't depend on the other domains' progress.
 */
import type { LookupMatch, ScanScope } from '../../../types/api/checkin';
import type { Database } from '../../../cloud/lib/db';
import { fail } from '../../../cloud/lib/errors';
import { maskName, maskPhone, phoneTail } from '../../../cloud/lib/mask';
import type { ScanKindHandler } from '../../../cloud/lib/scan';

export const FAKE = 'fakeTickets';

export interface FakeTicket {
  _id: string;
  holder: string;
  phone: string;
  /** The station (or contest...) the ticket belongs to: `station:station-xinchenghui`. */
  scopeKey: string;
  redeemed: null | { scanId: string; at: number; staffName: string; placeName: string };
}

export async function addTicket(db: Database, t: Omit<FakeTicket, 'redeemed'>): Promise<void> {
  await db.collection(FAKE).add({ data: { ...t, redeemed: null } });
}

const keyOf = (scope: ScanScope) => `${scope.kind}:${scope.id}`;

export const fakeVoucherKind: ScanKindHandler = {
  kind: 'voucher',
  async redeem(ctx, subjectId, scope, stamp) {
    const _ = ctx.db.command;
    const claimed = await ctx.db
      .collection(FAKE)
      .where({ _id: subjectId, scopeKey: keyOf(scope), redeemed: null })
      .update({
        data: {
          redeemed: _.set({
            scanId: stamp.scanId,
            at: stamp.at,
            staffName: stamp.staffName,
            placeName: stamp.placeName,
          }),
        },
      });
    const [doc] = (await ctx.db.collection(FAKE).where({ _id: subjectId }).limit(1).get()).data as FakeTicket[];
    if (!doc) fail('NOT_FOUND');
    if (doc.scopeKey !== keyOf(scope)) fail('WRONG_SCOPE');
    const personName = maskName(doc.holder);
    if (claimed.stats.updated === 1) return { result: 'success', kind: 'voucher', title: '礼包已核销', personName };
    if (!doc.redeemed) fail('INVALID_STATE');
    return {
      result: 'used',
      kind: 'voucher',
      title: '礼包已领取过',
      personName,
      firstAt: doc.redeemed.at,
      firstPlace: doc.redeemed.placeName,
      firstStaff: doc.redeemed.staffName,
    };
  },
  async undo(ctx, subjectId, scan) {
    const r = await ctx.db
      .collection(FAKE)
      .where({ _id: subjectId, 'redeemed.scanId': scan.scanId })
      .update({ data: { redeemed: null } });
    if (r.stats.updated !== 1) fail('INVALID_STATE');
  },
  async lookup(ctx, scope, query): Promise<LookupMatch[]> {
    const found = await ctx.db
      .collection(FAKE)
      .where({ scopeKey: keyOf(scope), holder: query.name })
      .get();
    return (found.data as FakeTicket[])
      .filter((t) => phoneTail(t.phone) === query.phoneTail)
      .map((t) => ({
        kind: 'voucher',
        subjectId: t._id,
        personName: maskName(t.holder),
        phone: maskPhone(t.phone),
        summary: t.redeemed ? '已核销' : '待核销',
      }));
  },
  async counts(ctx, scope) {
    const _ = ctx.db.command;
    const coll = ctx.db.collection(FAKE);
    const total = (await coll.where({ scopeKey: keyOf(scope) }).count()).total;
    const done = (await coll.where({ scopeKey: keyOf(scope), redeemed: _.neq(null) }).count()).total;
    return [{ label: '礼包已核销', done, total }];
  },
};
