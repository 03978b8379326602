import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestRow } from '../../src/runfolder/columns.js';
import { openRequestsCsv } from '../../src/runfolder/requestsCsv.js';
import type { CiGates } from '../../src/suite/types.js';

export interface ManifestOverrides {
  suiteName?: string;
  planned?: number;
  runId?: string;
  ci?: CiGates;
  startedAt?: string;
  endedAt?: string;
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** A run.json as `relaybench run` writes it, for the rows given. */
export function manifestFor(rows: RequestRow[], overrides: ManifestOverrides = {}): Record<string, unknown> {
  const relays: Record<string, { completed: number; retryWaitMs: number; errorsByKind: Record<string, number>; modelVersions: Record<string, number> }> = {};
  for (const row of rows) {
    const stats = (relays[String(row.relay)] ??= { completed: 0, retryWaitMs: 0, errorsByKind: {}, modelVersions: {} });
    stats.completed += 1;
    stats.retryWaitMs += 10;
    if (row.error_kind !== undefined) stats.errorsByKind[String(row.error_kind)] = (stats.errorsByKind[String(row.error_kind)] ?? 0) + 1;
    if (row.model_version !== undefined) stats.modelVersions[String(row.model_version)] = (stats.modelVersions[String(row.model_version)] ?? 0) + 1;
  }
  const ok = rows.filter((row) => row.status === 'ok').length;
  return {
    runId: overrides.runId ?? 'run-1',
    suite: { name: overrides.suiteName ?? 'arith', file: '/suites/arith.yaml' },
    startedAt: overrides.startedAt ?? '2026-01-01T00:00:00.000Z',
    endedAt: overrides.endedAt ?? '2026-01-01T00:01:00.000Z',
    durationS: 60,
    interrupted: false,
    counts: { planned: overrides.planned ?? rows.length, rows: rows.length, ok, errors: rows.length - ok },
    relays,
    config: {
      model: 'gemini-2.5-flash',
      thinkingBudgets: unique(
        rows
          .map((row) => row.thinking_budget)
          .filter((budget) => budget !== undefined)
          .map(Number),
      ),
      thinkingLevels: [],
      repeats: 3,
      ci: overrides.ci ?? {},
      cases: unique(rows.map((row) => String(row.case_id))).map((id) => ({ id, tags: [] })),
      relays: unique(rows.map((row) => String(row.relay))).map((name) => ({ name })),
    },
    versions: { relaybench: '0.1.0' },
  };
}

/** Writes a run folder (requests.csv, details.jsonl, plan.json, run.json) the way a run does. */
export function writeRunFolder(dir: string, rows: RequestRow[], overrides: ManifestOverrides = {}): string {
  mkdirSync(dir, { recursive: true });
  const requests = openRequestsCsv(join(dir, 'requests.csv'));
  for (const row of rows) requests.append(row);
  requests.close();
  writeFileSync(join(dir, 'details.jsonl'), rows.map((row) => `${JSON.stringify({ job_id: row.job_id, relay: row.relay })}\n`).join(''));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(rows.map((row) => ({ job_id: row.job_id, case_id: row.case_id, relay: row.relay }))));
  writeFileSync(join(dir, 'run.json'), JSON.stringify(manifestFor(rows, overrides), null, 2));
  return dir;
}

export function temporaryFolder(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'relaybench-gate-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
