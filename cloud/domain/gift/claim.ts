/**
 * Claiming a pack: one per person per campaign, never oversold, under any concurrency, and safe to
 * run again after a crash between any two writes (a retry, or the idempotency layer re-running it).
 *   1. reserve: insert the claim with the deterministic `_id` `${campaignId}:${openid}` (status
 *      'claiming'): a second concurrent claim by the same person is refused by the duplicate key.
 *      A claim left 'claiming' by a dead call is resumed, not replaced: by a retry of the same
 *      request at once, by any later request after STALE_CLAIMING_MS;
 *   2. take one pack for this voucher: one conditional update (stock > 0, and no ledger entry for
 *      the voucher yet), so a resumed claim that already holds its pack never takes a second one;
 *   3. no pack: give the reservation back and answer OUT_OF_STOCK listing stations with stock;
 *      a pack: the claim becomes 'claimed' (the voucher); then the notification, best effort.
 * Another claim of the same person in flight is waited for, not answered 您已领取 (see reserve).
 * A cancelled claim may be claimed over (new voucher id), again through one conditional update; a
 * pack return the cancel still owes (it died in between) is settled first, and the takeover clears
 * the cancel's fields, so nothing later settles that return against the new voucher.
 */
import type { ActionCtx, UserDoc } from '../../lib/context';
import { isDuplicateKeyError } from '../../lib/db';
import { formatShanghai } from '../../lib/clock';
import { fail } from '../../lib/errors';
import { requireStationOpen } from '../admin/stations';
import { newId } from '../../lib/ids';
import { maskPhone, phoneTail } from '../../lib/mask';
import { notify } from '../../lib/notify';
import { requireEligible } from './eligibility';
import { CLAIMS, STALE_CLAIMING_MS, claimId, voucherValidUntil, type CampaignDoc, type ClaimDoc } from './model';
import { findStock, returnStock, settleReturn, stationMap, stationsWithStock, takeStock } from './store';

export interface ClaimOptions {
  /** Set when station staff claim for the worker on the spot. */
  onSpot?: { staff: string; at: number };
}

/** What reserve() hands on: the claim to carry on with, and whether this call inserted it. */
interface Reserved {
  doc: ClaimDoc;
  inserted: boolean;
}

export async function claimFor(
  ctx: ActionCtx,
  c: CampaignDoc,
  worker: UserDoc | null,
  stationId: string,
  opts: ClaimOptions = {},
): Promise<ClaimDoc> {
  const now = ctx.now();
  const person = requireEligible(c, worker, now);
  if (!(await findStock(ctx, c._id, stationId))) fail('NOT_FOUND', '该驿站不在本次发放站点中，请选择列表中的驿站');
  requireStationOpen((await stationMap(ctx)).get(stationId), now);

  const profile = person.profile!;
  const fresh: ClaimDoc = {
    _id: claimId(c._id, person._id),
    voucherId: newId(10),
    campaignId: c._id,
    openid: person._id,
    stationId,
    status: 'claiming',
    claimedAt: now,
    validUntil: voucherValidUntil(c, now),
    holderName: profile.name,
    holderPhoneTail: phoneTail(profile.phone),
    holderPhoneMasked: maskPhone(profile.phone),
    memberNo: person.membership.memberNo ?? '',
    redeemed: null,
    onSpot: opts.onSpot ?? null,
    requestId: ctx.requestId ?? null,
  };
  const { doc: claim, inserted } = await reserve(ctx, fresh);
  // The retry of this very request (a crash may have cut its notice: notify is once per request).
  const sameRequest = !!ctx.requestId && claim.requestId === ctx.requestId;
  // A retry of a request whose claim already went through: the same voucher again.
  if (claim.status !== 'claiming') {
    if (sameRequest) await tellWorker(ctx, c, claim);
    return claim;
  }

  const took = await takeStock(ctx, c._id, claim.stationId, claim.voucherId, claim.voucherId === fresh.voucherId);
  if (took === 'out') {
    await giveBack(ctx, claim, inserted);
    const elsewhere = (await stationsWithStock(ctx, c._id)).filter((s) => s.stationId !== claim.stationId);
    const hint = elsewhere.length
      ? `，还可以到${elsewhere
          .slice(0, 3)
          .map((s) => `${s.name}（剩${s.left}份）`)
          .join('、')}领取`
      : '，本次礼包已全部领完';
    fail('OUT_OF_STOCK', `本站已领完${hint}`, {
      stations: elsewhere.map((s) => ({ stationId: s.stationId, name: s.name, left: s.left })),
    });
  }

  const { doc, won } = await finish(ctx, claim);
  if (won || sameRequest) await tellWorker(ctx, c, doc);
  return doc;
}

/**
 * Waits for another claim of the same person still in flight, in ms (about 1.3 s in all, inside a
 * cloud function's 3 s; a claim takes a few database operations to end either way).
 */
const IN_FLIGHT_WAITS_MS = [5, 10, 20, 40, 80, 160, 200, 200, 200, 200, 200];

