/** The e-certificate: issuing (serial + long-lived QR token), the plaque, revocation, verification. */
import type {
  BatchResult,
  CertificateCheck,
  CertificateView,
  RetirementActions,
  RetirementRequestView,
} from '../../../types/api/retirement';
import { certificateTokenFrom, RETIREMENT_STATUS_LABELS } from '../../../types/api/retirement';
import { audit } from '../../lib/audit';
import type { ActionCtx } from '../../lib/context';
import { shanghaiDate } from '../../lib/clock';
import { AppError, fail } from '../../lib/errors';
import { maskName } from '../../lib/mask';
import { signToken, verifyToken } from '../../lib/token';
import { readOrNull } from '../../lib/db';
import { ensureDoc, transact } from '../../lib/transact';
import { changedByThisRequest, marked } from '../../lib/resume';
import { requireReadable } from './access';
import { COUNTERS, loadRequest, loadSettings, REQUESTS, toView, type HistoryEntry, type RetirementDoc } from './model';
import { photoUrlOf } from './photo';
import { eachId } from './review';
import { tellRequester, transition } from './transition';
import { can, RETIREMENT_FLOW } from '../../../types/flows';

type In<K extends keyof RetirementActions> = RetirementActions[K]['input'];

/** A printed certificate is kept for life: its QR must still verify decades later. */
const CERTIFICATE_TTL_MS = 80 * 365 * 24 * 3600 * 1000;
const ISSUED: RetirementDoc['status'][] = ['issued', 'plaque_pending', 'plaque_posted', 'collected', 'revoked'];

export function serialNumber(year: number, seq: number): string {
  return `秀工荣退〔${year}〕第${String(seq).padStart(4, '0')}号`;
}

/** What the certificate's QR holds: a link the WeChat camera opens (扫普通链接二维码打开小程序) with the token. */
export function qrTextFor(ctx: ActionCtx, token: string): string {
  return `${ctx.env.RETIREMENT_VERIFY_URL ?? 'https://xzgh.example.cn/rv'}?t=${token}`;
}

/**
 * Serial numbers come from a counter per year, read and advanced inside the same transaction that
 * moves the request to issued: no two certificates share a number, and no number is skipped by a
 * request that was not approved.
 */
async function issueOne(ctx: ActionCtx, id: string, year: number): Promise<void> {
  const now = ctx.now();
  const { token } = signToken(ctx.env, { kind: 'certificate', id, ttlMs: CERTIFICATE_TTL_MS }, now);
  const _ = ctx.db.command;
  const counterId = `serial-${year}`;
  // Created outside the transaction, where a duplicate add is harmless: inside it the real SDK
  // rejects the read of a missing document (the first certificate of every year would fail).
  await ensureDoc(ctx.db, COUNTERS, counterId, { seq: 0, updatedAt: now });
  await transact(ctx.db, async (tx) => {
    const current = await readOrNull<RetirementDoc>(() => tx.collection(REQUESTS).doc(id).get());
    if (!current) throw new AppError('NOT_FOUND', '没有找到这份申请');
    // Issued by this very request, which then died: the certificate stands, finish the rest.
    if (current.status === 'issued' && changedByThisRequest(ctx, current)) return;
    if (!can(RETIREMENT_FLOW.issue, current.status)) {
      throw new AppError(
        'INVALID_STATE',
        `这份申请现在是「${RETIREMENT_STATUS_LABELS[current.status]}」，不能签发证书`,
        { status: current.status },
      );
    }
    const counter = await readOrNull<{ seq: number }>(() => tx.collection(COUNTERS).doc(counterId).get());
    if (!counter) throw new Error(`counter ${counterId} vanished`);
    const seq = counter.seq + 1;
    await tx
      .collection(COUNTERS)
      .doc(counterId)
      .update({ data: { seq, updatedAt: now } });
    const entry: HistoryEntry = { status: 'issued', at: now, by: ctx.openid };
    await tx
      .collection(REQUESTS)
      .doc(id)
      .update({
        data: marked(ctx, {
          status: 'issued',
          serial: serialNumber(year, seq),
          issuedAt: now,
          certificateToken: token,
          updatedAt: now,
          history: _.push([entry]),
        }),
      });
  });
  const doc = await loadRequest(ctx, id);
  await audit(ctx, {
    event: 'retirement.issue',
    target: { kind: 'retirementRequest', id },
    detail: { serial: doc.serial },
  });
  await tellRequester(ctx, {
    ref: id,
    to: doc.requester.openid,
    title: '光荣退休：证书已签发',
    body: `${doc.name}的光荣退休纪念证书已签发（${doc.serial}），可在小程序中查看并保存到相册。`,
    page: `/retirement/pages/certificate/index?id=${id}`,
  });
}

