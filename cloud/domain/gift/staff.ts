/**
 * Station staff: live stock, and the on-the-spot claim for an eligible worker who arrives without a
 * voucher (found by scanning their member card, or by name + phone tail). It takes stock exactly
 * like an online claim, and the pack is handed over at once (the voucher is redeemed on creation).
 */
import {
  VOUCHER_STATUS_TEXT,
  type GiftActions,
  type OnSpotCandidate,
  type OnSpotClaimed,
  type OnSpotResult,
  type StationStockRow,
} from '../../../types/api/gift';
import type { ActionCtx, UserDoc } from '../../lib/context';
import { audit } from '../../lib/audit';
import { formatShanghai } from '../../lib/clock';
import { fail, isAppError } from '../../lib/errors';
import { requireScope, scopeIds } from '../../lib/guard';
import { maskName, maskPhone, phoneTail } from '../../lib/mask';
import { verifyToken } from '../../lib/token';
import { eligibility } from './eligibility';
import { claimFor } from './claim';
import {
  CLAIMS,
  claimId,
  effectiveStatus,
  toVoucher,
  type CampaignDoc,
  type ClaimDoc,
  type RedeemStamp,
} from './model';
import { countRedeemed, loadCampaign, stationMap, stockDocs, toStockRow } from './store';

type In<K extends keyof GiftActions> = GiftActions[K]['input'];

/** Admins see every station; staff only the stations they are scoped to. */
export async function stationStock(ctx: ActionCtx, input: In<'stationStock'>): Promise<StationStockRow[]> {
  await loadCampaign(ctx, input.campaignId);
  if (input.stationId) requireScope(ctx, 'station', input.stationId);
  const mine = scopeIds(ctx.user, 'station');
  const [docs, stations] = await Promise.all([stockDocs(ctx, input.campaignId), stationMap(ctx)]);
  return docs
    .filter((d) => (input.stationId ? d.stationId === input.stationId : mine === null || mine.includes(d.stationId)))
    .map((d) => toStockRow(d, stations));
}

async function userByMemberNo(ctx: ActionCtx, memberNo: string): Promise<UserDoc | null> {
  const found = await ctx.db.collection('users').where({ 'membership.memberNo': memberNo }).limit(1).get();
  return (found.data[0] as UserDoc | undefined) ?? null;
}

/** The member card's token names the member by OPENID or member number; accept either. */
async function userByMemberCode(ctx: ActionCtx, code: string): Promise<UserDoc | null> {
  const claims = verifyToken(ctx.env, code, ctx.now());
  if (claims.kind !== 'member') fail('TOKEN_INVALID', '这不是会员码，请让职工出示“我的”页面里的会员码');
  const byId = (await ctx.db.collection('users').where({ _id: claims.id }).limit(1).get()).data[0] as
    UserDoc | undefined;
  return byId ?? (await userByMemberNo(ctx, claims.id));
}

/**
 * The found workers' claims in this campaign, by OPENID: every one but a cancelled claim still
 * counts as their one pack (a claim is refused over it), so staff are told before they try.
 */
async function claimsOf(ctx: ActionCtx, c: CampaignDoc, users: UserDoc[]): Promise<Map<string, OnSpotClaimed>> {
  const out = new Map<string, OnSpotClaimed>();
  if (!users.length) return out;
  const _ = ctx.db.command;
  const found = await ctx.db
    .collection(CLAIMS)
    .where({ _id: _.in(users.map((u) => claimId(c._id, u._id))), status: _.neq('cancelled') })
    .limit(users.length)
    .get();
  const claims = found.data as ClaimDoc[];
  if (!claims.length) return out;
  const stations = await stationMap(ctx);
  const now = ctx.now();
  for (const claim of claims) {
    const status = effectiveStatus(claim, now);
    if (status === 'cancelled') continue;
    out.set(claim.openid, {
      at: claim.claimedAt,
      atText: formatShanghai(claim.claimedAt),
      stationName: stations.get(claim.stationId)?.name ?? claim.stationId,
      status,
      statusText: VOUCHER_STATUS_TEXT[status],
    });
  }
  return out;
}

