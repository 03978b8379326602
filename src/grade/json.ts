import type { Expectation } from '../suite/types.js';
import { extractJson } from './extractJson.js';
import { deepEqual, resolvePath } from './jsonPath.js';
import { preview } from './text.js';
import type { GradeResult } from './types.js';

export type JsonExpectation = Extract<Expectation, { json: Record<string, unknown> }>;

/**
 * Checks listed fields of a JSON answer (see extractJson.ts for how the JSON is found; dotted
 * paths per jsonPath.ts). Fields not listed are ignored; a listed field must deep-equal its
 * expected value, with JSON types compared strictly (`"42"` is not `42`). The score is the
 * fraction of fields that match; an empty field list passes any answer that contains JSON.
 */
export function gradeJson(answer: string, expectation: JsonExpectation): GradeResult {
  const fields = Object.entries(expectation.json);
  const expected = `expected JSON with ${fields.length === 0 ? 'any content' : JSON.stringify(expectation.json)}`;
  const parsed = extractJson(answer);
  if (parsed === undefined) return { pass: false, score: 0, reason: `${expected}, no JSON in answer: ${preview(answer)}` };

  const mismatches: string[] = [];
  for (const [path, wanted] of fields) {
    const actual = resolvePath(parsed.value, path);
    if (!actual.found) mismatches.push(`${path} missing`);
    else if (!deepEqual(actual.value, wanted)) mismatches.push(`${path} is ${JSON.stringify(actual.value)}`);
  }
  const pass = mismatches.length === 0;
  const score = fields.length === 0 ? 1 : (fields.length - mismatches.length) / fields.length;
  const verdict = pass ? `all ${fields.length} fields match` : mismatches.join(', ');
  return { pass, score, reason: `${expected}: ${verdict} in ${preview(JSON.stringify(parsed.value))}` };
}
