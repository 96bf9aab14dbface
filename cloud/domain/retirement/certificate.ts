/** The e-certificate: issuing (serial + long-lived QR token), the plaque, revocation, verification. */
import { deployConfig, type DeployConfig } from '../../lib/deploy-config';
import { isProduction } from '../../lib/secrets';
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
import { AppError, fail, isAppError } from '../../lib/errors';
import { maskName } from '../../lib/mask';
import { signToken, verifyToken } from '../../lib/token';
import { readOrNull } from '../../lib/db';
import { ensureDoc, transact } from '../../lib/transact';
import { changedByThisRequest, marked } from '../../lib/resume';
import { requireReadable } from './access';
import {
  COUNTERS,
  DEFAULT_SERIAL_PREFIX,
  loadRequest,
  loadSettings,
  REQUESTS,
  toView,
  type HistoryEntry,
  type RetirementDoc,
} from './model';
import { photoUrlOf } from './photo';
import { eachId } from './review';
import { tellRequester, transition } from './transition';
import { can, RETIREMENT_FLOW } from '../../../types/flows';

type In<K extends keyof RetirementActions> = RetirementActions[K]['input'];

/** A printed certificate is kept for life: its QR must still verify decades later. */
const CERTIFICATE_TTL_MS = 80 * 365 * 24 * 3600 * 1000;
const ISSUED: RetirementDoc['status'][] = ['issued', 'plaque_pending', 'plaque_posted', 'collected', 'revoked'];

const PAPER_CODE_UNREADABLE =
  '证书上的二维码无法核验，可能印刷不清、有污损或被改动过。请在本页输入证书编号查询，或致电区总工会 0573-82200000 核实。';

export function serialNumber(year: number, seq: number, prefix = DEFAULT_SERIAL_PREFIX): string {
  return `${prefix}〔${year}〕第${String(seq).padStart(4, '0')}号`;
}

/** The settings' honour text for this person, as paragraphs. */
export function honourTextFor(
  template: string,
  doc: Pick<RetirementDoc, 'name' | 'employer' | 'position' | 'yearsOfService'>,
): string[] {
  const filled = template
    .replace(/\{name\}/g, doc.name)
    .replace(/\{employer\}/g, doc.employer)
    .replace(/\{position\}/g, doc.position)
    .replace(/\{years\}/g, String(doc.yearsOfService));
  return filled
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * The serial as typed on a phone, read the way a person would: the keyboard has no 〔〕, so
 * 秀工荣退(2026)第0003号, 秀工荣退（2026）第3号, 2026-0003, 2026 3 and 20260003 all name
 * 秀工荣退〔2026〕第0003号. The year is the first four digits, the number what follows it.
 */
export function canonicalSerial(typed: string): string | null {
  const digits = typed.normalize('NFKC').match(/\d+/g) ?? [];
  let year: string | undefined;
  let seq: string | undefined;
  if (digits.length === 1 && digits[0].length > 4 && digits[0].length <= 8) {
    year = digits[0].slice(0, 4);
    seq = digits[0].slice(4);
  } else if (digits.length === 2 && digits[0].length === 4 && digits[1].length <= 4) {
    [year, seq] = digits;
  }
  if (!year || !seq || Number(seq) < 1) return null;
  return serialNumber(Number(year), Number(seq));
}

/** Where development certificates point; a deployment has its own (`verifyUrl`, refused if empty). */
export const DEV_VERIFY_URL = 'https://verify.dev.invalid/rv';

/**
 * What the certificate's QR holds: a link the WeChat camera opens (扫普通链接二维码打开小程序) with the
 * token. The base is the deployment's `verifyUrl` from deploy.config.json (bundled by the deploy);
 * a production function without one refuses to serve (secrets.ts), so a printed certificate never
 * carries the development address.
 */
export function qrTextFor(ctx: ActionCtx, token: string, config: DeployConfig = deployConfig): string {
  const base = config.verifyUrl || (isProduction(ctx.env) ? '' : DEV_VERIFY_URL);
  if (!base) throw new Error('verifyUrl is not configured in deploy.config.json');
  return `${base}?t=${token}`;
}

/**
 * Serial numbers come from a counter per year, read and advanced inside the same transaction that
 * moves the request to issued: no two certificates share a number, and no number is skipped by a
 * request that was not approved.
 */
async function issueOne(ctx: ActionCtx, id: string, year: number, prefix: string): Promise<void> {
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
          serial: serialNumber(year, seq, prefix),
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
    template: 'retirementProgress',
    values: { subject: `${doc.name}的光荣退休证书`, status: '已签发', note: `证书编号 ${doc.serial}` },
  });
}

export async function issue(ctx: ActionCtx, input: In<'issue'>): Promise<BatchResult> {
  const settings = await loadSettings(ctx);
  const year = settings.year ?? Number(shanghaiDate(ctx.now()).slice(0, 4));
  return eachId(input.ids, (id) => issueOne(ctx, id, year, settings.serialPrefix ?? DEFAULT_SERIAL_PREFIX));
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
    ...(settings.certificateText ? { honourText: honourTextFor(settings.certificateText, doc) } : {}),
    ...(photoUrl ? { photoUrl } : {}),
  };
}

/** Public: anyone holding the certificate (or its serial) learns valid/revoked and nothing more. */
export async function verifyCertificate(ctx: ActionCtx, input: In<'verifyCertificate'>): Promise<CertificateCheck> {
  let doc: RetirementDoc | undefined;
  if (input.token) {
    let claims: ReturnType<typeof verifyToken>;
    try {
      claims = verifyToken(ctx.env, certificateTokenFrom(input.token), ctx.now());
    } catch (e) {
      // A printed certificate cannot be refreshed: point to what its holder can do instead.
      if (isAppError(e) && (e.code === 'TOKEN_INVALID' || e.code === 'TOKEN_EXPIRED'))
        fail(e.code, PAPER_CODE_UNREADABLE);
      throw e;
    }
    if (claims.kind !== 'certificate') fail('TOKEN_INVALID', '这不是光荣退休证书的二维码');
    doc = (await ctx.db.collection(REQUESTS).where({ _id: claims.id }).limit(1).get()).data[0] as
      RetirementDoc | undefined;
  } else if (input.serial) {
    const serial = canonicalSerial(input.serial);
    if (!serial) fail('NOT_FOUND', '查无此证书：请按证书上的编号输入年份和序号，例如 2026-0003');
    doc = (await ctx.db.collection(REQUESTS).where({ serial }).limit(1).get()).data[0] as RetirementDoc | undefined;
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
