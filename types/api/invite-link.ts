/**
 * Where an invitation's QR / share card leads, and how to read its token back out of a link. Kept
 * apart from the admin contract (schemas and all) so the scanners that recognise an invitation carry
 * these few lines, not the whole contract.
 */

/** The page an invitation's QR / share card opens, with `?t=<token>` (`scene` for a 小程序码). */
export const INVITE_PAGE = 'admin/pages/invite/index';

/** Pulls the invitation token out of what a QR / link holds: the token, `t=<token>` or a scene. */
export function invitationTokenFrom(text: string): string {
  const m = /[?&](?:t|scene)=([a-z0-9]+)/.exec(text);
  return m ? m[1] : text.trim();
}
