/**
 * Every collection the functions use and the compound indexes their queries need, in one list:
 * `npm run deploy` creates exactly these (collections with the server-only permission), and the cloud
 * test suite checks every query shape the handlers issue against it (test/cloud/setup/index-coverage.ts).
 *
 * Reads by `_id` (doc(id), where({ _id })) need no index. A query is served by an index whose leading
 * fields are its equality fields (`==`, `in`; any order), followed by its sort fields in order, then
 * its range field (`>`, `<`, …). Filters the database cannot use an index for (`!=`, `exists`) are
 * applied on the rows the index found.
 */

export type IndexField = [field: string, direction: 1 | -1];
export interface IndexSpec {
  fields: IndexField[];
  unique?: boolean;
}

/** The recorded shape of one query (test/cloud/query-shapes.ts). */
export interface QueryShape {
  collection: string;
  eq: string[];
  range: string[];
  order: Array<[string, 'asc' | 'desc']>;
}

const asc = (field: string): IndexField => [field, 1];
const desc = (field: string): IndexField => [field, -1];

/**
 * Collection → its indexes (besides _id). [] means read by _id only, or whole and small by design
 * (stations, employers). Grouped by domain; the comment says which query each index serves.
 */
export const COLLECTIONS: Record<string, IndexSpec[]> = {
  // member
  users: [
    { fields: [asc('membership.memberNo')] }, // member code scan, gift lookup by member number
    { fields: [asc('profile.name')] }, // staff lookup by name (+ status / phone tail filtered)
    { fields: [asc('roles')] }, // teachers for scheduling
    { fields: [asc('scopes.id')] }, // holders of a scope
    { fields: [asc('profile.employer')] }, // employer rename / merge
    { fields: [asc('membership.employer')] },
  ],
  membershipApplications: [
    { fields: [asc('openid')] },
    { fields: [asc('status'), asc('submittedAt')] }, // review queue by status, oldest first
    { fields: [asc('submittedAt')] }, // review queue, all statuses
  ],
  membershipTransfers: [{ fields: [asc('openid')] }],
  counters: [],
  messages: [
    { fields: [asc('to'), desc('createdAt')] }, // 我的消息, newest first
    { fields: [asc('to'), asc('read'), desc('createdAt')] }, // unread count, mark read
  ],
  notifyStats: [],
  auditLog: [
    { fields: [asc('actor')] }, // my data: what I did
    { fields: [asc('detail.applicant')] }, // my data: reviews of my application
    { fields: [asc('event'), asc('target.id')] }, // undo / trail of one scan
  ],
  idempotency: [{ fields: [asc('at')] }], // purgeReplays: older than the window
  stations: [{ fields: [asc('active')] }, { fields: [asc('name')] }], // portal: the stations open to the public; duplicate name
  // contest
  contests: [{ fields: [desc('contestStartsAt')] }, { fields: [desc('createdAt')] }], // workers' list; the admin's list
  contestTrades: [{ fields: [asc('contestId')] }],
  contestEmployerPlaces: [{ fields: [asc('contestId'), asc('tradeId')] }], // a trade's per-employer places
  contestRegistrations: [
    { fields: [asc('openid'), desc('submittedAt')] }, // my entries
    { fields: [asc('contestId'), asc('submittedAt')] }, // review list of a contest (status filtered), export
    { fields: [asc('contestId'), asc('status'), asc('submittedAt')] }, // review list by status; name lookup
    { fields: [asc('contestId'), asc('tradeId'), asc('status'), asc('submittedAt')] }, // one trade's entries
    { fields: [asc('employer')] }, // employer rename / merge
  ],
  titles: [{ fields: [asc('openid')] }, { fields: [asc('trade')] }], // my data; the admin's titles of a contest's trades
  // academy
  courses: [
    { fields: [asc('rank')] }, // catalogue order (active filtered), last rank
    { fields: [asc('category'), asc('rank')] },
    { fields: [asc('title')] }, // duplicate title check
  ],
  courseTitles: [],
  courseOrders: [
    { fields: [asc('ordererOpenid'), desc('createdAt')] },
    { fields: [asc('employerId'), desc('createdAt')] },
    { fields: [asc('status'), asc('createdAt')] }, // the academy's queue
    { fields: [asc('employerName')] }, // employer rename / merge
  ],
  sessions: [
    { fields: [asc('orderId'), asc('startAt')] },
    { fields: [asc('status'), asc('startAt')] }, // open sessions; reminders (startAt in the next 24 h)
    { fields: [asc('employerId')] }, // employer merge
    { fields: [asc('employerName')] }, // employer rename
  ],
  sessionBookings: [
    { fields: [asc('openid'), desc('bookedAt')] },
    { fields: [asc('sessionId'), asc('status'), asc('position')] }, // seats, waitlist order, name lookup
  ],
  sessionRatings: [{ fields: [asc('openid')] }, { fields: [asc('sessionId'), asc('at')] }],
  // 光荣退休
  retirementRequests: [
    { fields: [asc('requester.openid'), desc('submittedAt')] }, // mine
    { fields: [asc('idHash'), desc('submittedAt')] }, // one request per person
    { fields: [asc('status'), asc('submittedAt')] }, // review queue by status
    { fields: [asc('submittedAt')] }, // review queue, all statuses
    { fields: [asc('employerId'), asc('submittedAt')] }, // the employer's list
    { fields: [asc('employerId'), asc('status'), asc('submittedAt')] },
    { fields: [asc('serial')] }, // verify by certificate number
    { fields: [asc('delivery.stationId'), asc('status'), asc('name')] }, // plaque pickup lookup
    { fields: [asc('photoFileId')] }, // is a photo still held
    { fields: [asc('droppedPhotoFileId')] },
    { fields: [asc('employer')] }, // employer rename / merge
  ],
  retirementSettings: [],
  retirementCounters: [],
  employers: [{ fields: [asc('name')] }], // duplicate name check
  // admin
  appSetup: [],
  grants: [
    { fields: [asc('kind'), desc('grantedAt')] }, // who holds what
    { fields: [asc('openid'), asc('role'), asc('active')] }, // does another grant still give the role
    { fields: [asc('kind'), asc('active'), asc('scope.id')] }, // holders of one station / contest
    { fields: [asc('scope.kind'), asc('scope.id')] }, // grants moved by an employer merge
    { fields: [asc('openid')] }, // my data
  ],
  invitations: [
    { fields: [asc('kind'), desc('createdAt')] }, // the invitation list
    { fields: [asc('scope.kind'), asc('scope.id')] }, // invitations moved by an employer merge
  ],
  adminTodos: [],
  // gifts
  giftCampaigns: [{ fields: [desc('startAt')] }],
  giftStock: [{ fields: [asc('campaignId'), asc('_id')] }, { fields: [asc('stationId')] }],
  giftClaims: [
    { fields: [asc('openid'), desc('claimedAt')] },
    { fields: [asc('voucherId')] },
    { fields: [asc('status'), asc('validUntil')] }, // expiry sweep; stock return (stockBack filtered)
    { fields: [asc('stationId'), asc('holderName'), asc('holderPhoneTail')] }, // station lookup
    { fields: [asc('lastRequest')] }, // an admin sweep's retry counts what its request marked (lib/resume.ts)
  ],
  // check-in
  scans: [
    { fields: [asc('kind'), asc('subjectId')] }, // the first scan of a subject
    { fields: [asc('staff'), asc('scopeKey'), asc('result'), desc('at')] }, // my recent scans
  ],
};

