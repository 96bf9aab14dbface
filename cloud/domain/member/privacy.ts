/**
 * 查看我的数据 / 申请删除: everything the app holds about the caller, and its deletion within what
 * the rules allow. Only the caller's own records are read (by OPENID from the call context).
 */
import type { DeleteMyDataResult, DeletedPart, KeptPart, MyDataExport, MyDataSection } from '../../../types/api/member';
import { storedRoles, type ActionCtx } from '../../lib/context';
import { deleteFiles, fileHeldElsewhere } from '../../lib/files';
import { newId } from '../../lib/ids';
import { PRIVACY_SOURCES, type PrivacySource } from './privacy-sources';

const PAGE = 100;
/** Roles the union grants (not the person's own data): kept so a staff account keeps working. */
const GRANTED_ROLES = [
  'staff',
  'teacher',
  'enterprise',
  'admin',
  'admin:contests',
  'admin:academy',
  'admin:retirement',
  'admin:gifts',
  'admin:members',
];

/** All of the caller's records in one source; a collection that does not exist yet reads as empty. */
async function ownRecords(ctx: ActionCtx, source: PrivacySource): Promise<Array<Record<string, any>>> {
  const out: Array<Record<string, any>> = [];
  try {
    for (let skip = 0; ; skip += PAGE) {
      const page = await ctx.db
        .collection(source.collection)
        .where(source.owner(ctx.openid))
        .skip(skip)
        .limit(PAGE)
        .get();
      out.push(...page.data);
      if (page.data.length < PAGE) return out;
    }
  } catch (e) {
    // The real database rejects queries on a collection never created (-502005): nothing is held there.
    if (/not exist|-502005/i.test(String((e as Error)?.message ?? e))) return out;
    throw e;
  }
}

/** The documents the records point at (by `names.field`), keyed by id; a missing one is just left unnamed. */
async function namesFor(
  ctx: ActionCtx,
  names: NonNullable<PrivacySource['names']>[number],
  docs: Array<Record<string, any>>,
): Promise<Map<string, Record<string, any>>> {
  const ids = [...new Set(docs.map((d) => d[names.field]).filter((v): v is string => typeof v === 'string'))];
  const out = new Map<string, Record<string, any>>();
  const _ = ctx.db.command;
  for (let i = 0; i < ids.length; i += PAGE) {
    try {
      const page = await ctx.db
        .collection(names.collection)
        .where({ _id: _.in(ids.slice(i, i + PAGE)) })
        .limit(PAGE)
        .get();
      for (const d of page.data) out.set(String(d._id), d);
    } catch (e) {
      if (/not exist|-502005/i.test(String((e as Error)?.message ?? e))) return out;
      throw e;
    }
  }
  return out;
}

export async function exportMyData(ctx: ActionCtx): Promise<MyDataExport> {
  const user = ctx.user;
  const account: MyDataSection = {
    key: 'account',
    title: '个人资料与会员信息',
    items: user
      ? [
          {
            profile: user.profile ?? null,
            membership: user.membership,
            roles: storedRoles(user),
            scopes: user.scopes,
            identityNumberOnFile: !!user.idHash,
            createdAt: user.createdAt,
            updatedAt: user.updatedAt,
          },
        ]
      : [],
  };
  const sections = [account];
  for (const source of PRIVACY_SOURCES) {
    const docs = await ownRecords(ctx, source);
    const items = docs.map(source.view);
    for (const names of source.names ?? []) {
      const named = await namesFor(ctx, names, docs);
      docs.forEach((doc, i) => {
        const target = named.get(String(doc[names.field]));
        if (target) for (const [as, from] of Object.entries(names.pick)) items[i][as] = target[from];
      });
    }
    sections.push({ key: source.key, title: source.title, items });
  }
  return { exportedAt: ctx.now(), openid: ctx.openid, sections };
}

/** Replay answers of the caller's earlier calls (they may hold their profile): keyed `${openid}:...`. */
async function removeReplayCache(ctx: ActionCtx): Promise<number> {
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection('idempotency')
    .where({ _id: _.and(_.gte(`${ctx.openid}:`), _.lt(`${ctx.openid};`)) })
    .remove();
  return res.stats.removed;
}

