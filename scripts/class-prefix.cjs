/**
 * Class names carry their domain's prefix (issue 13): in one H5 document, `.review__tabs` of the
 * contest and of the retirement pages would style each other. A subpackage's BEM blocks start with
 * its domain (`contest-review__tabs`, `gift-edit__save`); blocks of the shared components and the app
 * stylesheet (card, muted, btn, form-field…) are global. Used by the ESLint rule `local/class-prefix`
 * (className literals in tsx) and by test/app/components/class-prefix.test.ts (the stylesheets).
 */
const fs = require('fs');
const path = require('path');

/** src/<dir> → the prefix its classes carry. */
const DOMAINS = {
  contest: 'contest',
  retirement: 'retirement',
  academy: 'academy',
  gifts: 'gift',
  member: 'member',
  staff: 'staff',
  admin: 'admin',
};
/** A class token: block, then any __element / --modifier. */
const TOKEN = /(?<![\w-])([a-z][a-z0-9]*(?:-[a-z0-9]+)*)((?:__|--)[a-z0-9_-]*)?(?![\w-])/g;

function walk(dir, test, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, test, out);
    else if (test(p)) out.push(p);
  }
  return out;
}

/** The class selectors of a stylesheet (comments dropped). */
function scssClasses(text) {
  const bare = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return [...bare.matchAll(/\.([a-z][a-z0-9_-]*)/gi)].map((m) => m[1]);
}

const blockOf = (token) => token.split(/__|--/)[0];

/** Blocks anyone may use: the shared components' and the app's stylesheets, and Taro's own. */
function globalBlocks(root) {
  const out = new Set(['page', 'elder', 'taro_page', 'weui-tabbar', 'taro-textarea']);
  const files = [
    ...walk(path.join(root, 'src/components'), (p) => p.endsWith('.scss')),
    ...walk(path.join(root, 'src/styles'), (p) => p.endsWith('.scss')),
    path.join(root, 'src/app.scss'),
  ];
  for (const f of files) for (const c of scssClasses(fs.readFileSync(f, 'utf8'))) out.add(blockOf(c));
  return out;
}

/** The prefix a file's classes must carry, or null (main package, shared code). */
function prefixOf(root, file) {
  const rel = path.relative(path.join(root, 'src'), file).split(path.sep);
  return rel.length > 1 && DOMAINS[rel[0]] ? DOMAINS[rel[0]] : null;
}

/** The tokens of `text` whose block is neither global nor prefixed. `bareToo`: check blocks without __/-- too. */
function unprefixed(text, prefix, globals, bareToo = false) {
  const bad = [];
  for (const m of text.matchAll(TOKEN)) {
    const [token, block, rest] = m;
    if (!rest && !bareToo) continue;
    if (globals.has(block) || block === prefix || block.startsWith(prefix + '-')) continue;
    bad.push(token);
  }
  return bad;
}

/** ESLint rule: className string pieces in a subpackage must use prefixed BEM blocks. */
function eslintPlugin(root) {
  const globals = globalBlocks(root);
  return {
    rules: {
      'class-prefix': {
        meta: {
          type: 'problem',
          docs: { description: 'BEM blocks in a subpackage carry its domain prefix (contest-review__tabs)' },
          schema: [],
        },
        create(context) {
          const prefix = prefixOf(root, context.filename ?? context.getFilename());
          if (!prefix) return {};
          const check = (node, text) => {
            for (const token of unprefixed(text, prefix, globals)) {
              context.report({
                node,
                message: `Class "${token}" needs its domain prefix: "${prefix}-${token}" (one H5 document holds every page's rules).`,
              });
            }
          };
          const visit = (node) => {
            if (!node || typeof node !== 'object') return;
            if (node.type === 'Literal' && typeof node.value === 'string') return check(node, node.value);
            if (node.type === 'TemplateElement') return check(node, node.value.cooked ?? node.value.raw);
            for (const key of Object.keys(node)) {
              if (key === 'parent' || key === 'loc' || key === 'range') continue;
              const v = node[key];
              if (Array.isArray(v)) v.forEach(visit);
              else if (v && typeof v.type === 'string') visit(v);
            }
          };
          return {
            JSXAttribute(node) {
              if (node.name && node.name.name === 'className') visit(node.value);
            },
          };
        },
      },
    },
  };
}

module.exports = { DOMAINS, walk, scssClasses, blockOf, globalBlocks, prefixOf, unprefixed, eslintPlugin };
