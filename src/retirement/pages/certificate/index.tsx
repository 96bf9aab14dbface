import { Canvas, View } from '@tarojs/components';
import { Button } from '../../../components/button';
import Taro, { useRouter } from '@tarojs/taro';
import { memo, useEffect, useRef, useState } from 'react';
import type { CertificateView } from '@contract/api/retirement';
import { VERIFY_PAGE } from '@contract/api/retirement';
import { PageShell } from '../../../components/page-shell';
import { StateView } from '../../../components/state-view';
import { useAsync } from '../../../hooks/use-async';
import { api } from '../../../services/api';
import { formatDate } from '../../components/status';
import { CERT_H, CERT_W, certificateFamily, drawCertificate, type Ctx2d, type Photo } from './draw';
import { displayWidth } from './size';
import './index.scss';

const CANVAS_ID = 'retirement-certificate';

interface ImageLike {
  src: string;
  crossOrigin?: string | null;
  onload: (() => void) | null;
  onerror: (() => void) | null;
}

interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): unknown;
  toDataURL?(type?: string): string;
  /** weapp: images drawn on a 2d canvas come from the canvas itself. */
  createImage?(): ImageLike;
}

/**
 * The retiree's photo, loaded for drawing; null if there is none, it fails, or takes over 8 s (the
 * certificate is then drawn without it). H5 asks for CORS so the canvas can still be saved as an image.
 */
function loadPhoto(canvas: CanvasLike, url: string | undefined): Promise<Photo | null> {
  if (!url) return Promise.resolve(null);
  const img: ImageLike = canvas.createImage ? canvas.createImage() : (new Image() as unknown as ImageLike);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 8000);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      resolve(ok ? (img as unknown as Photo) : null);
    };
    img.onload = () => done(true);
    img.onerror = () => done(false);
    if (!canvas.createImage) img.crossOrigin = 'anonymous';
    img.src = url;
  });
}

/** The 2d canvas node: the weapp node from a selector query, or the DOM canvas Taro renders in H5. */
function findCanvas(): Promise<CanvasLike | null> {
  if (process.env.TARO_ENV === 'h5') {
    const host = document.getElementById(CANVAS_ID) ?? document.querySelector(`.retirement-cert__canvas`);
    const canvas = host && (host.tagName === 'CANVAS' ? host : host.querySelector('canvas'));
    return Promise.resolve((canvas as unknown as CanvasLike) ?? null);
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res) => resolve((res?.[0]?.node as CanvasLike) ?? null));
  });
}

/**
 * H5 only: canvas text does not wait for web fonts. A face that is not loaded yet when fillText runs is skipped
 * (on a browser with no CJK system font the Chinese comes out as empty boxes) and the canvas is never redrawn.
 * A dry run on a scratch canvas collects every font and string the certificate draws, and the faces covering
 * them are loaded first; after 3 s we draw anyway, with whatever fonts are there.
 */
async function loadFonts(cert: CertificateView, family: string): Promise<void> {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined' || !document.fonts?.load) return;
  const scratch = document.createElement('canvas').getContext('2d');
  if (!scratch) return;
  const texts = new Map<string, string>();
  scratch.fillText = (text: string) => void texts.set(scratch.font, (texts.get(scratch.font) ?? '') + text);
  drawCertificate(scratch as Ctx2d, cert, null, family);
  const loads = Array.from(texts, ([font, text]) => document.fonts.load(font, text).catch(() => []));
  await Promise.race([Promise.all(loads), new Promise((resolve) => setTimeout(resolve, 3000))]);
}

/** H5: the font the page renders in, which the canvas does not inherit (see certificateFamily). */
function pageFamily(canvas: CanvasLike): string | undefined {
  if (process.env.TARO_ENV !== 'h5' || typeof getComputedStyle === 'undefined') return undefined;
  const family = getComputedStyle(canvas as unknown as Element).fontFamily;
  // A list the canvas could not parse would make it ignore the whole font (and draw 10 px sans-serif).
  if (!family || (typeof CSS !== 'undefined' && CSS.supports && !CSS.supports('font-family', family))) return undefined;
  return family;
}