async function disposeAccount(ctx: ActionCtx, removed: DeletedPart[], kept: KeptPart[]): Promise<void> {
  const user = ctx.user;
  if (!user) return;
  const granted = storedRoles(user).filter((r) => GRANTED_ROLES.includes(r));
  const users = ctx.db.collection('users');
  if (!granted.length) {
    const res = await users.where({ _id: ctx.openid }).remove();
    removed.push({ key: 'account', title: '个人资料与会员信息', count: res.stats.removed });
    return;
  }
  const _ = ctx.db.command;
  await users.doc(ctx.openid).update({
    data: {
      profile: _.remove(),
      idHash: _.remove(),
      membership: _.set({ status: 'none' }),
      roles: _.set(granted),
      updatedAt: ctx.now(),
    },
  });
  removed.push({ key: 'profile', title: '个人资料与会员信息', count: 1 });
  kept.push({
    key: 'account',
    title: '工作人员账号',
    count: 1,
    treatment: '只保留总工会授予的工作权限，姓名和手机号已删除',
    reason: '工作人员权限由总工会授予，如需取消请联系总工会管理员',
  });
}

/** The files a record holds (non-empty string values of its source's file fields). */
function filesOf(source: PrivacySource, doc: Record<string, any>): Array<{ field: string; fileID: string }> {
  return (source.fileFields ?? [])
    .filter((field) => typeof doc[field] === 'string' && doc[field])
    .map((field) => ({ field, fileID: doc[field] as string }));
}

export async function deleteMyData(ctx: ActionCtx): Promise<DeleteMyDataResult> {
  const removed: DeletedPart[] = [];
  const kept: KeptPart[] = [];
  // A fresh random id replaces the OPENID on kept records: nothing links them back to this person.
  const tombstone = `deleted-${newId(8)}`;
  for (const source of PRIVACY_SOURCES) {
    const docs = await ownRecords(ctx, source);
    let removedHere = 0;
    let keptHere = 0;
    for (const doc of docs) {
      const disposal = source.dispose(doc, tombstone);
      const ref = ctx.db.collection(source.collection).doc(String(doc._id));
      // Files first: if storage refuses, the record still names them and a retry deletes them.
      const files = filesOf(source, doc);
      const fileIDs: string[] = [];
      for (const f of files) {
        // A file another record holds too is not this person's to delete: the record just lets go of it.
        const shared = await fileHeldElsewhere(
          ctx,
          source.collection,
          source.fileFields ?? [],
          f.fileID,
          String(doc._id),
        );
        if (!shared) fileIDs.push(f.fileID);
      }
      await deleteFiles(ctx, fileIDs);
      if ('remove' in disposal) {
        removedHere += (await ref.remove()).stats.removed;
        for (const dep of source.dependents?.(doc) ?? [])
          await ctx.db.collection(dep.collection).where({ _id: dep.id }).remove();
      } else {
        const keep: Record<string, unknown> = { ...disposal.keep };
        for (const f of files) keep[f.field] = ctx.db.command.remove();
        if (Object.keys(keep).length) await ref.update({ data: keep });
        keptHere += 1;
      }
    }
    if (removedHere) removed.push({ key: source.key, title: source.title, count: removedHere });
    if (keptHere) {
      kept.push({
        key: source.key,
        title: source.title,
        count: keptHere,
        treatment: source.treatment ?? '',
        reason: source.reason ?? '',
      });
    }
  }
  await disposeAccount(ctx, removed, kept);
  await removeReplayCache(ctx);
  // Entries made by them (staff) or about them (the review of their application).
  const log = ctx.db.collection('auditLog');
  const auditCount =
    (await log.where({ actor: ctx.openid }).count()).total +
    (await log.where({ 'detail.applicant': ctx.openid }).count()).total;
  if (auditCount) {
    kept.push({
      key: 'auditLog',
      title: '操作审计日志',
      count: auditCount,
      treatment: '不修改',
      reason: '工作人员和管理员的操作日志（含对您的入会审核）按规定只增不改，用于核查和追责',
    });
  }
  // No audit entry: it would have to name the OPENID (its actor), the very link being erased.
  const keptText = kept.map((k) => k.title).join('、');
  let summary = '已删除您在本程序中的全部个人数据。';
  if (!removed.length)
    summary = kept.length
      ? `没有找到需要删除的数据；${keptText}按规定保留，已去除可识别您的信息。`
      : '没有找到需要删除的数据。';
  else if (kept.length) summary = `已删除您的个人资料等数据；${keptText}因下方原因保留，但已去除可识别您的信息。`;
  return { removed, kept, summary };
}
