#!/usr/bin/env node
/**
 * relaybench entry point. Only argument parsing loads here; each command imports its own modules
 * when it runs, so `relaybench --help` starts fast.
 */
import { main } from './cli/program.js';

process.exitCode = await main(process.argv);
