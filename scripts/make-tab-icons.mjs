#!/usr/bin/env node
/**
 * Draws the tab bar icons (首页 / 服务 / 我的) as small PNGs into src/assets/tabbar/: 81×81 px (WeChat's
 * recommended size), grey for unselected and the union red for selected, the same colours as the tab bar
 * text in src/app.config.ts. Plain geometry, 4×4 supersampled for smooth edges; a few hundred bytes each.
 * Run `node scripts/make-tab-icons.mjs` after changing a shape or colour, and commit the PNGs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'src/assets/tabbar');
const SIZE = 81;
const SAMPLES = 4;
const COLORS = { normal: [0x66, 0x66, 0x66], active: [0xc8, 0x16, 0x1d] };

const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (!inRect(x, y, x0, y0, x1, y1)) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return inCircle(x, y, cx, cy, r);
};
/** Inside the triangle (a, b, c), by the signs of the three edge functions. */
const inTriangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const s = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = s(ax, ay, bx, by);
  const d2 = s(bx, by, cx, cy);
  const d3 = s(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};

/** Shapes in unit coordinates (0..1, y down). */
const SHAPES = {
  home: (x, y) =>
    (inTriangle(x, y, [0.1, 0.5], [0.5, 0.12], [0.9, 0.5]) || inRect(x, y, 0.22, 0.46, 0.78, 0.88)) &&
    !inRoundRect(x, y, 0.42, 0.62, 0.58, 0.9, 0.03),
  services: (x, y) =>
    inRoundRect(x, y, 0.12, 0.12, 0.45, 0.45, 0.08) ||
    inRoundRect(x, y, 0.55, 0.12, 0.88, 0.45, 0.08) ||
    inRoundRect(x, y, 0.12, 0.55, 0.45, 0.88, 0.08) ||
    inCircle(x, y, 0.715, 0.715, 0.17),
  mine: (x, y) =>
    inCircle(x, y, 0.5, 0.32, 0.19) ||
    (y >= 0.58 && y <= 0.9 && ((x - 0.5) / 0.36) ** 2 + ((y - 0.9) / 0.34) ** 2 <= 1),
};

function draw(shape, [r, g, b]) {
  const png = new PNG({ width: SIZE, height: SIZE });
  for (let py = 0; py < SIZE; py++)
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++)
          if (shape((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE)) hits++;
      const i = (py * SIZE + px) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES));
    }
  return PNG.sync.write(png, { colorType: 6, deflateLevel: 9 });
}

mkdirSync(OUT, { recursive: true });
for (const [name, shape] of Object.entries(SHAPES))
  for (const [state, color] of Object.entries(COLORS)) {
    const file = path.join(OUT, `${name}${state === 'active' ? '-active' : ''}.png`);
    const bytes = draw(shape, color);
    writeFileSync(file, bytes);
    console.log(`${path.relative(ROOT, file)}  ${bytes.length} bytes`);
  }
