import { budgetAdvice, compareRelays, relayVerdicts } from '../../src/analysis/index.js';
import { evaluateGates } from '../../src/analysis/gates.js';
import { readChartLibrary } from '../../src/report/html/index.js';
import type { ReportInput } from '../../src/report/html/index.js';
import { syntheticRun } from '../analysis/syntheticRun.js';

/** Model output a hostile or broken relay might send, each aimed at a different way out of text. */
export const SCRIPT_ANSWER = '<script>alert(1)</script>';
export const IMG_ANSWER = '<img src=x onerror=alert(1)>';
export const CLOSE_SCRIPT_ANSWER = 'Done.</script><script>alert(2)</script><!--';

/** The case whose answers carry the payloads; every relay answers it with all three. */
export const HOSTILE_CASE = 'capital';

/**
 * A synthetic run of three relays where the answers, thought summaries, grader reasons and error
 * messages of one case are hostile markup, with the analysis already run: ready for renderReport.
 */
export function maliciousReportInput(): ReportInput {
  const run = syntheticRun([
    { name: 'honest', behaviour: 'honest' },
    { name: 'fake-stream', behaviour: 'fake-stream' },
    { name: 'html-errors', behaviour: 'html-errors' },
  ]);
  const payloads = [SCRIPT_ANSWER, IMG_ANSWER, CLOSE_SCRIPT_ANSWER];
  run.rows.forEach((row, index) => {
    if (row.case_id !== HOSTILE_CASE) return;
    const payload = payloads[Number(row.repeat) % payloads.length] as string;
    row.answer = `${SCRIPT_ANSWER} ${IMG_ANSWER} ${CLOSE_SCRIPT_ANSWER}`;
    row.grader_reason = `expected Paris, got ${payload}`;
    const detail = run.details[index];
    if (detail !== undefined) detail.thought_text = `**Thinking** about ${payload}`;
  });
  for (const row of run.rows) {
    if (row.status === 'error') row.error_message = `HTTP 502: <html><body onload=alert(3)><script>alert(4)</script></body></html>`;
  }
  const { rows, details, manifest } = run;
  return {
    rows,
    details,
    manifest,
    verdicts: relayVerdicts(rows, details, manifest),
    advice: budgetAdvice(rows),
    comparisons: compareRelays(rows, { seed: 1 }),
    gates: evaluateGates(rows, { minPassRate: 0.9, maxErrorRate: 0.01 }),
    chartLibrary: readChartLibrary(),
  };
}
