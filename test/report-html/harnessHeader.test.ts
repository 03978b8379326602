import { describe, expect, it } from 'vitest';
import { parseRunManifestLenient } from '../../src/analysis/index.js';
import { reportHeader } from '../../src/report/html/header.js';

const shape = { cases: ['a'], relays: ['r'], settingLabels: [] };

function header(harness: unknown): string {
  return reportHeader(parseRunManifestLenient({ runId: 'x', harness }), [], shape).value;
}

describe('report header: the harness watching itself', () => {
  it('shows the event-loop delay and CPU, and the warning when the bound was passed', () => {
    const text = header({
      eventLoopDelayMs: { p50: 0.2, p99: 24.2, max: 110.5, samples: 900, resolutionMs: 2 },
      cpu: { userMs: 1, systemMs: 1, wallMs: 10, coreShare: 0.16 },
      concurrency: 512,
      boundMs: 5,
      warning: 'Timings at concurrency 512 may be off by up to ~24 ms <b>',
    });
    expect(text).toContain('<dt>harness</dt><dd>event-loop delay p99 24.2 ms (max 110.5 ms), CPU 16% of one core at concurrency 512');
    expect(text).toContain('<p class="harness-warning">⚠ Timings at concurrency 512 may be off by up to ~24 ms &lt;b&gt;</p>');
  });

  it('shows the figures without a warning when the bound held, and nothing for an older run.json', () => {
    const quiet = header({ eventLoopDelayMs: { p50: 0.1, p99: 1.2, max: 3 }, cpu: { coreShare: 0.5 }, concurrency: 8, boundMs: 5 });
    expect(quiet).toContain('event-loop delay p99 1.2 ms');
    expect(quiet).not.toContain('harness-warning');
    expect(header(undefined)).not.toContain('<dt>harness</dt>');
  });
});
