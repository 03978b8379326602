import type { RequestColumn, RequestRow } from '../runfolder/columns.js';
import { groupRows, numberCell } from '../runfolder/cells.js';
import { percentile } from '../stats/index.js';
import type { CiGates } from '../suite/types.js';
import { compareThinking, thinkingLongLabel, thinkingOfCells } from '../plan/thinking.js';
import { passCounts } from './caseGroups.js';

/** The threshold gates (every key of the `ci:` block that holds a number). */
export type GateName = Exclude<keyof CiGates, 'allowIncomplete'>;

/** Where a gate was measured: the whole run, one relay, or one relay at one thinking setting. */
export type GateScope = { kind: 'overall' } | { kind: 'relay'; relay: string } | { kind: 'thinking'; relay: string; thinking: string };

/**
 * One CI gate (docs/suite.md#ci) at one scope: its name, scope, threshold and measured value (a
 * share in [0,1] for `minPassRate`/`maxErrorRate`, ms for the p90 gates, Hyndman & Fan 1996 type 7),
 * the sample size it rests on, and whether it held. A gate with nothing to measure fails.
 */
export interface GateResult {
  name: GateName;
  scope: GateScope;
  threshold: number;
  /**
   * Undefined when the scope holds nothing to measure (no graded row for a pass rate, no successful
   * row for a latency). Such a gate fails: a threshold nobody could check has not held, and
   * passing it silently would hide a suite without `expect` or a relay that never answered.
   */
  measured: number | undefined;
  /** The rows the measurement rests on: graded rows, all rows, or successful rows with the column. */
  sampleSize: number;
  pass: boolean;
}

/**
 * The suite's `ci:` thresholds (docs/suite.md#ci; shares in [0,1], latencies in ms) with the scopes
 * to apply them at: overall always, per relay by default, per (relay, thinking setting) on request.
 */
export interface GateOptions extends CiGates {
  /** Also apply every gate to each relay (default true): one bad relay must not hide in a good average. */
  perRelay?: boolean;
  /**
   * Also apply every gate to each (relay, thinking setting) (default false): in a budget sweep the
   * small budgets are expected to score lower, so per-budget gates are opt-in.
   */
  perThinking?: boolean;
}

interface Measurement {
  value: number | undefined;
  sampleSize: number;
}

interface GateDefinition {
  name: GateName;
  measure(rows: RequestRow[]): Measurement;
}

function passRate(rows: RequestRow[]): Measurement {
  const { passed, graded } = passCounts(rows);
  return { value: graded === 0 ? undefined : passed / graded, sampleSize: graded };
}

function errorRate(rows: RequestRow[]): Measurement {
  const errors = rows.filter((row) => row.status !== 'ok').length;
  return { value: rows.length === 0 ? undefined : errors / rows.length, sampleSize: rows.length };
}

/** p90 over successful requests: a failed request's timing says how it failed, not how fast the relay is. */
function p90Of(column: RequestColumn): (rows: RequestRow[]) => Measurement {
  return (rows) => {
    const values: number[] = [];
    for (const row of rows) {
      const value = row.status === 'ok' ? numberCell(row[column]) : undefined;
      if (value !== undefined) values.push(value);
    }
    values.sort((a, b) => a - b);
    return { value: percentile(values, 90), sampleSize: values.length };
  };
}

const DEFINITIONS: GateDefinition[] = [
  { name: 'minPassRate', measure: passRate },
  { name: 'maxErrorRate', measure: errorRate },
  { name: 'maxTtftP90Ms', measure: p90Of('ttft_ms') },
  { name: 'maxFirstAnswerP90Ms', measure: p90Of('first_answer_ms') },
  { name: 'maxTotalP90Ms', measure: p90Of('total_ms') },
];

/** 'min': the measured value must be at least the threshold; 'max': at most. */
export function gateBound(name: GateName): 'min' | 'max' {
  return name === 'minPassRate' ? 'min' : 'max';
}

interface ScopedRows {
  scope: GateScope;
  rows: RequestRow[];
}

/**
 * Relays by name, then thinking settings in the one order of `plan/thinking.ts` (budgets by size,
 * dynamic last; levels minimal < low < medium < high), as the summary orders them: the same order
 * whatever order the requests finished in.
 */
function compareGroups(left: RequestRow, right: RequestRow): number {
  return String(left.relay).localeCompare(String(right.relay)) || compareThinking(thinkingOfCells(left), thinkingOfCells(right));
}

function sortedGroups(rows: RequestRow[], keyOf: (row: RequestRow) => string): ReturnType<typeof groupRows> {
  return groupRows(rows, keyOf).sort((left, right) => compareGroups(left.first, right.first));
}

function scopesOf(rows: RequestRow[], options: GateOptions): ScopedRows[] {
  const scopes: ScopedRows[] = [{ scope: { kind: 'overall' }, rows }];
  if (options.perRelay !== false) {
    for (const { first, rows: relayRows } of sortedGroups(rows, (row) => String(row.relay))) {
      scopes.push({ scope: { kind: 'relay', relay: String(first.relay) }, rows: relayRows });
    }
  }
  if (options.perThinking === true) {
    for (const { first, rows: settingRows } of sortedGroups(rows, (row) => [row.relay, row.thinking_budget ?? '', row.thinking_level ?? ''].join('\u0000'))) {
      const thinking = thinkingLongLabel(thinkingOfCells(first), '');
      if (thinking !== '') scopes.push({ scope: { kind: 'thinking', relay: String(first.relay), thinking }, rows: settingRows });
    }
  }
  return scopes;
}

/**
 * Evaluates the suite's `ci:` thresholds. Each gate is checked overall, then per relay (and per
 * relay and thinking setting when asked), in that order, gate by gate. Pass rate counts graded
 * successful requests (errors are the error-rate gate's business, as in summary.csv); error rate
 * counts every row. Pure.
 */
export function evaluateGates(rows: RequestRow[], options: GateOptions): GateResult[] {
  const scopes = scopesOf(rows, options);
  const results: GateResult[] = [];
  for (const definition of DEFINITIONS) {
    const threshold = options[definition.name];
    if (threshold === undefined) continue;
    for (const { scope, rows: scopedRows } of scopes) {
      const { value, sampleSize } = definition.measure(scopedRows);
      const pass = value !== undefined && (gateBound(definition.name) === 'min' ? value >= threshold : value <= threshold);
      results.push({ name: definition.name, scope, threshold, measured: value, sampleSize, pass });
    }
  }
  return results;
}

/** `overall`, `relay flaky`, `flaky · budget 0`. */
export function scopeLabel(scope: GateScope): string {
  switch (scope.kind) {
    case 'overall':
      return 'overall';
    case 'relay':
      return `relay ${scope.relay}`;
    case 'thinking':
      return `${scope.relay} · ${scope.thinking}`;
  }
}
