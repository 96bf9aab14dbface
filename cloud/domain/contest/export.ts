/** The venue's list as CSV, and the contest's poster 小程序码. */
import { deployConfig } from '../../lib/deploy-config';
import { readAll } from '../../lib/paging';
import type { Infer } from '../../../types/schema';
import { REGISTRATION_STATUS_TEXT, type contestInput, type exportInput } from '../../../types/api/contest';
import { audit } from '../../lib/audit';
import { shanghaiDate, sortableShanghai } from '../../lib/clock';
import type { ActionCtx } from '../../lib/context';
import { fail } from '../../lib/errors';
import { maskPhone } from '../../lib/mask';
import { REGISTRATIONS, type RegistrationDoc } from './model';
import { loadContest } from './store';

/** Who the venue expects: approved people and those already through the door. */
const VENUE_STATES = ['approved', 'checked_in', 'result_published', 'awarded'];

/** Quotes a cell; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Phones are masked (138****1234), as in every response: the venue checks people in by the signed
 * ticket or by name + phone tail, which the masked form keeps. A full-phone contact list for calling
 * no-shows would need a reviewed exception to that rule, so it is not offered.
 */
/** 赛场名单-<contest>[-<trade>]-2026-05-16.csv: what the admin sees in a chat or on a PC; no path characters. */
function csvFilename(title: string, trade: string, now: number): string {
  const clean = (t: string) => t.replace(/[\\/:*?"<>|\s]+/g, '');
  return ['赛场名单', clean(title), trade ? clean(trade) : '', shanghaiDate(now)].filter(Boolean).join('-') + '.csv';
}

export async function exportCsv(
  ctx: ActionCtx,
  input: Infer<typeof exportInput>,
): Promise<{ filename: string; csv: string; rows: number }> {
  const contest = await loadContest(ctx, input.contestId);
  const _ = ctx.db.command;
  const where: Record<string, unknown> = { contestId: contest._id, status: _.in(VENUE_STATES) };
  if (input.tradeId) where.tradeId = input.tradeId;
  const regs = await readAll<RegistrationDoc>(ctx.db.collection(REGISTRATIONS).where(where));
  const order = new Map(contest.tradeIds.map((id, i) => [id, i]));
  regs.sort((a, b) => (order.get(a.tradeId) ?? 0) - (order.get(b.tradeId) ?? 0) || a.submittedAt - b.submittedAt);
  const header = ['序号', '项目', '姓名', '工作单位', '工种', '技能等级', '从业年限', '手机号', '状态', '签到时间'];
  const lines = regs.map((r, i) =>
    [
      i + 1,
      r.tradeName,
      r.name,
      r.employer,
      r.jobTitle,
      r.skillLevel,
      r.yearsInTrade,
      maskPhone(r.phone),
      REGISTRATION_STATUS_TEXT[r.status],
      r.checkedIn ? sortableShanghai(r.checkedIn.at) : '',
    ]
      .map(csvCell)
      .join(','),
  );
  await audit(ctx, {
    event: 'contest.exportCsv',
    target: { kind: 'contest', id: contest._id },
    detail: { tradeId: input.tradeId ?? null, rows: regs.length },
  });
  // BOM so Excel opens the Chinese text as UTF-8.
  return {
    filename: csvFilename(contest.title, input.tradeId ? (regs[0]?.tradeName ?? input.tradeId) : '', ctx.now()),
    csv: `\ufeff${[header.join(','), ...lines].join('\r\n')}\r\n`,
    rows: regs.length,
  };
}

export const CONTEST_PAGE = 'contest/pages/detail/index';

/** The printed poster's 小程序码: scene is the contest id (≤ 32 chars), opening its detail page. */
export async function poster(
  ctx: ActionCtx,
  input: Infer<typeof contestInput>,
): Promise<{ contentType: string; base64: string; page: string; scene: string }> {
  const contest = await loadContest(ctx, input.contestId);
  if (contest._id.length > 32) fail('INVALID_STATE', '比武编号过长，无法生成小程序码');
  // checkPath false: the poster can be printed before the page is in a released version; envVersion from
  // deploy.config.json, so a trial deployment's posters open the trial version.
  const res = await ctx.openapi.wxacode.getUnlimited({
    scene: contest._id,
    page: CONTEST_PAGE,
    width: 430,
    checkPath: false,
    envVersion: deployConfig.weapp.envVersion,
  });
  return {
    contentType: res.contentType ?? 'image/png',
    base64: Buffer.from(res.buffer).toString('base64'),
    page: CONTEST_PAGE,
    scene: contest._id,
  };
}
