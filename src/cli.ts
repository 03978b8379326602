#!/usr/bin/env node
/**
 * relaybench entry point. Only argument parsing loads here; each command imports its own modules
 * when it runs, so `relaybench --help` starts fast.
 */
import nodeModule from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { main } from './cli/program.js';

// Node >= 22.1 can keep compiled code on disk between runs (module.enableCompileCache, in the
// temporary folder), which mostly removes module compilation from start-up; Node 20 lacks it and
// skips this. https://nodejs.org/api/module.html#moduleenablecompilecachecachedir
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// V8 lets the old generation grow to about twice the live heap before a major collection, so a
// 100,000-job run peaked at ~420 MB of RSS for ~100 MB of live data. A growing factor of 1.4
// (V8's `--heap-growing-percent`, read at every collection, so setting it here takes effect)
// keeps the peak near the live size: 247 MB at 100,000 jobs for 8% more CPU, measured with
// `npm run bench -- --only memory` (README, "How accurate are the numbers?").
setFlagsFromString('--heap-growing-percent=40');

process.exitCode = await main(process.argv);
