#!/usr/bin/env node
// `npm run bench [-- --reuse-dist] [-- --only=size,render,storm,crash]`: package sizes against a bare Taro app,
// first render in Chromium, claim and redeem storms over the emulator's HTTP, crash-between-writes reconciliation.
// Prints tables, writes bench/results/<date>.json and latest.json; exits non-zero when a budget or invariant fails.
// BENCH_MEMBERS (5000) sizes the claim storm, BENCH_RENDER_RUNS (7) the loads per page. See bench/main.ts.
import { bundle, runEntry } from '../bench/bundle.mjs';

// The storm's server runs in its own process (forked by bench/storm/claim-storm.ts).
await bundle('bench/storm/server-main.ts', 'storm-server');
await runEntry('bench/main.ts', 'bench');
