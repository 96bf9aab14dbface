/**
 * Invitations met by a scanner: recognised in what a scan returns (a 小程序码's path, the invite
 * link in a QR, the bare token), opened after a confirm from the staff scanner, and reachable by
 * anyone signed in from 我的 → 扫一扫, or from the scanner page a non-staff person lands on.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import ScannerPage from '../../../src/staff/pages/scanner/index';
import MinePage from '../../../src/pages/mine/index';
import InvitePage from '../../../src/admin/pages/invite/index';
import { INVITE_PAGE as CONTRACT_INVITE_PAGE, invitationTokenFrom } from '@contract/api/admin';
import { INVITE_PAGE, invitationInScan, scanInvitationCode } from '../../../src/utils/scan-target';
import { STATION_INVITATION_PREVIEW } from '../admin/fixtures';
import { taroMock } from '../mocks/taro';

const TOKEN = '0123456789abcdef0123456789abcde';
const SCOPE = { kind: 'station', id: 'station-xinchenghui', name: '新城汇驿站' };

beforeEach(() => taroMock.reset());
afterEach(() => setTransport(null));

function serve(answers: Record<string, (data: Record<string, any>) => unknown>) {
  const sent: Array<Record<string, any>> = [];
  setTransport(async (_name, data) => {
    sent.push(data as Record<string, any>);
    const answer = answers[String(data.action)];
    if (!answer) return { ok: true, data: [] } as any;
    try {
      return { ok: true, data: answer(data as Record<string, any>) } as any;
    } catch (e: any) {
      return { ok: false, code: e.code, message: e.message } as any;
    }
  });
  return sent;
}

test('the scanners read invitations as the contract writes them', () => {
  expect(INVITE_PAGE).toBe(CONTRACT_INVITE_PAGE);
  for (const link of [
    `https://union.example.cn/#/${CONTRACT_INVITE_PAGE}?t=${TOKEN}`,
    `${CONTRACT_INVITE_PAGE}?scene=${TOKEN}`,
    TOKEN,
  ])
    expect(invitationInScan({ result: link })).toBe(invitationTokenFrom(link));
});

test('what a scan returns: invitations are found, every other code is not', () => {
  expect(invitationInScan({ result: '', path: `admin/pages/invite/index?scene=${TOKEN}` })).toBe(TOKEN);
  expect(invitationInScan({ result: `https://union.example.cn/#/admin/pages/invite/index?t=${TOKEN}` })).toBe(TOKEN);
  expect(invitationInScan({ result: `admin%2Fpages%2Finvite%2Findex%3Fscene%3D${TOKEN}` })).toBe(TOKEN);
  expect(invitationInScan({ result: ` ${TOKEN} ` })).toBe(TOKEN);
  // A voucher or ticket token, a certificate link, a malformed escape, nothing at all.
  expect(invitationInScan({ result: 'v1.voucher.abc.1767000000.sig' })).toBeNull();
  expect(invitationInScan({ result: 'https://union.example.cn/cert?t=abc.def' })).toBeNull();
  expect(invitationInScan({ result: '%E0%A4%A' })).toBeNull();
  expect(invitationInScan({ result: 'admin/pages/invite/index?t=short' })).toBeNull();
  expect(invitationInScan({})).toBeNull();
});

test('staff scanner: an invitation is not sent for check-in; after 打开 it opens the invite page', async () => {
  const sent = serve({ myScopes: () => [SCOPE] });
  jest
    .mocked(Taro.scanCode)
    .mockResolvedValueOnce({ result: '', path: `admin/pages/invite/index?scene=${TOKEN}`, errMsg: 'ok' } as any);
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: true, cancel: false } as any);
  render(<ScannerPage />);
  fireEvent.click(await screen.findByText('扫一扫'));
  await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/admin/pages/invite/index?t=${TOKEN}` }));
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '这是一张工作邀请' }));
  expect(sent.filter((c) => c.action === 'scan')).toHaveLength(0);
});

test('staff scanner: 不用了 leaves the invitation alone and checks nothing in', async () => {
  const sent = serve({ myScopes: () => [SCOPE] });
  jest.mocked(Taro.scanCode).mockResolvedValueOnce({ result: TOKEN, errMsg: 'ok' } as any);
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true } as any);
  render(<ScannerPage />);
  fireEvent.click(await screen.findByText('扫一扫'));
  await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
  expect(Taro.navigateTo).not.toHaveBeenCalled();
  expect(sent.filter((c) => c.action === 'scan')).toHaveLength(0);
});

test('the scanner reached by someone who is not staff offers 扫描工作邀请 instead of an error', async () => {
  serve({
    myScopes: () => {
      throw { code: 'FORBIDDEN', message: '您没有权限进行此操作' };
    },
  });
  render(<ScannerPage />);
  expect(await screen.findByText(/您还不是工作人员/)).toBeTruthy();
  fireEvent.click(screen.getByText('扫描工作邀请'));
  await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/pages/invite/index?scan=1' }));
});

test('我的 → 扫一扫 for any signed-in user opens the invite page, which scans at once and shows the invitation', async () => {
  const sent = serve({
    getMe: () => ({
      openid: 'o1',
      roles: ['member'],
      scopes: [],
      profile: { name: '王建国' },
      profileComplete: true,
      membership: { status: 'none' },
      unreadMessages: 0,
    }),
    setupStatus: () => ({ needed: false }),
    previewInvitation: () => STATION_INVITATION_PREVIEW,
  });
  const { unmount } = render(<MinePage />);
  fireEvent.click(await screen.findByRole('button', { name: '扫一扫' }));
  await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/pages/invite/index?scan=1' }));
  unmount();
  taroMock.setRouterParams({ scan: '1' });
  jest
    .mocked(Taro.scanCode)
    .mockResolvedValueOnce({ result: '', path: `admin/pages/invite/index?scene=${TOKEN}` } as any);
  render(<InvitePage />);
  await screen.findByText('接受邀请');
  expect(sent.filter((c) => c.action === 'previewInvitation').map((c) => c.token)).toEqual([TOKEN]);
  expect(Taro.scanCode).toHaveBeenCalledTimes(1);
});

test('the invitation scanner explains another code, and says nothing when the camera is closed', async () => {
  jest.mocked(Taro.scanCode).mockResolvedValueOnce({ result: 'v1.voucher.abc' } as any);
  expect(await scanInvitationCode()).toBeNull();
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '这不是工作邀请' }));
  jest.mocked(Taro.showModal).mockClear();
  jest.mocked(Taro.scanCode).mockRejectedValueOnce({ errMsg: 'scanCode:fail cancel' });
  expect(await scanInvitationCode()).toBeNull();
  expect(Taro.showModal).not.toHaveBeenCalled();
  expect(Taro.showToast).not.toHaveBeenCalled();
});
