/**
 * Seed data for the emulator (first start, or `--reset`) and for tests (`makeWorld`): personas and
 * their `users` documents, the 驿站, then each domain's own seed in `cloud/seed/<domain>.ts`.
 * All people are fictional.
 */
import type { UserDoc } from '../lib/context';
import type { Database } from '../lib/db';
import { seedAcademy } from './academy';
import { seedContest } from './contest';
import { seedGift } from './gift';
import { seedGrants } from './grants';
import { seedMember } from './member';
import { personaUsers, SEEDED_MEMBER_COUNT } from './personas';
import { COUNTERS, MEMBER_NO_COUNTER } from '../domain/member/model';
import { seedRetirement } from './retirement';
import { stations } from './stations';

export { personas, PERSONAS, EMPLOYERS, type Persona } from './personas';
export { stations } from './stations';

const YEAR = 365 * 24 * 3600_000;

/** Writes the personas' users and the stations (no domain data): enough for most handler tests. */
export async function seedBase(db: Database, now: number): Promise<void> {
  for (const u of personaUsers) {
    const doc: Omit<UserDoc, '_id'> = {
      roles: u.roles,
      scopes: u.scopes,
      profile: u.profile,
      membership:
        u.membership.status === 'member'
          ? { ...u.membership, district: u.profile.district, since: now - 2 * YEAR }
          : u.membership,
      createdAt: now - 2 * YEAR,
      updatedAt: now - 2 * YEAR,
    };
    await db.collection('users').doc(u.openid).set({ data: doc });
  }
  // The personas hold member numbers 1..6: the next approval continues from there.
  await db
    .collection(COUNTERS)
    .doc(MEMBER_NO_COUNTER)
    .set({ data: { value: SEEDED_MEMBER_COUNT } });
  for (const { _id, ...station } of stations) {
    await db.collection('stations').doc(_id).set({ data: station });
  }
  await seedGrants(db, now);
}

/** The whole world: base, then every domain (each domain owns its file). */
export async function seed(db: Database, now: number): Promise<void> {
  await seedBase(db, now);
  await seedMember(db, now);
  await seedContest(db, now);
  await seedAcademy(db, now);
  await seedRetirement(db, now);
  await seedGift(db, now);
  // Again: the domains added scopes (another station's staff, a second contest, employers' names).
  await seedGrants(db, now);
}
