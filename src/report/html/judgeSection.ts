import type { RunManifest } from '../../analysis/index.js';
import { html, type SafeHtml } from './escape.js';
import { EMPTY, formatUsd, groupedNumber, percentWhole } from '../../format/index.js';

/**
 * The report's Judge table, from run.json's `judge` record (src/run/judging.ts JudgeReport):
 * relay and model, calls and failed calls by kind, tokens, cost, decided / undecided / reused
 * answers, mean agreement and the prompt's source and SHA-256. Every value, even a number, goes
 * through `html` (escaped): run.json is a file anyone can edit. Undefined without a record.
 */
export function judgeSection(judge: RunManifest['judge']): SafeHtml | undefined {
  if (judge === undefined) return undefined;
  const failed = Object.entries(judge.failedCalls ?? {});
  const failedCount = failed.reduce((sum, [, count]) => sum + count, 0);
  const tokens = judge.tokens ?? {};
  const rows: Array<[string, string]> = [
    ['relay', judge.relay ?? EMPTY],
    ['model', judge.model ?? EMPTY],
    ['votes per answer', groupedNumber(judge.repeats)],
    ['calls', groupedNumber(judge.calls)],
    ['failed calls', failed.length === 0 ? '0' : `${failedCount} (${failed.map(([kind, count]) => `${kind} ×${count}`).join(', ')})`],
    ['tokens', `${groupedNumber(tokens.prompt)} prompt + ${groupedNumber(tokens.thought)} thought + ${groupedNumber(tokens.answer)} answer`],
    ['cost', judge.costUsd === undefined ? EMPTY : judge.costUsd === null ? 'unknown (no price for the judge model)' : formatUsd(judge.costUsd)],
    ['answers decided', groupedNumber(judge.decided)],
    ['answers without a verdict', groupedNumber(judge.undecided)],
    ['answers reused', groupedNumber(judge.reused)],
    ['mean agreement', judge.meanAgreement === null ? 'n/a (one vote per answer)' : percentWhole(judge.meanAgreement)],
    ['prompt', judge.template?.source ?? EMPTY],
    ['prompt sha256', judge.template?.sha256 ?? EMPTY],
  ];
  return html`<div class="table-wrap"><table class="judge"><tbody>${rows.map(([name, value]) => html`<tr><th scope="row">${name}</th><td>${value}</td></tr>`)}</tbody></table></div>`;
}
