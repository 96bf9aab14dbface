/**
 * The contract test: every action of every function's contract (types/api/<fn>.ts) has a handler;
 * each is called, with a valid sample input from the 'full' seed, by a caller its access admits:
 * a read writes nothing, and a write replayed with the same requestId answers the same and writes
 * nothing more (one idempotency record, one change). Samples are derived from the input schema and
 * the seeded ids; SAMPLES below gives the few the schema cannot (a state to be in, a real token).
 */
// Must come first: it makes the contract's schemas describable before they are built.
import '../../bench/lib/introspect';
import { academyActions } from '../../cloud/domain/academy';
import { adminActions } from '../../cloud/domain/admin';
import { checkinActions } from '../../cloud/domain/checkin';
import { contestActions } from '../../cloud/domain/contest';
import { giftActions } from '../../cloud/domain/gift';
import { memberActions } from '../../cloud/domain/member';
import { portalActions } from '../../cloud/domain/portal';
import { retirementActions } from '../../cloud/domain/retirement';
import { functions } from '../../cloud/functions/registry';
import { implement, type ActionDef } from '../../cloud/lib/router';
import { PERSONAS } from '../../cloud/seed';
import { validValue } from '../../bench/lib/values';
import { diffSnapshots, makeBenchWorld, seededIds, snapshotAll, type World } from '../../bench/lib/world';
import { academyContract } from '../../types/api/academy';
import { adminContract } from '../../types/api/admin';
import { checkinContract } from '../../types/api/checkin';
import { contestContract } from '../../types/api/contest';
import { giftContract } from '../../types/api/gift';
import { memberContract } from '../../types/api/member';
import { portalContract, type PortalActions } from '../../types/api/portal';
import { retirementContract } from '../../types/api/retirement';
import type { Access, ActionSpec } from '../../types/contract';
import { RETIREMENT_FLOW } from '../../types/flows';

jest.setTimeout(120_000);

type Defs = Record<string, ActionDef<unknown, unknown>>;
const FUNCTIONS: Record<string, { contract: Record<string, ActionSpec>; defs: Defs }> = {
  member: { contract: memberContract, defs: memberActions as unknown as Defs },
  contest: { contract: contestContract, defs: contestActions as unknown as Defs },
  academy: { contract: academyContract, defs: academyActions as unknown as Defs },
  retirement: { contract: retirementContract, defs: retirementActions as unknown as Defs },
  gift: { contract: giftContract, defs: giftActions as unknown as Defs },
  checkin: { contract: checkinContract, defs: checkinActions as unknown as Defs },
  portal: { contract: portalContract, defs: portalActions as unknown as Defs },
  admin: { contract: adminContract, defs: adminActions as unknown as Defs },
};

const ROLE_PERSONA: Record<string, string> = {
  admin: PERSONAS.admin,
  member: PERSONAS.worker,
  retiree: PERSONAS.retiree,
  staff: PERSONAS.stationStaff,
  teacher: PERSONAS.teacher,
  enterprise: PERSONAS.enterprise,
};

/** Someone the access admits: the admin when admitted, else the persona holding the first role. */
function callerFor(access: Access): string {
  if (typeof access === 'string') return PERSONAS.worker;
  return access.includes('admin') ? PERSONAS.admin : ROLE_PERSONA[access[0]];
}

interface Sample {
  as?: string;
  input: (world: World) => Promise<Record<string, unknown>> | Record<string, unknown>;
}

/** The first document of a collection matching `where` (the seed has one in every state used here). */
async function one(world: World, collection: string, where: Record<string, unknown>): Promise<any> {
  const found = (await world.db.collection(collection).where(where).limit(1).get()).data[0];
  if (!found) throw new Error(`no ${collection} matching ${JSON.stringify(where)} in the full seed`);
  return found;
}

/** A retirement request the step may start from (the flows say which states). */
const requestFor = (world: World, step: { from: readonly string[] }) =>
  one(world, 'retirementRequests', { status: world.db.command.in([...step.from]) });

