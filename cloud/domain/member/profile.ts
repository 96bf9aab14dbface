/** getMe and updateProfile: the caller's own record (their phone unmasked: it is theirs). */
import type { MyProfile, ProfileInput } from '../../../types/api/member';
import { storedRoles, type ActionCtx, type UserDoc } from '../../lib/context';
import { isDuplicateKeyError } from '../../lib/db';
import { fail } from '../../lib/errors';
import { isProfileComplete } from './model';

async function unreadCount(ctx: ActionCtx): Promise<number> {
  return (await ctx.db.collection('messages').where({ to: ctx.openid, read: false }).count()).total;
}

export async function toMyProfile(ctx: ActionCtx, user: UserDoc | null): Promise<MyProfile> {
  return {
    openid: ctx.openid,
    roles: user ? storedRoles(user) : [],
    scopes: user?.scopes ?? [],
    profile: user?.profile ?? null,
    profileComplete: isProfileComplete(user?.profile),
    membership: user?.membership ?? { status: 'none' },
    unreadMessages: await unreadCount(ctx),
  };
}

export async function readUser(ctx: ActionCtx): Promise<UserDoc | null> {
  const found = await ctx.db.collection('users').where({ _id: ctx.openid }).limit(1).get();
  return (found.data[0] as UserDoc | undefined) ?? null;
}

/** A first-time caller gets an empty profile; nothing is written until they save one. */
export async function getMe(ctx: ActionCtx): Promise<MyProfile> {
  return toMyProfile(ctx, ctx.user);
}

/** Drops the gig-only fields for other categories, so a stale 平台 never lingers. */
function normalise(input: ProfileInput): ProfileInput {
  if (input.category === '新就业形态劳动者') return input;
  const { group: _g, platform: _p, ...rest } = input;
  return rest;
}

export async function updateProfile(ctx: ActionCtx, input: ProfileInput): Promise<MyProfile> {
  const profile = normalise(input);
  const users = ctx.db.collection('users');
  const now = ctx.now();
  const current = ctx.user;
  if (current?.membership.status === 'member' && current.profile && current.profile.employer !== profile.employer) {
    // The membership belongs to a workplace union: moving it is 转会, which keeps a record.
    fail('INVALID_STATE', '您已是工会会员，更换工作单位请办理"转会"', { field: 'employer' });
  }
  if (!current) {
    const doc: UserDoc = {
      _id: ctx.openid,
      roles: [],
      scopes: [],
      profile,
      membership: { status: 'none' },
      createdAt: now,
      updatedAt: now,
    };
    try {
      await users.add({ data: doc });
      return toMyProfile(ctx, doc);
    } catch (e) {
      // Two first saves raced (two tabs): the other one created the record; update it instead.
      if (!isDuplicateKeyError(e)) throw e;
    }
  }
  const _ = ctx.db.command;
  await users.doc(ctx.openid).update({ data: { profile: _.set(profile), updatedAt: now } });
  return toMyProfile(ctx, await readUser(ctx));
}
