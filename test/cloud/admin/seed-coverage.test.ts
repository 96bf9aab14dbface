/**
 * Everything the seed creates can be created, changed and retired from the app by the role that
 * owns it. The seed's collections are listed from a freshly seeded database and each must appear
 * here with the actions that do it; a collection the seed starts writing without an entry fails
 * this test. Records the system derives (counters, the setup record, honours won) name the
 * actions that write them instead.
 */
import { loadFunctions } from '../../../bench/lib/functions';
import { ADMIN_ROLES } from '../../../types/api/admin';
import { makeWorld } from '../helpers';

type Ref = `${string}.${string}`;
interface Kept {
  owner: 'admin' | 'person';
  create: Ref[];
  change: Ref[];
  retire: Ref[];
}
interface Derived {
  derived: string;
  writtenBy: Ref[];
}

const COVERAGE: Record<string, Kept | Derived> = {
  // Admin-kept: the union's own set-up.
  stations: {
    owner: 'admin',
    create: ['admin.saveStation'],
    change: ['admin.saveStation', 'admin.closeStation', 'admin.reopenStation'],
    retire: ['admin.setStationActive'],
  },
  employers: {
    owner: 'admin',
    create: ['admin.saveEmployer'],
    change: ['admin.saveEmployer'],
    retire: ['admin.setEmployerActive', 'admin.mergeEmployers'],
  },
  // The admin's invitation makes the grant; the invitee's accept (admin.acceptInvitation) writes it.
  grants: {
    owner: 'admin',
    create: ['admin.createInvitation'],
    change: ['admin.revokeGrant'],
    retire: ['admin.revokeGrant'],
  },
  contests: {
    owner: 'admin',
    create: ['contest.saveContest', 'contest.copyContest'],
    change: ['contest.saveContest', 'contest.publishContest'],
    retire: ['contest.closeContest'],
  },
  contestTrades: {
    owner: 'admin',
    create: ['contest.saveTrade'],
    change: ['contest.saveTrade'],
    retire: ['contest.removeTrade'],
  },
  courses: {
    owner: 'admin',
    create: ['academy.saveCourse'],
    change: ['academy.saveCourse'],
    retire: ['academy.setCourseActive'],
  },
  sessions: {
    owner: 'admin',
    create: ['academy.scheduleSession'],
    change: ['academy.updateSession'],
    retire: ['academy.closeSession'],
  },
  retirementSettings: {
    owner: 'admin',
    create: ['retirement.saveSettings'],
    change: ['retirement.saveSettings'],
    retire: ['retirement.saveSettings'],
  },
  giftCampaigns: {
    owner: 'admin',
    create: ['gift.createCampaign'],
    change: ['gift.updateCampaign', 'gift.setPaused'],
    retire: ['gift.setPaused'],
  },
  giftStock: {
    owner: 'admin',
    create: ['gift.createCampaign'],
    change: ['gift.moveStock'],
    retire: ['gift.moveStock'],
  },
  // People's own records: made by the person, moved on by staff / admins, withdrawn by either.
  users: {
    owner: 'person',
    create: ['member.updateProfile', 'admin.acceptInvitation', 'admin.claimSetup'],
    change: ['member.updateProfile', 'member.reviewApplication', 'admin.revokeGrant'],
    retire: ['member.deleteMyData'],
  },
  membershipApplications: {
    owner: 'person',
    create: ['member.applyMembership'],
    change: ['member.reviewApplication'],
    retire: ['member.reviewApplication', 'member.deleteMyData'],
  },
  contestRegistrations: {
    owner: 'person',
    create: ['contest.register'],
    change: ['contest.resubmit', 'contest.review', 'contest.publishResults', 'checkin.scan'],
    retire: ['contest.cancel'],
  },
  courseOrders: {
    owner: 'person',
    create: ['academy.placeOrder'],
    change: ['academy.acceptOrder'],
    retire: ['academy.withdrawOrder', 'academy.declineOrder'],
  },
  sessionBookings: {
    owner: 'person',
    create: ['academy.book'],
    change: ['checkin.scan', 'academy.rate'],
    retire: ['academy.cancelBooking'],
  },
  retirementRequests: {
    owner: 'person',
    create: ['retirement.submitRequest', 'retirement.submitBatch'],
    change: ['retirement.resubmitRequest', 'retirement.verifyEmployment', 'retirement.approve', 'retirement.issue'],
    retire: ['retirement.returnRequest', 'retirement.revoke'],
  },
  giftClaims: {
    owner: 'person',
    create: ['gift.claim', 'gift.onSpotClaim'],
    change: ['checkin.scan', 'checkin.undo'],
    retire: ['gift.cancelClaim', 'gift.expireSweep'],
  },
  messages: {
    owner: 'person',
    create: ['member.reviewApplication', 'retirement.issue', 'gift.claim'],
    change: ['member.markMessagesRead'],
    retire: ['member.deleteMyData'],
  },
  // Derived by the system.
  counters: { derived: 'member numbers, taken in order on approval', writtenBy: ['member.reviewApplication'] },
  retirementCounters: { derived: 'certificate serials per year', writtenBy: ['retirement.issue'] },
  adminTodos: {
    derived: 'phone call-backs a request asks for; done by the admin',
    writtenBy: ['retirement.submitRequest', 'retirement.markCallbackDone'],
  },
  titles: {
    derived:
      'honours won, written when results with an award are published (they bar the same trade); the contests admin withdraws one',
    writtenBy: ['contest.publishResults', 'contest.withdrawTitle'],
  },
  appSetup: {
    derived: 'the one-time setup code of the first super admin',
    writtenBy: ['admin.setupStatus', 'admin.claimSetup'],
  },
};

const fns = loadFunctions();
const defOf = (ref: Ref) => {
  const [fn, action] = ref.split('.');
  const f = fns.find((x) => x.fn === fn);
  return f && Object.prototype.hasOwnProperty.call(f.defs, action) ? f.defs[action] : undefined;
};

test('every collection the full seed writes is listed, and nothing listed is missing from it', async () => {
  const w = await makeWorld({ seed: 'full' });
  const stores = (w.db.core as unknown as { stores: Map<string, { getAllData(): unknown[] }> }).stores;
  const seeded = [...stores].filter(([, ds]) => ds.getAllData().length > 0).map(([name]) => name);
  expect(seeded.sort()).toEqual(Object.keys(COVERAGE).sort());
});

test('every action named exists; admin-kept records are created, changed and retired by admin actions', () => {
  const missing: string[] = [];
  for (const [collection, entry] of Object.entries(COVERAGE)) {
    const refs = 'derived' in entry ? entry.writtenBy : [...entry.create, ...entry.change, ...entry.retire];
    for (const ref of refs) if (!defOf(ref)) missing.push(`${collection}: ${ref}`);
    if ('derived' in entry) continue;
    expect([collection, entry.create.length > 0, entry.change.length > 0, entry.retire.length > 0]).toEqual([
      collection,
      true,
      true,
      true,
    ]);
    if (entry.owner !== 'admin') continue;
    for (const ref of [...entry.create, ...entry.change, ...entry.retire]) {
      const access = defOf(ref)?.access;
      // An admin may call it, and it is not open to any signed-in worker or the public (a teacher closing
      // their own session, staff theirs, is fine).
      expect([ref, Array.isArray(access) && access.some((r) => ADMIN_ROLES.includes(r))]).toEqual([ref, true]);
    }
  }
  expect(missing).toEqual([]);
});