async function save(canvas: CanvasLike, cert: CertificateView): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = canvas.toDataURL?.('image/png') ?? '';
    a.download = `光荣退休纪念证书-${cert.name}.png`;
    a.click();
    void Taro.showToast({ title: '图片已下载', icon: 'success' });
    return;
  }
  try {
    const { tempFilePath } = await Taro.canvasToTempFilePath({
      canvas: canvas as never,
      fileType: 'png',
    } as Taro.canvasToTempFilePath.Option);
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
    void Taro.showToast({ title: '已保存到相册', icon: 'success' });
  } catch (e) {
    const denied = /auth|deny|denied/i.test(String((e as { errMsg?: string })?.errMsg ?? e));
    const res = await Taro.showModal({
      title: '没能保存',
      content: denied
        ? '需要允许「保存到相册」才能保存证书图片。点「去设置」打开权限后再试一次。'
        : '请稍后再试，或截屏保存。',
      confirmText: denied ? '去设置' : '知道了',
      showCancel: denied,
    });
    if (denied && res.confirm) void Taro.openSetting();
  }
}

/**
 * Rendered once and never updated: Taro's H5 canvas resets its bitmap (clearing the drawing)
 * whenever the host re-renders, so nothing may re-render it after we draw.
 */
const CertificateCanvas = memo(function CertificateCanvas({
  width,
  height,
  label,
}: {
  width: number;
  height: number;
  label: string;
}) {
  return (
    <Canvas
      type="2d"
      id={CANVAS_ID}
      className="retirement-cert__canvas"
      style={{ width: `${width}px`, height: `${height}px` }}
      aria-label={label}
    />
  );
});

export default function CertificatePage() {
  const id = useRouter().params.id ?? '';
  const cert = useAsync(() => api.retirement.myCertificate({ id }), [id]);
  const canvasRef = useRef<CanvasLike | null>(null);
  const [drawn, setDrawn] = useState(false);
  const [width] = useState(displayWidth);
  const height = Math.round((width * CERT_H) / CERT_W);

  useEffect(() => {
    if (!cert.data) return undefined;
    let cancelled = false;
    // After the Canvas is in the tree (Taro mounts natively on the next tick).
    const timer = setTimeout(async () => {
      const canvas = await findCanvas();
      if (!canvas || cancelled) return;
      const family = certificateFamily(pageFamily(canvas));
      const [photo] = await Promise.all([
        loadPhoto(canvas, cert.data?.photoUrl),
        loadFonts(cert.data as CertificateView, family),
      ]);
      if (cancelled) return;
      const ratio = Math.min((Taro.getWindowInfo?.() ?? Taro.getSystemInfoSync()).pixelRatio || 2, 3);
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.scale((width * ratio) / CERT_W, (height * ratio) / CERT_H);
      drawCertificate(ctx as Ctx2d, cert.data as CertificateView, photo, family);
      canvasRef.current = canvas;
      setDrawn(true);
    }, 50);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [cert.data, width, height]);

  const c = cert.data;
  return (
    <PageShell className="retirement-cert">
      <StateView loading={cert.loading} error={cert.error} onRetry={cert.reload}>
        {c ? (
          <View>
            <View className="retirement-cert__frame" style={{ width: `${width}px`, height: `${height}px` }}>
              <CertificateCanvas width={width} height={height} label={`${c.name}的光荣退休纪念证书`} />
            </View>
            <View className="card retirement-cert__info">
              <View className="retirement-cert__status">
                {c.revoked ? '此证书已撤销' : drawn ? '证书已生成' : '正在生成证书…'}
              </View>
              <View>证书编号：{c.serial}</View>
              <View>签发日期：{formatDate(c.issuedAt)}</View>
            </View>
            <Button
              className="retirement-cert__save"
              disabled={!drawn}
              onClick={() => canvasRef.current && save(canvasRef.current, c)}
            >
              保存到相册
            </Button>
            <Button
              variant="outline"
              className="retirement-cert__verify"
              onClick={() => Taro.navigateTo({ url: `${VERIFY_PAGE}?t=${encodeURIComponent(c.token)}` })}
            >
              查看验证页面
            </Button>
          </View>
        ) : null}
      </StateView>
    </PageShell>
  );
}
