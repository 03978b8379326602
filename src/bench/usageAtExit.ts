/**
 * Preloaded into the harness process the bench spawns (`node --import`): at exit it writes the
 * process's own peak RSS and CPU time to the file named by RELAYBENCH_USAGE_FILE. Measured from
 * inside, after the report and the CI gates, so the whole run counts, and only this process (the
 * emulator child has its own).
 */
import { writeFileSync } from 'node:fs';

const usageFile = process.env.RELAYBENCH_USAGE_FILE;
if (usageFile !== undefined) {
  process.once('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(usageFile, JSON.stringify({ maxRssKb: usage.maxRSS, userCpuUs: usage.userCPUTime, systemCpuUs: usage.systemCPUTime }));
  });
}
