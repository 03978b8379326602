import { z } from 'zod';
import { closestMatch } from './didYouMean.js';

/**
 * True for a YAML/JSON mapping (an object that is neither null nor an array): the values a closed-object key check or a cross-field refinement applies to.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Refinement option that runs a cross-field check on any mapping, even when one of its fields
 * already failed, so a single load reports every problem instead of the first per object.
 */
export const onAnyMapping = {
  when: (payload: { value: unknown }): boolean => isRecord(payload.value),
};

/**
 * A mapping that rejects keys it does not know, one issue per key at the key itself, with a
 * "did you mean" among the known keys. zod's strictObject reports all unknown keys as one
 * issue at the parent and does not know the candidates, hence this. `explainedKeys` gives a
 * specific message for keys people put in the wrong place.
 */
export function closedObject<Shape extends z.ZodRawShape>(
  shape: Shape,
  explainedKeys: Readonly<Record<string, { message: string; hint: string }>> = {},
): z.ZodObject<Shape, z.core.$strict> {
  const knownKeys = Object.keys(shape);
  const checked = z.looseObject(shape).superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (knownKeys.includes(key)) continue;
      const explained = explainedKeys[key];
      const suggestion = explained === undefined ? closestMatch(key, knownKeys) : undefined;
      const hint = explained?.hint ?? (suggestion === undefined ? undefined : `Did you mean "${suggestion}"?`);
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: explained?.message ?? 'unknown key',
        params: { atKey: true, hint, suggestion },
      });
    }
  }, onAnyMapping);
  // Typed as zod's strict object: any key outside `shape` fails the refinement above, so a value that
  // parses has exactly the shape's keys, and z.output of it (the suite types) has no index signature.
  return checked as unknown as z.ZodObject<Shape, z.core.$strict>;
}
