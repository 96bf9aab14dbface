/**
 * Consent precedes every sensitive collection: the profile (name, phone) is never sent before the
 * user ticks the privacy notice, and the location is never read before the user agrees to why.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { taroMock } from '../mocks/taro';
import { setTransport } from '../../../src/cloud-client';
import { hasConsented } from '../../../src/stores/consent';
import ProfilePage from '../../../src/member/pages/profile/index';
import HomePage from '../../../src/pages/home/index';

const profile = {
  name: '张晓明',
  phone: '13812345678',
  employer: '嘉兴秀洲精工机械有限公司',
  district: '秀洲区',
  category: '产业工人',
};
const me = {
  openid: 'o1',
  roles: [],
  scopes: [],
  profile,
  profileComplete: true,
  membership: { status: 'none' },
  unreadMessages: 0,
};

let calls: Array<{ name: string; data: Record<string, unknown> }>;
beforeEach(() => {
  taroMock.reset();
  calls = [];
  setTransport(async (name, data) => {
    calls.push({ name, data });
    if (data.action === 'getMe' || data.action === 'updateProfile') return { ok: true, data: me };
    return { ok: true, data: [] };
  });
});
afterAll(() => setTransport(null));

const sent = (action: string) => calls.filter((c) => c.data.action === action);

test('profile save without consent never calls the service; with consent it does', async () => {
  render(<ProfilePage />);
  await screen.findByDisplayValue('13812345678');
  await act(async () => {
    fireEvent.click(screen.getByText('保存'));
  });
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '请先阅读隐私指引' }));
  expect(sent('updateProfile')).toEqual([]);
  expect(hasConsented('profile')).toBe(false);

  await act(async () => {
    fireEvent.click(screen.getByText(/我已阅读并同意/).closest('[role=checkbox]')!);
  });
  await act(async () => {
    fireEvent.click(screen.getByText('保存'));
  });
  await waitFor(() => expect(sent('updateProfile')).toHaveLength(1));
  expect(sent('updateProfile')[0].data).toMatchObject({ phone: '13812345678' });
  expect(hasConsented('profile')).toBe(true);
});

test('离我最近 asks why before reading the location; declining reads nothing; agreeing is remembered', async () => {
  const getLocation = jest.fn(async () => ({ latitude: 30.77, longitude: 120.7 }));
  (Taro as any).getLocation = getLocation;
  render(<HomePage />);
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true } as never);
  await act(async () => {
    fireEvent.click(screen.getByText('离我最近'));
  });
  expect(Taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ title: '使用您的位置', content: expect.stringContaining('不会保存') }),
  );
  expect(getLocation).not.toHaveBeenCalled();

  await act(async () => {
    fireEvent.click(screen.getByText('离我最近'));
  });
  await waitFor(() => expect(getLocation).toHaveBeenCalledTimes(1));
  const modalOrder = jest.mocked(Taro.showModal).mock.invocationCallOrder.at(-1)!;
  expect(modalOrder).toBeLessThan(getLocation.mock.invocationCallOrder[0]);
  expect(hasConsented('location')).toBe(true);
  expect(Taro.showModal).toHaveBeenCalledTimes(2);
});
