/**
 * The expiry sweep (admin button, or a timer trigger through `runExpirySweep`): vouchers past their
 * validity become 已过期 and their pack goes back to the station; holders whose voucher expires
 * within 24 hours are reminded once.
 *
 * Safe to run twice and concurrently: each voucher's status change is one conditional update
 * (status 'claimed' → 'expired'), only the run that wins it owes the stock, and the return itself is
 * keyed by voucher in the stock ledger, so settling a return owed after a crash happens once.
 */
import type { SweepResult } from '../../../types/api/gift';
import type { Ctx } from '../../lib/context';
import { formatShanghai } from '../../lib/clock';
import { notify } from '../../lib/notify';
import type { ActionCtx } from '../../lib/context';
import { MARK_FIELD, marked, requestMark } from '../../lib/resume';
import { CLAIMS, DAY_MS, type ClaimDoc } from './model';
import { settleReturn, stationMap } from './store';

const BATCH = 200;
/** Bounds one run (200 × 50 = 10,000 vouchers); the next run picks up the rest. */
const MAX_BATCHES = 50;

export async function runExpirySweep(ctx: Ctx): Promise<SweepResult> {
  const now = ctx.now();
  const _ = ctx.db.command;
  const claims = ctx.db.collection(CLAIMS);
  // An admin's run carries a requestId: its changes are marked, so a retry after a crash reports
  // what the request did in all, not only what its second attempt found left to do.
  const actx = ctx as ActionCtx;
  const mark = requestMark(actx);
  let expired = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const due = (
      await claims
        .where({ status: 'claimed', validUntil: _.lt(now) })
        .limit(BATCH)
        .get()
    ).data as ClaimDoc[];
    if (!due.length) break;
    for (const doc of due) {
      const r = await claims
        .where({ _id: doc._id, voucherId: doc.voucherId, status: 'claimed' })
        .update({ data: marked(actx, { status: 'expired', expiredAt: now, stockBack: false }) });
      if (r.stats.updated !== 1) continue; // another run (or a redeem, or a cancel) got there first
      await settleReturn(ctx, doc);
      expired += 1;
    }
  }

  // Returns owed by a cancel or an expiry that died between its two writes (once each: the ledger).
  // Only dead vouchers: a live one never owes a return (a claim over a cancel settles it first).
  const owed = (
    await claims
      .where({ stockBack: false, status: _.in(['cancelled', 'expired']) })
      .limit(BATCH)
      .get()
  ).data as ClaimDoc[];
  for (const doc of owed) await settleReturn(ctx, doc);

  // Every voucher due, in pages: each one reminded leaves the query (remindedAt set), so the next page is
  // the next 1,000 (a page with none newly claimed means another sweep has them: stop).
  let reminded = 0;
  const stations = await stationMap(ctx);
  for (;;) {
    const soon = (
      await claims
        .where({ status: 'claimed', validUntil: _.gte(now).and(_.lte(now + DAY_MS)), remindedAt: _.exists(false) })
        .limit(1000)
        .get()
    ).data as ClaimDoc[];
    let claimedHere = 0;
    for (const doc of soon) {
      const r = await claims
        .where({ _id: doc._id, remindedAt: _.exists(false) })
        .update({ data: marked(actx, { remindedAt: now }) });
      if (r.stats.updated !== 1) continue;
      claimedHere += 1;
      const place = stations.get(doc.stationId)?.name ?? '驿站';
      await notify(ctx, {
        to: doc.openid,
        title: '礼包券即将过期',
        body: `您的礼包券将于 ${formatShanghai(doc.validUntil)} 过期，请尽快到${place}领取`,
        page: `/gifts/pages/voucher/index?id=${doc.voucherId}`,
        template: 'giftExpiring',
        values: { subject: '春节礼包待领取', time: doc.validUntil, place, number: doc.voucherId },
      });
      reminded += 1;
    }
    if (soon.length < 1000 || claimedHere === 0) break;
  }
  if (!mark) return { expired, reminded };
  const count = async (where: Record<string, unknown>) =>
    (await claims.where({ ...where, [MARK_FIELD]: mark }).count()).total;
  return {
    expired: await count({ status: 'expired', expiredAt: now }),
    reminded: await count({ remindedAt: now }),
  };
}
