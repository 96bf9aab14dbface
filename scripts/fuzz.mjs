#!/usr/bin/env node
// `npm run fuzz`: the bad-input sweep (every action of every function, in-process and over HTTP) and the
// authorization matrix. Exits non-zero on any failure, printing the failing cases. See bench/fuzz/main.ts.
import { runEntry } from '../bench/bundle.mjs';

await runEntry('bench/fuzz/main.ts', 'fuzz');
