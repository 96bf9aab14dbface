import type { Ctx } from './context';

export interface Notice {
  to: string;
  title: string;
  body: string;
  /** App page the message opens. */
  page?: string;
  /** Env var naming the subscribe-message template, e.g. `TPL_CONTEST_RESULT`. */
  templateEnv?: string;
}

/**
 * Records an in-app message and tries the WeChat subscribe message. The subscribe message is
 * best effort: a user who did not subscribe still finds the message in 我的消息.
 */
export async function notify(ctx: Ctx, notice: Notice): Promise<void> {
  await ctx.db.collection('messages').add({
    data: {
      to: notice.to,
      title: notice.title,
      body: notice.body,
      page: notice.page ?? null,
      createdAt: ctx.now(),
      read: false,
    },
  });
  const templateId = notice.templateEnv ? ctx.env[notice.templateEnv] : ctx.env.TPL_DEFAULT;
  try {
    await ctx.openapi.subscribeMessage.send({
      touser: notice.to,
      templateId: templateId ?? 'TPL_DEFAULT',
      page: notice.page,
      data: { thing1: { value: notice.title.slice(0, 20) }, thing2: { value: notice.body.slice(0, 20) } },
    });
  } catch {
    // 43101 (user refused) and quota errors are expected; the inbox copy is the record.
  }
}
