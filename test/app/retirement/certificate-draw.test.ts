import {
  CERT_W,
  drawCertificate,
  honourText,
  PHOTO_BOX,
  type Ctx2d,
} from '../../../src/retirement/pages/certificate/draw';
import { certificate } from './fixtures';

const cert = certificate;

/** Records what is drawn; text is measured at one unit per character times the font size. */
function recorder() {
  const texts: string[] = [];
  let rects = 0;
  let font = '20px serif';
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    textAlign: 'left',
    textBaseline: 'alphabetic',
    globalAlpha: 1,
    get font() {
      return font;
    },
    set font(f: string) {
      font = f;
    },
    fillRect: () => void (rects += 1),
    strokeRect: () => undefined,
    fillText: (t: string) => void texts.push(t),
    measureText: (t: string) => ({ width: Array.from(t).length * parseInt(/(\d+)px/.exec(font)?.[1] ?? '20', 10) }),
    beginPath: () => undefined,
    arc: () => undefined,
    stroke: () => undefined,
    fill: () => undefined,
    save: () => undefined,
    restore: () => undefined,
    translate: () => undefined,
    rotate: () => undefined,
    moveTo: () => undefined,
    lineTo: () => undefined,
    closePath: () => undefined,
  };
  return { ctx: ctx as unknown as Ctx2d, texts, rects: () => rects };
}

test('the certificate carries the title, honour text, name, employer, years, dates, seal, serial and a QR', () => {
  const r = recorder();
  drawCertificate(r.ctx, cert);
  const all = r.texts.join('');
  expect(r.texts).toContain('光荣退休纪念证书');
  expect(r.texts).toContain('周桂芳同志：');
  expect(all).toContain('多年匠心筑梦，工会铭记君功');
  expect(all).toContain('嘉兴纺织有限公司挡车工岗位上辛勤耕耘32年');
  expect(all).toContain('退休日期：2026年1月10日');
  expect(all).toContain('2026年1月20日');
  expect(all).toContain('证书编号：秀工荣退〔2026〕第0003号');
  expect(all).toContain('光荣退休专用章');
  // the QR modules are drawn as rectangles: far more than the frame's few
  expect(r.rects()).toBeGreaterThan(100);
  expect(all).not.toContain('已撤销');
});

test('a revoked certificate is stamped 已撤销', () => {
  const r = recorder();
  drawCertificate(r.ctx, { ...cert, revoked: true });
  expect(r.texts).toContain('已撤销');
});

test('the honour text names the person, workplace and years', () => {
  expect(honourText(cert)[1]).toMatch(/^您在嘉兴纺织有限公司挡车工岗位上辛勤耕耘32年/);
});

/** Where each text line lands: its left and right edge (measured as above), its baseline and size. */
function placed() {
  const lines: Array<{ text: string; left: number; right: number; y: number; size: number }> = [];
  const r = recorder();
  const ctx = r.ctx as unknown as Record<string, any>;
  ctx.fillText = (text: string, x: number, y: number) => {
    const size = parseInt(/(\d+)px/.exec(ctx.font)?.[1] ?? '20', 10);
    const width = Array.from(text).length * size;
    const left = ctx.textAlign === 'center' ? x - width / 2 : ctx.textAlign === 'right' ? x - width : x;
    lines.push({ text, left, right: left + width, y, size });
  };
  return { ctx: r.ctx, lines };
}

