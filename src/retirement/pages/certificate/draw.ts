/**
 * Draws the 光荣退休纪念证书 on a 2d canvas context (weapp `Canvas type='2d'` and the H5 canvas share
 * this API). Everything is laid out on a 600 × 860 grid; the caller scales the context to the canvas.
 */
import type { CertificateView } from '@contract/api/retirement';
import { qrRows } from '../../../components/qr-code/matrix';
import { formatDate, formatDay } from '../../../utils/format';

export const CERT_W = 600;
export const CERT_H = 860;

const RED = '#b3151b';
const DEEP_RED = '#8c0f14';
const GOLD = '#c9a13b';
const PAPER = '#fffaf0';
const INK = '#3b2314';
/** The certificate's own faces; certificateFamily() adds the page's fonts as a last resort. */
const SERIF = '"Noto Serif CJK SC", "Songti SC", "STSong", "SimSun", serif';

/**
 * The font-family list the certificate is drawn in: its serif faces first, then `pageFamily` (the page's
 * computed font-family, H5 only). A browser with no CJK serif (nor any CJK system font) still has the font the
 * page renders Chinese with, often a web font, which the canvas only uses when the list names it; after the
 * generic serif, so it never replaces a serif that has the glyph.
 */
export function certificateFamily(pageFamily?: string): string {
  const page = pageFamily?.trim();
  return page ? `${SERIF}, ${page}` : SERIF;
}

/** The minimal 2d context surface used (both platforms' contexts satisfy it). */
export type Ctx2d = Pick<
  CanvasRenderingContext2D,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'fillRect'
  | 'strokeRect'
  | 'fillText'
  | 'measureText'
  | 'beginPath'
  | 'arc'
  | 'stroke'
  | 'fill'
  | 'save'
  | 'restore'
  | 'translate'
  | 'rotate'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'globalAlpha'
  | 'drawImage'
>;

/** A loaded picture (an H5 Image, or the weapp canvas's createImage()) with its natural size. */
export type Photo = CanvasImageSource & { width: number; height: number };

/** Where the retiree's photo goes: bottom middle, between the QR code and the seal. */
export const PHOTO_BOX = { x: 224, y: 628, w: 96, h: 128 };

/**
 * Where the issuer's name and the date go (x from `x` to `right`, bottom right): the space between the
 * photo's frame and the paper's inner gold line, 14 in from each, baselines level with the photo.
 */
export const ISSUER_BOX = { x: PHOTO_BOX.x + PHOTO_BOX.w + 4 + 14, right: CERT_W - 44 - 14, nameY: 728, dateY: 754 };

/**
 * The seal, right above the issuer's name (its ring ends clear of it): none of its words (the issuer
 * around the top, 光荣退休专用章 under the star) can run into the name or the date, at any text size.
 */
export const SEAL = { cx: (ISSUER_BOX.x + ISSUER_BOX.right) / 2, cy: 636, r: 64 };

/** The font, from `size` down to 14 px, at which `text` fits `width`. */
function fitFont(ctx: Ctx2d, text: string, weight: string, size: number, width: number, family: string): string {
  for (; size > 14; size -= 1) {
    ctx.font = `${weight}${size}px ${family}`;
    if (ctx.measureText(text).width <= width) break;
  }
  return `${weight}${size}px ${family}`;
}

/** The photo cropped to fill the box (keeping the upper part, where the face usually is), in a gold frame. */
function photo(ctx: Ctx2d, img: Photo): void {
  const { x, y, w, h } = PHOTO_BOX;
  const scale = Math.max(w / img.width, h / img.height);
  const sw = w / scale;
  const sh = h / scale;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x - 4, y - 4, w + 8, h + 8);
  ctx.drawImage(img, (img.width - sw) / 2, (img.height - sh) * 0.3, sw, sh, x, y, w, h);
  ctx.strokeStyle = GOLD;
  ctx.lineWidth = 3;
  ctx.strokeRect(x - 4, y - 4, w + 8, h + 8);
}

const dateWords = (ms: number) => formatDate(ms, false);
const dayWords = (d: string) => formatDay(d, false);

/** The honour text, in the spirit of the union's 光荣退休 ceremonies. */
export function honourText(c: CertificateView): string[] {
  return [
    `${c.name}同志：`,
    `您在${c.employer}${c.position}岗位上辛勤耕耘${c.yearsOfService}年，爱岗敬业，默默奉献。多年匠心筑梦，工会铭记君功。`,
    `值此光荣退休之际，特颁此证，向您致以崇高的敬意和衷心的感谢！祝您退休生活幸福安康，岁月静好，晚霞满天。`,
  ];
}

/** Punctuation that Chinese typesetting never puts at the start of a line. */
const NO_LINE_START = /[，。、；：！？）》」』”’]/;

/**
 * Breaks Chinese text into lines that fit `width` (character by character: no spaces to split on). A line that
 * would start with closing punctuation takes the previous character along with it instead.
 */
