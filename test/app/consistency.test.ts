/**
 * App-wide consistency a worker notices (issue 17): Chinese text uses the full-width ？, and there is one
 * checkbox look (CheckMark), not WeChat's native one beside ☑/☐ characters beside a drawn box.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '../..');

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

const sources = ['src', 'cloud/domain', 'cloud/lib', 'cloud/seed', 'types'].flatMap((d) => files(join(ROOT, d)));

test('no half-width ? after Chinese text in any string the app or the cloud shows', () => {
  const found: string[] = [];
  for (const f of sources) {
    readFileSync(f, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        // A Han character (or Chinese punctuation) then ?, not the ?. / ?? / ?: of code.
        if (/[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]\s*\?(?![.?:])/.test(line) && !/^\s*(\/\/|\*)/.test(line))
          found.push(`${f.slice(ROOT.length + 1)}:${i + 1}`);
      });
  }
  expect(found).toEqual([]);
});

test('one checkbox look: CheckMark, never the native Checkbox or ☑/☐ characters', () => {
  const found: string[] = [];
  for (const f of sources.filter((p) => p.includes('/src/'))) {
    const text = readFileSync(f, 'utf8');
    if (/[☑☐]/.test(text)) found.push(`${f.slice(ROOT.length + 1)}: ☑/☐`);
    if (/import\s*\{[^}]*\bCheckbox\b[^}]*\}\s*from\s*'@tarojs\/components'/.test(text))
      found.push(`${f.slice(ROOT.length + 1)}: Checkbox`);
  }
  expect(found).toEqual([]);
});