/** The name an index gets in CloudBase: fields and directions, so a changed index is a new name. */
export function indexName(spec: IndexSpec): string {
  return `${spec.unique ? 'u_' : ''}${spec.fields.map(([f, d]) => `${f.replace(/\./g, '_')}_${d === 1 ? 1 : -1}`).join('_')}`;
}

function serves(spec: IndexSpec, q: QueryShape): boolean {
  const names = spec.fields.map(([f]) => f);
  // How many of the index's leading fields the query fixes by equality.
  let p = 0;
  while (p < names.length && q.eq.includes(names[p])) p++;
  if (q.order.length) {
    // A sorted read needs every equality field in the prefix, then the sort fields in order, all in the
    // index's directions or all reversed (an index is read both ways).
    if (p !== q.eq.length) return false;
    const dirs = q.order.map(([f, d], i) =>
      names[p + i] === f ? (spec.fields[p + i][1] === 1) === (d === 'asc') : null,
    );
    return dirs.every((d) => d === true) || dirs.every((d) => d === false);
  }
  // An unsorted read: the index narrows by a leading equality field (the rest is filtered on what it found),
  // or, with no equality at all, by a leading range field.
  if (p > 0) return true;
  return !q.eq.length && q.range.includes(names[0]);
}

/** The index serving a query shape: `'_id'` for reads by id or whole-collection reads, null when none does. */
export function indexFor(q: QueryShape): IndexSpec | '_id' | null {
  if (q.eq.includes('_id') || (!q.eq.length && !q.order.length && q.range.length === 1 && q.range[0] === '_id'))
    return '_id';
  if (!q.eq.length && !q.range.length && !q.order.length) return '_id';
  return (COLLECTIONS[q.collection] ?? []).find((spec) => serves(spec, q)) ?? null;
}
