/** Handlers for the people asking: the retiree, a family member, the employer's union. */
import { readAll } from '../../lib/paging';
import type { BatchResult, FormOptions, RetirementActions, RetirementRequestView } from '../../../types/api/retirement';
import type { ActionCtx } from '../../lib/context';
import { shanghaiDate } from '../../lib/clock';
import { AppError, fail, isAppError } from '../../lib/errors';
import { hasRole, inScope } from '../../lib/guard';
import { canRead, requireReadable } from './access';
import { openCallbackTodo } from './callback';
import { checkRetirementDate, createRequest, resolveDelivery, resolveEmployer, type RetireeData } from './create';
import { closedReason, EMPLOYERS, loadRequest, loadSettings, REQUESTS, toView, type RetirementDoc } from './model';
import { checkPhoto, discardPhoto, photoUploaderKey, photoUrlOf } from './photo';
import { transition } from './transition';
import { RETIREMENT_FLOW } from '../../../types/flows';

type In<K extends keyof RetirementActions> = RetirementActions[K]['input'];

export async function formOptions(ctx: ActionCtx): Promise<FormOptions> {
  const settings = await loadSettings(ctx);
  const _ = ctx.db.command;
  const places = settings.placeIds.length
    ? await readAll(ctx.db.collection('stations').where({ _id: _.in(settings.placeIds) }))
    : [];
  const employers = (await readAll(ctx.db.collection(EMPLOYERS).where({}))).filter((e) => e.active !== false);
  return {
    open: !closedReason(settings, ctx.now()),
    campaignTitle: settings.title,
    futureDays: settings.futureDays,
    pastDays: settings.pastDays,
    today: shanghaiDate(ctx.now()),
    places: places.map((p) => ({ id: p._id as string, name: p.name, address: p.address })),
    employers: employers.map((e) => ({ id: e._id as string, name: e.name })),
    photoUploaderKey: photoUploaderKey(ctx),
  };
}

async function openSettings(ctx: ActionCtx) {
  const settings = await loadSettings(ctx);
  const closed = closedReason(settings, ctx.now());
  if (closed) fail('NOT_OPEN', closed);
  return settings;
}

export async function submitRequest(ctx: ActionCtx, input: In<'submitRequest'>): Promise<RetirementRequestView> {
  const settings = await openSettings(ctx);
  const { consent: _consent, requesterKind, relation, ...data } = input;
  if (requesterKind === 'family' && !relation) fail('INVALID_INPUT', '请选择您与退休职工的关系', { field: 'relation' });
  if (
    requesterKind === 'employer' &&
    !(data.employerId && hasRole(ctx.user, 'enterprise') && inScope(ctx.user, 'employer', data.employerId))
  ) {
    fail('FORBIDDEN', '只有本单位工会可以以单位名义代办');
  }
  const doc = await createRequest(ctx, settings, data, {
    kind: requesterKind,
    openid: ctx.openid,
    relation: requesterKind === 'family' ? relation : undefined,
  });
  return toView(ctx, doc);
}

/** An employer union submits its list; each row stands alone (a duplicate does not sink the rest). */
export async function submitBatch(ctx: ActionCtx, input: In<'submitBatch'>): Promise<BatchResult> {
  if (!inScope(ctx.user, 'employer', input.employerId)) fail('FORBIDDEN', '只能为本单位的职工代办');
  const settings = await openSettings(ctx);
  const results: BatchResult['results'] = [];
  for (const [index, row] of input.retirees.entries()) {
    try {
      const doc = await createRequest(
        ctx,
        settings,
        { ...row, employer: '', employerId: input.employerId },
        { kind: 'employer', openid: ctx.openid },
      );
      results.push({ index, ok: true, id: doc._id });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ index, ok: false, code: e.code, message: e.message });
    }
  }
  return { done: results.filter((r) => r.ok).length, results };
}

/**
 * After a return, the submitter corrects the details (not the identity number) and sends again. The
 * state change comes first (it decides whether this resubmission happens at all), and records its
 * requestId and the photo it dropped; what follows it (the call-back to-do, deleting the dropped
 * photo) is finished by a retry of the same request if the first attempt died on the way.
 */
