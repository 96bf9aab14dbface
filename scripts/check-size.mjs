#!/usr/bin/env node
// Package-size budgets of the production weapp build (see DESIGN.md). Usage: node scripts/check-size.mjs [dir=dist]
import fs from 'node:fs';
import path from 'node:path';
import { measurePackages, checkBudgets, formatTable } from './lib/package-size.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
if (!fs.existsSync(path.join(dist, 'app.json'))) {
  console.error(`check-size: ${dist}/app.json not found; run \`taro build --type weapp\` first`);
  process.exit(1);
}
const result = measurePackages(dist);
console.log(formatTable(result));
const errors = checkBudgets(result);
for (const e of errors) console.error(`check-size: OVER BUDGET: ${e}`);
if (!errors.length) console.log('check-size: all packages within budget');
process.exit(errors.length ? 1 : 0);
