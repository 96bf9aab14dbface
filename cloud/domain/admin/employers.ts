/**
 * Employers (collection `employers`): the list 转会, enterprise course orders and 光荣退休
 * verification use. The members admin (or the super admin) adds, renames, merges duplicates and
 * retires them; its verifying contact is whoever accepted an enterprise invitation for it.
 */
import type { AdminActions, EmployerView, MergeResult } from '../../../types/api/admin';
import { auditOnce } from '../../lib/audit';
import type { ActionCtx, Ctx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { idForRequest } from '../../lib/ids';
import { isDuplicateKeyError } from '../../lib/db';
import { requireAdminOf } from '../../lib/guard';
import { maskPhone } from '../../lib/mask';
import { changedByThisRequest, marked } from '../../lib/resume';
import { EMPLOYERS, GRANTS, type EmployerDoc, type GrantDoc } from './model';

type In<K extends keyof AdminActions> = AdminActions[K]['input'];

async function verifiersOf(ctx: Ctx, employerId: string): Promise<EmployerView['verifiers']> {
  const grants = (
    await ctx.db.collection(GRANTS).where({ kind: 'enterprise', active: true, 'scope.id': employerId }).limit(100).get()
  ).data as GrantDoc[];
  const out: EmployerView['verifiers'] = [];
  for (const g of grants) {
    const u = (await ctx.db.collection('users').where({ _id: g.openid }).limit(1).get()).data[0];
    out.push({ grantId: g._id, name: (u?.profile?.name as string) || '未填写姓名' });
  }
  return out;
}

async function view(ctx: Ctx, e: EmployerDoc): Promise<EmployerView> {
  return {
    id: e._id,
    name: e.name,
    ...(e.contactName ? { contactName: e.contactName } : {}),
    ...(e.contactPhone ? { contactPhone: maskPhone(e.contactPhone) } : {}),
    active: e.active !== false,
    verifiers: await verifiersOf(ctx, e._id),
  };
}

async function load(ctx: Ctx, id: string, field = 'employerId'): Promise<EmployerDoc> {
  const e = (await ctx.db.collection(EMPLOYERS).where({ _id: id }).limit(1).get()).data[0] as EmployerDoc | undefined;
  if (!e) fail('NOT_FOUND', '没有找到这个单位', { field });
  return e;
}

export async function listEmployers(ctx: ActionCtx): Promise<EmployerView[]> {
  requireAdminOf(ctx, 'members', 'retirement', 'academy');
  const all = (await ctx.db.collection(EMPLOYERS).limit(1000).get()).data as EmployerDoc[];
  all.sort((a, b) => Number(b.active !== false) - Number(a.active !== false) || a.name.localeCompare(b.name, 'zh'));
  return Promise.all(all.map((e) => view(ctx, e)));
}

export async function saveEmployer(ctx: ActionCtx, input: In<'saveEmployer'>): Promise<EmployerView> {
  requireAdminOf(ctx, 'members');
  const existing = input.employerId ? await load(ctx, input.employerId) : null;
  const name = input.name.replace(/\s+/g, '');
  const newId = `emp-${idForRequest(ctx, 5)}`;
  const same = (await ctx.db.collection(EMPLOYERS).where({ name }).limit(2).get()).data;
  if (same.some((d) => d._id !== (input.employerId ?? newId)))
    fail('INVALID_INPUT', '单位名称：已有同名单位，如为重复请使用“合并”', { field: 'name' });
  const now = ctx.now();
  const data: Omit<EmployerDoc, '_id'> = {
    name,
    ...(input.contactName ? { contactName: input.contactName } : {}),
    ...(input.contactPhone ? { contactPhone: input.contactPhone } : {}),
    updatedAt: now,
  };
  const audited = (id: string) =>
    auditOnce(ctx, {
      event: existing ? 'admin.updateEmployer' : 'admin.createEmployer',
      target: { kind: 'employer', id },
      detail: { name, ...(existing && existing.name !== name ? { from: existing.name } : {}) },
    });
  let doc: EmployerDoc;
  if (existing) {
    // A rename carries to the records that name the employer by its words, and is audited, before
    // the employer itself changes: a retry after a crash half-way still finds the old name, finishes
    // the rename and writes the entry (with the name it had) that the crash may have lost.
    if (existing.name !== name) await renameReferences(ctx, existing.name, name, existing._id, existing._id);
    await audited(existing._id);
    await ctx.db.collection(EMPLOYERS).doc(existing._id).update({ data });
    doc = { ...existing, ...data };
  } else {
    doc = { _id: newId, ...data, active: true };
    try {
      await ctx.db.collection(EMPLOYERS).add({ data: doc });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      doc = await load(ctx, newId);
    }
    await audited(doc._id);
  }
  return view(ctx, doc);
}

/**
 * Points every record at the kept employer: by id (retirement requests, orders, sessions, grants
 * and users' enterprise scopes) and by name (profiles, memberships, registrations). Registrations
 * keep their per-employer counter key: places already taken stay counted where they were taken.
 */
async function renameReferences(
  ctx: Ctx,
  fromName: string,
  toName: string,
  fromId: string,
  toId: string,
): Promise<MergeResult['moved']> {
  const db = ctx.db;
  const _ = db.command;
  const moved = { users: 0, registrations: 0, orders: 0, retirementRequests: 0, grants: 0 };
  const users = db.collection('users');
  moved.users += (
    await users.where({ 'profile.employer': fromName }).update({ data: { 'profile.employer': toName } })
  ).stats.updated;
  await users.where({ 'membership.employer': fromName }).update({ data: { 'membership.employer': toName } });
  moved.registrations += (
    await db
      .collection('contestRegistrations')
      .where({ employer: fromName })
      .update({ data: { employer: toName } })
  ).stats.updated;
  // By id, then by name (records from before the employer list, or typed by hand).
  const both = async (collection: string, idField: string, nameField: string): Promise<number> => {
    const data = { [idField]: toId, [nameField]: toName };
    const byId =
      fromId === toId
        ? 0
        : (
            await db
              .collection(collection)
              .where({ [idField]: fromId })
              .update({ data })
          ).stats.updated;
    const byName = (
      await db
        .collection(collection)
        .where({ [nameField]: fromName })
        .update({ data })
    ).stats.updated;
    return byId + byName;
  };
  moved.retirementRequests += await both('retirementRequests', 'employerId', 'employer');
  moved.orders += await both('courseOrders', 'employerId', 'employerName');
  await both('sessions', 'employerId', 'employerName');
  if (fromId !== toId) {
    moved.grants += (
      await db
        .collection(GRANTS)
        .where({ 'scope.kind': 'employer', 'scope.id': fromId })
        .update({ data: { scope: { kind: 'employer', id: toId }, scopeName: toName } })
    ).stats.updated;
    await db
      .collection('invitations')
      .where({ 'scope.kind': 'employer', 'scope.id': fromId })
      .update({ data: { scope: { kind: 'employer', id: toId }, scopeName: toName } });
    const holders = (await users.where({ 'scopes.id': fromId }).limit(1000).get()).data.filter((u) =>
      (u.scopes as Array<{ kind: string; id: string }>).some((sc) => sc.kind === 'employer' && sc.id === fromId),
    );
    for (const u of holders) {
      await users.doc(u._id as string).update({ data: { scopes: _.addToSet({ kind: 'employer', id: toId }) } });
      await users.doc(u._id as string).update({ data: { scopes: _.pull({ kind: 'employer', id: fromId }) } });
      moved.users += 1;
    }
  }
  return moved;
}

/**
 * What renameReferences will move for a merge (`fromId` ≠ `toId`), counted before it moves anything,
 * with the same queries: a retry after a crash half-way moves only what is left, and must still
 * answer and audit what the whole merge moved.
 */
async function countReferences(ctx: Ctx, fromName: string, fromId: string): Promise<MergeResult['moved']> {
  const db = ctx.db;
  const _ = db.command;
  const count = async (collection: string, where: Record<string, unknown>) =>
    (await db.collection(collection).where(where).count()).total;
  // By id, then by name those not matched by id (the id update renames them too).
  const both = async (collection: string, idField: string, nameField: string) =>
    (await count(collection, { [idField]: fromId })) +
    (await count(collection, { [nameField]: fromName, [idField]: _.neq(fromId) }));
  const holders = (await db.collection('users').where({ 'scopes.id': fromId }).limit(1000).get()).data.filter((u) =>
    (u.scopes as Array<{ kind: string; id: string }>).some((sc) => sc.kind === 'employer' && sc.id === fromId),
  ).length;
  return {
    users: (await count('users', { 'profile.employer': fromName })) + holders,
    registrations: await count('contestRegistrations', { employer: fromName }),
    orders: await both('courseOrders', 'employerId', 'employerName'),
    retirementRequests: await both('retirementRequests', 'employerId', 'employer'),
    grants: await count(GRANTS, { 'scope.kind': 'employer', 'scope.id': fromId }),
  };
}

export async function mergeEmployers(ctx: ActionCtx, input: In<'mergeEmployers'>): Promise<MergeResult> {
  requireAdminOf(ctx, 'members');
  if (input.keepId === input.dropId) fail('INVALID_INPUT', '合并：请选择两个不同的单位', { field: 'dropId' });
  const keep = await load(ctx, input.keepId, 'keepId');
  // The kept employer records the merge (what it will move), marked by this request, before anything
  // moves: a retry after a crash finds its own record, moves what is left, and answers and audits the
  // whole merge; also once the other employer is gone.
  let merge = changedByThisRequest(ctx, keep) && keep.merged?.dropId === input.dropId ? keep.merged : null;
  if (!merge) {
    const drop = await load(ctx, input.dropId, 'dropId');
    merge = { dropId: drop._id, dropName: drop.name, moved: await countReferences(ctx, drop.name, drop._id) };
    await ctx.db
      .collection(EMPLOYERS)
      .doc(keep._id)
      .update({ data: marked(ctx, { merged: merge }) });
  }
  const drop = { _id: merge.dropId, name: merge.dropName };
  const moved = merge.moved;
  if ((await ctx.db.collection(EMPLOYERS).where({ _id: drop._id }).count()).total) {
    await renameReferences(ctx, drop.name, keep.name, drop._id, keep._id);
    await ctx.db.collection(EMPLOYERS).doc(drop._id).remove();
  }
  await auditOnce(ctx, {
    event: 'admin.mergeEmployers',
    target: { kind: 'employer', id: keep._id },
    detail: { dropped: drop._id, droppedName: drop.name, moved },
  });
  return { kept: await view(ctx, keep), moved };
}

export async function setEmployerActive(ctx: ActionCtx, input: In<'setEmployerActive'>): Promise<EmployerView> {
  requireAdminOf(ctx, 'members');
  const e = await load(ctx, input.employerId);
  // Changed by this very request before a crash: finish with the audit entry and the answer.
  const resumed = (e.active !== false) === input.active && changedByThisRequest(ctx, e);
  if (!resumed) {
    if ((e.active !== false) === input.active) fail('INVALID_STATE', input.active ? '该单位已在使用' : '该单位已停用');
    await ctx.db
      .collection(EMPLOYERS)
      .doc(e._id)
      .update({ data: marked(ctx, { active: input.active, updatedAt: ctx.now() }) });
  }
  await auditOnce(ctx, {
    event: input.active ? 'admin.restoreEmployer' : 'admin.retireEmployer',
    target: { kind: 'employer', id: e._id },
  });
  return view(ctx, { ...e, active: input.active });
}
