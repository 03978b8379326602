import type { RequestRow } from '../runfolder/columns.js';
import { groupRows, numberCell, passCell } from '../runfolder/cells.js';
import { caseGroups, type CaseGroup } from '../analysis/caseGroups.js';
import { thinkingLongLabel } from '../plan/thinking.js';
import type { PairedComparison } from './pairedComparison.js';
import { jobPairLabel, pairedTestLabel, pValueText } from './pairedText.js';
import type { JobPair } from './pairs.js';
import { completenessLine, type CompletenessResult } from './completeness.js';
import { xmlAttributes, xmlText } from './xml.js';

type Outcome = 'pass' | 'fail' | 'error' | 'ungraded';

function outcomeOf(row: RequestRow): Outcome {
  if (row.status !== 'ok') return 'error';
  const pass = passCell(row.pass);
  if (pass === undefined) return 'ungraded';
  return pass ? 'pass' : 'fail';
}

function errorText(row: RequestRow): string {
  return [row.error_kind ?? 'error', row.error_message].filter((part) => part !== undefined && part !== '').join(': ');
}

/** One line per repeat, so a CI viewer shows what each sample did without opening requests.csv. */
function repeatLines(rows: RequestRow[]): string {
  return [...rows]
    .sort((left, right) => Number(left.repeat) - Number(right.repeat))
    .map((row) => {
      const outcome = outcomeOf(row);
      const reason = outcome === 'error' ? errorText(row) : row.grader_reason;
      return `repeat ${row.repeat ?? '?'}: ${outcome}${reason === undefined || reason === '' ? '' : ` — ${String(reason)}`}`;
    })
    .join('\n');
}

interface RenderedCase {
  xml: string;
  failed: boolean;
  errored: boolean;
  seconds: number;
}

/** Mean total time of the repeats, in seconds: what a CI viewer shows as the test's duration. */
function meanSeconds(rows: RequestRow[]): number {
  const totals = rows.map((row) => numberCell(row.total_ms)).filter((value): value is number => value !== undefined);
  return totals.length === 0 ? 0 : totals.reduce((sum, value) => sum + value, 0) / totals.length / 1000;
}

/** What the baseline says about one testcase: its pass→fail jobs and whether they fail it. */
interface BaselineVerdict {
  drops: JobPair[];
  /** Why the drops fail the testcase (a significant drop it is part of, or --fail-on-flip); undefined: they do not. */
  failingBecause: string | undefined;
  /** Job ids paired with the baseline: a grade failure there that is not a drop failed in the baseline too. */
  paired: ReadonlySet<string>;
}

function flipLines(verdict: BaselineVerdict): string {
  return verdict.drops.map((pair) => `pass→fail against the baseline: ${jobPairLabel(pair)}`).join('\n');
}

/** With a baseline: a testcase fails on its flips when they count, else on grade failures of jobs the baseline did not have. */
function renderCaseAgainstBaseline(group: CaseGroup, open: string, seconds: number, verdict: BaselineVerdict): RenderedCase | undefined {
  const { rows } = group;
  const details = [repeatLines(rows), flipLines(verdict)].filter((text) => text !== '').join('\n');
  if (verdict.drops.length > 0 && verdict.failingBecause !== undefined) {
    const message = `${verdict.drops.length} of ${rows.length} repeats went pass→fail against the baseline (${verdict.failingBecause})`;
    const attributes = xmlAttributes([
      ['message', message],
      ['type', 'regression'],
    ]);
    return { xml: `${open}>\n      <failure ${attributes}>${xmlText(details)}</failure>\n    </testcase>`, failed: true, errored: false, seconds };
  }
  const newFailures = rows.filter((row) => outcomeOf(row) === 'fail' && !verdict.paired.has(String(row.job_id)));
  if (newFailures.length > 0 || rows.every((row) => outcomeOf(row) === 'error')) return undefined;
  if (verdict.drops.length > 0 || rows.some((row) => outcomeOf(row) !== 'pass')) {
    return { xml: `${open}>\n      <system-out>${xmlText(details)}</system-out>\n    </testcase>`, failed: false, errored: false, seconds };
  }
  return { xml: `${open}/>`, failed: false, errored: false, seconds };
}

function renderCase(group: CaseGroup, verdict?: BaselineVerdict): RenderedCase {
  const { rows } = group;
  const thinking = thinkingLongLabel(group.thinking, '');
  const name = thinking === '' ? group.caseId : `${group.caseId} [${thinking}]`;
  const seconds = meanSeconds(rows);
  const open = `    <testcase ${xmlAttributes([
    ['classname', group.relay],
    ['name', name],
    ['time', seconds.toFixed(3)],
  ])}`;
  const againstBaseline = verdict === undefined ? undefined : renderCaseAgainstBaseline(group, open, seconds, verdict);
  if (againstBaseline !== undefined) return againstBaseline;
  const failing = rows.filter((row) => outcomeOf(row) === 'fail');
  const errors = rows.filter((row) => outcomeOf(row) === 'error');
  const details = xmlText(repeatLines(rows));

  if (errors.length === rows.length) {
    const first = rows[0] as RequestRow;
    const attributes = xmlAttributes([
      ['message', errorText(first)],
      ['type', String(first.error_kind ?? 'error')],
    ]);
    return { xml: `${open}>\n      <error ${attributes}>${details}</error>\n    </testcase>`, failed: false, errored: true, seconds };
  }
  if (failing.length > 0) {
    const reason = String(failing[0]?.grader_reason ?? 'the answer did not pass its grader');
    const message = `${reason} (${failing.length} of ${rows.length} repeats failed)`;
    const attributes = xmlAttributes([
      ['message', message],
      ['type', 'grade'],
    ]);
    return { xml: `${open}>\n      <failure ${attributes}>${details}</failure>\n    </testcase>`, failed: true, errored: false, seconds };
  }
  if (errors.length > 0) {
    return { xml: `${open}>\n      <system-out>${details}</system-out>\n    </testcase>`, failed: false, errored: false, seconds };
  }
  return { xml: `${open}/>`, failed: false, errored: false, seconds };
}

