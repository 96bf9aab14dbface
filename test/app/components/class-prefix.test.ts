/**
 * @jest-environment node
 */
/**
 * Class names carry their page's domain prefix (issue 13): H5 renders every page in one document, so
 * an unprefixed `.review__tabs` in contest and in retirement styled each other. The ESLint rule
 * `local/class-prefix` checks className literals; this test checks the stylesheets, and that the rule
 * really fails on an unprefixed block.
 */
import { readFileSync } from 'fs';
import { join, relative } from 'path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const cp = require('../../../scripts/class-prefix.cjs');
const root = join(__dirname, '../../..');
const globals: Set<string> = cp.globalBlocks(root);

test("every subpackage stylesheet's blocks carry the domain prefix (or are global)", () => {
  const bad: string[] = [];
  for (const dir of Object.keys(cp.DOMAINS)) {
    const prefix = cp.DOMAINS[dir];
    for (const f of cp.walk(join(root, 'src', dir), (p: string) => p.endsWith('.scss'))) {
      for (const c of cp.scssClasses(readFileSync(f, 'utf8'))) {
        for (const token of cp.unprefixed(c, prefix, globals, true)) bad.push(`${relative(root, f)}: .${token}`);
      }
    }
  }
  expect(bad).toEqual([]);
});

test('no BEM block is defined by two packages (the .mine__head and .review__tabs clashes)', () => {
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  const dirs = ['pages', ...Object.keys(cp.DOMAINS)];
  for (const dir of dirs) {
    for (const f of cp.walk(join(root, 'src', dir), (p: string) => p.endsWith('.scss'))) {
      for (const c of cp.scssClasses(readFileSync(f, 'utf8'))) {
        const block = cp.blockOf(c);
        if (globals.has(block)) continue;
        const was = owner.get(block);
        if (was && was !== dir) clashes.push(`${block}: ${was} and ${dir}`);
        owner.set(block, dir);
      }
    }
  }
  expect([...new Set(clashes)]).toEqual([]);
});

describe('the ESLint rule', () => {
  const linter = new Linter({ configType: 'flat' });
  const lint = (file: string, code: string) =>
    linter
      .verify(
        code,
        [
          {
            files: ['**/*.tsx'],
            languageOptions: { parser: tseslint.parser as any, parserOptions: { ecmaFeatures: { jsx: true } } },
            plugins: { local: cp.eslintPlugin(root) },
            rules: { 'local/class-prefix': 'error' },
          },
        ],
        join(root, file),
      )
      .map((m) => m.message);

  test('fails on an unprefixed block in a subpackage, in a string or a template', () => {
    const code =
      'const a = <View className="card review__tabs" />;\nconst b = <View className={`mine__head ${x ? "mine__head--on" : ""}`} />;';
    const messages = lint('src/contest/pages/review/index.tsx', code);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain('"contest-review__tabs"');
  });

  test('passes prefixed and global blocks, and the main package', () => {
    expect(
      lint(
        'src/gifts/pages/edit/index.tsx',
        'const a = <View className="card gift-edit__save btn-primary form-field__input status-tag--success" />;',
      ),
    ).toEqual([]);
    expect(lint('src/pages/mine/index.tsx', 'const a = <View className="mine__head" />;')).toEqual([]);
  });
});
