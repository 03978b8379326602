import type { ResolvedRelay, Suite } from '../suite/types.js';
import { buildGeminiBody } from './body.js';
import { jobIdOf } from './jobId.js';
import { compareThinking, thinkingSettingsOf } from './thinking.js';
import type { Job, ThinkingSetting } from './types.js';

/**
 * `maxOutputTokens` of a `relaybench check` request: enough for a first token and a
 * `modelVersion`, small enough that checking a paid relay costs next to nothing.
 */
export const CHECK_MAX_OUTPUT_TOKENS = 128;

/**
 * The cheapest thinking setting of a sweep: the smallest fixed budget (a dynamic `-1` only when it
 * is the only budget, since it lets the model think as long as it likes), else the lowest level,
 * else none: the first setting in `compareThinking` order.
 */
export function lowestThinking(settings: readonly ThinkingSetting[]): ThinkingSetting {
  return [...settings].sort(compareThinking)[0] ?? { kind: 'none' };
}

/**
 * The one request `relaybench check` sends to a relay: the suite's first case at its lowest
 * thinking setting, with `maxOutputTokens` lowered to {@link CHECK_MAX_OUTPUT_TOKENS} (never
 * raised). Shaped exactly like a run's job for that relay (casing, model in body, auth), so what
 * check finds is what the run would meet. Its id is not one of the run's (the body differs).
 */
export function checkJobOf(suite: Suite, relay: ResolvedRelay): Job {
  const testCase = suite.cases[0];
  if (testCase === undefined) throw new Error('internal: a validated suite has at least one case');
  const configured = suite.generationConfig.maxOutputTokens;
  const maxOutputTokens = typeof configured === 'number' ? Math.min(configured, CHECK_MAX_OUTPUT_TOKENS) : CHECK_MAX_OUTPUT_TOKENS;
  const thinking = lowestThinking(thinkingSettingsOf(suite));
  const model = relay.model ?? suite.model;
  const body = buildGeminiBody({ ...suite, generationConfig: { ...suite.generationConfig, maxOutputTokens } }, testCase, relay, thinking, model);
  const identity = { caseId: testCase.id, relay: relay.name, model, thinking, repeat: 1, body };
  return { jobId: jobIdOf(identity), ...identity };
}
