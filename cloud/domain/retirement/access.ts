import type { ActionCtx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { hasRole, inScope } from '../../lib/guard';
import type { RetirementDoc } from './model';

/**
 * Who may see a request: the district admin, whoever submitted it, the retiree themself (their
 * user record carries the same identity hash), and the union contact of the employer it names.
 * A family member therefore sees only what they submitted.
 */
export function canRead(ctx: ActionCtx, doc: RetirementDoc): boolean {
  const user = ctx.user;
  if (doc.requester.openid === ctx.openid) return true;
  if (!user) return false;
  if (hasRole(user, 'admin')) return true;
  if (user.idHash && user.idHash === doc.idHash) return true;
  return !!doc.employerId && hasRole(user, 'enterprise') && inScope(user, 'employer', doc.employerId);
}

/** NOT_FOUND rather than FORBIDDEN, so ids of other people's requests reveal nothing. */
export function requireReadable(ctx: ActionCtx, doc: RetirementDoc): RetirementDoc {
  if (!canRead(ctx, doc)) fail('NOT_FOUND', '没有找到这份申请');
  return doc;
}

/** The employer contact acts only for its own employer; the admin for every request. */
export function canVerifyEmployment(ctx: ActionCtx, doc: RetirementDoc): boolean {
  if (hasRole(ctx.user, 'admin')) return true;
  return !!doc.employerId && hasRole(ctx.user, 'enterprise') && inScope(ctx.user, 'employer', doc.employerId);
}
