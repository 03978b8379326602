/**
 * Model names as Google spells them, for two questions: is a reported `modelVersion` the model
 * that was asked for, and can this model turn thinking off?
 */

/** Trailing name segments that name a release of a model rather than another model. */
const RELEASE_SEGMENT = /^(preview|exp|experimental|latest|\d+)$/;
/** Segments that name a different model tier: a swap between them is a different model. */
const TIER_SEGMENTS = new Set(['pro', 'flash', 'lite', 'ultra', 'nano', 'image', 'live', 'audio', 'tts']);

function segmentsOf(name: string): string[] {
  const bare = name
    .trim()
    .toLowerCase()
    .replace(/^models\//, '');
  return bare.split('-').filter((segment) => segment !== '');
}

/** `gemini-2.5-flash-preview-05-20` → `gemini-2.5-flash`; `gemini-2.0-flash-001` → `gemini-2.0-flash`. */
function baseName(segments: readonly string[]): string {
  const kept = [...segments];
  while (kept.length > 1 && RELEASE_SEGMENT.test(kept.at(-1) as string)) kept.pop();
  return kept.join('-');
}

/**
 * True when `reported` is `requested` or a release of it (a `-preview-05-20`, `-001` or similar
 * suffix on either side). An alias such as `gemini-flash-latest` points at whatever Google
 * currently ships (Google's own stream answers it with `gemini-3.6-flash`), so for an alias only
 * the tier must match: every named part of the alias present, and no extra tier such as `lite`.
 */
export function isSameModel(requested: string, reported: string): boolean {
  const asked = segmentsOf(requested);
  const served = segmentsOf(reported);
  if (baseName(asked) === baseName(served)) return true;
  if (!asked.includes('latest')) return false;
  const named = asked.filter((segment) => segment !== 'latest');
  return named.every((segment) => served.includes(segment)) && served.every((segment) => !TIER_SEGMENTS.has(segment) || asked.includes(segment));
}

/**
 * Google's thinking guide: Gemini 2.5 Pro and Gemini 3 Pro cannot turn thinking off (budget 0 is
 * a 400 INVALID_ARGUMENT); Flash and Flash-Lite can. Models that never think report no thought
 * tokens at budget 0 anyway, so they need no entry.
 */
export function canDisableThinking(model: string): boolean {
  return !/^gemini-(2\.5|3(\.\d+)?)-pro(-|$)/.test(baseName(segmentsOf(model)));
}
