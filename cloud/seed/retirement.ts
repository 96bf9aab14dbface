/**
 * 光荣退休 seed: the open 2026 campaign, the employers list, and a few requests in various states
 * (fictional people; identity numbers generated with a valid GB 11643 checksum, stored only hashed).
 *
 * persona-retiree (周桂芳) has NO request: the e2e test lets persona-family (her daughter) ask for
 * her with RETIREE_ID_NUMBER below. Her user record carries the keyed hash of that number, so once
 * the daughter submits, the request shows on the retiree's own 「我的申请」 too.
 */
import type { RetirementStatus } from '../../types/api/retirement';
import type { Database } from '../lib/db';
import { keyedHash } from '../lib/ids';
import { maskIdNumber } from '../lib/mask';
import { signToken } from '../lib/token';
import { EMPLOYERS, PERSONAS } from './personas';
import type { RetirementDoc, RetirementSettings } from '../domain/retirement/model';
import { requestIdFor } from '../domain/retirement/model';
import { serialNumber } from '../domain/retirement/certificate';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A fictional identity number (秀洲 area code 330411) with a valid check digit. */
export function fakeIdNumber(birth: string, seq: number): string {
  const body = `330411${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

/** 周桂芳's (persona-retiree) identity number, for the e2e family request. */
export const RETIREE_ID_NUMBER = fakeIdNumber('1966-02-08', 102);

const DAY = 24 * 3600_000;
/** The same secrets the functions read (the emulator runs seed and functions in one process). */
const SEED_HASH_KEY = process.env.ID_HASH_KEY ?? 'dev-id-hash-key';

export const retirementSettings: RetirementSettings = {
  _id: 'current',
  open: true,
  year: 2026,
  title: '2026年企业职工「光荣退休」',
  futureDays: 30,
  pastDays: 730,
  placeIds: ['station-xinchenghui', 'station-wangjiangjing'],
  issuer: '嘉兴市秀洲区总工会',
};

const extraEmployers = [
  { id: 'emp-youchegang-electronics', name: '油车港电子科技有限公司' },
  { id: 'emp-honghe-sweater', name: '洪合毛衫织造厂' },
];

interface SeedRequest {
  name: string;
  birth: string;
  phone: string;
  employerIndex: number;
  position: string;
  years: number;
  retiredDaysAgo: number;
  status: RetirementStatus;
  requester: RetirementDoc['requester'];
  pickup: boolean;
  serialSeq?: number;
  note?: string;
}

const xinchenghui = {
  method: 'pickup' as const,
  stationId: 'station-xinchenghui',
  stationName: '新城汇驿站',
  stationAddress: '嘉兴市秀洲区新城街道康和路新城汇商业中心1楼',
};
const byEnterprise = { kind: 'employer' as const, openid: PERSONAS.enterprise };

const requests: SeedRequest[] = [
  {
    name: '沈阿根',
    birth: '1965-11-03',
    phone: '13705731101',
    employerIndex: 0,
    position: '保全工',
    years: 36,
    retiredDaysAgo: 20,
    status: 'submitted',
    requester: byEnterprise,
    pickup: true,
  },
  {
    name: '陆美娟',
    birth: '1975-12-19',
    phone: '13905731102',
    employerIndex: 0,
    position: '挡车工',
    years: 31,
    retiredDaysAgo: 45,
    status: 'employer_verified',
    requester: { kind: 'self', openid: 'seed-retiree-lu' },
    pickup: true,
  },
  {
    name: '顾建明',
    birth: '1965-09-27',
    phone: '15905731103',
    employerIndex: 1,
    position: '数控车工',
    years: 38,
    retiredDaysAgo: 90,
    status: 'approved',
    requester: { kind: 'family', openid: 'seed-family-gu', relation: '子女' },
    pickup: false,
  },
  {
    name: '褚连生',
    birth: '1965-08-14',
    phone: '13605731104',
    employerIndex: 0,
    position: '染整工',
    years: 40,
    retiredDaysAgo: 150,
    status: 'plaque_pending',
    requester: byEnterprise,
    pickup: true,
    serialSeq: 1,
  },
  {
    name: '吴秀英',
    birth: '1975-06-02',
    phone: '18805731105',
    employerIndex: 2,
    position: '缝纫工',
    years: 29,
    retiredDaysAgo: 200,
    status: 'plaque_posted',
    requester: { kind: 'self', openid: 'seed-retiree-wu' },
    pickup: false,
    serialSeq: 2,
    note: '中国邮政 9812345678901',
  },
  {
    name: '钱国庆',
    birth: '1965-10-01',
    phone: '13805731106',
    employerIndex: 1,
    position: '钳工',
    years: 33,
    retiredDaysAgo: 60,
    status: 'returned',
    requester: { kind: 'self', openid: 'seed-retiree-qian' },
    pickup: true,
    note: '工龄与单位记录不符，请核对后重新提交',
  },
];

const PATH: Record<RetirementStatus, RetirementStatus[]> = {
  submitted: ['submitted'],
  employer_verified: ['submitted', 'employer_verified'],
  approved: ['submitted', 'employer_verified', 'approved'],
  returned: ['submitted', 'returned'],
  issued: ['submitted', 'employer_verified', 'approved', 'issued'],
  plaque_pending: ['submitted', 'employer_verified', 'approved', 'issued', 'plaque_pending'],
  plaque_posted: ['submitted', 'employer_verified', 'approved', 'issued', 'plaque_posted'],
  collected: ['submitted', 'employer_verified', 'approved', 'issued', 'plaque_pending', 'collected'],
  revoked: ['submitted', 'employer_verified', 'approved', 'issued', 'revoked'],
};

function buildRequest(r: SeedRequest, index: number, now: number): RetirementDoc {
  const idNumber = fakeIdNumber(r.birth, 200 + index);
  const idHash = keyedHash(SEED_HASH_KEY, idNumber);
  const id = requestIdFor(idHash);
  const employer = EMPLOYERS[r.employerIndex];
  const submittedAt = now - (r.retiredDaysAgo - 5) * DAY;
  const steps = PATH[r.status];
  const history = steps.map((status, i) => ({
    status,
    at: submittedAt + i * 2 * DAY,
    by: i === 0 ? r.requester.openid : PERSONAS.admin,
    ...(i === steps.length - 1 && r.note ? { note: r.note } : {}),
  }));
  const issuedAt = r.serialSeq ? history[steps.indexOf('issued')].at : undefined;
  return {
    _id: id,
    idHash,
    idMasked: maskIdNumber(idNumber),
    name: r.name,
    phone: r.phone,
    employer: employer.name,
    employerId: employer.id,
    position: r.position,
    yearsOfService: r.years,
    retirementDate: new Date(now - r.retiredDaysAgo * DAY + 8 * 3600_000).toISOString().slice(0, 10),
    delivery: r.pickup ? xinchenghui : { method: 'post', address: '嘉兴市秀洲区新城街道洪兴西路88号' },
    callbackRequested: index === 0,
    ...(index === 0 ? { callbackTime: '上午' } : {}),
    requester: r.requester,
    status: r.status,
    history,
    ...(r.status === 'returned' ? { returnReason: r.note } : {}),
    ...(r.serialSeq && issuedAt
      ? {
          serial: serialNumber(2026, r.serialSeq),
          issuedAt,
          certificateToken: signToken(process.env, { kind: 'certificate', id, ttlMs: 80 * 365 * DAY }, issuedAt).token,
        }
      : {}),
    ...(r.status === 'plaque_posted' ? { trackingNote: r.note } : {}),
    submittedAt,
    updatedAt: history[history.length - 1].at,
  };
}

export async function seedRetirement(db: Database, now: number): Promise<void> {
  const { _id: settingsId, ...settings } = retirementSettings;
  await db.collection('retirementSettings').doc(settingsId).set({ data: settings });
  for (const e of [...EMPLOYERS, ...extraEmployers]) {
    await db
      .collection('employers')
      .doc(e.id)
      .set({ data: { name: e.name } });
  }
  for (const [i, r] of requests.entries()) {
    const { _id, ...doc } = buildRequest(r, i, now);
    await db.collection('retirementRequests').doc(_id).set({ data: doc });
  }
  await db
    .collection('retirementCounters')
    .doc('serial-2026')
    .set({ data: { seq: 2, updatedAt: now } });
  const first = buildRequest(requests[0], 0, now)._id;
  await db
    .collection('adminTodos')
    .doc(`callback-${first}`)
    .set({
      data: {
        kind: 'retirement-callback',
        requestId: first,
        name: requests[0].name,
        preferredTime: '上午',
        done: false,
        createdAt: now,
      },
    });
  // Links 周桂芳's account to her identity hash, so a request her daughter files shows for her too.
  await db
    .collection('users')
    .doc(PERSONAS.retiree)
    .update({ data: { idHash: keyedHash(SEED_HASH_KEY, RETIREE_ID_NUMBER) } });
}
