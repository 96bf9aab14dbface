/**
 * The one button: five looks by `variant`, `busy` and `disabled` refuse taps, and the H5 workaround
 * (Taro's H5 button takes disabled={false} as disabled) lives inside: an enabled button carries no
 * disabled attribute. Its stylesheet draws one border (weapp's ::after hairline removed) and keeps the
 * tap target at --tap-min in every size, so 长辈模式 keeps its 60 px targets.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'fs';
import { join } from 'path';
import { Button } from '../../../src/components/button';

test.each([
  ['primary', 'btn-primary'],
  ['outline', 'btn-plain'],
  ['secondary', 'btn-secondary'],
  ['danger', 'btn-danger'],
  ['text', 'btn-text'],
] as const)('variant %s draws %s', (variant, cls) => {
  render(
    <Button variant={variant} className="x-page__go">
      去办理
    </Button>,
  );
  const b = screen.getByRole('button', { name: '去办理' });
  expect(b.className.split(' ')).toEqual(expect.arrayContaining(['btn', cls, 'x-page__go']));
});

test('an enabled button has no disabled attribute and calls onClick once per tap', () => {
  const onClick = jest.fn();
  render(<Button onClick={onClick}>提交</Button>);
  const b = screen.getByRole('button', { name: '提交' });
  expect(b.hasAttribute('disabled')).toBe(false);
  expect(b.getAttribute('aria-disabled')).toBe('false');
  fireEvent.click(b);
  expect(onClick).toHaveBeenCalledTimes(1);
});

test('busy and disabled refuse taps and say so', () => {
  const onClick = jest.fn();
  const { rerender } = render(
    <Button busy onClick={onClick}>
      提交
    </Button>,
  );
  const b = screen.getByRole('button', { name: '提交' }) as HTMLButtonElement;
  expect(b.disabled).toBe(true);
  expect(b.getAttribute('aria-busy')).toBe('true');
  fireEvent.click(b);
  rerender(
    <Button disabled onClick={onClick}>
      提交
    </Button>,
  );
  expect(b.disabled).toBe(true);
  expect(b.getAttribute('aria-disabled')).toBe('true');
  expect(b.hasAttribute('aria-busy')).toBe(false);
  fireEvent.click(b);
  expect(onClick).not.toHaveBeenCalled();
});

describe('stylesheet', () => {
  const scss = readFileSync(join(__dirname, '../../../src/components/button/index.scss'), 'utf8');
  const rule = (sel: string) => {
    const m = scss.match(new RegExp(`(^|\\n)${sel.replace(/[.[\]:'=]/g, '\\$&')} \\{([^}]*)\\}`));
    return m ? m[2] : '';
  };

  test("one border: weapp's ::after hairline is removed", () => {
    expect(rule('.btn::after')).toMatch(/display: none/);
    expect(rule('.btn::after')).toMatch(/border: none/);
    // Every variant draws its border on the button itself, with the same width.
    expect(rule('.btn')).toMatch(/border: 2px solid transparent/);
  });

  test('the tap target is --tap-min at every size (长辈模式 sets it to 120 px = 60 CSS px)', () => {
    expect(rule('.btn')).toMatch(/min-height: var\(--tap-min\)/);
    expect(rule('.btn--small')).not.toMatch(/height/);
    const tokens = readFileSync(join(__dirname, '../../../src/styles/tokens.scss'), 'utf8');
    expect(tokens).toMatch(/\.page\.elder \{[^}]*--tap-min: 120px/);
  });
});
