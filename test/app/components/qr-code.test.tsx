import { render } from '@testing-library/react';
import jsQR from 'jsqr';
import { QrCode } from '../../../src/components/qr-code';

/** Reads back the drawn runs as a bitmap (scale px per module) and lets jsQR scan it. */
function scanDrawn(root: HTMLElement, scale = 4): string | null {
  const qr = root.querySelector('[data-modules]') as HTMLElement;
  const modules = Number(qr.dataset.modules);
  const size = modules * scale;
  const pixels = new Uint8ClampedArray(size * size * 4);
  const rows = Array.from(qr.children) as HTMLElement[];
  expect(rows).toHaveLength(modules);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of Array.from(row.children) as HTMLElement[]) {
      const run = Number(cell.dataset.run);
      const dark = cell.className.includes('qr-code__dark');
      for (let k = 0; k < run; k++, c++) {
        for (let y = 0; y < scale; y++) {
          for (let x = 0; x < scale; x++) {
            const i = ((r * scale + y) * size + c * scale + x) * 4;
            pixels.fill(dark ? 0 : 255, i, i + 3);
            pixels[i + 3] = 255;
          }
        }
      }
    }
    expect(c).toBe(modules);
  });
  return jsQR(pixels, size, size)?.data ?? null;
}

describe('QrCode', () => {
  test.each([
    ['a member token', 'm.XZ2026000123.t4k9q0.1.q3Jd8s0aLk2m9fZx'],
    ['a verification URL', 'https://union.example/retirement/pages/verify/index?t=r.abc.t4k9q0.1.sig'],
    ['Chinese text', '秀洲区总工会 新城汇驿站'],
  ])('draws %s that scans back to the same text', (_name, value) => {
    const { container } = render(<QrCode value={value} size={200} />);
    expect(scanDrawn(container)).toBe(value);
  });

  test('a different value draws a different code', () => {
    const a = render(<QrCode value="v.voucher1.t4k9q0.1.sigA" />).container;
    const b = render(<QrCode value="v.voucher2.t4k9q0.1.sigB" />).container;
    expect(scanDrawn(a)).not.toBe(scanDrawn(b));
  });

  test('is labelled for screen readers', () => {
    const { container } = render(<QrCode value="x" label="会员码" />);
    expect(container.querySelector('[aria-label="会员码"]')).not.toBeNull();
  });
});
