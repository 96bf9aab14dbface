import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { taroMock } from '../mocks/taro';
import { PageShell } from '../../../src/components/page-shell';
import { isElderMode, setElderMode } from '../../../src/stores/elder-mode';

describe('长辈模式', () => {
  beforeEach(() => taroMock.reset());

  test('defaults from WeChat font size: standard off, enlarged on', () => {
    jest.mocked(Taro.getAppBaseInfo).mockReturnValue({ fontSizeSetting: 16 } as never);
    expect(isElderMode()).toBe(false);
    jest.mocked(Taro.getAppBaseInfo).mockReturnValue({ fontSizeSetting: 22 } as never);
    expect(isElderMode()).toBe(true);
  });

  test("the user's choice wins over the font setting and is remembered", () => {
    jest.mocked(Taro.getAppBaseInfo).mockReturnValue({ fontSizeSetting: 22 } as never);
    setElderMode(false);
    expect(isElderMode()).toBe(false);
    expect(Taro.getStorageSync('elder-mode')).toBe('0');
  });

  test('every mounted page switches at once', () => {
    setElderMode(false);
    const { container } = render(
      <PageShell title="我的">
        <button onClick={() => setElderMode(true)}>开启</button>
      </PageShell>,
    );
    const root = container.firstElementChild as HTMLElement;
    expect(root.className).not.toContain('elder');
    act(() => {
      fireEvent.click(screen.getByText('开启'));
    });
    expect(root.className).toContain('elder');
  });
});
