/**
 * Plaque pickup at the ceremony place: staff scan the QR on the retiree's e-certificate. The claim is
 * one conditional update (`status: plaque_pending` at this place → collected), so of N concurrent
 * scans exactly one succeeds and the rest answer `used` with the first scan's stamp.
 */
import type { LookupMatch, ScanResult, ScanScope, ScopeCount } from '../../../types/api/checkin';
import type { ActionCtx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { maskName, maskPhone, phoneTail } from '../../lib/mask';
import type { ScanKindHandler, ScanStamp } from '../../lib/scan';
import { REQUESTS, type HistoryEntry, type RetirementDoc } from './model';
import { tellRequester } from './transition';
import { RETIREMENT_FLOW } from '../../../types/flows';

function requireStation(scope: ScanScope): void {
  if (scope.kind !== 'station') fail('WRONG_SCOPE', '纪念牌只在颁发仪式现场（驿站）领取');
}

async function find(ctx: ActionCtx, id: string): Promise<RetirementDoc | undefined> {
  return (await ctx.db.collection(REQUESTS).where({ _id: id }).limit(1).get()).data[0] as RetirementDoc | undefined;
}

/** Why a scan that did not claim was refused, or who claimed it first. */
function explain(doc: RetirementDoc | undefined, scope: ScanScope): ScanResult {
  if (!doc) fail('NOT_FOUND', '查无此证书');
  if (doc.status === 'collected' && doc.collectedScan) {
    const first = doc.collectedScan;
    return {
      result: 'used',
      kind: 'certificate',
      title: '纪念牌已领取过',
      personName: maskName(doc.name),
      firstAt: first.at,
      firstPlace: first.placeName,
      firstStaff: first.staffName,
    };
  }
  if (doc.delivery.method === 'pickup' && doc.delivery.stationId !== scope.id) {
    fail('WRONG_SCOPE', `此纪念牌应在${doc.delivery.stationName ?? '其他地点'}领取`);
  }
  if (doc.status === 'revoked') fail('INVALID_STATE', '此证书已撤销，不能领取纪念牌');
  if (doc.delivery.method === 'post' || doc.status === 'plaque_posted' || doc.status === 'collected') {
    fail('WRONG_SCOPE', '此纪念牌已选择邮寄，不在现场领取');
  }
  fail('INVALID_STATE', '纪念牌还没有备好，请留意工会通知');
}

export const certificateScan: ScanKindHandler = {
  kind: 'certificate',

  async redeem(ctx: ActionCtx, subjectId: string, scope: ScanScope, scan: ScanStamp): Promise<ScanResult> {
    requireStation(scope);
    const _ = ctx.db.command;
    const entry: HistoryEntry = { status: 'collected', at: scan.at, by: scan.staff, note: `${scan.placeName}现场领取` };
    const claimed = await ctx.db
      .collection(REQUESTS)
      .where({ _id: subjectId, status: _.in([...RETIREMENT_FLOW.collect.from]), 'delivery.stationId': scope.id })
      .update({
        data: {
          status: 'collected',
          collectedAt: scan.at,
          collectedScan: _.set(scan),
          updatedAt: scan.at,
          history: _.push([entry]),
        },
      });
    const doc = await find(ctx, subjectId);
    if (claimed.stats.updated !== 1) return explain(doc, scope);
    const retiree = doc as RetirementDoc;
    await tellRequester(ctx, {
      to: retiree.requester.openid,
      title: '光荣退休：已领取',
      body: `${retiree.name}的纪念牌已在${scan.placeName}领取。感谢您多年的辛勤付出！`,
      page: '/retirement/pages/mine/index',
    });
    return {
      result: 'success',
      kind: 'certificate',
      title: '纪念牌领取成功',
      personName: maskName(retiree.name),
      detail: `${retiree.employer} · ${retiree.serial ?? ''}`,
    };
  },

  /** Reverts only the pickup this scan made (checkin checked the window and the caller). */
  async undo(ctx: ActionCtx, subjectId: string, scan: ScanStamp): Promise<void> {
    const _ = ctx.db.command;
    const entry: HistoryEntry = { status: 'plaque_pending', at: ctx.now(), by: ctx.openid, note: '撤销误扫' };
    const res = await ctx.db
      .collection(REQUESTS)
      .where({ _id: subjectId, status: 'collected', 'collectedScan.scanId': scan.scanId })
      .update({
        data: {
          status: 'plaque_pending',
          collectedAt: _.remove(),
          collectedScan: _.remove(),
          updatedAt: ctx.now(),
          history: _.push([entry]),
        },
      });
    if (res.stats.updated !== 1) fail('INVALID_STATE', '这次领取已无法撤销');
  },

  async lookup(ctx: ActionCtx, scope: ScanScope, query: { name: string; phoneTail: string }): Promise<LookupMatch[]> {
    requireStation(scope);
    const found = await ctx.db
      .collection(REQUESTS)
      .where({ 'delivery.stationId': scope.id, status: 'plaque_pending', name: query.name.trim() })
      .limit(20)
      .get();
    return (found.data as RetirementDoc[])
      .filter((d) => phoneTail(d.phone) === query.phoneTail)
      .map((d) => ({
        kind: 'certificate',
        subjectId: d._id,
        personName: maskName(d.name),
        phone: maskPhone(d.phone),
        summary: `光荣退休纪念牌 · 待领取 · ${d.employer}`,
      }));
  },

  async counts(ctx: ActionCtx, scope: ScanScope): Promise<ScopeCount[]> {
    if (scope.kind !== 'station') return [];
    const _ = ctx.db.command;
    const at = ctx.db.collection(REQUESTS);
    const [done, pending] = await Promise.all([
      at.where({ 'delivery.stationId': scope.id, status: 'collected', collectedScan: _.exists(true) }).count(),
      at.where({ 'delivery.stationId': scope.id, status: 'plaque_pending' }).count(),
    ]);
    // Nothing to show at a station that hosts no ceremony.
    return done.total + pending.total
      ? [{ label: '光荣退休纪念牌（已领取/应领取）', done: done.total, total: done.total + pending.total }]
      : [];
  },
};
