/**
 * 入会审核: the applicant's 备注 is on the card; 通过 asks first, and nothing is sent if the admin
 * steps back.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../../src/cloud-client';
import ApplicationsPage from '../../../src/member/pages/applications/index';
import { taroMock } from '../mocks/taro';

const app = (over: Record<string, unknown> = {}) => ({
  id: 'persona-newcomer',
  name: '张晓明',
  phone: '138****5678',
  employer: '嘉兴秀洲精工机械有限公司',
  district: '秀洲区',
  category: '产业工人',
  attempt: 2,
  status: 'pending',
  submittedAt: Date.UTC(2026, 0, 20, 2),
  reason: '上次单位名称写错了，已改正',
  ...over,
});

let reviews: Array<Record<string, unknown>>;
beforeEach(() => {
  taroMock.reset();
  reviews = [];
  setTransport(async (_name, data) => {
    if (data.action === 'listApplications')
      return {
        ok: true,
        data: { items: [app(), app({ id: 'p2', name: '李四', reason: undefined, attempt: 1 })] },
      } as any;
    if (data.action === 'reviewApplication') {
      reviews.push(data);
      return { ok: true, data: app({ status: 'approved', memberNo: 'XZ2026000010' }) } as any;
    }
    return { ok: false, code: 'INTERNAL', message: 'unexpected' } as any;
  });
});
afterAll(() => setTransport(null));

test('the applicant’s 备注 is shown (or that there is none)', async () => {
  render(<ApplicationsPage />);
  expect(await screen.findByText('上次单位名称写错了，已改正')).toBeTruthy();
  expect(screen.getAllByText('申请人备注')).toHaveLength(2);
  expect(screen.getByText('（未填写）')).toBeTruthy();
  expect(screen.getByText(/第 2 次申请/)).toBeTruthy();
  // The primary action on the right, as on every page: 退回 (plain) first, then 通过.
  const [ret] = screen.getAllByText('退回');
  const [ok] = screen.getAllByText('通过');
  expect(ret.compareDocumentPosition(ok) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
});

test('通过 asks for confirmation; stepping back sends nothing, confirming approves', async () => {
  render(<ApplicationsPage />);
  await screen.findByText('上次单位名称写错了，已改正');
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as any);
  await act(async () => {
    fireEvent.click(screen.getAllByText('通过')[0]);
  });
  expect(Taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ title: '通过入会申请？', content: expect.stringContaining('张晓明') }),
  );
  expect(reviews).toEqual([]);

  await act(async () => {
    fireEvent.click(screen.getAllByText('通过')[0]);
  });
  await waitFor(() => expect(reviews).toHaveLength(1));
  expect(reviews[0]).toMatchObject({ applicationId: 'persona-newcomer', decision: 'approve' });
});