export async function resubmitRequest(ctx: ActionCtx, input: In<'resubmitRequest'>): Promise<RetirementRequestView> {
  const current = requireReadable(ctx, await loadRequest(ctx, input.id));
  if (current.requester.openid !== ctx.openid) fail('FORBIDDEN', '只有提交人可以重新提交');
  if (ctx.requestId && current.resubmitRequestId === ctx.requestId && current.status !== 'returned') {
    // This very resubmission went through before a crash: finish it (even if the campaign closed since),
    // the submitter's notice included (transition resumes on its own mark; moved on since: as it is).
    const doc = await transition(ctx, input.id, {
      from: ['returned'],
      to: 'submitted',
      note: '修改后重新提交',
      audited: false,
    }).catch((e: unknown) => {
      if (isAppError(e)) return current;
      throw e;
    });
    return toView(ctx, await afterResubmit(ctx, doc));
  }
  const settings = await openSettings(ctx);
  const { id, ...fields } = input;
  const data = { ...fields, idNumber: '' } as RetireeData;
  if (data.callbackRequested && !data.callbackTime)
    fail('INVALID_INPUT', '请选择方便接电话的时间', { field: 'callbackTime' });
  checkRetirementDate(ctx, settings, data.retirementDate);
  const delivery = await resolveDelivery(ctx, settings, data);
  const employer = await resolveEmployer(ctx, data);
  await checkPhoto(ctx, data.photoFileId, { requestId: id, current: current.photoFileId });
  // A photo removed or replaced on the form is deleted from storage (afterResubmit).
  const dropped = current.photoFileId !== data.photoFileId ? current.photoFileId : undefined;
  const _ = ctx.db.command;
  const patch = {
    name: data.name,
    phone: data.phone,
    employer: employer.employer,
    employerId: employer.employerId ?? _.remove(),
    position: data.position,
    yearsOfService: data.yearsOfService,
    retirementDate: data.retirementDate,
    delivery: _.set(delivery),
    photoFileId: data.photoFileId ?? _.remove(),
    callbackRequested: !!data.callbackRequested,
    callbackTime: data.callbackRequested ? data.callbackTime : _.remove(),
    returnReason: _.remove(),
    resubmitRequestId: ctx.requestId ?? _.remove(),
    droppedPhotoFileId: dropped ?? _.remove(),
  };
  const doc = await transition(ctx, id, {
    ...RETIREMENT_FLOW.resubmit,
    patch,
    note: '修改后重新提交',
    audited: false,
  });
  return toView(ctx, await afterResubmit(ctx, doc));
}

/** What follows a resubmission's state change; safe to run again (its retry does). */
async function afterResubmit(ctx: ActionCtx, doc: RetirementDoc): Promise<RetirementDoc> {
  // A call-back asked for (perhaps for the first time) gets the admin's to-do; one already there stays.
  if (doc.callbackRequested) await openCallbackTodo(ctx, doc);
  if (doc.droppedPhotoFileId && (await discardPhoto(ctx, doc.droppedPhotoFileId))) {
    // Dealt with: forget it (conditional, so a later resubmission's own dropped photo stays).
    await ctx.db
      .collection(REQUESTS)
      .where({ _id: doc._id, droppedPhotoFileId: doc.droppedPhotoFileId })
      .update({ data: { droppedPhotoFileId: ctx.db.command.remove() } });
    const { droppedPhotoFileId: _dropped, ...rest } = doc;
    return rest;
  }
  return doc;
}

export async function myRequests(ctx: ActionCtx): Promise<RetirementRequestView[]> {
  const _ = ctx.db.command;
  const mine = ctx.user?.idHash
    ? _.or([{ 'requester.openid': ctx.openid }, { idHash: ctx.user.idHash }])
    : { 'requester.openid': ctx.openid };
  const found = await readAll<RetirementDoc>(ctx.db.collection(REQUESTS).where(mine).orderBy('submittedAt', 'desc'));
  return found.filter((d) => canRead(ctx, d)).map((d) => toView(ctx, d));
}

export async function getRequest(ctx: ActionCtx, input: In<'getRequest'>): Promise<RetirementRequestView> {
  const doc = requireReadable(ctx, await loadRequest(ctx, input.id));
  const photoUrl = await photoUrlOf(ctx, doc);
  return { ...toView(ctx, doc), ...(photoUrl ? { photoUrl } : {}) };
}

/** A posted plaque arrived: the submitter (or the admin on the phone with them) confirms. */
export async function confirmReceipt(ctx: ActionCtx, input: In<'confirmReceipt'>): Promise<RetirementRequestView> {
  const doc = requireReadable(ctx, await loadRequest(ctx, input.id));
  if (doc.requester.openid !== ctx.openid && !hasRole(ctx.user, 'admin')) fail('FORBIDDEN');
  const next = await transition(ctx, doc._id, {
    ...RETIREMENT_FLOW.confirmReceipt,
    patch: { collectedAt: ctx.now() },
    audited: hasRole(ctx.user, 'admin'),
  });
  return toView(ctx, next);
}
