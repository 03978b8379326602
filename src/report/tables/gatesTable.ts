/**
 * The gates table, defined once: one row per evaluated CI gate (`analysis/gates.ts`), shown by the
 * `gate` command and after `run` on the console, in summary.md ("Gates") and in report.html.
 */
import { scopeLabel, type GateResult } from '../../analysis/gates.js';
import { formatMeasured, formatThreshold } from '../gateFormat.js';
import type { Column, TableDefinition } from './table.js';

const COLUMNS = {
  result: { header: 'result', align: 'left', value: (gate) => ({ kind: 'verdict', pass: gate.pass }) },
  gate: { header: 'gate', align: 'left', rowHeader: true, value: (gate) => ({ kind: 'text', text: gate.name }) },
  scope: { header: 'scope', align: 'left', value: (gate) => ({ kind: 'text', text: scopeLabel(gate.scope) }) },
  threshold: { header: 'threshold', align: 'right', value: (gate) => ({ kind: 'text', text: formatThreshold(gate) }) },
  measured: { header: 'measured', align: 'right', value: (gate) => ({ kind: 'text', text: formatMeasured(gate) }) },
} satisfies Record<string, Column<GateResult>>;

/** A column of the gates table. */
export type GatesColumn = keyof typeof COLUMNS;

/**
 * The gates table. The console and the report lead with the result so a failure is seen first;
 * summary.md ends with it, after the verdict line has already said pass or fail.
 */
export const GATES_TABLE: TableDefinition<GateResult, GatesColumn> = {
  columns: COLUMNS,
  views: {
    text: ['result', 'gate', 'scope', 'threshold', 'measured'],
    markdown: ['gate', 'scope', 'threshold', 'measured', 'result'],
    html: ['result', 'gate', 'scope', 'threshold', 'measured'],
  },
};
