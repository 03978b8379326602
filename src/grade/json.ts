import type { ExpectationOf } from '../suite/types.js';
import { extractJson } from './extractJson.js';
import { deepEqual, isRecord, resolvePath, splitPath } from './jsonPath.js';
import { rotate } from './candidates.js';
import { preview } from './text.js';
import type { Grader, GradeResult } from './types.js';

/** `expect: { json: { path: value, ... } }`. */
export type JsonExpectation = ExpectationOf<'json'>;

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

/** An object holding each expected field at its (dotted) path. */
function objectWithFields(fields: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(fields)) {
    const keys = splitPath(path);
    let container = root;
    for (const key of keys.slice(0, -1)) {
      if (!isRecord(container[key])) container[key] = {};
      container = container[key] as Record<string, unknown>;
    }
    container[keys.at(-1) as string] = value;
  }
  return root;
}

function alteredAt(fields: Record<string, unknown>, path: string): Record<string, unknown> {
  return objectWithFields({ ...fields, [path]: alteredValue(fields[path]) });
}

/** A JSON value of the same kind that is not deep-equal to `value`. */
function alteredValue(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string') return `not ${value}`;
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value)) return value.length > 0 ? value.slice(1) : [0];
  return value === null ? 0 : null;
}

/** The `json` grader's registry entry; a wrong answer alters one field. */
export const jsonGrader: Grader<'json'> = {
  key: 'json',
  summary:
    'Passes when the JSON in the answer (code fences stripped) has each listed field, by dotted path, deep-equal to its value; the score is the fraction of fields that match.',
  example: '{ json: { answer: 42, "address.city": London } }',
  grade: gradeJson,
  passingCandidates: (expectation) => [JSON.stringify(objectWithFields(expectation.json))],
  failingCandidates: (expectation, seed) => rotate(Object.keys(expectation.json), seed).map((path) => JSON.stringify(alteredAt(expectation.json, path))),
};
