import type { RequestRow } from '../../runfolder/columns.js';
import { medianOf, okRows } from '../rowValues.js';
import type { RelayEvidence } from '../types.js';

/**
 * What the cross-relay checks compare a relay with (docs/run-folder.md#verdictscsv): the suite's
 * `reference: true` relay when there is one, else the median of the relays serving the same
 * model, per comparison key (a case, or a case and thinking setting).
 */
export interface Baseline {
  /** How the evidence names it: `reference google` or `median of 8 relays`. */
  label: string;
  /** Per comparison key: the baseline's median value. */
  values: Map<string, number>;
}

/** Without a reference, a median needs this many relays: with two, neither can be told from the other. */
export const MIN_RELAYS_FOR_MEDIAN = 3;

/** Per key, the median of `valueOfRow` over a relay's successful rows (rows where it is undefined are skipped). */
export function perKeyMedians(rows: readonly RequestRow[], keyOf: (row: RequestRow) => string, valueOfRow: (row: RequestRow) => number | undefined): Map<string, number> {
  const byKey = new Map<string, number[]>();
  for (const row of okRows(rows)) {
    const value = valueOfRow(row);
    if (value === undefined) continue;
    const key = keyOf(row);
    const list = byKey.get(key) ?? [];
    list.push(value);
    byKey.set(key, list);
  }
  const medians = new Map<string, number>();
  for (const [key, values] of byKey) medians.set(key, medianOf(values) as number);
  return medians;
}

/** The model (or models) a relay's rows asked for. */
function modelsOf(rows: readonly RequestRow[]): Set<string> {
  return new Set(rows.map((row) => String(row.model ?? '')));
}

/**
 * The baseline for one relay, or why there is none (this relay is the reference; too few relays
 * with the same model and no reference). Keys include the model, so relays of other models never
 * mix in.
 */
export function baselineFor(evidence: RelayEvidence, keyOf: (row: RequestRow) => string, valueOfRow: (row: RequestRow) => number | undefined): Baseline | { missing: string } {
  const { relay, peers, reference } = evidence;
  if (reference === relay) return { missing: 'this relay is the reference the others are compared with' };
  const models = modelsOf(evidence.rows);
  const sameModel = (rows: readonly RequestRow[]): RequestRow[] => rows.filter((row) => models.has(String(row.model ?? '')));
  const referenceRows = reference === undefined ? undefined : peers.get(reference);
  if (referenceRows !== undefined && okRows(sameModel(referenceRows)).length > 0) {
    return { label: `reference ${reference}`, values: perKeyMedians(sameModel(referenceRows), keyOf, valueOfRow) };
  }
  const perRelay = [...peers.values()].map((rows) => perKeyMedians(sameModel(rows), keyOf, valueOfRow)).filter((medians) => medians.size > 0);
  if (perRelay.length < MIN_RELAYS_FOR_MEDIAN) {
    return { missing: `no reference relay and only ${perRelay.length} relay(s) with this model reported it: a median needs ${MIN_RELAYS_FOR_MEDIAN}` };
  }
  const values = new Map<string, number>();
  const keys = new Set(perRelay.flatMap((medians) => [...medians.keys()]));
  for (const key of keys) {
    const present = perRelay.flatMap((medians) => (medians.has(key) ? [medians.get(key) as number] : []));
    if (present.length >= MIN_RELAYS_FOR_MEDIAN) values.set(key, medianOf(present) as number);
  }
  return { label: `median of ${perRelay.length} relays`, values };
}

/**
 * `e.g. job_ids a1b2, c3d4`: where a reader finds the rows that decided a FAIL. Lowest repeats
 * first: the report's case grid shows the first repeats in full and links these ids to them.
 */
export function exampleJobs(rows: readonly RequestRow[], count = 2): string {
  const byRepeat = [...rows].sort((left, right) => (Number(left.repeat) || 0) - (Number(right.repeat) || 0));
  const ids = byRepeat.slice(0, count).map((row) => String(row.job_id));
  return ids.length === 0 ? '' : `; e.g. job_id${ids.length > 1 ? 's' : ''} ${ids.join(', ')}`;
}

/** Case and thinking setting: the same request sent to two relays. */
export const caseSettingKey = (row: RequestRow): string =>
  `${String(row.model ?? '')}|${String(row.case_id ?? '')}|${String(row.thinking_budget ?? '')}|${String(row.thinking_level ?? '')}`;
