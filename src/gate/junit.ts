import type { RequestRow } from '../report/columns.js';
import { groupRows, numberCell, passCell } from '../report/summary.js';
import { caseGroups, thinkingText, type CaseGroup } from './caseGroups.js';
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

function renderCase(group: CaseGroup): RenderedCase {
  const { rows } = group;
  const thinking = thinkingText(group.thinking);
  const name = thinking === '' ? group.caseId : `${group.caseId} [${thinking}]`;
  const seconds = meanSeconds(rows);
  const open = `    <testcase ${xmlAttributes([['classname', group.relay], ['name', name], ['time', seconds.toFixed(3)]])}`;
  const failing = rows.filter((row) => outcomeOf(row) === 'fail');
  const errors = rows.filter((row) => outcomeOf(row) === 'error');
  const details = xmlText(repeatLines(rows));

  if (errors.length === rows.length) {
    const first = rows[0] as RequestRow;
    const attributes = xmlAttributes([['message', errorText(first)], ['type', String(first.error_kind ?? 'error')]]);
    return { xml: `${open}>\n      <error ${attributes}>${details}</error>\n    </testcase>`, failed: false, errored: true, seconds };
  }
  if (failing.length > 0) {
    const reason = String(failing[0]?.grader_reason ?? 'the answer did not pass its grader');
    const message = `${reason} (${failing.length} of ${rows.length} repeats failed)`;
    const attributes = xmlAttributes([['message', message], ['type', 'grade']]);
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

/**
 * The completeness gate as its own testsuite (`relaybench`, testcase `all planned jobs present`),
 * present only when planned jobs are missing: a failure unless that was allowed, so a CI viewer
 * shows it beside the cases.
 */
function completenessSuite(completeness: CompletenessResult): { totals: Totals; xml: string } {
  const failed = !completeness.pass;
  const totals: Totals = { tests: 1, failures: failed ? 1 : 0, errors: 0, seconds: 0 };
  const open = `    <testcase ${xmlAttributes([['classname', 'relaybench'], ['name', 'all planned jobs present'], ['time', '0.000']])}`;
  const line = completenessLine(completeness);
  const body = failed
    ? `${open}>\n      <failure ${xmlAttributes([['message', line], ['type', 'incomplete']])}>${xmlText(line)}</failure>\n    </testcase>`
    : `${open}>\n      <system-out>${xmlText(line)}</system-out>\n    </testcase>`;
  const suiteOpen = `  <testsuite ${xmlAttributes([['name', 'relaybench'], ...totalsAttributes(totals), ['skipped', 0]])}>`;
  return { totals, xml: [suiteOpen, body, '  </testsuite>'].join('\n') };
}

/**
 * JUnit XML as CI servers read it: one testsuite per relay (by name), one testcase per (case, relay,
 * thinking setting) with all its repeats. A testcase fails when any repeat failed its grade (the
 * grader's reason is the message), and is an error only when every repeat failed to get an answer,
 * since then there was nothing to grade. Pure.
 */
export function renderJUnit(rows: RequestRow[], suiteName: string, completeness?: CompletenessResult): string {
  const byRelay = groupRows(rows, (row) => String(row.relay)).sort((left, right) => String(left.first.relay).localeCompare(String(right.first.relay)));
  const suites = byRelay.map(({ first, rows: relayRows }) => {
    const cases = caseGroups(relayRows).map(renderCase);
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