function wrap(ctx: Ctx2d, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (ctx.measureText(line + ch).width > width && line) {
      const chars = Array.from(line);
      const carried = NO_LINE_START.test(ch) && chars.length > 1 ? (chars.pop() ?? '') : '';
      lines.push(chars.join(''));
      line = carried + ch;
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

function star(ctx: Ctx2d, cx: number, cy: number, r: number): void {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.4;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const x = cx + radius * Math.cos(a);
    const y = cy + radius * Math.sin(a);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.closePath();
  ctx.fill();
}

/** The union seal: a red ring, the issuer's name around the top, a star in the middle. */
function seal(ctx: Ctx2d, cx: number, cy: number, r: number, issuer: string, family: string): void {
  ctx.save();
  ctx.globalAlpha = 0.85;
  ctx.strokeStyle = RED;
  ctx.fillStyle = RED;
  ctx.lineWidth = 5;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.stroke();
  star(ctx, cx, cy - r * 0.05, r * 0.28);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const chars = Array.from(issuer);
  // Around the upper part of the ring only; a long name gets smaller characters, not a wider arc.
  const span = Math.PI * 1.15;
  const size = Math.max(11, Math.min(16, Math.floor((span * (r - 16)) / Math.max(chars.length, 1)) - 2));
  ctx.font = `bold ${size}px ${family}`;
  chars.forEach((ch, i) => {
    const a = -Math.PI / 2 - span / 2 + (span * (i + 0.5)) / chars.length;
    ctx.save();
    ctx.translate(cx + (r - 16) * Math.cos(a), cy + (r - 16) * Math.sin(a));
    ctx.rotate(a + Math.PI / 2);
    ctx.fillText(ch, 0, 0);
    ctx.restore();
  });
  ctx.font = `bold 13px ${family}`;
  ctx.fillText('光荣退休专用章', cx, cy + r * 0.5);
  ctx.restore();
}

function qr(ctx: Ctx2d, text: string, x: number, y: number, size: number): void {
  const { size: modules, rows } = qrRows(text, 2);
  const unit = size / modules;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x, y, size, size);
  ctx.fillStyle = '#000000';
  rows.forEach((runs, r) => {
    let c = 0;
    for (const run of runs) {
      // Slight overlap hides hairline gaps between modules at fractional scales.
      if (run.dark) ctx.fillRect(x + c * unit, y + r * unit, run.length * unit + 0.3, unit + 0.3);
      c += run.length;
    }
  });
}

/** `img`: the retiree's photo, when the request has one and it loaded; `family`: see certificateFamily. */
export function drawCertificate(
  ctx: Ctx2d,
  c: CertificateView,
  img?: Photo | null,
  family: string = certificateFamily(),
): void {
  // Red field with a gold double frame, paper inside.
  ctx.fillStyle = RED;
  ctx.fillRect(0, 0, CERT_W, CERT_H);
  ctx.fillStyle = DEEP_RED;
  ctx.fillRect(10, 10, CERT_W - 20, CERT_H - 20);
  ctx.strokeStyle = GOLD;
  ctx.lineWidth = 4;
  ctx.strokeRect(22, 22, CERT_W - 44, CERT_H - 44);
  ctx.fillStyle = PAPER;
  ctx.fillRect(34, 34, CERT_W - 68, CERT_H - 68);
  ctx.lineWidth = 2;
  ctx.strokeRect(44, 44, CERT_W - 88, CERT_H - 88);
  // Gold corner ornaments.
  ctx.fillStyle = GOLD;
  for (const [x, y] of [
    [44, 44],
    [CERT_W - 44, 44],
    [44, CERT_H - 44],
    [CERT_W - 44, CERT_H - 44],
  ])
    star(ctx, x, y, 14);

  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = RED;
  ctx.font = `bold 46px ${family}`;
  ctx.fillText('光荣退休纪念证书', CERT_W / 2, 130);
  ctx.fillStyle = GOLD;
  ctx.fillRect(150, 150, CERT_W - 300, 3);
  ctx.font = `18px ${family}`;
  ctx.fillText('HONOURABLE RETIREMENT', CERT_W / 2, 180);

  // The honour text, first line (the salutation) flush left, the rest indented paragraphs.
  ctx.textAlign = 'left';
  ctx.fillStyle = INK;
  let y = 240;
  const [salute, ...paragraphs] = honourText(c);
  ctx.font = `bold 28px ${family}`;
  ctx.fillText(salute, 80, y);
  y += 50;
  ctx.font = `23px ${family}`;
  for (const p of paragraphs) {
    for (const line of wrap(ctx, `\u3000\u3000${p}`, CERT_W - 160)) {
      ctx.fillText(line, 80, y);
      y += 40;
    }
    y += 6;
  }

  ctx.font = `21px ${family}`;
  ctx.fillText(`退休日期：${dayWords(c.retirementDate)}`, 80, y + 16);
  ctx.fillText(`工　　龄：${c.yearsOfService}年`, 80, y + 52);

  // Issuer and date right of the photo, each shrunk if need be to keep clear of it; the seal just above.
  const { x: left, right } = ISSUER_BOX;
  const centre = (left + right) / 2;
  seal(ctx, SEAL.cx, SEAL.cy, SEAL.r, c.issuer, family);
  ctx.fillStyle = INK;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.font = fitFont(ctx, c.issuer, 'bold ', 21, right - left, family);
  ctx.fillText(c.issuer, centre, ISSUER_BOX.nameY);
  const date = dateWords(c.issuedAt);
  ctx.font = fitFont(ctx, date, '', 20, right - left, family);
  ctx.fillText(date, centre, ISSUER_BOX.dateY);

  if (img && img.width > 0 && img.height > 0) photo(ctx, img);

  // Verification QR and serial (bottom left).
  qr(ctx, c.qrText, 76, 640, 116);
  ctx.fillStyle = INK;
  ctx.textAlign = 'left';
  ctx.font = `15px ${family}`;
  ctx.fillText('微信扫码验证真伪', 80, 778);
  ctx.font = `16px ${family}`;
  ctx.fillText(`证书编号：${c.serial}`, 76, 806);

  if (c.revoked) {
    ctx.save();
    ctx.translate(CERT_W / 2, CERT_H / 2);
    ctx.rotate(-Math.PI / 8);
    ctx.globalAlpha = 0.75;
    ctx.fillStyle = '#555555';
    ctx.font = `bold 96px ${family}`;
    ctx.textAlign = 'center';
    ctx.fillText('已撤销', 0, 0);
    ctx.restore();
  }
}
