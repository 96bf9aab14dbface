import type { ActionCtx, Ctx } from './context';
import { isDuplicateKeyError } from './db';
import { payloadHash } from './ids';

export interface Notice {
  to: string;
  title: string;
  body: string;
  /** App page the message opens. */
  page?: string;
  /** Env var naming the subscribe-message template, e.g. `TPL_CONTEST_RESULT`. */
  templateEnv?: string;
  /**
   * What the notice is about (a record id): keeps apart two notices of one request that read the
   * same (a batch of two people of the same name), which would otherwise count as one.
   */
  ref?: string;
}

/**
 * Records an in-app message and tries the WeChat subscribe message. The subscribe message is
 * best effort: a user who did not subscribe still finds the message in 我的消息.
 */
export async function notify(ctx: Ctx, notice: Notice): Promise<void> {
  // One request sends one notice once: a retry resuming after a crash re-sends nothing it already
  // recorded (the message's id derives from the request and the notice).
  const { requestId, fn, action } = ctx as Partial<ActionCtx>;
  const _id = requestId
    ? `msg-${payloadHash([ctx.openid, fn, action, requestId, notice.to, notice.title, notice.body, notice.ref ?? null])}`
    : undefined;
  try {
    await ctx.db.collection('messages').add({
      data: {
        ...(_id ? { _id } : {}),
        to: notice.to,
        title: notice.title,
        body: notice.body,
        page: notice.page ?? null,
        createdAt: ctx.now(),
        read: false,
      },
    });
  } catch (e) {
    if (_id && isDuplicateKeyError(e)) return;
    throw e;
  }
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
