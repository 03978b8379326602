import type { RunManifest } from '../../analysis/index.js';
import { formatUsdAmount } from '../../analysis/index.js';
import { html, type SafeHtml } from './escape.js';
import { cellNumber, cellPercent, EMPTY } from './format.js';

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
    ['votes per answer', cellNumber(judge.repeats)],
    ['calls', cellNumber(judge.calls)],
    ['failed calls', failed.length === 0 ? '0' : `${failedCount} (${failed.map(([kind, count]) => `${kind} ×${count}`).join(', ')})`],
    ['tokens', `${cellNumber(tokens.prompt)} prompt + ${cellNumber(tokens.thought)} thought + ${cellNumber(tokens.answer)} answer`],
    ['cost', judge.costUsd === undefined ? EMPTY : judge.costUsd === null ? 'unknown (no price for the judge model)' : formatUsdAmount(judge.costUsd)],
    ['answers decided', cellNumber(judge.decided)],
    ['answers without a verdict', cellNumber(judge.undecided)],
    ['answers reused', cellNumber(judge.reused)],
    ['mean agreement', judge.meanAgreement === null ? 'n/a (one vote per answer)' : cellPercent(judge.meanAgreement)],
    ['prompt', judge.template?.source ?? EMPTY],
    ['prompt sha256', judge.template?.sha256 ?? EMPTY],
  ];
  return html`<div class="table-wrap"><table class="judge"><tbody>${rows.map(([name, value]) => html`<tr><th scope="row">${name}</th><td>${value}</td></tr>`)}</tbody></table></div>`;
}