/** Where the schema alone cannot give a sample the handler accepts: a record in the right state, its owner. */
const SAMPLES: Record<string, Sample> = {
  'member.applyMembership': {
    as: PERSONAS.stationStaff,
    input: () => ({ agreeCharter: true, note: '申请入会' }),
  },
  'contest.cancel': {
    as: 'pending',
    input: async (w) => {
      const reg = await one(w, 'contestRegistrations', { contestId: 'contest-2026-skills', status: 'submitted' });
      return { registrationId: reg._id };
    },
  },
  'academy.setCourseActive': { input: () => ({ courseId: 'course-5s', active: false }) },
  'academy.acceptOrder': { input: () => ({ orderId: 'ord-seed-safety' }) },
  'academy.withdrawOrder': {
    as: 'pending',
    input: async (w) => ({ orderId: (await one(w, 'courseOrders', { _id: 'ord-seed-safety' }))._id }),
  },
  'academy.cancelBooking': {
    // The seeded learners have no profile: the worker books a seat first, then cancels it.
    input: async (w) => {
      const { sessionId } = await one(w, 'sessionBookings', { status: 'booked' });
      const booked = await w.call(PERSONAS.worker, 'academy', FUNCTIONS.academy.defs, {
        action: 'book',
        requestId: 'contract-setup-book',
        sessionId,
      });
      if (!booked.ok) throw new Error(`setup: book refused ${booked.code}`);
      return { sessionId };
    },
  },
  'retirement.returnRequest': {
    input: async (w) => ({ id: (await requestFor(w, RETIREMENT_FLOW.return))._id, reason: '工龄需要核对' }),
  },
  'retirement.postPlaque': {
    input: async (w) => ({
      id: (await requestFor(w, RETIREMENT_FLOW.postPlaque))._id,
      trackingNote: '中国邮政 9812345678901',
    }),
  },
  'retirement.revoke': {
    input: async (w) => ({ id: (await requestFor(w, RETIREMENT_FLOW.revoke))._id, reason: '信息有误' }),
  },
  'retirement.confirmReceipt': {
    as: 'pending',
    input: async (w) => ({ id: (await requestFor(w, RETIREMENT_FLOW.confirmReceipt))._id }),
  },
  'retirement.markCallbackDone': {
    input: async (w) => ({
      id: (await one(w, 'retirementRequests', { callbackRequested: true }))._id,
      note: '已电话回访',
    }),
  },
  'gift.cancelClaim': {
    as: PERSONAS.courier,
    input: async (w) => ({ voucherId: (await one(w, 'giftClaims', { openid: PERSONAS.courier })).voucherId }),
  },
};