/**
 * Step 1: a fresh insert, a cancelled claim taken over, or a dead call's claim to resume. Another
 * claim of this person's still in flight (a double tap, maybe at another station) decides this one:
 * it ends with a voucher (then 您已领取 is true) or gives its reservation back, having found no
 * pack (then this call claims in its place). So this call waits for it rather than answering
 * 您已领取 for a voucher that may never exist.
 */
async function reserve(ctx: ActionCtx, claim: ClaimDoc): Promise<Reserved> {
  const claims = ctx.db.collection(CLAIMS);
  const _ = ctx.db.command;
  const { _id, ...fields } = claim;
  // Rounds: the doc we collided with may vanish (an out-of-stock give-back) or change under us.
  for (let round = 0; round <= IN_FLIGHT_WAITS_MS.length; round++) {
    try {
      await claims.add({ data: claim });
      return { doc: claim, inserted: true };
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
    }
    const existing = (await claims.where({ _id }).limit(1).get()).data[0] as ClaimDoc | undefined;
    if (!existing) continue;
    const sameRequest = !!ctx.requestId && existing.requestId === ctx.requestId;
    if (existing.status === 'cancelled') {
      // A cancel that died before its pack went back: settle that return first (once: the ledger),
      // so the owed return is not left on the doc to be settled later against the new voucher.
      if (existing.stockBack === false) await settleReturn(ctx, existing);
      const r = await claims.where({ _id, voucherId: existing.voucherId, status: 'cancelled' }).update({
        data: {
          ...fields,
          redeemed: _.set(null),
          onSpot: _.set(claim.onSpot ?? null),
          stockBack: _.remove(),
          cancelRequestId: _.remove(),
          cancelledAt: _.remove(),
        },
      });
      if (r.stats.updated === 1) return { doc: claim, inserted: false };
      continue;
    }
    if (existing.status === 'claiming' && (sameRequest || existing.claimedAt < claim.claimedAt - STALE_CLAIMING_MS)) {
      return { doc: existing, inserted: false };
    }
    if (sameRequest && (existing.status === 'claimed' || existing.status === 'redeemed')) {
      return { doc: existing, inserted: false };
    }
    if (existing.status === 'claiming') {
      // Another request's claim in flight: wait for its outcome, then look again.
      if (round < IN_FLIGHT_WAITS_MS.length)
        await new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_WAITS_MS[round]));
      continue;
    }
    fail('ALREADY_CLAIMED', '您已领取本次礼包，每人限领一份，可在“我的礼包”查看', { voucherId: existing.voucherId });
  }
  // Still in flight after the waits: a call that died mid-way (resumed by its retry, or by any
  // request after STALE_CLAIMING_MS) holds the person's one claim; said as it is, not as a voucher.
  fail('ALREADY_CLAIMED', '您的领取正在处理中，请稍后在“我的礼包”查看');
}

/** No pack: the reservation goes, so the person can try another station. */
async function giveBack(ctx: ActionCtx, claim: ClaimDoc, inserted: boolean): Promise<void> {
  const claims = ctx.db.collection(CLAIMS).where({ _id: claim._id, voucherId: claim.voucherId, status: 'claiming' });
  if (inserted) await claims.remove();
  else await claims.update({ data: { status: 'cancelled', cancelledAt: ctx.now() } });
}

/** Step 3: 'claiming' → 'claimed' (won: by this call); already done by an earlier attempt is fine too. */
async function finish(ctx: ActionCtx, claim: ClaimDoc): Promise<{ doc: ClaimDoc; won: boolean }> {
  const claims = ctx.db.collection(CLAIMS);
  const r = await claims
    .where({ _id: claim._id, voucherId: claim.voucherId, status: 'claiming' })
    .update({ data: { status: 'claimed' } });
  if (r.stats.updated === 1) return { doc: { ...claim, status: 'claimed' }, won: true };
  const now = (await claims.where({ _id: claim._id }).limit(1).get()).data[0] as ClaimDoc | undefined;
  if (now?.voucherId === claim.voucherId && (now.status === 'claimed' || now.status === 'redeemed'))
    return { doc: now, won: false };
  // Another attempt gave this reservation up while we took the pack: the pack goes back.
  await returnStock(ctx, claim.campaignId, claim.stationId, claim.voucherId, true);
  fail('INVALID_STATE', '领取没有完成，请重新点击领取');
}

/** Best effort: the voucher exists whether or not the message could be written. */
async function tellWorker(ctx: ActionCtx, c: CampaignDoc, claim: ClaimDoc): Promise<void> {
  try {
    const station = (await stationMap(ctx)).get(claim.stationId);
    await notify(ctx, {
      to: claim.openid,
      title: '礼包领取成功',
      body: claim.onSpot
        ? `${c.name}：已在${station?.name ?? '驿站'}现场领取`
        : `${c.name}：请在 ${formatShanghai(claim.validUntil)} 前到${station?.name ?? '驿站'}出示礼包券领取`,
      page: `/gifts/pages/voucher/index?id=${claim.voucherId}`,
      // In-app only: the worker is looking at the voucher; the subscription asked for at the claim is for its expiry.
    });
  } catch (e) {
    console.error('[gift] claim notification not recorded', claim.voucherId, e);
  }
}
