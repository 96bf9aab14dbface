/**
 * ReasonSheet: the one way the app asks for a reason (H5 has no editable modal). It checks the length
 * in place, hands over the trimmed text, stays busy while that runs, and takes the page's 长辈模式.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { PageShell } from '../../../src/components/page-shell';
import { ReasonSheet } from '../../../src/components/reason-sheet';
import { setElderMode } from '../../../src/stores/elder-mode';
import { taroMock } from '../mocks/taro';

beforeEach(() => taroMock.reset());

const field = () => screen.getByLabelText('退回原因') as HTMLTextAreaElement;

test('too short is refused in place; typing clears the message; the trimmed text is handed over', async () => {
  const onConfirm = jest.fn();
  const onCancel = jest.fn();
  render(
    <ReasonSheet
      title="退回原因"
      placeholder="如：工龄与单位记录不符"
      hint="申请人会看到这段话"
      confirmText="确认退回"
      onConfirm={onConfirm}
      onCancel={onCancel}
    />,
  );
  expect(screen.getByRole('heading').textContent).toBe('退回原因');
  expect(field().placeholder).toBe('如：工龄与单位记录不符');
  expect(field().maxLength).toBe(200);
  expect(screen.getByText('申请人会看到这段话')).toBeTruthy();

  fireEvent.click(screen.getByText('确认退回'));
  expect(screen.getByRole('alert').textContent).toBe('退回原因请至少写2个字');
  expect(screen.queryByText('申请人会看到这段话')).toBeNull();
  // Spaces do not count.
  fireEvent.change(field(), { target: { value: '  好  ' } });
  expect(screen.queryByRole('alert')).toBeNull();
  fireEvent.click(screen.getByText('确认退回'));
  expect(screen.getByRole('alert').textContent).toBe('退回原因请至少写2个字');
  expect(onConfirm).not.toHaveBeenCalled();

  fireEvent.change(field(), { target: { value: '  工龄与单位记录不符  ' } });
  await act(async () => {
    fireEvent.click(screen.getByText('确认退回'));
  });
  expect(onConfirm).toHaveBeenCalledTimes(1);
  expect(onConfirm).toHaveBeenCalledWith('工龄与单位记录不符');

  fireEvent.click(screen.getByRole('button', { name: '取消' }));
  expect(onCancel).toHaveBeenCalledTimes(1);
  expect(onConfirm).toHaveBeenCalledTimes(1);
});

test('minLength and maxLength are the caller’s; busy while the answer is sent, a second tap sends nothing', async () => {
  let finish!: () => void;
  const onConfirm = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
  render(
    <ReasonSheet
      title="寄出单号"
      minLength={4}
      maxLength={100}
      confirmText="确认寄出"
      busyText="正在保存…"
      onConfirm={onConfirm}
      onCancel={() => undefined}
    />,
  );
  const input = screen.getByLabelText('寄出单号') as HTMLTextAreaElement;
  expect(input.maxLength).toBe(100);
  fireEvent.change(input, { target: { value: 'EMS' } });
  fireEvent.click(screen.getByText('确认寄出'));
  expect(screen.getByRole('alert').textContent).toBe('寄出单号请至少写4个字');

  fireEvent.change(input, { target: { value: '中国邮政 9812345678901' } });
  await act(async () => {
    fireEvent.click(screen.getByText('确认寄出'));
  });
  const busy = screen.getByText('正在保存…');
  expect(busy.getAttribute('aria-disabled')).toBe('true');
  await act(async () => {
    fireEvent.click(busy);
  });
  expect(onConfirm).toHaveBeenCalledTimes(1);
  await act(async () => finish());
  expect(screen.getByText('确认寄出').getAttribute('aria-disabled')).toBe('false');
});

test('a failed answer leaves the card open with the text, ready to try again', async () => {
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const onConfirm = jest.fn().mockRejectedValueOnce(new Error('network')).mockResolvedValueOnce(undefined);
  render(<ReasonSheet title="退回原因" onConfirm={onConfirm} onCancel={() => undefined} />);
  fireEvent.change(field(), { target: { value: '材料不全' } });
  await act(async () => {
    fireEvent.click(screen.getByText('确定'));
  });
  expect(field().value).toBe('材料不全');
  expect(screen.getByText('确定').getAttribute('aria-disabled')).toBe('false');
  expect(logged).toHaveBeenCalledWith('[reason-sheet]', expect.any(Error));
  logged.mockRestore();
  await act(async () => {
    fireEvent.click(screen.getByText('确定'));
  });
  expect(onConfirm).toHaveBeenNthCalledWith(2, '材料不全');
});

test('inside a page it takes the page’s 长辈模式 (the tokens live on .page.elder)', () => {
  setElderMode(true);
  const { container } = render(
    <PageShell>
      <ReasonSheet title="撤销原因" onConfirm={() => undefined} onCancel={() => undefined} />
    </PageShell>,
  );
  const sheet = container.querySelector('.reason-sheet');
  expect(sheet?.closest('.page.elder')).toBeTruthy();
  expect(sheet?.querySelectorAll('.btn')).toHaveLength(2);
});
