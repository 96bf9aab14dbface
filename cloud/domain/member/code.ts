/** 会员码: a short-lived signed token (kind 'member', id = member number) drawn as a QR code. */
import type { MemberCode } from '../../../types/api/member';
import type { ActionCtx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { PHONE_CODE_TTL_MS, signToken } from '../../lib/token';

export async function memberCode(ctx: ActionCtx): Promise<MemberCode> {
  const m = ctx.user?.membership;
  // The member number, not the OPENID, goes into the code: it is short and reveals nothing.
  if (!m || m.status !== 'member' || !m.memberNo) fail('NOT_MEMBER');
  const { token, expiresAt } = signToken(
    ctx.env,
    { kind: 'member', id: m.memberNo, ttlMs: PHONE_CODE_TTL_MS },
    ctx.now(),
  );
  return { token, expiresAt, memberNo: m.memberNo };
}
