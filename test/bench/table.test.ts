import { describe, expect, it } from 'vitest';
import { formatMemoryOnly } from '../../src/bench/table.js';
import { memoryChecks, postRunCheck } from '../../src/bench/targets.js';
import type { MemoryOnlyResult, MemoryResult, TimelineResult } from '../../src/bench/types.js';

const memory: MemoryResult = { jobs: 100_000, peak_rss_mb: 240, base_jobs: 20_000, base_peak_rss_mb: 170, growth_mb: 70 };
const timeline: TimelineResult[] = [
  { jobs: 20_000, concurrency: 256, requests: 20_000, startup_ms: 420, run_s: 30, post_run_s: 1.6, post_run_s_per_10k_rows: 0.8, wall_s: 32 },
  { jobs: 100_000, concurrency: 256, requests: 100_000, startup_ms: 900, run_s: 150, post_run_s: 8, post_run_s_per_10k_rows: 0.8, wall_s: 159 },
];

describe('formatMemoryOnly', () => {
  it('puts each target verdict next to its figure', () => {
    const result: MemoryOnlyResult = {
      memory,
      scaling: [],
      timeline,
      targets: [...memoryChecks(memory), postRunCheck(timeline)],
    };
    const text = formatMemoryOnly(result);
    expect(text).toContain('100,000 jobs (instant profile): 240 MB   ≤ 250 MB  PASS');
    expect(text).toContain('growth from 20,000 jobs (170 MB): 70 MB   ≤ 60 MB  FAIL');
    expect(text).toContain('post-run per 10,000 rows, 100,000 jobs: 0.80 s   ≤ 1 s  PASS');
    expect(text).toContain('Targets met: 2 of 3');
    expect(text).toContain('FAIL  peak RSS growth, 20,000 → 100,000 jobs: 70 MB (target ≤ 60 MB)');
  });
});
