/**
 * run.json's `resources`: this process's peak resident memory (`maxRssMb`, MiB) and CPU time
 * (`cpuUserMs`, `cpuSystemMs`), from Node's `process.resourceUsage()` (getrusage(2): maxRSS in KiB,
 * CPU times in µs). What the benchmark's memory and scaling figures read.
 */
export function resourcesUsed(): Record<string, number> {
  const usage = process.resourceUsage();
  return { maxRssMb: Math.round(usage.maxRSS / 1024), cpuUserMs: Math.round(usage.userCPUTime / 1000), cpuSystemMs: Math.round(usage.systemCPUTime / 1000) };
}
