import type { RequestRow } from '../runfolder/columns.js';
import { explainPlanChange, type PlannedJob } from '../runfolder/planFile.js';
import { thinkingKey, thinkingOfCells } from '../plan/thinking.js';

/**
 * The parts of a run's resolved configuration that enter a job's request, hence its job_id
 * (plan/expand.ts, plan/body.ts): the model, includeThoughts, the suite's system instruction and
 * generationConfig, and each relay's model override, casing and modelInBody. run.json's `config`
 * and a loaded Suite both have this shape. Case prompts and contents are not in run.json.
 */
export interface RequestConfig {
  model?: unknown;
  includeThoughts?: unknown;
  systemInstruction?: unknown;
  generationConfig?: unknown;
  relays?: ReadonlyArray<{ name: string; model?: unknown; casing?: unknown; modelInBody?: unknown }>;
}

/** plan.json's entries rebuilt from requests.csv rows, which carry every coordinate of a job. */
export function plannedJobsOfRows(rows: readonly RequestRow[]): PlannedJob[] {
  return rows.map((row) => ({
    job_id: String(row.job_id),
    case_id: String(row.case_id ?? ''),
    relay: String(row.relay ?? ''),
    model: String(row.model ?? ''),
    thinking: thinkingKey(thinkingOfCells(row)),
    repeat: Number(row.repeat),
  }));
}

/** Leaves of a JSON value by dotted path: `generationConfig.temperature` → 0. */
function leaves(value: unknown, path: string, into: Map<string, string>): Map<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    // An empty object sends nothing, as an absent one does: neither is a leaf.
    const entries = Object.entries(value as Record<string, unknown>).filter(([, child]) => child !== undefined);
    for (const [key, child] of entries) leaves(child, path === '' ? key : `${path}.${key}`, into);
  } else if (value !== undefined) {
    into.set(path, JSON.stringify(value));
  }
  return into;
}

function shorten(text: string | undefined): string {
  if (text === undefined) return '(unset)';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The request-shaping fields that differ between two configurations, one `path: before → now`
 * each (`generationConfig.temperature: 0 → 0.7`, `relay alpha casing: "camel" → "snake"`).
 * Empty when they agree. Pure.
 */
export function requestFieldChanges(baseline: RequestConfig, current: RequestConfig): string[] {
  const flat = (config: RequestConfig): Map<string, string> => {
    const map = new Map<string, string>();
    leaves({ model: config.model, includeThoughts: config.includeThoughts, systemInstruction: config.systemInstruction, generationConfig: config.generationConfig }, '', map);
    for (const relay of config.relays ?? []) leaves({ model: relay.model, casing: relay.casing, modelInBody: relay.modelInBody }, `relay ${relay.name}`, map);
    return map;
  };
  const before = flat(baseline);
  const after = flat(current);
  const relaysOf = (config: RequestConfig): Set<string> => new Set((config.relays ?? []).map((relay) => relay.name));
  const beforeRelays = relaysOf(baseline);
  const afterRelays = relaysOf(current);
  const changes: string[] = [];
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    // A relay present on one side only is a plan change (explainPlanChange says it), not a field change.
    const relay = /^relay (.*)\.[^.]+$/.exec(path)?.[1];
    if (relay !== undefined && !(beforeRelays.has(relay) && afterRelays.has(relay))) continue;
    if (before.get(path) !== after.get(path)) changes.push(`${path}: ${shorten(before.get(path))} → ${shorten(after.get(path))}`);
  }
  return changes;
}

/**
 * Why two runs share no (or few) jobs, in the suite's terms: cases, relays, models, thinking
 * settings or repeats added or removed, cases whose request changed, and, when both configurations
 * are known, which request fields differ; when no recorded field differs but requests did, the
 * cases' prompts or contents changed (run.json does not keep them). Pure.
 */
export function explainUnsharedJobs(current: readonly PlannedJob[], baseline: readonly PlannedJob[], configs?: { current: RequestConfig; baseline: RequestConfig }): string[] {
  const lines = explainPlanChange(baseline, current);
  const fields = configs === undefined ? [] : requestFieldChanges(configs.baseline, configs.current);
  if (fields.length > 0) lines.push(`request fields changed: ${fields.join('; ')}`);
  else if (configs !== undefined && lines.some((line) => line.startsWith('request changed'))) {
    lines.push("the recorded request fields (model, includeThoughts, systemInstruction, generationConfig, relay casing) are the same, so the cases' prompts or contents changed");
  }
  return lines;
}
