/**
 * What a camera reads from the QR code a compiled page shows (its first `.qr-code`). The code is drawn as rows of
 * dark and light runs of views (src/components/qr-code), each as wide as its modules: the bitmap comes back from
 * those widths and is decoded as a photo of the screen would be, so a staff step scans what the member's page shows.
 */
import jsQR from 'jsqr';
import type { PageHandle } from './harness';

const SCALE = 4; // pixels per module in the bitmap handed to the decoder

export function readQr(page: PageHandle): string {
  const code = page.$('.qr-code');
  if (!code) throw new Error(`no .qr-code on the page; page text: ${page.text().slice(0, 200)}`);
  const px = (el: Element, prop: 'width' | 'height') => parseFloat((el as HTMLElement).style[prop]);
  const rows = Array.from(code.querySelectorAll('.qr-code__row'));
  const unit = px(rows[0], 'height');
  const modules = rows.map((row) =>
    Array.from(row.children).flatMap((run) =>
      new Array<boolean>(Math.round(px(run, 'width') / unit)).fill(run.classList.contains('qr-code__dark')),
    ),
  );
  const n = rows.length;
  if (!(unit > 0) || modules.some((m) => m.length !== n)) throw new Error('the drawn QR code is not square');
  const size = n * SCALE;
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const v = modules[Math.floor(y / SCALE)][Math.floor(x / SCALE)] ? 0 : 255;
      data.set([v, v, v, 255], (y * size + x) * 4);
    }
  const read = jsQR(data, size, size);
  if (!read) throw new Error('the QR code on the page does not decode');
  return read.data;
}
