import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Chart.js's UMD build, to inline into report.html so the report opens offline. chart.js's
 * exports map does not expose `dist/chart.umd.min.js`, so the file is found beside the package's
 * CommonJS entry (`dist/chart.cjs`), which resolves the same from src/ under vitest and from dist/.
 * The source-map comment is dropped: a report has nothing to fetch.
 */
export function readChartLibrary(): string {
  const entry = createRequire(import.meta.url).resolve('chart.js');
  const source = readFileSync(join(dirname(entry), 'chart.umd.min.js'), 'utf8');
  return source.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
}
