/**
 * The seed's granted roles as `grants` (via 'seed'), so 谁拥有什么权限 lists the demo's staff and admins
 * and each can be revoked like an invited one; and the setup code marked as used (the demo already
 * has its super admin, persona-admin). Derived from the seeded `users` documents: run after them.
 */
import { createHash } from 'crypto';
import type { AdminDomain, GrantKind } from '../../types/api/admin';
import type { Role, Scope } from '../../types/api/common';
import type { Database } from '../lib/db';
import { GRANTS, SETUP, SETUP_ID, type GrantDoc } from '../domain/admin/model';
import { PERSONAS } from './personas';

const SCOPE_KIND: Partial<Record<Scope['kind'], GrantKind>> = {
  station: 'stationStaff',
  contest: 'venueStaff',
  employer: 'enterprise',
};
const COLLECTION: Record<string, string> = { station: 'stations', contest: 'contests', employer: 'employers' };

async function nameOf(db: Database, scope: Scope): Promise<string | undefined> {
  const found = (await db.collection(COLLECTION[scope.kind]).where({ _id: scope.id }).limit(1).get()).data[0];
  return (found?.name ?? found?.title) as string | undefined;
}

export async function seedGrants(db: Database, now: number): Promise<void> {
  const users = (await db.collection('users').limit(1000).get()).data as Array<{
    _id: string;
    roles: Role[];
    scopes: Scope[];
  }>;
  for (const u of users) {
    const grants: Array<Omit<GrantDoc, '_id' | 'openid' | 'via' | 'active' | 'grantedAt' | 'grantedBy'>> = [];
    for (const role of u.roles) {
      if (role === 'admin') grants.push({ kind: 'superAdmin', role });
      else if (role.startsWith('admin:'))
        grants.push({ kind: 'domainAdmin', role, domain: role.slice(6) as AdminDomain });
      else if (role === 'teacher') grants.push({ kind: 'teacher', role });
    }
    for (const scope of u.scopes) {
      const kind = SCOPE_KIND[scope.kind];
      if (!kind) continue; // session scopes come with scheduling, not with a grant
      const role: Role = kind === 'enterprise' ? 'enterprise' : 'staff';
      if (!u.roles.includes(role)) continue;
      grants.push({ kind, role, scope: { kind: scope.kind, id: scope.id }, scopeName: await nameOf(db, scope) });
    }
    for (const g of grants) {
      const key = `${u._id}\n${g.role}\n${g.scope?.kind ?? ''}:${g.scope?.id ?? ''}`;
      const _id = `seed-${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
      const doc: Omit<GrantDoc, '_id'> = {
        ...g,
        ...(g.scopeName === undefined ? { scopeName: undefined } : {}),
        openid: u._id,
        via: 'seed',
        active: true,
        grantedAt: now,
        grantedBy: PERSONAS.admin,
      };
      const clean = Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== undefined));
      await db.collection(GRANTS).doc(_id).set({ data: clean });
    }
  }
  await db
    .collection(SETUP)
    .doc(SETUP_ID)
    .set({ data: { createdAt: now, claimedBy: PERSONAS.admin, claimedAt: now } });
}
