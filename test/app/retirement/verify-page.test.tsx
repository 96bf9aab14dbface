/**
 * 证书核验 by number: one answer at a time (a valid result never stays beside 查无此证书), the
 * server's words shown inline; a code that does not verify offers the serial number instead.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { setTransport } from '../../../src/cloud-client';
import VerifyPage from '../../../src/retirement/pages/verify/index';
import { taroMock } from '../mocks/taro';

const VALID = { status: 'valid', nameMasked: '金*毛', employer: '嘉兴纺织有限公司', issuedAt: Date.UTC(2026, 0, 5) };
const sent: string[] = [];

beforeEach(() => {
  taroMock.reset();
  sent.length = 0;
  setTransport(async (_name, data) => {
    if (data.token)
      return { ok: false, code: 'TOKEN_INVALID', message: '证书上的二维码无法核验，请输入证书编号查询' } as any;
    sent.push(String(data.serial));
    return /0003/.test(String(data.serial))
      ? ({ ok: true, data: VALID } as any)
      : ({ ok: false, code: 'NOT_FOUND', message: '查无此证书，请核对证书编号' } as any);
  });
});
afterAll(() => setTransport(null));

async function lookUp(serial: string) {
  fireEvent.change(screen.getByLabelText('证书编号'), { target: { value: serial } });
  await act(async () => {
    fireEvent.click(screen.getByText('查询'));
  });
}

test('a valid result and 查无此证书 never show together', async () => {
  const { container } = render(<VerifyPage />);
  await lookUp('2026-0003');
  expect(await screen.findByText('证书真实有效')).toBeTruthy();
  expect(sent).toEqual(['2026-0003']);

  await lookUp('2026-0009');
  expect(await screen.findByText('查无此证书，请核对证书编号')).toBeTruthy();
  expect(container.textContent).not.toContain('证书真实有效');

  await lookUp('秀工荣退(2026)第0003号');
  expect(await screen.findByText('证书真实有效')).toBeTruthy();
  expect(container.textContent).not.toContain('查无此证书');
  expect(container.querySelectorAll('.retirement-verify__result')).toHaveLength(1);
});

test('a QR code that does not verify says so and offers the serial number; nothing about refreshing', async () => {
  taroMock.setRouterParams({ t: 'v1.certificate.tampered.sig' });
  const { container } = render(<VerifyPage />);
  expect(await screen.findByText('二维码未能核验')).toBeTruthy();
  expect(container.textContent).not.toMatch(/刷新|重试/);
  await lookUp('2026-0003');
  expect(await screen.findByText('证书真实有效')).toBeTruthy();
});
