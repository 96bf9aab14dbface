/**
 * The 用户隐私保护指引 text (docs/privacy-guide.md) is generated from the code and kept in step: a new
 * privacy API or personal field changes it, and an API without a stated purpose stops the generator.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts/privacy-guide.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'privacy-'));
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  mkdirSync(join(dir, 'types/api'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('docs/privacy-guide.md is in step with what the code collects', () => {
  const res = run('--check');
  expect(res.stderr).toBe('');
  expect(res.status).toBe(0);
  const text = run('--stdout').stdout;
  for (const type of [
    '位置信息',
    '选中的照片或视频信息',
    '相册（仅写入）权限',
    '剪切板',
    '姓名',
    '手机号',
    '身份证号码',
  ])
    expect(text).toContain(`| ${type} |`);
});

test('only what a tree uses is declared, with where it is used', () => {
  writeFileSync(join(dir, 'src/pages/a.tsx'), "await Taro.setClipboardData({ data: 'x' });\n");
  writeFileSync(
    join(dir, 'types/api/x.ts'),
    "export const i = s.object({ idNumber: s.idNumber({ label: '身份证号' }) });\n",
  );
  const res = run('--root', dir, '--stdout');
  expect(res.status).toBe(0);
  expect(res.stdout).toContain('| 剪切板 |');
  expect(res.stdout).toContain('剪切板：src/pages/a.tsx (setClipboardData)');
  expect(res.stdout).toContain('| 身份证号码 |');
  expect(res.stdout).not.toContain('| 位置信息 |');
  expect(res.stdout).not.toContain('| 手机号 |');
});

test('a privacy API the guide has no purpose for stops the generator, naming the file', () => {
  writeFileSync(join(dir, 'src/pages/b.ts'), 'const addr = await Taro.chooseAddress();\n');
  const res = run('--root', dir, '--stdout');
  expect(res.status).toBe(1);
  expect(res.stderr).toMatch(/src\/pages\/b\.ts calls chooseAddress \(地址\)/);
});

test('--check fails when the committed text no longer matches', () => {
  writeFileSync(join(dir, 'src/pages/a.tsx'), "await Taro.getLocation({ type: 'gcj02' });\n");
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs/privacy-guide.md'), '# old text\n');
  const res = run('--root', dir, '--check');
  expect(res.status).toBe(1);
  expect(res.stderr).toMatch(/out of step/);
});
