import type { RequestRow } from '../runfolder/columns.js';

/**
 * A relay whose reported `modelVersion`s differ from the baseline's: for each run, every version
 * seen and how many requests reported it.
 */
export interface ModelVersionChange {
  relay: string;
  /** modelVersion → successful requests that reported it. */
  baseline: Record<string, number>;
  current: Record<string, number>;
}

function versionsByRelay(rows: Iterable<RequestRow>): Map<string, Record<string, number>> {
  const byRelay = new Map<string, Record<string, number>>();
  for (const row of rows) {
    if (row.model_version === undefined || row.model_version === '') continue;
    const relay = String(row.relay);
    const counts = byRelay.get(relay) ?? {};
    const version = String(row.model_version);
    counts[version] = (counts[version] ?? 0) + 1;
    byRelay.set(relay, counts);
  }
  return byRelay;
}

const sameKeys = (left: Record<string, number>, right: Record<string, number>): boolean =>
  Object.keys(left).length === Object.keys(right).length && Object.keys(left).every((key) => key in right);

/**
 * Relays whose reported `modelVersion`s differ between the runs. A relay that silently moved to
 * another model is the likeliest cause of a regression on it, so reports put the two side by side.
 */
export function modelVersionChanges(currentRows: Iterable<RequestRow>, baselineRows: Iterable<RequestRow>): ModelVersionChange[] {
  const baselineVersions = versionsByRelay(baselineRows);
  const changes: ModelVersionChange[] = [];
  for (const [relay, current] of versionsByRelay(currentRows)) {
    const baseline = baselineVersions.get(relay);
    if (baseline !== undefined && !sameKeys(baseline, current)) changes.push({ relay, baseline, current });
  }
  return changes;
}

/** `gemini-2.5-flash-001 → gemini-2.5-flash-002`. */
export function describeVersionChange(change: ModelVersionChange): string {
  return `${Object.keys(change.baseline).join(', ')} → ${Object.keys(change.current).join(', ')}`;
}
