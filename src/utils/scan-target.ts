import Taro from '@tarojs/taro';

/*
 * The invite page and the token's shape, as types/api/admin.ts has them (INVITE_PAGE, invitation
 * tokens of 31 hex): restated here because the admin contract would weigh on both scanners' packages
 * (and the weapp build files a module outside src/ shared by two subpackages into one of them only).
 * test/app/staff/invitation-scan.test.tsx holds the two in step.
 */
export const INVITE_PAGE = 'admin/pages/invite/index';
const TOKEN = /^[0-9a-f]{31}$/;
const IN_LINK = /[?&](?:t|scene)=([0-9a-f]{31})(?![0-9a-z])/;

/**
 * The invitation a scan carries, or null: a 小程序码 names the invite page in `path` (its scene
 * URL-encoded), a printed or on-screen QR holds the invite link, and a pasted code may be the bare
 * token. Any other code (tickets, vouchers, member cards) is not an invitation.
 */
export function invitationInScan(scan: { result?: string; path?: string }): string | null {
  for (const raw of [scan.path, scan.result]) {
    const text = (raw ?? '').trim();
    if (!text) continue;
    let decoded = text;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      // A malformed escape: read it as it is.
    }
    if (TOKEN.test(decoded)) return decoded;
    const m = decoded.includes(INVITE_PAGE) ? IN_LINK.exec(decoded) : null;
    if (m) return m[1];
  }
  return null;
}

export const invitePageUrl = (token: string) => `/${INVITE_PAGE}?t=${token}`;

/** Opens the invite page, which shows what the invitation grants and asks before accepting. */
export function openInvitation(token: string) {
  return Taro.navigateTo({ url: invitePageUrl(token) });
}

/** The invite page with its own 扫一扫 (H5: a box for the pasted link): for anyone signed in. */
export const SCAN_INVITATION_URL = `/${INVITE_PAGE}?scan=1`;

export function scanForInvitation() {
  return Taro.navigateTo({ url: SCAN_INVITATION_URL });
}

/**
 * The camera, for an invitation: its token; null when closed or when another code was scanned (that
 * one is explained: those codes are scanned by staff).
 */
export async function scanInvitationCode(): Promise<string | null> {
  let res: { result?: string; path?: string };
  try {
    res = await Taro.scanCode({ scanType: ['qrCode'] });
  } catch (e) {
    // Closing the camera is not an error worth a dialog.
    const msg = (e as { errMsg?: string })?.errMsg ?? '';
    if (!/cancel/i.test(msg)) await Taro.showToast({ title: '未能打开扫码，请重试', icon: 'none' });
    return null;
  }
  const token = invitationInScan(res);
  if (token) return token;
  await Taro.showModal({
    title: '这不是工作邀请',
    content: '这里只能扫工作邀请二维码。比武签到、礼包核销等二维码请出示给工作人员扫描。',
    showCancel: false,
    confirmText: '知道了',
  });
  return null;
}
