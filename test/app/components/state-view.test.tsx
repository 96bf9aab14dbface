/**
 * StateView: one loading / error / empty look on every page. An error whose retry cannot help (the
 * thing is gone, or not this person's) offers a way back instead of a 重试 that fails again.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { StateView } from '../../../src/components/state-view';
import { taroMock } from '../mocks/taro';

beforeEach(() => taroMock.reset());

test('a passing failure (network, busy) offers 重试 and calls it', () => {
  const onRetry = jest.fn();
  render(<StateView error={{ code: 'INTERNAL', message: '网络不太顺畅，请检查网络后重试' }} onRetry={onRetry} />);
  expect(screen.getByRole('alert').textContent).toContain('网络不太顺畅，请检查网络后重试');
  fireEvent.click(screen.getByText('重试'));
  expect(onRetry).toHaveBeenCalledTimes(1);
  expect(screen.queryByText('返回')).toBeNull();
});

test('NOT_FOUND offers 返回 (back when there is a page behind, else home), never 重试', () => {
  const onRetry = jest.fn();
  const { rerender } = render(
    <StateView error={{ code: 'NOT_FOUND', message: '没有找到这张礼包券' }} onRetry={onRetry} />,
  );
  expect(screen.queryByText('重试')).toBeNull();
  jest
    .mocked(Taro.getCurrentPages)
    .mockReturnValue([{ route: 'pages/mine/index' }, { route: 'gifts/pages/voucher/index' }]);
  fireEvent.click(screen.getByText('返回'));
  expect(Taro.navigateBack).toHaveBeenCalledTimes(1);

  // Opened straight from a shared link: nothing behind it, so home.
  jest.mocked(Taro.getCurrentPages).mockReturnValue([{ route: 'gifts/pages/voucher/index' }]);
  rerender(<StateView error={{ code: 'FORBIDDEN', message: '无权查看' }} onRetry={onRetry} />);
  fireEvent.click(screen.getByText('返回'));
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
  expect(onRetry).not.toHaveBeenCalled();
});

test('a message that is not the contract’s Chinese is not shown raw', () => {
  render(<StateView error={{ message: 'TypeError: x is undefined' }} />);
  expect(screen.getByRole('alert').textContent).toContain('出了点问题，请稍后重试');
  expect(screen.queryByText(/TypeError/)).toBeNull();
});

test('loading and empty', () => {
  const { rerender } = render(<StateView loading />);
  expect(screen.getByText('正在加载…')).toBeTruthy();
  rerender(<StateView empty emptyText="还没有礼包券" />);
  expect(screen.getByText('还没有礼包券')).toBeTruthy();
  rerender(
    <StateView>
      <span>内容</span>
    </StateView>,
  );
  expect(screen.getByText('内容')).toBeTruthy();
});

describe('signed out in the emulator build (no WeChat login there)', () => {
  const was = process.env.TARO_APP_TRANSPORT;
  afterEach(() => {
    process.env.TARO_APP_TRANSPORT = was;
  });

  test('UNAUTHENTICATED asks for a persona and opens the switcher, not 重试', () => {
    process.env.TARO_APP_TRANSPORT = 'http';
    const onRetry = jest.fn();
    render(<StateView error={{ code: 'UNAUTHENTICATED', message: '请先登录后再操作' }} onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain('演示环境：请先选择一个体验身份');
    expect(screen.queryByText('重试')).toBeNull();
    fireEvent.click(screen.getByText('切换体验身份'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/persona/index' });
  });

  test('in the WeChat build UNAUTHENTICATED stays a plain error with 重试', () => {
    process.env.TARO_APP_TRANSPORT = 'wx-cloud';
    render(<StateView error={{ code: 'UNAUTHENTICATED', message: '请先登录后再操作' }} onRetry={jest.fn()} />);
    expect(screen.getByRole('alert').textContent).toContain('请先登录后再操作');
    expect(screen.getByText('重试')).toBeTruthy();
    expect(screen.queryByText('切换体验身份')).toBeNull();
  });
});
