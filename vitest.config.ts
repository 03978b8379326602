import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit` tests are pure and run in parallel. `e2e` tests spawn the built CLI, the
 * emulator, local servers and a browser, and assert timings to a few milliseconds: they run one
 * file at a time (`npm test` passes --no-file-parallelism) so they never compete for the two cores.
 */
const E2E = ['test/e2e/**/*.test.ts', 'test/reliability/**/*.test.ts', 'test/browser/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: E2E, testTimeout: 30_000 } },
      { test: { name: 'e2e', include: E2E, testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
