/**
 * Titles (技术能手) as the contests admin manages them: who holds one in a contest's trades, and
 * withdrawal (e.g. a result found wrong, or a title granted by mistake), which lifts the bar on
 * entering that trade again. A title's document id holds the OPENID, so the admin is given a hash
 * of it instead; the withdrawn title lives on only in the audit log, with who withdrew it and why.
 */
import { createHash } from 'crypto';
import type { ContestActions, TitleAdminView } from '../../../types/api/contest';
import { auditOnce } from '../../lib/audit';
import type { ActionCtx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { maskPhone } from '../../lib/mask';
import { notify } from '../../lib/notify';
import { readAll } from '../../lib/paging';
import type { TitleDoc } from './eligibility';
import { TITLES } from './model';
import { loadContest, tradesOf } from './store';

type In<K extends keyof ContestActions> = ContestActions[K]['input'];

/** The id the admin sees: stable, and reveals no OPENID. */
export const titleRef = (docId: string) => `tt${createHash('sha256').update(docId).digest('hex').slice(0, 22)}`;

/** Titles held in the trades of this contest (by trade name: titles outlive contests and years). */
async function titlesOf(ctx: ActionCtx, contestId: string): Promise<TitleDoc[]> {
  const contest = await loadContest(ctx, contestId);
  const names = [...new Set((await tradesOf(ctx, contest._id)).map((t) => t.name))];
  if (!names.length) return [];
  const _ = ctx.db.command;
  return (await readAll(ctx.db.collection(TITLES).where({ trade: _.in(names) }))) as TitleDoc[];
}

async function holders(ctx: ActionCtx, openids: string[]): Promise<Map<string, { name?: string; phone?: string }>> {
  if (!openids.length) return new Map();
  const _ = ctx.db.command;
  const users = await readAll(ctx.db.collection('users').where({ _id: _.in(openids) }));
  return new Map(users.map((u) => [String(u._id), (u.profile ?? {}) as { name?: string; phone?: string }]));
}

export async function adminTitles(ctx: ActionCtx, input: In<'adminTitles'>): Promise<TitleAdminView[]> {
  const titles = await titlesOf(ctx, input.contestId);
  const people = await holders(ctx, [...new Set(titles.map((t) => t.openid))]);
  return titles
    .map((t) => ({
      id: titleRef(t._id),
      trade: t.trade,
      title: t.title,
      year: t.year,
      holderName: people.get(t.openid)?.name || '（未填姓名）',
      holderPhone: maskPhone(people.get(t.openid)?.phone),
    }))
    .sort((a, b) => b.year - a.year || a.trade.localeCompare(b.trade, 'zh'));
}

export async function withdrawTitle(ctx: ActionCtx, input: In<'withdrawTitle'>): Promise<{ withdrawn: boolean }> {
  const found = (await titlesOf(ctx, input.contestId)).find((t) => titleRef(t._id) === input.titleId);
  if (!found) {
    // This request withdrew it already and its answer was lost (its audit entry says so): the same
    // answer, and the holder told if the crash came before that (the message is sent once per request).
    const done = ctx.requestId ? await withdrawnBy(ctx, input.titleId) : null;
    if (!done) fail('NOT_FOUND', '没有找到这个称号，可能已被撤销');
    await tell(ctx, done.holder, done.title, input);
    return { withdrawn: true };
  }
  // Audited first, so a call that dies after the removal has left its trace for the retry above.
  await auditOnce(ctx, {
    event: 'contest.withdrawTitle',
    target: { kind: 'title', id: input.titleId },
    detail: { trade: found.trade, title: found.title, year: found.year, reason: input.reason, holder: found.openid },
  });
  await ctx.db.collection(TITLES).where({ _id: found._id }).remove();
  await tell(ctx, found.openid, found.title, input);
  return { withdrawn: true };
}

function tell(ctx: ActionCtx, to: string, title: string, input: In<'withdrawTitle'>): Promise<void> {
  return notify(ctx, {
    to,
    title: '称号已撤销',
    body: `您的「${title}」称号已由区总工会撤销，原因：${input.reason}。如有疑问请联系区总工会。`,
    page: '/contest/pages/mine/index',
    ref: input.titleId,
  });
}

async function withdrawnBy(ctx: ActionCtx, ref: string): Promise<{ holder: string; title: string } | null> {
  const found = await ctx.db
    .collection('auditLog')
    .where({ event: 'contest.withdrawTitle', 'target.id': ref, requestId: ctx.requestId })
    .limit(1)
    .get();
  const detail = found.data[0]?.detail as { holder?: string; title?: string } | undefined;
  return detail?.holder && detail.title ? { holder: detail.holder, title: detail.title } : null;
}
