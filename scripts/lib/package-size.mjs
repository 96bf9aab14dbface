// Sizes of a weapp build: the main package (every file not under a subpackage root listed in app.json) and each
// subpackage, with budget checks. Used by scripts/check-size.mjs and by the bench.
import fs from 'node:fs';
import path from 'node:path';

// Main: DESIGN.md allows 400 KB; issue 13 asks for at most 1.2 x the bench's bare Taro floor (296.6 KB with Taro
// 4.2.1's defaults: 355 KB), so that shared code and new entry points go to subpackages instead of creeping into
// the first download. (It was 375 KB, the size when the contract work began; the main package is 336 KB now.)
export const BUDGETS = { mainKB: 355, subpackageKB: 150, imageKB: 50 };

// Not part of the uploaded code package (source maps, license banners, DevTools project files).
const IGNORED = [/\.map$/, /\.LICENSE\.txt$/, /^project(\.private)?\.config\.json$/];
const IMAGE = /\.(png|jpe?g|gif|webp|svg|bmp)$/i;

function walk(dir, root, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, root, out);
    else out.push({ file: path.relative(root, p).split(path.sep).join('/'), bytes: fs.statSync(p).size });
  }
  return out;
}

/**
 * @param {string} distDir a weapp build (contains app.json)
 * @returns {{ main: {bytes:number, files:number}, subpackages: {root:string, bytes:number, files:number}[],
 *   images: {file:string, bytes:number}[], totalBytes: number }}
 */
export function measurePackages(distDir = 'dist') {
  const appJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8'));
  const roots = [...(appJson.subPackages || []), ...(appJson.subpackages || [])].map((p) =>
    p.root.replace(/^\/|\/$/g, ''),
  );
  const main = { bytes: 0, files: 0 };
  const subpackages = roots.map((root) => ({ root, bytes: 0, files: 0 }));
  const images = [];
  let totalBytes = 0;
  for (const f of walk(distDir, distDir, [])) {
    if (IGNORED.some((re) => re.test(f.file) || re.test(path.basename(f.file)))) continue;
    const pkg = subpackages.find((s) => f.file.startsWith(`${s.root}/`)) || main;
    pkg.bytes += f.bytes;
    pkg.files += 1;
    totalBytes += f.bytes;
    if (IMAGE.test(f.file)) images.push(f);
  }
  return { main, subpackages, images, totalBytes };
}

/** @returns {string[]} one message per budget exceeded (empty when all is well) */
export function checkBudgets(result, budgets = BUDGETS) {
  const kb = (b) => (b / 1024).toFixed(1);
  const errors = [];
  if (result.main.bytes > budgets.mainKB * 1024)
    errors.push(`main package ${kb(result.main.bytes)} KB > ${budgets.mainKB} KB`);
  for (const s of result.subpackages) {
    if (s.bytes > budgets.subpackageKB * 1024)
      errors.push(`subpackage ${s.root} ${kb(s.bytes)} KB > ${budgets.subpackageKB} KB`);
  }
  for (const img of result.images) {
    if (img.bytes > budgets.imageKB * 1024)
      errors.push(`image ${img.file} ${kb(img.bytes)} KB > ${budgets.imageKB} KB`);
  }
  return errors;
}

export function formatTable(result, budgets = BUDGETS) {
  const rows = [
    ['(main)', result.main, budgets.mainKB],
    ...result.subpackages.map((s) => [s.root, s, budgets.subpackageKB]),
  ].map(([name, p, limit]) => [
    name,
    String(p.files),
    (p.bytes / 1024).toFixed(1),
    String(limit),
    p.bytes > limit * 1024 ? 'OVER' : 'ok',
  ]);
  rows.push(['(total)', '', (result.totalBytes / 1024).toFixed(1), '', '']);
  const head = ['package', 'files', 'KB', 'budget KB', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}
