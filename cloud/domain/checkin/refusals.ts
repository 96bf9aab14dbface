/**
 * Turns a refusal (from token verification or a kind's handler) into the amber result, in words a
 * volunteer can read aloud to the person in front of them, with what to do next.
 */
import type { CodeKind, ScanResult } from '../../../types/api/checkin';
import { ERROR_MESSAGES, type ErrorCode } from '../../../types/envelope';
import type { AppError } from '../../lib/errors';

const PLAIN: Partial<Record<ErrorCode, { title: string; message: string }>> = {
  TOKEN_INVALID: {
    title: '二维码无效',
    message: '这个码无法识别或已被改动（截图、翻拍或伪造的码都会这样），请对方在小程序里重新打开二维码再扫',
  },
  TOKEN_EXPIRED: { title: '二维码已过期', message: '请对方在小程序里刷新二维码后再扫' },
  WRONG_SCOPE: { title: '不是本场的码', message: '此码不属于本场活动/本站点，请对方到对应的场地或站点办理' },
  NOT_FOUND: { title: '没有找到记录', message: '没有找到这个码对应的记录，请对方在小程序里重新打开二维码' },
  NOT_OPEN: { title: '还没开始', message: '还没到核验时间，请稍后再扫' },
  DEADLINE_PASSED: { title: '已过时间', message: '已过核验时间，请对方联系工会工作人员' },
  FORBIDDEN: { title: '无权核验', message: '您没有核验这类码的权限，请联系管理员' },
};

export function refusal(e: AppError, kind?: CodeKind): ScanResult {
  const plain = PLAIN[e.code];
  // A handler's own message ("此券应在王江泾镇驿站领取") says more than the generic one.
  const custom = e.message && e.message !== ERROR_MESSAGES[e.code] ? e.message : undefined;
  return {
    result: 'refused',
    ...(kind ? { kind } : {}),
    code: e.code,
    title: plain?.title ?? '无法核验',
    message: custom ?? plain?.message ?? ERROR_MESSAGES[e.code],
  };
}