export async function issue(ctx: ActionCtx, input: In<'issue'>): Promise<BatchResult> {
  const settings = await loadSettings(ctx);
  const year = settings.year ?? Number(shanghaiDate(ctx.now()).slice(0, 4));
  return eachId(input.ids, (id) => issueOne(ctx, id, year));
}

/** Plaques are ready at the ceremony place: the certificate QR now works at the staff scanner. */
export async function plaqueReady(ctx: ActionCtx, input: In<'plaqueReady'>): Promise<BatchResult> {
  return eachId(input.ids, async (id) => {
    const doc = await loadRequest(ctx, id);
    if (doc.delivery.method !== 'pickup') fail('INVALID_STATE', '此申请选择邮寄，请填写快递单号');
    await transition(ctx, id, { ...RETIREMENT_FLOW.plaqueReady });
  });
}

/** Posted instead (chosen by post, or a pickup the retiree could not make): a tracking note. */
export async function postPlaque(ctx: ActionCtx, input: In<'postPlaque'>): Promise<RetirementRequestView> {
  const doc = await transition(ctx, input.id, {
    ...RETIREMENT_FLOW.postPlaque,
    patch: { trackingNote: input.trackingNote },
    note: input.trackingNote,
  });
  return toView(ctx, doc);
}

export async function revoke(ctx: ActionCtx, input: In<'revoke'>): Promise<RetirementRequestView> {
  const doc = await transition(ctx, input.id, {
    ...RETIREMENT_FLOW.revoke,
    patch: { revokedAt: ctx.now(), revokeReason: input.reason },
    note: input.reason,
  });
  return toView(ctx, doc);
}

export async function myCertificate(ctx: ActionCtx, input: In<'myCertificate'>): Promise<CertificateView> {
  const doc = requireReadable(ctx, await loadRequest(ctx, input.id));
  if (!ISSUED.includes(doc.status) || !doc.serial || !doc.certificateToken || !doc.issuedAt)
    fail('INVALID_STATE', '证书尚未签发，请耐心等待');
  const settings = await loadSettings(ctx);
  const photoUrl = await photoUrlOf(ctx, doc);
  return {
    id: doc._id,
    name: doc.name,
    employer: doc.employer,
    position: doc.position,
    yearsOfService: doc.yearsOfService,
    retirementDate: doc.retirementDate,
    serial: doc.serial,
    issuedAt: doc.issuedAt,
    revoked: doc.status === 'revoked',
    token: doc.certificateToken,
    qrText: qrTextFor(ctx, doc.certificateToken),
    issuer: settings.issuer,
    ...(photoUrl ? { photoUrl } : {}),
  };
}

/** Public: anyone holding the certificate (or its serial) learns valid/revoked and nothing more. */
export async function verifyCertificate(ctx: ActionCtx, input: In<'verifyCertificate'>): Promise<CertificateCheck> {
  let doc: RetirementDoc | undefined;
  if (input.token) {
    const claims = verifyToken(ctx.env, certificateTokenFrom(input.token), ctx.now());
    if (claims.kind !== 'certificate') fail('TOKEN_INVALID', '这不是光荣退休证书的二维码');
    doc = (await ctx.db.collection(REQUESTS).where({ _id: claims.id }).limit(1).get()).data[0] as
      RetirementDoc | undefined;
  } else if (input.serial) {
    doc = (await ctx.db.collection(REQUESTS).where({ serial: input.serial }).limit(1).get()).data[0] as
      RetirementDoc | undefined;
  } else {
    fail('INVALID_INPUT', '证书二维码：请扫描证书上的二维码或输入证书编号', { field: 'token' });
  }
  if (!doc || !doc.serial || !doc.issuedAt || !ISSUED.includes(doc.status))
    fail('NOT_FOUND', '查无此证书，请核对证书编号');
  return {
    status: doc.status === 'revoked' ? 'revoked' : 'valid',
    nameMasked: maskName(doc.name),
    employer: doc.employer,
    issuedAt: doc.issuedAt,
  };
}
