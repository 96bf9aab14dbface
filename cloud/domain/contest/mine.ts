/** What a worker sees of their own registrations, and the check-in ticket. */
import { readAll } from '../../lib/paging';
import type { Infer } from '../../../types/schema';
import type { Registration, TicketCode, registrationInput } from '../../../types/api/contest';
import type { ActionCtx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { PHONE_CODE_TTL_MS, signToken } from '../../lib/token';
import { CONTESTS, REGISTRATIONS, toRegistration, type ContestDoc, type RegistrationDoc } from './model';
import { loadOwnRegistration } from './store';

export async function myRegistrations(ctx: ActionCtx): Promise<Registration[]> {
  const regs = await readAll<RegistrationDoc>(
    ctx.db.collection(REGISTRATIONS).where({ openid: ctx.openid }).orderBy('submittedAt', 'desc'),
  );
  if (regs.length === 0) return [];
  const _ = ctx.db.command;
  const contestIds = [...new Set(regs.map((r) => r.contestId))];
  const contests = await readAll<ContestDoc>(ctx.db.collection(CONTESTS).where({ _id: _.in(contestIds) }));
  const byId = new Map(contests.map((c) => [c._id, c]));
  return regs.filter((r) => byId.has(r.contestId)).map((r) => toRegistration(r, byId.get(r.contestId) as ContestDoc));
}

/**
 * The signed, short-lived ticket drawn as a QR code: only for an approved registration (a checked-in
 * one still gets it, so a second scan can say when and where it was used).
 */
export async function ticketCode(ctx: ActionCtx, input: Infer<typeof registrationInput>): Promise<TicketCode> {
  const reg = await loadOwnRegistration(ctx, input.registrationId);
  if (reg.status !== 'approved' && reg.status !== 'checked_in') fail('INVALID_STATE', '报名审核通过后才能出示入场码');
  const { token, expiresAt } = signToken(
    ctx.env,
    { kind: 'contest', id: reg._id, ttlMs: PHONE_CODE_TTL_MS },
    ctx.now(),
  );
  return { token, expiresAt, registrationId: reg._id };
}
