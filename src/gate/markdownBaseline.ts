import { isSignificant, type BaselineComparison, type CaseComparison } from './baseline.js';
import { caseGroupLabel } from '../analysis/caseGroups.js';
import { markdownTable, markdownText } from '../report/tables/index.js';
import { describeVersionChange } from './modelVersions.js';
import { allPairedTests, PAIRED_TABLE_HEADER, pairedTableRow, unpairedSentence } from './pairedConsole.js';
import { hasPairs } from './pairedComparison.js';
import { jobPairLabel, pairedTestLabel, powerSentences } from './pairedText.js';
import { msWhole, passFraction, pValueNumber, signedPercentChange } from '../format/index.js';

function caseLine(comparison: CaseComparison, causes: Map<string, string>): string {
  const cause = causes.get(comparison.relay);
  const counts = `${passFraction(comparison.baseline)} → ${passFraction(comparison.current)} passed`;
  const causeText = cause === undefined ? '' : ` — model version changed: ${markdownText(cause)}`;
  return `- **${markdownText(caseGroupLabel(comparison))}**: ${counts} (p = ${pValueNumber(comparison.pValue)})${causeText}`;
}

/** The per-cell Fisher tests, folded away: detail that does not decide. */
function fisherDetail(baseline: BaselineComparison): string[] {
  const causes = new Map(baseline.modelVersionChanges.map((change) => [change.relay, describeVersionChange(change)]));
  const moved = baseline.cases.filter((comparison) => comparison.change !== 'same').map((comparison) => `${caseLine(comparison, causes)} — ${comparison.change}`);
  const underpowered = baseline.cases.filter((comparison) => !isSignificant(comparison.smallestPossibleP, baseline.alpha)).length;
  const body = [
    `${baseline.cases.length} (case, relay, thinking) cells compared with Fisher's exact test (one-sided, unpaired, no correction); ${underpowered} have too few repeats for any change to reach α = ${baseline.alpha}.`,
    moved.length === 0 ? 'No cell changed its pass count.' : moved.join('\n'),
  ];
  return [`<details><summary>Per-cell detail (does not decide)</summary>\n\n${body.join('\n\n')}\n\n</details>`];
}

function pairedSection(baseline: BaselineComparison): string[] {
  const paired = baseline.paired;
  const sections = [
    `### Against the baseline (paired by job_id, exact McNemar one-sided, Holm within each family, α = ${paired.alpha}${paired.failOnFlip ? ', fail on any flip' : ''})`,
  ];
  const unpaired = unpairedSentence(paired);
  if (!hasPairs(paired)) return [...sections, '**No pairs**: no job was graded in both runs, so nothing could be compared.', ...(unpaired === undefined ? [] : [unpaired])];
  const { counts } = paired;
  const total = counts.passPass + counts.passFail + counts.failPass + counts.failFail;
  sections.push(
    `${total} pairs: ${counts.passPass} pass→pass, **${counts.passFail} pass→fail**, ${counts.failPass} fail→pass, ${counts.failFail} fail→fail.${unpaired === undefined ? '' : ` ${unpaired}`}`,
  );
  const drops = paired.significantDrops.map((test) => `**${markdownText(pairedTestLabel(test))}**`);
  sections.push(drops.length === 0 ? '**Significant drops:** none.' : `**Significant drops (${drops.length}):** ${drops.join(', ')}.`);
  const rises = paired.significantRises.map((test) => markdownText(pairedTestLabel(test)));
  sections.push(rises.length === 0 ? '**Improvements:** none.' : `**Improvements (${rises.length}):** ${rises.join(', ')}.`);
  const moved = allPairedTests(paired).filter((test) => test.counts.passFail + test.counts.failPass > 0);
  if (moved.length > 0) {
    const body = moved.map(pairedTableRow).map((cells) => cells.map((cell, column) => (column === 6 && cell !== '' ? `**${cell}**` : markdownText(cell))));
    sections.push(markdownTable(PAIRED_TABLE_HEADER, body));
  }
  const flipList = paired.drops.map((pair) => `- ${markdownText(jobPairLabel(pair))}`);
  sections.push(flipList.length === 0 ? '**pass→fail jobs:** none.' : `**pass→fail jobs (${flipList.length}):**\n\n${flipList.join('\n')}`);
  if (paired.rises.length > 0) sections.push(`**fail→pass jobs (${paired.rises.length}):**\n\n${paired.rises.map((pair) => `- ${markdownText(jobPairLabel(pair))}`).join('\n')}`);
  sections.push(powerSentences(paired).map(markdownText).join(' '));
  return sections;
}

function passRateSections(baseline: BaselineComparison): string[] {
  const sections = [...pairedSection(baseline)];
  if (baseline.unsharedWhy.length > 0) sections.push(`Why some jobs are in one run only: ${markdownText(baseline.unsharedWhy.join('; '))}.`);
  sections.push(...fisherDetail(baseline));
  const notCompared = baseline.onlyCurrent.length + baseline.onlyBaseline.length;
  if (notCompared > 0) {
    sections.push(
      `Cells not compared: ${baseline.onlyCurrent.length} only in this run and ${baseline.onlyBaseline.length} only in the baseline (new, removed, or their request changed).`,
    );
  }
  return sections;
}

function latencySection(baseline: BaselineComparison): string[] {
  if (baseline.latency.length === 0) return [];
  const body = baseline.latency.map((comparison) => [
    markdownText(comparison.relay),
    comparison.metric,
    `${msWhole(comparison.baseline.p50)} → ${msWhole(comparison.current.p50)} (${signedPercentChange(comparison.p50ChangePct)})`,
    `${msWhole(comparison.baseline.p90)} → ${msWhole(comparison.current.p90)} (${signedPercentChange(comparison.p90ChangePct)})`,
    `${Math.round(comparison.medianDiffMs.estimate)} ms [${Math.round(comparison.medianDiffMs.low)}, ${Math.round(comparison.medianDiffMs.high)}]`,
    comparison.exceedsGate ? '❌ over the gate' : '',
  ]);
  return ['### Latency against the baseline (jobs in both runs, successful requests)', markdownTable(['relay', 'metric', 'p50', 'p90', 'median change, 95% CI', 'gate'], body)];
}

function modelVersionSection(baseline: BaselineComparison): string[] {
  if (baseline.modelVersionChanges.length === 0) return [];
  const body = baseline.modelVersionChanges.map((change) => [
    markdownText(change.relay),
    markdownText(Object.keys(change.baseline).join(', ')),
    markdownText(Object.keys(change.current).join(', ')),
  ]);
  return ['### Model version changes (a likely cause of the changes above)', markdownTable(['relay', 'baseline', 'now'], body)];
}

/** The baseline part of summary.md: regressions and improvements by name, latency, model versions. */
export function baselineMarkdown(baseline: BaselineComparison): string[] {
  return [...passRateSections(baseline), ...latencySection(baseline), ...modelVersionSection(baseline)];
}
