/** 我的消息: the caller's own inbox (collection `messages`, field `to`), newest first. */
import type { Infer } from '../../../types/schema';
import type { InboxMessage, Page } from '../../../types/api/common';
import type { listMessagesInput, markReadInput } from '../../../types/api/member';
import { MARK_FIELD, marked, requestMark } from '../../lib/resume';
import type { ActionCtx } from '../../lib/context';

interface MessageDoc {
  _id: string;
  to: string;
  title: string;
  body: string;
  page?: string | null;
  createdAt: number;
  read: boolean;
}

function toInbox(doc: MessageDoc): InboxMessage {
  const m: InboxMessage = { id: doc._id, title: doc.title, body: doc.body, createdAt: doc.createdAt, read: doc.read };
  if (doc.page) m.page = doc.page;
  return m;
}

export async function listMessages(
  ctx: ActionCtx,
  input: Infer<typeof listMessagesInput>,
): Promise<Page<InboxMessage> & { unread: number }> {
  const messages = ctx.db.collection('messages');
  const where = input.unreadOnly ? { to: ctx.openid, read: false } : { to: ctx.openid };
  const [page, total, unread] = await Promise.all([
    messages
      .where(where)
      .orderBy('createdAt', 'desc')
      .skip(input.offset ?? 0)
      .limit(input.limit ?? 20)
      .get(),
    messages.where(where).count(),
    messages.where({ to: ctx.openid, read: false }).count(),
  ]);
  return { items: (page.data as MessageDoc[]).map(toInbox), total: total.total, unread: unread.total };
}

/** Ids that are not the caller's are silently not matched: nobody learns whether they exist. */
export async function markMessagesRead(
  ctx: ActionCtx,
  input: Infer<typeof markReadInput>,
): Promise<{ updated: number }> {
  const _ = ctx.db.command;
  const mark = requestMark(ctx);
  const res = await ctx.db
    .collection('messages')
    .where({ to: ctx.openid, _id: _.in(input.ids), read: false })
    .update({ data: marked(ctx, { read: true }) });
  if (!mark) return { updated: res.stats.updated };
  // What this request marked read, also when a retry finds its first attempt did it before a crash.
  const mine = await ctx.db
    .collection('messages')
    .where({ to: ctx.openid, _id: _.in(input.ids), [MARK_FIELD]: mark })
    .count();
  return { updated: mine.total };
}
