import Taro from '@tarojs/taro';

/** The moments the app asks for subscription, as deploy.config.json names them (`subscribe`). */
export type SubscribeMoment =
  'membershipApply' | 'contestRegister' | 'courseOrder' | 'courseBooking' | 'retirementRequest' | 'giftClaim';

/** Moment → template ids, baked in at build time from deploy.config.json (config/index.ts defineConstants). */
declare const SUBSCRIBE_TEMPLATES: Partial<Record<SubscribeMoment, string[]>> | undefined;

export function templatesFor(moment: SubscribeMoment): string[] {
  const all = typeof SUBSCRIBE_TEMPLATES === 'undefined' ? undefined : SUBSCRIBE_TEMPLATES;
  return (all?.[moment] ?? []).filter(Boolean);
}

/**
 * Asks WeChat for the subscriptions the notices after this submission need (审核结果, 开课提醒, …), so
 * they arrive as 服务通知 and not only in 我的消息. Call it in the submit tap, before the first await:
 * WeChat shows the prompt only from a user's tap, so it runs alongside the submission, whose result
 * does not wait for the answer. The weapp only (H5 has no such prompt); nothing when the build has no
 * template ids (a development build).
 */
export function askSubscription(moment: SubscribeMoment): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const tmplIds = templatesFor(moment);
  if (!tmplIds.length) return;
  try {
    // Refusing, or "总是保持以上选择" having refused before, is a normal answer: the message still lands in 我的消息.
    void Promise.resolve(Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)).catch(
      () => undefined,
    );
  } catch {
    // An old base library without the API: nothing to ask.
  }
}
