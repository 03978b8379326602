import { isSignificant, type BaselineComparison, type CaseComparison } from './baseline.js';
import { caseGroupLabel } from './caseGroups.js';
import { formatMs, formatP, formatPassCounts, formatSignedPct } from './format.js';
import { markdownTable, markdownText } from './markdownSyntax.js';
import { describeVersionChange } from './modelVersions.js';

function caseLine(comparison: CaseComparison, causes: Map<string, string>): string {
  const cause = causes.get(comparison.relay);
  const counts = `${formatPassCounts(comparison.baseline)} → ${formatPassCounts(comparison.current)} passed`;
  const causeText = cause === undefined ? '' : ` — model version changed: ${markdownText(cause)}`;
  return `- **${markdownText(caseGroupLabel(comparison))}**: ${counts} (p = ${formatP(comparison.pValue)})${causeText}`;
}

function passRateSections(baseline: BaselineComparison): string[] {
  const causes = new Map(baseline.modelVersionChanges.map((change) => [change.relay, describeVersionChange(change)]));
  const listOf = (change: CaseComparison['change']): string[] =>
    baseline.cases.filter((comparison) => comparison.change === change).map((comparison) => caseLine(comparison, causes));
  const regressions = listOf('regression');
  const improvements = listOf('improvement');
  const worse = listOf('worse');
  const sections = [
    `### Against the baseline (Fisher's exact test, one-sided, α = ${baseline.alpha})`,
    `${baseline.cases.length} (case, relay, thinking) groups compared, matched by job_id.`,
    regressions.length === 0 ? '**Regressions:** none.' : `**Regressions (${regressions.length}):**\n\n${regressions.join('\n')}`,
    improvements.length === 0 ? '**Improvements:** none.' : `**Improvements (${improvements.length}):**\n\n${improvements.join('\n')}`,
  ];
  if (worse.length > 0) {
    sections.push(`<details><summary>${worse.length} group(s) passed less often, within chance</summary>\n\n${worse.join('\n')}\n\n</details>`);
  }
  const underpowered = baseline.cases.filter((comparison) => !isSignificant(comparison.smallestPossibleP, baseline.alpha)).length;
  if (underpowered > 0) {
    sections.push(`⚠️ ${underpowered} group(s) have too few graded repeats for any change to be significant at α = ${baseline.alpha}; raise \`repeats\` (3 per side is the least that can show a change at 0.05).`);
  }
  const notCompared = baseline.onlyCurrent.length + baseline.onlyBaseline.length;
  if (notCompared > 0) {
    sections.push(`Not compared: ${baseline.onlyCurrent.length} group(s) only in this run and ${baseline.onlyBaseline.length} only in the baseline (new, removed, or their request changed).`);
  }
  return sections;
}

function latencySection(baseline: BaselineComparison): string[] {
  if (baseline.latency.length === 0) return [];
  const body = baseline.latency.map((comparison) => [
    markdownText(comparison.relay),
    comparison.metric,
    `${formatMs(comparison.baseline.p50)} → ${formatMs(comparison.current.p50)} (${formatSignedPct(comparison.p50ChangePct)})`,
    `${formatMs(comparison.baseline.p90)} → ${formatMs(comparison.current.p90)} (${formatSignedPct(comparison.p90ChangePct)})`,
    `${Math.round(comparison.medianDiffMs.estimate)} ms [${Math.round(comparison.medianDiffMs.low)}, ${Math.round(comparison.medianDiffMs.high)}]`,
    comparison.exceedsGate ? '❌ over the gate' : '',
  ]);
  return [
    '### Latency against the baseline (jobs in both runs, successful requests)',
    markdownTable(['relay', 'metric', 'p50', 'p90', 'median change, 95% CI', 'gate'], body),
  ];
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
