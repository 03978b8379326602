import { findModel, type ModelSpec } from './modelCatalog.js';
import type { ThinkingLevel } from './types.js';

/**
 * Checks on plans the tool could not run, made at load time so they carry file:line:col and
 * nothing is sent: a plan too large to hold, and thinking settings the model table (the emulator's
 * catalog, which follows Google's thinking guide) says every request would fail with 400.
 */

/**
 * The most jobs one suite may plan. A job is a few hundred bytes in memory before it runs and a
 * row in requests.csv after; a million is hours of requests at any realistic rate limit, and
 * well inside memory (the 100,000,000-repeat plan that prompted this cap took 1.4 GB and minutes
 * just to count). Larger studies are split into several suites.
 */
export const MAX_PLANNED_JOBS = 1_000_000;

/** The plan's size before expanding it: cases × relays × thinking settings × repeats. */
export interface PlanSize {
  cases: number;
  relays: number;
  settings: number;
  repeats: number;
  jobs: number;
}

/** Counts the plan without building it (a product, so absurd sizes cost nothing to find). */
export function planSizeOf(cases: number, relays: number, settings: number, repeats: number): PlanSize {
  const counted = { cases, relays, settings: Math.max(1, settings), repeats };
  return { ...counted, jobs: counted.cases * counted.relays * counted.settings * counted.repeats };
}

/** The problem with a plan over `MAX_PLANNED_JOBS`, or undefined. */
export function planSizeProblem(size: PlanSize): { message: string; hint: string } | undefined {
  if (size.jobs <= MAX_PLANNED_JOBS) return undefined;
  const count = (value: number): string => value.toLocaleString('en-US');
  return {
    message: `the plan has ${count(size.jobs)} jobs (${count(size.cases)} cases × ${count(size.relays)} relays × ${count(size.settings)} thinking settings × ${count(size.repeats)} repeats); relaybench plans at most ${count(MAX_PLANNED_JOBS)} per suite`,
    hint: `Lower repeats to at most ${count(Math.max(1, Math.floor(MAX_PLANNED_JOBS / (size.cases * size.relays * size.settings))))}, or split the cases, relays or settings over several suite files`,
  };
}

/** A model table entry for a name as relays spell it: exact, else without a release suffix. */
function specOf(model: string): ModelSpec | undefined {
  const candidates = [model, model.replace(/-(preview|exp|experimental)(-[0-9a-z-]*)?$/, ''), model.replace(/-\d{3}$/, '')];
  for (const name of candidates) {
    const spec = findModel(name);
    if (spec !== undefined) return spec;
  }
  return undefined;
}

/** What a suite sweeps: budgets, else levels (never both; the schema says so). */
export interface ThinkingSweep {
  budgets: readonly number[];
  levels: readonly ThinkingLevel[];
}

/**
 * Why `model` cannot take the sweep, or undefined. Only models in the table are judged (a relay's
 * own model names pass). Rules, as Google's thinking guide states them and the emulator enforces:
 * thinkingLevel is for Gemini 3 models only ("Thinking level is not supported for this model" on
 * 2.5), each Gemini 3 model takes its own levels (3 Pro: low and high), and a model that cannot
 * think (2.0 Flash) rejects any thinkingConfig that asks for thinking. Gemini 3 models still take
 * thinkingBudget (kept for compatibility), so budgets on them are not an error.
 *
 * `googleApi`: whether a relay that sends this model is Google's own API (or the emulator, which
 * enforces Google's rules). Only there is "cannot think" certain: third-party relays document
 * thinking configs for 2.0 Flash (gptproto's example sends `thinking_config` with it) and strip or
 * map them, so for them the rule is left to the relay.
 */
export function thinkingProblem(model: string, sweep: ThinkingSweep, googleApi = true): { message: string; hint: string } | undefined {
  const spec = specOf(model);
  if (spec === undefined) return undefined;
  const rules = spec.thinking;
  if (rules === null) {
    if (!googleApi) return undefined;
    if (sweep.levels.length > 0 || sweep.budgets.some((budget) => budget !== 0)) {
      return {
        message: `${model} cannot think: every request with a thinking setting would fail with 400`,
        hint: 'Remove thinkingBudgets / thinkingLevels for this model, or pick a thinking model',
      };
    }
    return undefined;
  }
  if (sweep.levels.length === 0) return undefined;
  if (rules.levels.length === 0) {
    return {
      message: `${model} takes thinkingBudget, not thinkingLevel: every request would fail with 400`,
      hint: 'Use thinkingBudgets (e.g. [0, 1024, 8192, -1]); thinkingLevels are for Gemini 3 models',
    };
  }
  const unsupported = sweep.levels.filter((level) => !rules.levels.includes(level));
  if (unsupported.length > 0) {
    return { message: `${model} does not take thinkingLevel ${unsupported.join(', ')}: those requests would fail with 400`, hint: `${model} takes ${rules.levels.join(', ')}` };
  }
  return undefined;
}

/** Whether a relay sends to Google's own API or to the emulator: where Google's model rules hold. */
export function speaksForGoogle(relay: { preset: string | undefined; baseUrl: string; emulator: string | undefined }): boolean {
  return relay.emulator !== undefined || relay.preset === 'google' || /^https?:\/\/generativelanguage\.googleapis\.com(\/|$)/.test(relay.baseUrl);
}
