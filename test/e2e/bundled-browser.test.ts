// The fallback browser of a machine with no Chromium (the one inside @sparticuz/chromium, which sees no system
// fonts) runs the H5 build, and Chinese renders from the web font the harness injects, on the page and on the
// certificate's canvas (which does not wait for web fonts by itself). Runs on every machine, so a broken fallback
// shows here and not first on a fresh one.
import { FONT_FAMILY, setupE2E } from './harness';

const e2e = setupE2E({ browser: 'bundled' });

test('the bundled Chromium renders the home page in Chinese from the font package', async () => {
  expect(e2e.browserSource).toMatch(/^@sparticuz\/chromium \d+/);
  const page = await e2e.newPage();
  const home = page.locator('.taro_page');
  await home.getByText('秀洲区总工会 · 职工之家').waitFor();
  await home.getByText('新城汇驿站').waitFor();
  await e2e.settle(page);
  // The web font's faces for this text are loaded and measure as four full-width glyphs at 20 px.
  const widths = await page.evaluate((family) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `20px '${family}'`;
    return {
      withFont: ctx.measureText('职工之家').width,
      loaded: document.fonts.check(`20px '${family}'`, '职工之家'),
    };
  }, FONT_FAMILY);
  expect(widths.loaded).toBe(true);
  expect(widths.withFont).toBeGreaterThan(70);
  const shot = await e2e.screenshot(page, 'bundled-browser-home');
  expect(shot).toMatch(/bundled-browser-home\.png$/);
  expect(e2e.pageErrors).toEqual([]);
  await page.context().close();
});

/**
 * How a line of `cells` full-width characters in the certificate's title red came out on `canvas` (the
 * certificate's, or one drawn the same way), within `box` in the certificate's 600 × 860 units: the least ink in
 * any character's cell, and how unlike the two most alike characters are (pixels that differ, over the ink of
 * the inkier one, at the best of three 1-px shifts). Distinct characters differ by far more than half their ink;
 * boxes drawn for missing glyphs all look alike, and an undrawn line has no ink at all.
 */
function lettering(canvas: HTMLCanvasElement, box: { x: number; y: number; w: number; h: number }, cells: number) {
  const k = canvas.width / 600;
  const [x, y, w, h] = [box.x, box.y, box.w, box.h].map((v) => Math.round(v * k));
  const { data } = canvas.getContext('2d')!.getImageData(x, y, w, h);
  const red = (px: number, py: number) => {
    if (px < 0 || px >= w) return false;
    const i = (py * w + px) * 4;
    return data[i] > 120 && data[i + 1] < 110 && data[i + 2] < 110;
  };
  const cw = w / cells;
  const ink = Array.from({ length: cells }, (_, c) => {
    let n = 0;
    for (let py = 0; py < h; py++)
      for (let px = 0; px < Math.floor(cw); px++) n += red(Math.round(c * cw) + px, py) ? 1 : 0;
    return n;
  });
  let leastDiff = Infinity;
  for (let a = 0; a < cells; a++)
    for (let b = a + 1; b < cells; b++) {
      let best = Infinity;
      for (const dx of [-1, 0, 1]) {
        let diff = 0;
        for (let py = 0; py < h; py++)
          for (let px = 0; px < Math.floor(cw); px++)
            if (red(Math.round(a * cw) + px, py) !== red(Math.round(b * cw) + px + dx, py)) diff += 1;
        best = Math.min(best, diff);
      }
      leastDiff = Math.min(leastDiff, best / Math.max(1, ink[a], ink[b]));
    }
  return { leastInk: Math.min(...ink), leastDiff };
}

test('the bundled Chromium draws the certificate canvas in Chinese, not in empty boxes', async () => {
  // 吴秀英's certificate is issued in the seed.
  const [request] = await e2e.callAs('seed-retiree-wu', 'retirement', { action: 'myRequests' });
  const page = await e2e.newPage({
    persona: 'seed-retiree-wu',
    path: `/retirement/pages/certificate/index?id=${request.id}`,
  });
  await page.getByText('证书已生成').waitFor();
  await e2e.screenshot(page, 'bundled-browser-certificate');
  const seen = await page.evaluate(
    ({ measure, serifOnly }) => {
      const lettering = new Function(`return ${measure}`)() as (
        c: HTMLCanvasElement,
        b: { x: number; y: number; w: number; h: number },
        n: number,
      ) => { leastInk: number; leastDiff: number };
      const cert = document.querySelector<HTMLCanvasElement>(
        '.retirement-cert__canvas canvas, canvas.retirement-cert__canvas',
      )!;
      // The title, 光荣退休纪念证书: 8 full-width glyphs of bold 46 px centred at x 300 on baseline 130.
      const box = { x: 300 - 4 * 46, y: 84, w: 8 * 46, h: 56 };
      // Two failures drawn on canvases like the certificate's, to show the measure catches them: the title in the
      // certificate's serif faces alone (as before it named the page's font: with no CJK font, no glyphs), and
      // eight alike boxes (what a browser shows for missing glyphs when its fallback font has a visible one).
      const failure = (draw: (ctx: CanvasRenderingContext2D) => void) => {
        const canvas = document.createElement('canvas');
        canvas.width = cert.width;
        canvas.height = cert.height;
        const ctx = canvas.getContext('2d')!;
        ctx.scale(cert.width / 600, cert.height / 860);
        ctx.fillStyle = '#fffaf0';
        ctx.fillRect(0, 0, 600, 860);
        ctx.fillStyle = '#b3151b';
        ctx.strokeStyle = '#b3151b';
        draw(ctx);
        return lettering(canvas, box, 8);
      };
      return {
        cert: lettering(cert, box, 8),
        serifOnly: failure((ctx) => {
          ctx.textAlign = 'center';
          ctx.font = `bold 46px ${serifOnly}`;
          ctx.fillText('光荣退休纪念证书', 300, 130);
        }),
        boxes: failure((ctx) => {
          ctx.lineWidth = 3;
          for (let i = 0; i < 8; i++) ctx.strokeRect(box.x + i * 46 + 5, 92, 36, 42);
        }),
        dataUrl: cert.toDataURL('image/png'),
      };
    },
    { measure: lettering.toString(), serifOnly: '"Noto Serif CJK SC", "Songti SC", "STSong", "SimSun", serif' },
  );
  e2e.saveImage('bundled-browser-certificate-canvas', seen.dataUrl);
  const chinese = ({ leastInk, leastDiff }: { leastInk: number; leastDiff: number }) =>
    leastInk > 100 && leastDiff > 0.5;
  expect(seen.cert.leastInk).toBeGreaterThan(100);
  expect(seen.cert.leastDiff).toBeGreaterThan(0.5);
  expect(chinese(seen.serifOnly)).toBe(false);
  expect(chinese(seen.boxes)).toBe(false);
  expect(e2e.pageErrors).toEqual([]);
  await page.context().close();
});
