import type { JudgeReport } from '../runfolder/details.js';
import { formatUsd } from '../format/index.js';

/**
 * The judge's line on the console: its calls, failures by kind, tokens and cost, and how many
 * judged answers were decided. Judge calls are not measured rows, so they are reported apart.
 */
export function formatJudgeReport(report: JudgeReport): string {
  const failed = Object.entries(report.failedCalls);
  const failedText =
    failed.length === 0 ? '0 failed' : `${failed.reduce((sum, [, count]) => sum + count, 0)} failed (${failed.map(([kind, count]) => `${kind} ×${count}`).join(', ')})`;
  const tokens = `${report.tokens.prompt} prompt + ${report.tokens.thought} thought + ${report.tokens.answer} answer tokens`;
  const cost = report.costUsd === null ? `cost unknown (no price for ${report.model})` : formatUsd(report.costUsd);
  const agreement = report.meanAgreement === null ? '' : `, mean agreement ${Math.round(report.meanAgreement * 100)}%`;
  return [
    `Judge calls (relay ${report.relay}, ${report.model}, ${report.repeats} vote${report.repeats === 1 ? '' : 's'} per answer): ${report.calls} calls, ${failedText}; ${tokens}; ${cost}.`,
    `  ${report.decided} judged answers decided, ${report.undecided} left without a verdict (pass empty), ${report.reused} reused from an identical answer${agreement}. Prompt ${report.template.sha256.slice(0, 12)} (${report.template.source}).`,
  ].join('\n');
}