/** An invitation the super admin made for a teacher (its token is what a QR would carry). */
async function teacherInvitation(w: World): Promise<{ id: string; token: string }> {
  const made = await w.call(PERSONAS.admin, 'admin', FUNCTIONS.admin.defs, {
    action: 'createInvitation',
    requestId: 'contract-setup-invite',
    kind: 'teacher',
    validDays: 7,
    maxUses: 3,
  });
  if (!made.ok) throw new Error(`setup: createInvitation refused ${made.code}`);
  return made.data as { id: string; token: string };
}
Object.assign(SAMPLES, {
  'admin.createInvitation': {
    input: () => ({ kind: 'stationStaff', scopeId: 'station-xinchenghui', validDays: 7, maxUses: 2 }),
  },
  'admin.revokeInvitation': { input: async (w: World) => ({ invitationId: (await teacherInvitation(w)).id }) },
  'admin.invitationPoster': { input: async (w: World) => ({ invitationId: (await teacherInvitation(w)).id }) },
  'admin.previewInvitation': {
    as: PERSONAS.worker,
    input: async (w: World) => ({ token: (await teacherInvitation(w)).token }),
  },
  'admin.acceptInvitation': {
    as: PERSONAS.worker,
    input: async (w: World) => ({ token: (await teacherInvitation(w)).token }),
  },
  'admin.revokeGrant': {
    input: async (w: World) => ({ grantId: (await one(w, 'grants', { kind: 'stationStaff', active: true }))._id }),
  },
  'admin.saveStation': {
    input: () => ({
      name: '高照驿站',
      town: '高照街道',
      address: '嘉兴市秀洲区高照街道秀园路88号',
      hours: '每天 08:00-19:00',
      phone: '0573-82201009',
      services: ['热水'],
      latE6: 30762345,
      lngE6: 120731234,
    }),
  },
  'admin.closeStation': {
    input: () => ({
      stationId: 'station-honghe',
      from: '2026-01-20 08:00',
      until: '2026-01-25 18:00',
      reason: '设备检修',
    }),
  },
  'admin.setStationActive': { input: () => ({ stationId: 'station-honghe', active: false }) },
  'admin.saveEmployer': { input: () => ({ name: '高照新材料有限公司' }) },
  'admin.mergeEmployers': { input: () => ({ keepId: 'emp-jiaxing-textile', dropId: 'emp-honghe-sweater' }) },
  'admin.setEmployerActive': { input: () => ({ employerId: 'emp-honghe-sweater', active: false }) },
  'contest.saveTrade': {
    input: () => ({ contestId: 'contest-2026-autumn', name: '焊工', rules: '手工电弧焊实操', quota: 20 }),
  },
  'contest.closeContest': { input: () => ({ contestId: 'contest-2026-autumn' }) },
  'contest.copyContest': { input: () => ({ contestId: 'contest-2025-skills' }) },
  'retirement.saveSettings': {
    input: () => ({
      open: true,
      year: 2026,
      title: '2026年企业职工「光荣退休」',
      opensAt: '2026-01-01 00:00',
      closesAt: '2026-12-31 18:00',
      futureDays: 30,
      pastDays: 730,
      certificateText: '{name}同志：\n\n感谢您在{employer}的{years}年。',
      issuer: '嘉兴市秀洲区总工会',
      serialPrefix: '秀工荣退',
      pickupStationIds: ['station-xinchenghui'],
    }),
  },
} satisfies Record<string, Sample>);

const courierVoucher = async (w: World) => ({
  voucherId: (await one(w, 'giftClaims', { openid: PERSONAS.courier })).voucherId,
});
const seededOrder = () => ({ orderId: 'ord-seed-safety' });
const issuedRequest = async (w: World) => ({ id: (await requestFor(w, RETIREMENT_FLOW.postPlaque))._id });
Object.assign(SAMPLES, {
  'gift.getVoucher': { as: PERSONAS.courier, input: courierVoucher },
  'gift.voucherCode': { as: PERSONAS.courier, input: courierVoucher },
  'academy.getOrder': { as: 'pending', input: seededOrder },
  'academy.orderReport': { as: 'pending', input: seededOrder },
  'retirement.getRequest': { as: 'pending', input: issuedRequest },
  'retirement.myCertificate': { as: 'pending', input: issuedRequest },
  'contest.ticketCode': {
    as: 'pending',
    input: async (w: World) => ({
      registrationId: (await one(w, 'contestRegistrations', { contestId: 'contest-2026-live', status: 'approved' }))
        ._id,
    }),
  },
} satisfies Record<string, Sample>);

/** `as: 'pending'`: the owner of the record the sample picked (read back from it). */
async function ownerOf(world: World, fn: string, action: string, input: Record<string, unknown>): Promise<string> {
  if (fn === 'academy' && ['withdrawOrder', 'getOrder', 'orderReport'].includes(action))
    return (await one(world, 'courseOrders', { _id: input.orderId })).ordererOpenid;
  if (fn === 'contest') return (await one(world, 'contestRegistrations', { _id: input.registrationId })).openid;
  return (await one(world, 'retirementRequests', { _id: input.id })).requester.openid;
}

async function sampleFor(fn: string, action: string, spec: ActionSpec, world: World) {
  const given = SAMPLES[`${fn}.${action}`];
  if (given) {
    const input = await given.input(world);
    const as = given.as === 'pending' ? await ownerOf(world, fn, action, input) : given.as;
    return { as: as ?? callerFor(spec.access), input };
  }
  const derived = validValue(spec.input, '', seededIds(world.db, world.clock.now()), false);
  const input = derived.ok && derived.value && typeof derived.value === 'object' ? derived.value : {};
  return { as: callerFor(spec.access), input: input as Record<string, unknown> };
}

let seq = 0;
const requestId = () => `contract-${(++seq).toString().padStart(6, '0')}`;

