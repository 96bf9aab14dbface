import type { ActionCtx, Ctx } from './context';
import { isDuplicateKeyError } from './db';
import { deployConfig, type DeployConfig, type TemplateKey } from './deploy-config';
import { payloadHash } from './ids';
import { isProduction } from './secrets';
import { templateData, type NoticeValues } from './templates';

export interface Notice {
  to: string;
  title: string;
  body: string;
  /** App page the message opens. */
  page?: string;
  /**
   * The subscribe-message template this notice goes out as (one the app asked the user for at the
   * matching moment, `config.subscribe`). Without one the notice is in-app only.
   */
  template?: TemplateKey;
  /** What fills the template's fields; subject/note/time default to title/body/now. */
  values?: NoticeValues;
  /**
   * What the notice is about (a record id): keeps apart two notices of one request that read the
   * same (a batch of two people of the same name), which would otherwise count as one.
   */
  ref?: string;
}

/** Where refused and failed sends are counted: one document per template and Shanghai day. */
export const NOTIFY_STATS = 'notifyStats';

/** WeChat's "the user has not subscribed (or the one-time subscription was used / expired)". */
const REFUSED = 43101;

function errCodeOf(e: unknown): number | null {
  const err = e as { errCode?: unknown; message?: unknown; errMsg?: unknown } | null;
  if (typeof err?.errCode === 'number') return err.errCode;
  const m = /\b(4\d{4})\b/.exec(`${err?.errMsg ?? ''} ${err?.message ?? String(e)}`);
  return m ? Number(m[1]) : null;
}

/** The template id to send with: the configured one; in development an obvious stand-in. */
function templateId(ctx: Ctx, key: TemplateKey, config: DeployConfig): string | null {
  const id = config.templates[key]?.id;
  if (id) return id;
  // A deployment is checked to have every id (npm run deploy refuses otherwise); never send a made-up one.
  return isProduction(ctx.env) ? null : `dev-${key}`;
}

const STATE: Record<DeployConfig['weapp']['envVersion'], string> = {
  release: 'formal',
  trial: 'trial',
  develop: 'developer',
};

/**
 * Records an in-app message and sends the WeChat subscribe message for the notice's template. The
 * send is best effort: a refusal (43101, not subscribed or used up) or any other failure is written on
 * the message and counted per template and day, and the in-app message is there either way.
 */
export async function notify(ctx: Ctx, notice: Notice, config: DeployConfig = deployConfig): Promise<void> {
  const now = ctx.now();
  // One request sends one notice once: a retry resuming after a crash re-sends nothing it already
  // recorded (the message's id derives from the request and the notice).
  const { requestId, fn, action } = ctx as Partial<ActionCtx>;
  const _id = requestId
    ? `msg-${payloadHash([ctx.openid, fn, action, requestId, notice.to, notice.title, notice.body, notice.ref ?? null])}`
    : undefined;
  let added: { _id: string };
  try {
    added = await ctx.db.collection('messages').add({
      data: {
        ...(_id ? { _id } : {}),
        to: notice.to,
        title: notice.title,
        body: notice.body,
        page: notice.page ?? null,
        createdAt: now,
        read: false,
      },
    });
  } catch (e) {
    if (_id && isDuplicateKeyError(e)) return;
    throw e;
  }
  if (!notice.template) return;
  const id = templateId(ctx, notice.template, config);
  if (!id) return;
  const values: NoticeValues = { subject: notice.title, note: notice.body, time: now, ...notice.values };
  let outcome: 'sent' | 'refused' | 'failed' = 'sent';
  let errCode: number | null = null;
  try {
    await ctx.openapi.subscribeMessage.send({
      touser: notice.to,
      templateId: id,
      page: notice.page,
      data: templateData(config.templates[notice.template], values),
      miniprogramState: STATE[config.weapp.envVersion] ?? 'formal',
    });
  } catch (e) {
    errCode = errCodeOf(e);
    outcome = errCode === REFUSED ? 'refused' : 'failed';
  }
  if (outcome === 'sent') return;
  // Recorded on the message (what happened to its push) and counted; a failure to record is only logged.
  try {
    await ctx.db
      .collection('messages')
      .doc(added._id)
      .update({ data: { push: { template: notice.template, outcome, errCode } } });
    await countOutcome(ctx, notice.template, outcome, now);
  } catch (e) {
    console.error('[notify] could not record the refused send', notice.template, e);
  }
}

async function countOutcome(ctx: Ctx, template: TemplateKey, outcome: 'refused' | 'failed', now: number) {
  const _ = ctx.db.command;
  const day = new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
  const id = `${template}-${day}`;
  const stats = ctx.db.collection(NOTIFY_STATS);
  const bump = () => stats.where({ _id: id }).update({ data: { [outcome]: _.inc(1), updatedAt: now } });
  if ((await bump()).stats.updated === 1) return;
  try {
    await stats.add({ data: { _id: id, template, day, refused: 0, failed: 0, [outcome]: 1, updatedAt: now } });
  } catch {
    // Another send created it first: count on it.
    await bump();
  }
}
