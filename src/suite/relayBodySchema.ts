import { z } from 'zod';
import { isRecord } from './closedObject.js';

/** Request fields relaybench owns: `contents` comes from the case, the thinking config from the sweep. */
const OWNED_TOP_LEVEL = ['contents'];
const GENERATION_CONFIG_KEYS = ['generationConfig', 'generation_config'];
const THINKING_CONFIG_KEYS = ['thinkingConfig', 'thinking_config'];

/**
 * A relay's `body:`: fields merged as written into each of its request bodies, for what
 * relaybench does not model (gptproto documents `stream: false`). Values are not checked, but
 * a `body:` may not set what relaybench sends itself (`contents`, the thinking config, in
 * either casing): a run would then measure something other than its plan says.
 */
export const relayBodySchema = z.record(z.string(), z.unknown()).superRefine((body, ctx) => {
  for (const key of OWNED_TOP_LEVEL) {
    if (!Object.hasOwn(body, key)) continue;
    ctx.addIssue({
      code: 'custom',
      path: [key],
      message: `body: may not set ${key}`,
      params: { atKey: true, hint: 'Each case gives its own prompt: or contents:' },
    });
  }
  for (const configKey of GENERATION_CONFIG_KEYS) {
    const config = body[configKey];
    if (!isRecord(config)) continue;
    for (const key of THINKING_CONFIG_KEYS.filter((name) => Object.hasOwn(config, name))) {
      ctx.addIssue({
        code: 'custom',
        path: [configKey, key],
        message: `body: may not set ${key}: relaybench sets it for each job`,
        params: { atKey: true, hint: 'Use thinkingBudgets or thinkingLevels and includeThoughts at the top level of the suite' },
      });
    }
  }
});
