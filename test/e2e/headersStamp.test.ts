import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * headers_ms measured inside one process, against one clock (issue #17 item 8, the monotonic
 * route): a fresh Node process runs a loopback server and relaybench's own client (dist/), and
 * reports for each of 8 concurrent first requests when the response's bytes became readable on the
 * socket and when relaybench stamped the headers. Without `primeHttpParser` the first response
 * parsed in a process waited 5–25 ms here for V8 to compile undici's WebAssembly HTTP parser;
 * primed, the stamp follows the bytes within a fraction of a millisecond. No clock offset between
 * processes can enter this comparison.
 */
const PROBE = fileURLToPath(new URL('../helpers/headersStampProbe.mjs', import.meta.url));
const STAMP_LIMIT_MS = 2;

interface Probe {
  flushedAtMs: number;
  readableAtMs: number;
  headersAtMs: number;
}

function probe(mode: 'primed' | 'unprimed'): Probe[] {
  const run = spawnSync(process.execPath, [PROBE, mode, '8'], { encoding: 'utf8', timeout: 30_000 });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Probe[];
}

describe('headers stamp in one process', () => {
  it(`stamps the first response parsed within ${STAMP_LIMIT_MS} ms of its bytes, and the others too`, () => {
    const results = probe('primed');
    expect(results).toHaveLength(8);
    const byArrival = [...results].sort((a, b) => a.readableAtMs - b.readableAtMs);
    const stampMs = byArrival.map((result) => result.headersAtMs - result.readableAtMs);
    // Causality: the server flushed before the client could read, the client read before it stamped.
    for (const result of results) {
      expect(result.readableAtMs).toBeGreaterThanOrEqual(result.flushedAtMs);
      expect(result.headersAtMs).toBeGreaterThanOrEqual(result.readableAtMs);
    }
    expect(stampMs[0]).toBeLessThanOrEqual(STAMP_LIMIT_MS);
    const sorted = [...stampMs].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(1);
  });
});
