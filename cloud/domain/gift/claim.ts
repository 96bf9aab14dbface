/**
 * Claiming a pack: one per person per campaign, never oversold, under any concurrency.
 *   1. insert the claim with the deterministic `_id` `${campaignId}:${openid}` (status 'claiming'):
 *      a second concurrent claim by the same person is refused by the duplicate key;
 *   2. take one pack with a conditional decrement (stock > 0);
 *   3. no pack: undo step 1 and answer OUT_OF_STOCK listing stations that still have stock;
 *      a pack: the claim becomes 'claimed' (the voucher).
 * A cancelled claim (or one stuck in 'claiming' after a crash) may be claimed over, again through
 * one conditional update, so two retries cannot both win it.
 */
import type { ActionCtx, UserDoc } from '../../lib/context';
import { isDuplicateKeyError } from '../../lib/db';
import { formatShanghai } from '../../lib/clock';
import { fail } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { maskPhone, phoneTail } from '../../lib/mask';
import { notify } from '../../lib/notify';
import { requireEligible } from './eligibility';
import { CLAIMS, STALE_CLAIMING_MS, claimId, voucherValidUntil, type CampaignDoc, type ClaimDoc } from './model';
import { findStock, stationMap, stationsWithStock, takeStock } from './store';

export interface ClaimOptions {
  /** Set when station staff claim for the worker on the spot. */
  onSpot?: { staff: string; at: number };
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

  const profile = person.profile!;
  const claim: ClaimDoc = {
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
  };
  const claims = ctx.db.collection(CLAIMS);
  const reused = await reserve(ctx, claim);

  if (!(await takeStock(ctx, c._id, stationId))) {
    // Give the reservation back exactly as it was, so the person can try another station.
    const _ = ctx.db.command;
    if (reused) {
      await claims
        .where({ _id: claim._id, voucherId: claim.voucherId, status: 'claiming' })
        .update({ data: { status: 'cancelled' } });
    } else {
      await claims.where({ _id: claim._id, voucherId: claim.voucherId, status: _.eq('claiming') }).remove();
    }
    const elsewhere = (await stationsWithStock(ctx, c._id)).filter((s) => s.stationId !== stationId);
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

  await claims.where({ _id: claim._id, voucherId: claim.voucherId }).update({ data: { status: 'claimed' } });
  claim.status = 'claimed';
  const station = (await stationMap(ctx)).get(stationId);
  await notify(ctx, {
    to: person._id,
    title: '礼包领取成功',
    body: opts.onSpot
      ? `${c.name}：已在${station?.name ?? '驿站'}现场领取`
      : `${c.name}：请在 ${formatShanghai(claim.validUntil)} 前到${station?.name ?? '驿站'}出示礼包券领取`,
    page: `/gifts/pages/voucher/index?id=${claim.voucherId}`,
    templateEnv: 'TPL_GIFT_CLAIMED',
  });
  return claim;
}

/** Step 1; true when an old cancelled (or stale) claim was taken over instead of inserted. */
async function reserve(ctx: ActionCtx, claim: ClaimDoc): Promise<boolean> {
  const claims = ctx.db.collection(CLAIMS);
  try {
    await claims.add({ data: claim });
    return false;
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
  }
  const _ = ctx.db.command;
  const { _id, ...fresh } = claim;
  const r = await claims
    .where(
      _.or([
        { _id, status: 'cancelled' },
        { _id, status: 'claiming', claimedAt: _.lt(claim.claimedAt - STALE_CLAIMING_MS) },
      ]),
    )
    .update({ data: { ...fresh, redeemed: _.set(null), onSpot: _.set(claim.onSpot ?? null) } });
  if (r.stats.updated === 1) return true;
  const existing = (await claims.where({ _id }).limit(1).get()).data[0] as ClaimDoc | undefined;
  fail(
    'ALREADY_CLAIMED',
    '您已领取本次礼包，每人限领一份，可在“我的礼包”查看',
    existing ? { voucherId: existing.voucherId } : undefined,
  );
}
