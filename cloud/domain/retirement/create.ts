import type { Delivery, RequesterKind, RetireeRow } from '../../../types/api/retirement';
import type { ActionCtx } from '../../lib/context';
import { shanghaiDate } from '../../lib/clock';
import { isDuplicateKeyError } from '../../lib/db';
import { changedByThisRequest, marked } from '../../lib/resume';
import { fail } from '../../lib/errors';
import { maskIdNumber } from '../../lib/mask';
import { openCallbackTodo } from './callback';
import { checkPhoto } from './photo';
import {
  EMPLOYERS,
  idHashOf,
  loadRequest,
  requestIdFor,
  REQUESTS,
  type RetirementDoc,
  type RetirementSettings,
} from './model';
import { tellRequester } from './transition';

const DAY_MS = 24 * 3600 * 1000;

/** One retiree's details as parsed by the contract (a form, or one row of an employer's list). */
export type RetireeData = RetireeRow & { employer: string; employerId?: string };

export interface Requester {
  kind: RequesterKind;
  openid: string;
  relation?: string;
}

function invalid(field: string, message: string): never {
  fail('INVALID_INPUT', message, { field });
}

/** The campaign window: a date just ahead (asked before the last day) or not too long ago. */
export function checkRetirementDate(ctx: ActionCtx, settings: RetirementSettings, date: string): void {
  const now = ctx.now();
  const latest = shanghaiDate(now + settings.futureDays * DAY_MS);
  const earliest = shanghaiDate(now - settings.pastDays * DAY_MS);
  if (date > latest) invalid('retirementDate', `退休日期请不晚于${latest}（最多提前${settings.futureDays}天申请）`);
  if (date < earliest) invalid('retirementDate', `退休日期：本次活动受理${earliest}以后退休的职工`);
}

export async function resolveDelivery(
  ctx: ActionCtx,
  settings: RetirementSettings,
  data: RetireeData,
): Promise<Delivery> {
  if (data.deliveryMethod === 'post') {
    if (!data.postAddress) invalid('postAddress', '请填写邮寄地址');
    return { method: 'post', address: data.postAddress };
  }
  const stationId = data.pickupStationId;
  if (!stationId) invalid('pickupStationId', '请选择领取地点');
  if (!settings.placeIds.includes(stationId)) invalid('pickupStationId', '领取地点：请从给定地点中选择');
  const found = await ctx.db.collection('stations').where({ _id: stationId }).limit(1).get();
  const station = found.data[0];
  if (!station) invalid('pickupStationId', '领取地点：请从给定地点中选择');
  return { method: 'pickup', stationId, stationName: station.name, stationAddress: station.address };
}

/** A chosen employer must be registered; its registered name is what the certificate prints. */
export async function resolveEmployer(
  ctx: ActionCtx,
  data: RetireeData,
): Promise<{ employer: string; employerId?: string }> {
  if (!data.employerId) return { employer: data.employer };
  const found = await ctx.db.collection(EMPLOYERS).where({ _id: data.employerId }).limit(1).get();
  const employer = found.data[0];
  if (!employer || employer.active === false) invalid('employerId', '原工作单位：请从列表中选择，或直接填写单位名称');
  return { employer: employer.name, employerId: data.employerId };
}

/**
 * Inserts the request under an id derived from the identity hash: whoever asks first (the retiree,
 * a family member or the employer, even at the same instant) wins, every other insert is refused by
 * the database as a duplicate key, so one person never holds two certificates.
 */
export async function createRequest(
  ctx: ActionCtx,
  settings: RetirementSettings,
  data: RetireeData,
  requester: Requester,
): Promise<RetirementDoc> {
  if (data.callbackRequested && !data.callbackTime) invalid('callbackTime', '请选择方便接电话的时间');
  checkRetirementDate(ctx, settings, data.retirementDate);
  const delivery = await resolveDelivery(ctx, settings, data);
  const employer = await resolveEmployer(ctx, data);
  const idHash = idHashOf(ctx, data.idNumber);
  const _id = requestIdFor(idHash);
  // The caller's own upload (an employer's list: the contact who uploaded it), held by no other request.
  await checkPhoto(ctx, data.photoFileId, { requestId: _id });
  const now = ctx.now();
  const doc: RetirementDoc = marked(ctx, {
    _id,
    idHash,
    idMasked: maskIdNumber(data.idNumber),
    name: data.name,
    phone: data.phone,
    ...employer,
    position: data.position,
    yearsOfService: data.yearsOfService,
    retirementDate: data.retirementDate,
    delivery,
    ...(data.photoFileId ? { photoFileId: data.photoFileId } : {}),
    callbackRequested: !!data.callbackRequested,
    ...(data.callbackRequested ? { callbackTime: data.callbackTime } : {}),
    requester: {
      kind: requester.kind,
      openid: requester.openid,
      ...(requester.relation ? { relation: requester.relation } : {}),
    },
    status: 'submitted',
    history: [{ status: 'submitted', at: now, by: requester.openid }],
    submittedAt: now,
    updatedAt: now,
  } as RetirementDoc);
  try {
    await ctx.db.collection(REQUESTS).add({ data: doc });
  } catch (e) {
    // Inserted by this very request, which then died: carry on with what followed the insert.
    const mine = isDuplicateKeyError(e) && changedByThisRequest(ctx, await loadRequest(ctx, _id).catch(() => null));
    if (isDuplicateKeyError(e) && !mine)
      fail(
        'DUPLICATE_REQUEST',
        `${data.name}（${doc.idMasked}）已有光荣退休申请，无需重复申请。可在「我的申请」查看进度，或联系工会`,
      );
    if (!mine) throw e;
  }
  // A to-do for the district admin: the retiree prefers to be called back.
  if (doc.callbackRequested) await openCallbackTodo(ctx, doc);
  if (requester.kind === 'self' && ctx.user && !ctx.user.idHash) {
    // Links the caller's account to their own request, so it shows even if a relative submits later.
    await ctx.db
      .collection('users')
      .doc(ctx.openid)
      .update({ data: { idHash, updatedAt: now } });
  }
  await tellRequester(ctx, {
    ref: doc._id,
    to: requester.openid,
    title: '光荣退休：已提交',
    body: `${doc.name}的光荣退休申请已提交，单位工会核实后由区总工会审批。`,
    page: '/retirement/pages/mine/index',
  });
  return doc;
}
