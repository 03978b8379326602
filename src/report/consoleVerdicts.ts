import { VERDICT_KEYS, VERDICT_LABELS, type BudgetAdvice, type RelayVerdict, type Verdict } from '../analysis/index.js';
import { formatTable } from './table.js';

const MARK: Record<Verdict, string> = { pass: 'pass', fail: 'FAIL', 'n/a': '–' };

/** Wraps the legend at about 100 columns, a width every terminal shows. */
function legendLines(): string[] {
  const entries = VERDICT_KEYS.map((key) => `${VERDICT_LABELS[key].short} ${VERDICT_LABELS[key].title}`);
  const lines: string[] = [];
  let line = '';
  for (const entry of entries) {
    if (line !== '' && line.length + entry.length + 3 > 100) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? `  ${entry}` : `${line} · ${entry}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * The honesty verdicts as a console table (thirteen checks, so short headings with a legend below
 * keep it under 100 columns), then one line per failed check with the evidence that decided it,
 * so a user sees why without opening report.html. Returns a string.
 */
export function formatVerdicts(verdicts: readonly RelayVerdict[]): string {
  if (verdicts.length === 0) return '';
  const header = ['relay', ...VERDICT_KEYS.map((key) => VERDICT_LABELS[key].short)];
  const body = verdicts.map((relay) => [relay.relay, ...VERDICT_KEYS.map((key) => MARK[relay[key].verdict])]);
  const failures = verdicts.flatMap((relay) =>
    VERDICT_KEYS.filter((key) => relay[key].verdict === 'fail').map((key) => `  ${relay.relay} — ${VERDICT_LABELS[key].title}: ${relay[key].evidence}`),
  );
  return ['Relay verdicts:', formatTable(header, body), ...legendLines(), ...(failures.length === 0 ? [] : ['Why:', ...failures])].join('\n');
}

/** One line per (relay, model): the thinking setting to pick, and whether the data can tell. */
export function formatBudgetAdvice(advice: readonly BudgetAdvice[]): string {
  if (advice.length === 0) return '';
  const lines = advice.map((entry) => {
    const pick =
      entry.decision === 'recommend'
        ? `use ${entry.recommended.setting.label}`
        : entry.decision === 'none passed'
          ? 'no advice: no setting passed a graded answer'
          : `leaning ${entry.recommended.setting.label} (too few data: ${entry.neededRepeats} repeats needed)`;
    return `  ${entry.relay} (${entry.model}): ${pick}`;
  });
  return ['Thinking budget advice (smallest setting not significantly less accurate than the best):', ...lines].join('\n');
}