export async function onSpotLookup(ctx: ActionCtx, input: In<'onSpotLookup'>): Promise<OnSpotCandidate[]> {
  requireScope(ctx, 'station', input.stationId);
  const c = await loadCampaign(ctx, input.campaignId);
  const found = await ctx.db.collection('users').where({ 'profile.name': input.name }).limit(50).get();
  const users = (found.data as UserDoc[])
    .filter((u) => phoneTail(u.profile?.phone) === input.phoneTail && !!u.membership?.memberNo)
    .slice(0, 10);
  const claimed = await claimsOf(ctx, c, users);
  return users.map((u) => ({
    memberNo: u.membership.memberNo as string,
    personName: maskName(u.profile?.name),
    phone: maskPhone(u.profile?.phone),
    ...(u.profile?.group ? { group: u.profile.group } : {}),
    eligibility: eligibility(c, u, ctx.now()),
    alreadyClaimed: claimed.get(u._id) ?? null,
  }));
}

export async function onSpotClaim(ctx: ActionCtx, input: In<'onSpotClaim'>): Promise<OnSpotResult> {
  const staff = requireScope(ctx, 'station', input.stationId);
  if (!input.memberCode && !input.memberNo)
    fail('INVALID_INPUT', '会员码：请扫描会员码或先查找职工', { field: 'memberCode' });
  const c = await loadCampaign(ctx, input.campaignId);
  const worker = input.memberCode
    ? await userByMemberCode(ctx, input.memberCode)
    : await userByMemberNo(ctx, input.memberNo as string);
  if (!worker) fail('NOT_FOUND', '没有找到这位职工，请让对方先在小程序登记会员信息');
  const now = ctx.now();
  const doc = await claimFor(ctx, c, worker, input.stationId, { onSpot: { staff: ctx.openid, at: now } }).catch(
    (e: unknown) => {
      // Their one pack is taken: said as to a worker, minus the voucher id (not the staff's to know).
      if (isAppError(e) && e.code === 'ALREADY_CLAIMED') fail('ALREADY_CLAIMED', e.message);
      throw e;
    },
  );

  const stations = await stationMap(ctx);
  const placeName = stations.get(input.stationId)?.name ?? input.stationId;
  const stamp: RedeemStamp = {
    scanId: `onspot-${doc.voucherId}`,
    at: now,
    staff: ctx.openid,
    staffName: staff.profile?.name ?? '工作人员',
    placeName,
    stationId: input.stationId,
    ledger: true,
  };
  const _ = ctx.db.command;
  // The worker is standing here: hand the pack over now (same single-use stamp as a scan).
  const r = await ctx.db
    .collection(CLAIMS)
    .where({ _id: doc._id, voucherId: doc.voucherId, status: 'claimed', redeemed: null })
    .update({ data: { status: 'redeemed', redeemed: _.set(stamp) } });
  // A retry of this request finds its own stamp: it completes the count (at most once, the ledger).
  const handed = r.stats.updated === 1 ? stamp : doc.redeemed;
  if (handed?.scanId !== stamp.scanId) fail('ALREADY_REDEEMED', '这张礼包券已核销，礼包已领取');
  await countRedeemed(ctx, c._id, doc.stationId, doc.voucherId, 1);
  await audit(ctx, {
    event: 'gift.onSpotClaim',
    target: { kind: 'giftVoucher', id: doc.voucherId },
    detail: { campaignId: c._id, stationId: input.stationId, memberNo: doc.memberNo },
  });
  const view = toVoucher({ ...doc, status: 'redeemed', redeemed: handed }, c, stations.get(doc.stationId), now);
  return { voucher: view, personName: maskName(worker.profile?.name) };
}