const cases = Object.entries(FUNCTIONS).flatMap(([fn, { contract }]) =>
  Object.entries(contract).map(([action, spec]) => ({ fn, action, spec })),
);

test('every registered function has a contract, and every action of a contract a handler', () => {
  expect(Object.keys(FUNCTIONS).sort()).toEqual(Object.keys(functions).sort());
  for (const { contract, defs } of Object.values(FUNCTIONS)) {
    expect(Object.keys(defs).sort()).toEqual(Object.keys(contract).sort());
    for (const [action, spec] of Object.entries(contract)) {
      expect(typeof defs[action].handler).toBe('function');
      // access and writes are the contract's, not restated by the server
      expect({ input: defs[action].input, access: defs[action].access, writes: defs[action].writes }).toEqual({
        input: spec.input,
        access: spec.access,
        writes: spec.writes,
      });
    }
  }
  expect(cases.length).toBeGreaterThanOrEqual(90);
});

test('a missing or extra handler is a type error, and a JavaScript caller without one fails at load', () => {
  const listStations = portalActions.listStations.handler;
  // @ts-expect-error listStations has no handler
  expect(() => implement<PortalActions>(portalContract, {})).toThrow('no handler for action listStations');
  // @ts-expect-error an action the contract does not declare
  implement<PortalActions>(portalContract, { listStations, deleteStation: listStations });
  // @ts-expect-error a handler answering the wrong type
  implement<PortalActions>(portalContract, { listStations: async () => 42 });
});

const outcomes: string[] = [];

describe.each(cases)('$fn.$action', ({ fn, action, spec }) => {
  test(spec.writes ? 'a replay answers the same and writes nothing more' : 'a read writes nothing', async () => {
    const world = await makeBenchWorld('full');
    const { as, input } = await sampleFor(fn, action, spec, world);
    const defs = FUNCTIONS[fn].defs;
    const before = snapshotAll(world.db);
    if (!spec.writes) {
      const res = await world.call(as, fn, defs, { action, ...input });
      outcomes.push(`${fn}.${action} ${res.ok ? 'ok' : res.code}`);
      // An audited read (an export) leaves its audit entry and nothing else.
      expect(diffSnapshots(before, snapshotAll(world.db))).toEqual(spec.audited && res.ok ? ['auditLog'] : []);
      return;
    }
    if (spec.writes === 'idempotent') {
      const first = await world.call(as, fn, defs, { action, ...input });
      outcomes.push(`${fn}.${action} ${first.ok ? 'ok' : first.code}`);
      const afterFirst = snapshotAll(world.db);
      const again = await world.call(as, fn, defs, { action, ...input });
      expect(again.ok).toBe(first.ok);
      expect(diffSnapshots(afterFirst, snapshotAll(world.db))).toEqual([]);
      return;
    }
    const id = requestId();
    const first = await world.call(as, fn, defs, { action, requestId: id, ...input });
    outcomes.push(`${fn}.${action} ${first.ok ? 'ok' : first.code}`);
    const afterFirst = snapshotAll(world.db);
    const replay = await world.call(as, fn, defs, { action, requestId: id, ...input });
    expect(replay).toEqual(first);
    expect(diffSnapshots(afterFirst, snapshotAll(world.db))).toEqual([]);
    const records = (await world.db.collection('idempotency').where({}).limit(1000).get()).data;
    expect(records.filter((r) => String(r._id).endsWith(`:${fn}:${action}:${id}`))).toHaveLength(1);
  });
});

test('the samples reach the handlers: most actions answer ok, every write in SAMPLES does', () => {
  // Runs after the cases above (jest keeps file order). A refusal is a fine sample for the replay
  // rule, but the table exists to reach the handlers' success paths.
  const ok = outcomes.filter((o) => o.endsWith(' ok')).map((o) => o.split(' ')[0]);
  for (const key of Object.keys(SAMPLES)) expect([key, ok.includes(key)]).toEqual([key, true]);
  expect(ok.length).toBeGreaterThanOrEqual(70);
  expect(outcomes).toHaveLength(cases.length);
});

afterAll(() => {
  if (process.env.CONTRACT_OUTCOMES) console.log(outcomes.join('\n'));
});
