/**
 * The retiree's photo on the certificate (drawn between the QR code and the seal, cropped to fill its
 * frame) and as a thumbnail on the review page.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ReviewItem } from '../../../types/api/retirement';
import {
  CERT_W,
  drawCertificate,
  PHOTO_BOX,
  type Ctx2d,
  type Photo,
} from '../../../src/retirement/pages/certificate/draw';
import { ReviewPhoto } from '../../../src/retirement/pages/review/photo';
import { taroMock } from '../mocks/taro';
import { certificate } from './fixtures';

const cert = certificate;

/** A 2d context that records drawImage calls and the QR's dark modules (small black squares). */
function recorder() {
  const images: number[][] = [];
  const blackRects: number[][] = [];
  const ctx: Record<string, unknown> = {
    font: '20px serif',
    fillStyle: '',
    measureText: (t: string) => ({ width: Array.from(t).length * 20 }),
    drawImage: (_img: unknown, ...args: number[]) => void images.push(args),
    fillRect: (x: number, y: number, w: number, h: number) => {
      if (ctx.fillStyle === '#000000') blackRects.push([x, y, w, h]);
    },
  };
  const proxy = new Proxy(ctx, { get: (t, k: string) => (k in t ? t[k] : () => undefined) });
  return { ctx: proxy as unknown as Ctx2d, images, blackRects };
}

const img = (width: number, height: number) => ({ width, height }) as unknown as Photo;

test('without a photo nothing is drawn as an image', () => {
  const r = recorder();
  drawCertificate(r.ctx, cert);
  drawCertificate(r.ctx, cert, null);
  drawCertificate(r.ctx, cert, img(0, 0));
  expect(r.images).toEqual([]);
});

test('a landscape photo is cropped to fill the 3:4 frame, centred, clear of the QR code and the seal', () => {
  const r = recorder();
  drawCertificate(r.ctx, cert, img(800, 600));
  expect(r.images).toHaveLength(1);
  const [sx, sy, sw, sh, dx, dy, dw, dh] = r.images[0];
  expect([dx, dy, dw, dh]).toEqual([PHOTO_BOX.x, PHOTO_BOX.y, PHOTO_BOX.w, PHOTO_BOX.h]);
  // the source keeps the frame's 3:4 shape, the full height, the middle of the width
  expect(sw / sh).toBeCloseTo(PHOTO_BOX.w / PHOTO_BOX.h);
  expect([sy, sh]).toEqual([0, 600]);
  expect(sx).toBeCloseTo((800 - sw) / 2);
  // the QR modules all lie left of the photo; the seal (centre 420, radius 78) right of it
  const qrRight = Math.max(...r.blackRects.map(([x, , w]) => x + w));
  expect(qrRight).toBeLessThan(PHOTO_BOX.x - 8);
  expect(PHOTO_BOX.x + PHOTO_BOX.w + 8).toBeLessThan(420 - 78);
  expect(PHOTO_BOX.x + PHOTO_BOX.w).toBeLessThan(CERT_W);
});

test('a tall photo keeps its upper part (where the face is)', () => {
  const r = recorder();
  drawCertificate(r.ctx, cert, img(300, 1000));
  const [sx, sy, sw, sh] = r.images[0];
  expect([sx, sw]).toEqual([0, 300]);
  expect(sh).toBeCloseTo(400);
  expect(sy).toBeCloseTo((1000 - 400) * 0.3);
});

describe('review page thumbnail', () => {
  beforeEach(() => taroMock.reset());
  const item = { id: 'rt1', name: '周桂芳', hasPhoto: true } as ReviewItem;

  test('shows the temporary link and opens it full size on tap', () => {
    render(
      <ReviewPhoto item={{ ...item, photoUrl: 'http://127.0.0.1:9870/file/retirement-photos/a.jpg?t=1&sign=x' }} />,
    );
    const thumb = screen.getByLabelText('周桂芳的证书照片');
    expect(thumb.getAttribute('src')).toContain('/file/retirement-photos/a.jpg');
    fireEvent.click(thumb);
    expect(Taro.previewImage).toHaveBeenCalledWith(expect.objectContaining({ urls: [thumb.getAttribute('src')] }));
  });

  test('says so when the photo cannot be shown, and nothing when there is none', () => {
    const { unmount } = render(<ReviewPhoto item={item} />);
    expect(screen.getByText('照片暂时无法显示')).toBeTruthy();
    unmount();
    const { container } = render(<ReviewPhoto item={{ ...item, hasPhoto: false }} />);
    expect(container.innerHTML).toBe('');
  });
});

test('the certificate fits the page inside its padding, centred, in 长辈模式 as in the normal mode', async () => {
  const { displayWidth } = await import('../../../src/retirement/pages/certificate/size');
  // 375 CSS px wide: the page pads 12 px a side (24 design px), 16 px in 长辈模式 (32).
  expect(displayWidth(false)).toBe(351);
  expect(displayWidth(true)).toBe(343);
});