test('the issuer and the date sit clear of the photo frame and inside the paper, however long the name', () => {
  const frameRight = PHOTO_BOX.x + PHOTO_BOX.w + 4;
  const paperInner = CERT_W - 44;
  for (const issuer of ['嘉兴市秀洲区总工会', '嘉兴市秀洲区王江泾镇总工会']) {
    const p = placed();
    drawCertificate(p.ctx, { ...cert, issuer });
    const name = p.lines.find((l) => l.text === issuer)!;
    const date = p.lines.find((l) => l.text === '2026年1月20日')!;
    for (const line of [name, date]) {
      expect(line.left).toBeGreaterThanOrEqual(frameRight + 12);
      expect(line.right).toBeLessThanOrEqual(paperInner - 12);
      // level with the photo, not above or below it
      expect(line.y).toBeGreaterThan(PHOTO_BOX.y);
      expect(line.y).toBeLessThan(PHOTO_BOX.y + PHOTO_BOX.h);
    }
    expect(name.size).toBeGreaterThanOrEqual(15);
    expect(name.y).toBeLessThan(date.y - date.size);
    // left to right along the bottom: QR and its caption, the photo, then issuer and date
    const caption = p.lines.find((l) => l.text === '微信扫码验证真伪')!;
    expect(caption.right).toBeLessThanOrEqual(PHOTO_BOX.x - 4);
  }
  // The usual name keeps its full size, with room to spare on both sides.
  const usual = placed();
  drawCertificate(usual.ctx, cert);
  const name = usual.lines.find((l) => l.text === cert.issuer)!;
  expect(name.size).toBe(21);
  expect(name.left - frameRight).toBeGreaterThanOrEqual(20);
  expect(paperInner - name.right).toBeGreaterThanOrEqual(20);
});

/** Every text drawn, as a box in certificate units (translations followed; a rotated glyph is a square). */
function boxes() {
  const out: Array<{ text: string; x0: number; x1: number; y0: number; y1: number }> = [];
  const r = recorder();
  const ctx = r.ctx as unknown as Record<string, any>;
  let origin = { x: 0, y: 0 };
  const stack: Array<typeof origin> = [];
  ctx.save = () => void stack.push({ ...origin });
  ctx.restore = () => void (origin = stack.pop() ?? { x: 0, y: 0 });
  ctx.translate = (x: number, y: number) => void (origin = { x: origin.x + x, y: origin.y + y });
  ctx.fillText = (text: string, x: number, y: number) => {
    const size = parseInt(/(\d+)px/.exec(ctx.font)?.[1] ?? '20', 10);
    const width = Array.from(text).length * size;
    const ax = origin.x + x;
    const ay = origin.y + y;
    const x0 = ctx.textAlign === 'center' ? ax - width / 2 : ctx.textAlign === 'right' ? ax - width : ax;
    // middle: centred on y; alphabetic: the glyph sits above the baseline
    const y0 = ctx.textBaseline === 'middle' ? ay - size / 2 : ay - size;
    out.push({ text, x0, x1: x0 + width, y0, y1: y0 + size });
  };
  return { ctx: r.ctx, out };
}

const overlap = (a: { x0: number; x1: number; y0: number; y1: number }, b: typeof a) =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

test('no word of the seal runs into the issuer or the date, however long the issuer', () => {
  for (const issuer of ['嘉兴市秀洲区总工会', '嘉兴市秀洲区王江泾镇总工会']) {
    const b = boxes();
    drawCertificate(b.ctx, { ...cert, issuer });
    const name = b.out.find((t) => t.text === issuer)!;
    const date = b.out.find((t) => t.text === '2026年1月20日')!;
    // The seal's words: 光荣退休专用章 and the issuer's characters one by one around the ring.
    const sealWords = b.out.filter(
      (t) => t.text === '光荣退休专用章' || (Array.from(t.text).length === 1 && issuer.includes(t.text)),
    );
    expect(sealWords.length).toBe(Array.from(issuer).length + 1);
    for (const w of sealWords) {
      expect({ w: w.text, hitsName: overlap(w, name), hitsDate: overlap(w, date) }).toEqual({
        w: w.text,
        hitsName: false,
        hitsDate: false,
      });
      // and inside the paper
      expect(w.x0).toBeGreaterThanOrEqual(44);
      expect(w.x1).toBeLessThanOrEqual(CERT_W - 44);
    }
  }
});

test('no line of the honour text starts with closing punctuation, whatever the employer name pushes where', () => {
  for (let n = 1; n <= 24; n++) {
    const r = recorder();
    drawCertificate(r.ctx, { ...cert, employer: `${'嘉'.repeat(n)}公司` });
    const lines = r.texts.filter((t) => t.length > 1);
    expect(lines.filter((t) => /^[，。、；：！？）》」』”’]/.test(t))).toEqual([]);
    // nothing is lost on the way: the paragraphs are still all there
    expect(lines.join('')).toContain(
      `${'嘉'.repeat(n)}公司挡车工岗位上辛勤耕耘32年，爱岗敬业，默默奉献。多年匠心筑梦，工会铭记君功。`,
    );
  }
});