interface Totals {
  tests: number;
  failures: number;
  errors: number;
  seconds: number;
}

function totalsOf(cases: RenderedCase[]): Totals {
  return {
    tests: cases.length,
    failures: cases.filter((rendered) => rendered.failed).length,
    errors: cases.filter((rendered) => rendered.errored).length,
    seconds: cases.reduce((sum, rendered) => sum + rendered.seconds, 0),
  };
}

const totalsAttributes = (totals: Totals): Array<[string, string | number]> => [
  ['tests', totals.tests],
  ['failures', totals.failures],
  ['errors', totals.errors],
  ['time', totals.seconds.toFixed(3)],
];

/** Per testcase, the baseline's verdict on its flips. */
function baselineVerdicts(baseline: PairedComparison): (group: CaseGroup) => BaselineVerdict {
  const paired = new Set(baseline.pairs.map((pair) => pair.jobId));
  const significant = new Map(baseline.significantDrops.map((test) => [`${test.family}\u0000${test.group}`, test]));
  return (group) => {
    const drops = baseline.drops.filter(
      (pair) => pair.caseId === group.caseId && pair.relay === group.relay && thinkingLongLabel(pair.thinking, '') === thinkingLongLabel(group.thinking, ''),
    );
    const part = [significant.get('overall\u0000'), significant.get(`relay\u0000${group.relay}`), significant.get(`case\u0000${group.caseId}`)].filter(
      (test) => test !== undefined,
    );
    const reasons = part.map((test) => `significant drop: ${pairedTestLabel(test)}, ${pValueText(test, 'drop')}`);
    if (baseline.failOnFlip) reasons.push('--fail-on-flip');
    return { drops, failingBecause: reasons.length === 0 ? undefined : reasons.join('; '), paired };
  };
}

/**
 * The completeness gate as its own testsuite (`relaybench`, testcase `all planned jobs present`),
 * present only when planned jobs are missing: a failure unless that was allowed, so a CI viewer
 * shows it beside the cases.
 */
function completenessSuite(completeness: CompletenessResult): { totals: Totals; xml: string } {
  const failed = !completeness.pass;
  const totals: Totals = { tests: 1, failures: failed ? 1 : 0, errors: 0, seconds: 0 };
  const open = `    <testcase ${xmlAttributes([
    ['classname', 'relaybench'],
    ['name', 'all planned jobs present'],
    ['time', '0.000'],
  ])}`;
  const line = completenessLine(completeness);
  const body = failed
    ? `${open}>\n      <failure ${xmlAttributes([
        ['message', line],
        ['type', 'incomplete'],
      ])}>${xmlText(line)}</failure>\n    </testcase>`
    : `${open}>\n      <system-out>${xmlText(line)}</system-out>\n    </testcase>`;
  const suiteOpen = `  <testsuite ${xmlAttributes([['name', 'relaybench'], ...totalsAttributes(totals), ['skipped', 0]])}>`;
  return { totals, xml: [suiteOpen, body, '  </testsuite>'].join('\n') };
}

/**
 * JUnit XML as CI servers read it: one testsuite per relay (by name), one testcase per (case, relay,
 * thinking setting) with all its repeats. A testcase fails when any repeat failed its grade (the
 * grader's reason is the message), and is an error only when every repeat failed to get an answer,
 * since then there was nothing to grade.
 *
 * With a baseline (the paired comparison), a testcase is judged against it: it carries its
 * pass→fail jobs, and fails (type `regression`) when they are part of a significant drop (overall,
 * its relay or its case) or under failOnFlip; flips that do not count, and failures that the
 * baseline had too (fail→fail), go to system-out. A failing job the baseline did not have still
 * fails on its grade. With `completeness` missing planned jobs, a `relaybench` testsuite comes
 * first (see completenessSuite). Pure.
 */
export function renderJUnit(rows: RequestRow[], suiteName: string, baseline?: PairedComparison, completeness?: CompletenessResult): string {
  const verdictOf = baseline === undefined ? undefined : baselineVerdicts(baseline);
  const byRelay = groupRows(rows, (row) => String(row.relay)).sort((left, right) => String(left.first.relay).localeCompare(String(right.first.relay)));
  const suites = byRelay.map(({ first, rows: relayRows }) => {
    const cases = caseGroups(relayRows).map((group) => renderCase(group, verdictOf?.(group)));
    const totals = totalsOf(cases);
    const open = `  <testsuite ${xmlAttributes([['name', String(first.relay)], ...totalsAttributes(totals), ['skipped', 0]])}>`;
    return { totals, xml: [open, ...cases.map((rendered) => rendered.xml), '  </testsuite>'].join('\n') };
  });
  if (completeness !== undefined && completeness.missing > 0) suites.unshift(completenessSuite(completeness));
  const overall = suites.reduce<Totals>(
    (sum, { totals }) => ({
      tests: sum.tests + totals.tests,
      failures: sum.failures + totals.failures,
      errors: sum.errors + totals.errors,
      seconds: sum.seconds + totals.seconds,
    }),
    { tests: 0, failures: 0, errors: 0, seconds: 0 },
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${xmlAttributes([['name', suiteName], ...totalsAttributes(overall)])}>`,
    ...suites.map((suite) => suite.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
